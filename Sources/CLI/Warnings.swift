import Domain
import Foundation

/// Warnings about what was just written or imported: likely duplicates, what looks like a citizen service number,
/// text that was cleaned. Every warning's English wording is here, in one place.
enum Warnings {
    /// At most this many warnings are printed; the rest are counted.
    static let limit = 50

    static func print(_ lines: [String]) {
        var text = lines.prefix(limit).map { "warning: \($0)\n" }.joined()
        if lines.count > limit { text += "warning: … and \(lines.count - limit) more warnings\n" }
        FileHandle.standardError.write(Data(text.utf8))
    }

    static func bsn(in fields: IdeaFields) -> [String] {
        Privacy.possibleBSNs(in: fields.title + " " + fields.description).map {
            "'\($0)' looks like a citizen service number (BSN); it is personal data: remove it if it is one"
        }
    }

    static func duplicates(_ found: [DuplicateMatch<IdeaID>]) -> [String] {
        found.map { duplicate(of: .stored($0.key), title: $0.title, similarity: $0.similarity) }
    }

    /// Per imported row, in file order: cleaned text, BSN-like numbers, likely duplicates.
    static func imported(_ drafts: [IdeaDraft], duplicates: [ImportDuplicate]) -> [String] {
        let byRow = Dictionary(grouping: duplicates, by: \.location)
        var lines: [String] = []
        for draft in drafts {
            var found: [String] = []
            if draft.wasCleaned { found.append("control characters and escape codes were removed") }
            found += bsn(in: draft.fields)
            found += (byRow[draft.location] ?? []).map { duplicate(of: $0.match.key, title: $0.match.title, similarity: $0.match.similarity) }
            lines += found.map { "\(draft.location): \($0)" }
        }
        return lines
    }

    private static func duplicate(of source: DuplicateSource, title: String, similarity: Double) -> String {
        let similar = "'\(TextSanitizer.singleLine(title))' (similarity \(String(format: "%.2f", similarity)))"
        switch source {
        case .stored(let id): return "likely duplicate of \(id) \(similar); merge with 'proeftuin merge'"
        case .row(let location): return "likely duplicate of \(location) \(similar) in the same file"
        }
    }
}
