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

    /// Parses the whole text into records; blank lines are skipped. The same reader as `CSVStream`, fed at once.
    public static func parse(_ text: String, separator: Character? = nil) throws(ParseError) -> [CSVRecord] {
        var stream = CSVStream(separator: separator)
        var records: [CSVRecord] = []
        do {
            try stream.feed(text.utf8) { records.append($0) }
            try stream.finish { records.append($0) }
        } catch let error as ParseError {
            throw error
        } catch {
            preconditionFailure("collecting records cannot fail")
        }
        return records
    }
}
