import Domain

/// JSON text written by hand, byte for byte as `JSONEncoder` (sorted keys, ISO 8601 dates) writes it, for the rows a
/// bulk operation writes many of: one encoder and date formatter per row cost more than the row's insert.
enum SnapshotJSON {
    /// A string literal with `JSONEncoder`'s escapes: quote, backslash and slash, `\b \t \n \f \r`, other controls
    /// below U+0020 as `\u00xx`; everything else as it is.
    static func appendString(_ text: String, to out: inout String) {
        out.append("\"")
        var plain = text.utf8.startIndex
        let utf8 = text.utf8
        var index = utf8.startIndex
        func flush(to end: String.UTF8View.Index) {
            if plain < end { out.append(contentsOf: text[plain..<end]) }
        }
        while index < utf8.endIndex {
            let byte = utf8[index]
            let escape: String?
            switch byte {
            case UInt8(ascii: "\""): escape = "\\\""
            case UInt8(ascii: "\\"): escape = "\\\\"
            case UInt8(ascii: "/"): escape = "\\/"
            case 0x08: escape = "\\b"
            case 0x09: escape = "\\t"
            case 0x0A: escape = "\\n"
            case 0x0C: escape = "\\f"
            case 0x0D: escape = "\\r"
            case 0..<0x20:
                let hex = Array("0123456789abcdef")
                escape = "\\u00" + String(hex[Int(byte >> 4)]) + String(hex[Int(byte & 0xF)])
            default: escape = nil
            }
            if let escape {
                flush(to: index)
                out.append(escape)
                plain = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        flush(to: utf8.endIndex)
        out.append("\"")
    }

    /// A JSON array of strings, as `JSONEncoder` writes `[String]` (how tags are stored).
    static func stringArray(_ items: [String]) -> String {
        var out = "["
        for (offset, item) in items.enumerated() {
            if offset > 0 { out.append(",") }
            appendString(item, to: &out)
        }
        out.append("]")
        return out
    }

    /// The event-log snapshot of an idea that has no review date, stop category or stop reason (a new one), as
    /// `EventJSON.encode(idea)` writes it; `date` is the ISO 8601 text of its creation and update moment.
    static func newIdea(_ idea: Idea, date: String) -> String {
        var out = "{\"createdAt\":\"\(date)\",\"cycleCount\":\(idea.cycleCount),\"fields\":{\"description\":"
        appendString(idea.fields.description, to: &out)
        if let source = idea.fields.source { out.append(",\"source\":\"\(source.rawValue)\"") }
        if let submitter = idea.fields.submitter {
            out.append(",\"submitter\":")
            appendString(submitter, to: &out)
        }
        out.append(",\"tags\":")
        out.append(stringArray(idea.fields.tags))
        out.append(",\"theme\":")
        appendString(idea.fields.theme, to: &out)
        out.append(",\"title\":")
        appendString(idea.fields.title, to: &out)
        out.append("},\"id\":\(idea.id.rawValue),\"position\":\(idea.position),\"stage\":\"\(idea.stage.rawValue)\",\"updatedAt\":\"\(date)\"}")
        return out
    }
}
