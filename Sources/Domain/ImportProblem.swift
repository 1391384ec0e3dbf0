/// One reason an import file cannot be imported, named by where it is and which field: what a person fixes.
public struct ImportProblem: Equatable, Sendable, CustomStringConvertible {
    public var location: ImportLocation
    /// The field (column) at fault, by its English name; nil for the whole row.
    public var field: String?
    public var reason: Reason

    public init(_ location: ImportLocation, field: String? = nil, _ reason: Reason) {
        self.location = location
        self.field = field
        self.reason = reason
    }

    /// `line 5, stage: unknown stage 'klaar': use …`.
    public var description: String {
        if let field { return "\(location), \(ImportProblem.echo(field)): \(reason)" }
        return "\(location): \(reason)"
    }

    /// Longest piece of file text echoed in a message, in characters.
    public static let echoLimit = 40

    /// Text from an import file made safe to print inside a message: one line, no escape codes or controls,
    /// cut to `echoLimit` characters.
    public static func echo(_ text: String) -> String {
        let clean = TextSanitizer.singleLine(text)
        guard clean.count > echoLimit else { return clean }
        return String(clean.prefix(echoLimit)) + "…"
    }

    /// What is wrong; file text inside is already passed through `echo`.
    public enum Reason: Equatable, Sendable, CustomStringConvertible {
        /// A rule that also applies when the value is typed: title, stage, source, stop category, WIP limit.
        case rule(DomainError)
        case missing
        case expected(String, found: String)
        case notWholeNumber(String)
        case notFinite
        case outOfRange(String, allowed: String)
        case notDay(String)
        case notTimestamp(String)
        case unknownValue(String, allowed: [String])
        case duplicateID(String)
        case duplicateKey(String)
        case missingReference(table: String, id: String)
        case notJSON(String)
        case unknownField
        case unknownTable
        case fieldCount(found: Int, header: Int)
        case missingColumn(String)
        case emptyFile
        case syntax(String)

        public var description: String {
            switch self {
            case .rule(let error): error.description
            case .missing: "missing: every record needs it"
            case .expected(let kind, let found): "expected \(kind), found \(found)"
            case .notWholeNumber(let text): "'\(text)' is not a whole number"
            case .notFinite: "the number is too large or too small to store: give a finite number"
            case .outOfRange(let text, let allowed): "\(text) is out of range: use \(allowed)"
            case .notDay(let text): "'\(text)' is not a date: use YYYY-MM-DD"
            case .notTimestamp(let text): "'\(text)' is not a time: use YYYY-MM-DD HH:MM:SS.SSS (UTC)"
            case .unknownValue(let text, let allowed): "unknown value '\(text)': use " + allowed.joined(separator: ", ")
            case .duplicateID(let id): "\(id) is used by an earlier record of the same table: ids must be unique"
            case .duplicateKey(let what): "an earlier record has the same \(what)"
            case .missingReference(let table, let id): "there is no \(table) \(id) in the file"
            case .notJSON(let expected): "not valid JSON for \(expected)"
            case .unknownField: "unknown field: this version's export has no such field"
            case .unknownTable: "unknown table: this version's export has no such table"
            case .fieldCount(let found, let header): "\(found) fields where the header has \(header)"
            case .missingColumn(let name): "the header needs a '\(name)' column"
            case .emptyFile: "the file is empty"
            case .syntax(let message): message
            }
        }
    }
}
