/// One record of a CSV file with the line it starts on (1-based), for error messages.
public struct CSVRecord: Equatable, Sendable {
    public var line: Int
    public var fields: [String]

    public init(line: Int, fields: [String]) {
        self.line = line
        self.fields = fields
    }
}

/// RFC 4180 CSV reading with what Dutch spreadsheets produce: `;` or `,` separators (detected from the
/// header), a UTF-8 byte-order mark, CRLF line ends, quoted fields with separators, quotes and newlines.
///
/// Written here rather than taken from a package because errors must name the physical line a record
/// starts on, which the mirrored CSV packages do not report.
public enum CSV {
    /// A broken file: what and where.
    public struct ParseError: Error, Equatable, Sendable, CustomStringConvertible {
        public var line: Int
        public var message: String

        public init(line: Int, message: String) {
            self.line = line
            self.message = message
        }

        public var description: String { "line \(line): \(message)" }
    }

    /// The separator a header line uses: `;` when it has more semicolons than commas, else `,`.
    public static func detectSeparator(_ text: String) -> Character {
        let header = text.prefix { $0 != "\n" && $0 != "\r\n" && $0 != "\r" }
        let semicolons = header.filter { $0 == ";" }.count
        let commas = header.filter { $0 == "," }.count
        return semicolons > commas ? ";" : ","
    }

    /// Parses the whole text into records; blank lines are skipped.
    public static func parse(_ text: String, separator: Character? = nil) throws(ParseError) -> [CSVRecord] {
        var body = Substring(text)
        if body.first == "\u{FEFF}" { body = body.dropFirst() }
        let separator = separator ?? detectSeparator(String(body.prefix(4096)))
        var records: [CSVRecord] = []
        var fields: [String] = []
        var field = ""
        var line = 1
        var recordLine = 1
        var inQuotes = false
        var quoteLine = 1
        var fieldWasQuoted = false
        var iterator = body.makeIterator()
        var pending: Character? = nil

        func endRecord() {
            fields.append(field)
            if !(fields.count == 1 && fields[0].isEmpty && !fieldWasQuoted) {
                records.append(CSVRecord(line: recordLine, fields: fields))
            }
            fields = []
            field = ""
            fieldWasQuoted = false
        }

        while let character = pending ?? iterator.next() {
            pending = nil
            if inQuotes {
                if character == "\"" {
                    if let next = iterator.next() {
                        if next == "\"" {
                            field.append("\"")
                        } else {
                            inQuotes = false
                            pending = next
                        }
                    } else {
                        inQuotes = false
                    }
                } else {
                    if character == "\n" || character == "\r\n" || character == "\r" {
                        line += 1
                        field.append("\n")
                    } else {
                        field.append(character)
                    }
                }
                continue
            }
            switch character {
            case "\"":
                if field.isEmpty && !fieldWasQuoted {
                    inQuotes = true
                    fieldWasQuoted = true
                    quoteLine = line
                } else {
                    throw ParseError(line: line, message: "a quote inside an unquoted field: put the whole field in quotes and double the quote")
                }
            case separator:
                fields.append(field)
                field = ""
                fieldWasQuoted = false
            case "\n", "\r\n", "\r":
                endRecord()
                line += 1
                recordLine = line
            default:
                if fieldWasQuoted {
                    throw ParseError(line: line, message: "text after a closing quote: separate fields with '\(separator)'")
                }
                field.append(character)
            }
        }
        if inQuotes {
            throw ParseError(line: quoteLine, message: "a quoted field is never closed: add the closing quote")
        }
        if !field.isEmpty || !fields.isEmpty || fieldWasQuoted { endRecord() }
        return records
    }
}
