/// A copy of the portfolio that `forget` could not rewrite, so it may still hold the erased name.
public struct UnrewritableCopy: Equatable, Sendable {
    /// Why a copy could not be rewritten.
    public enum Problem: Equatable, Sendable {
        /// Recorded, but no longer where it was made (moved or deleted).
        case missing
        /// Not an SQLite database any more.
        case notADatabase
        /// Damaged: it fails its integrity check.
        case damaged
        /// This user may not write it or its folder.
        case notWritable
        /// Another program has it open.
        case inUse
        /// A CSV export or a report with personal data: text that cannot be rewritten safely.
        case textCopy
    }

    public var path: String
    public var problem: Problem

    public init(path: String, problem: Problem) {
        self.path = path
        self.problem = problem
    }
}
