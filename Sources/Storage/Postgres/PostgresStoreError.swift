/// Why a PostgreSQL server could not be used, phrased with what to do about it; never holds a password.
///
/// `server` is always the location's `redacted` text. The messages in Dutch and English are in the application layer's
/// string table (`PostgresStoreError.message(in:)`); `description` is the English one for logs and tests.
public enum PostgresStoreError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The connection URL cannot be read.
    case invalidURL(PostgresURLProblem)
    /// A `.pgpass` file others may read, which libpq also ignores: it is refused instead, so the wrong password is never tried.
    case passwordFileTooOpen(path: String)
    /// The server could not be reached or refused the login.
    case cannotConnect(server: String, detail: String)
    /// The schema on the server was written by a newer version of Proeftuin.
    case schemaFromNewerVersion(server: String, found: Int, known: Int)
    /// A schema version table holding something other than one version number.
    case schemaVersionUnreadable(server: String, detail: String)
    /// Other programs kept changing the same data: the change was tried this many times and not made.
    case tooBusy(server: String, attempts: Int)
    /// Any other error the server reported (its SQLSTATE code and message).
    case serverError(server: String, code: String, detail: String)
    /// A backup asked of a server database: its administrator makes those with `pg_dump` (personal data would otherwise
    /// spread to every machine); `export` makes a copy of the portfolio.
    case backupOnServer(server: String)
    /// The connection was lost while a change's COMMIT was on its way: the change may or may not have been made, so it
    /// is not tried again.
    case commitUnknown(server: String)

    /// True when the server cannot be reached (or no longer can, a change's COMMIT included): work may go on read-only
    /// and connect again later.
    public var isLostConnection: Bool {
        switch self {
        case .cannotConnect, .commitUnknown: true
        default: false
        }
    }

    public var description: String {
        switch self {
        case .invalidURL(let problem):
            "the PostgreSQL URL cannot be read: \(problem). Write it as postgresql://user@host:port/database?sslmode=require"
        case .passwordFileTooOpen(let path):
            "the password file \(path) can be read by others: make it private with 'chmod 600 \(path)'"
        case .cannotConnect(let server, let detail):
            "cannot connect to the PostgreSQL server \(server) (\(detail)): check the address, the user and the password; nothing was changed"
        case .schemaFromNewerVersion(let server, let found, let known):
            "the database \(server) was set up by a newer version of Proeftuin (schema \(found), this program knows up to \(known)): "
                + "upgrade proeftuin to open it; nothing was changed"
        case .schemaVersionUnreadable(let server, let detail):
            "the schema version in \(server) cannot be read (\(detail)): nothing was changed"
        case .tooBusy(let server, let attempts):
            "other programs kept changing the same data on \(server): the change was tried \(attempts) times and not made; try again"
        case .serverError(let server, let code, let detail):
            "the PostgreSQL server \(server) reported an error (\(code): \(detail)); nothing was changed"
        case .backupOnServer(let server):
            "the portfolio is on the PostgreSQL server \(server): its administrator backs it up with pg_dump, so no copy is made on "
                + "this machine. For a copy of the portfolio: proeftuin export --output FILE.json"
        case .commitUnknown(let server):
            "the connection to the PostgreSQL server \(server) was lost while a change was being saved: it may or may not have been "
                + "made. Look at the portfolio before you make it again; the next step connects again"
        }
    }
}
