import AppCore
import Domain

/// Why `proeftuin migrate` did not copy a portfolio to a server, or what it found when it read the copy back.
public enum MigrationError: Error, Equatable, Sendable {
    /// The data directory holds no portfolio to copy.
    case noLocalPortfolio(path: String)
    /// The server database already holds a portfolio (a migration done before, or another team's).
    case serverNotEmpty(server: String)
    /// Another program wrote into the server database while the copy was being made; nothing was copied.
    case writtenMeanwhile(server: String)
    /// The copy read back from the server differs from the portfolio in these tables (the copy stays on the server, to
    /// look into; the local portfolio is untouched).
    case copyDiffers(server: String, tables: [String])

    /// The message in the language of `strings`, cleaned for the terminal.
    public func message(in strings: Strings) -> String {
        let clean = TextSanitizer.singleLine
        return switch self {
        case .noLocalPortfolio(let path): strings.format(.migrateNoLocalPortfolio, clean(path))
        case .serverNotEmpty(let server): strings.format(.migrateServerNotEmpty, clean(server))
        case .writtenMeanwhile(let server): strings.format(.migrateWrittenMeanwhile, clean(server))
        case .copyDiffers(let server, let tables):
            strings.format(.migrateCopyDiffers, clean(server), tables.map(clean).joined(separator: ", "))
        }
    }
}
