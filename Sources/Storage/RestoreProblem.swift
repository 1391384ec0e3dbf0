/// Why a file offered to `doctor --restore` cannot be put in the database's place.
public enum RestoreProblem: Equatable, Sendable, CustomStringConvertible {
    /// A directory, a device or anything else that is not a regular file.
    case notAFile
    /// The live database itself, or one of its side files.
    case theLiveDatabase
    /// Not an SQLite database at all (a text file, an empty file).
    case notSQLite
    /// An SQLite file that fails its integrity check; SQLite's first complaint, cleaned.
    case damaged(String)
    /// An SQLite file without Proeftuin's tables.
    case notProeftuin
    /// A Proeftuin database written by a newer version.
    case newerVersion

    public var description: String {
        switch self {
        case .notAFile: "it is not a regular file"
        case .theLiveDatabase: "it is the database in use itself"
        case .notSQLite: "it is not an SQLite database"
        case .damaged(let detail): "it is damaged (\(detail))"
        case .notProeftuin: "it is not a Proeftuin database"
        case .newerVersion: "it was written by a newer version of Proeftuin"
        }
    }
}
