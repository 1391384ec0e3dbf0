/// Why a pairwise comparison matrix cannot be used; positions count from 1.
public enum MatrixProblem: Equatable, Sendable, CustomStringConvertible {
    case notANumber(String)
    case notSquare(Int)
    case diagonal(Int)
    case notReciprocal(Int, Int)
    // Hardening
    /// No rows at all.
    case empty
    /// A row with another number of entries than there are rows.
    case rowLength(row: Int, entries: Int, rows: Int)
    /// Nothing between two commas (or a trailing comma) at this row and column.
    case emptyEntry(row: Int, column: Int)
    /// A square matrix of another size than the set has criteria.
    case size(rows: Int, criteria: Int)

    public var description: String {
        switch self {
        case .notANumber(let entry): "'\(entry)' is not a positive number or fraction"
        case .notSquare(let rows): "the matrix must be square: \(rows) rows of \(rows) entries"
        case .diagonal(let index): "entry \(index),\(index) on the diagonal must be 1"
        case .notReciprocal(let row, let column): "entries \(row),\(column) and \(column),\(row) must be reciprocals"
        case .empty: "the matrix is empty: give one row per criterion"
        case .rowLength(let row, let entries, let rows):
            "row \(row) has \(entries) \(entries == 1 ? "entry" : "entries"), but the matrix has \(rows) \(rows == 1 ? "row" : "rows"): "
                + "each row needs \(rows)"
        case .emptyEntry(let row, let column): "entry \(row),\(column) is empty"
        case .size(let rows, let criteria):
            "the matrix has \(rows) \(rows == 1 ? "row" : "rows"), but the set has \(criteria) criteria: give \(criteria) rows of \(criteria) entries"
        }
    }
}
