/// Where in an import file a row is: a CSV line, or a record of a JSON export's table.
public enum ImportLocation: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The line a CSV record starts on (1-based).
    case line(Int)
    /// The `number`-th record (1-based) of a JSON export's table, with the id the record gives, if it gives one.
    case record(table: String, number: Int, id: Int64?)
    /// A whole table of a JSON export.
    case table(String)

    public var description: String {
        switch self {
        case .line(let line): "line \(line)"
        case .record(let table, let number, let id?): "\(table) record \(number) (id \(id))"
        case .record(let table, let number, nil): "\(table) record \(number)"
        case .table(let table): "table '\(ImportProblem.echo(table))'"
        }
    }

    /// File order: lines by number; records by table name, then number; a table before its records.
    public static func < (lhs: ImportLocation, rhs: ImportLocation) -> Bool {
        lhs.order < rhs.order
    }

    private var order: (Int, String, Int) {
        switch self {
        case .line(let line): (0, "", line)
        case .table(let table): (1, table, 0)
        case .record(let table, let number, _): (1, table, number)
        }
    }
}
