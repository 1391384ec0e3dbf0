/// Why a pairwise comparison matrix cannot be used; positions count from 1.
public enum MatrixProblem: Equatable, Sendable, CustomStringConvertible {
    case notANumber(String)
    case notSquare(Int)
    case diagonal(Int)
    case notReciprocal(Int, Int)

    public var description: String {
        switch self {
        case .notANumber(let entry): "'\(entry)' is not a positive number or fraction"
        case .notSquare(let rows): "the matrix must be square: \(rows) rows of \(rows) entries"
        case .diagonal(let index): "entry \(index),\(index) on the diagonal must be 1"
        case .notReciprocal(let row, let column): "entries \(row),\(column) and \(column),\(row) must be reciprocals"
        }
    }
}
