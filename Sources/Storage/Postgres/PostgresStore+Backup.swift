import Domain
import Foundation

/// Backups of a server database are its administrator's work, with `pg_dump`: a copy on each laptop would spread the
/// personal data in it to every machine. So the PostgreSQL store makes none, and says so when asked for one.
extension PostgresStore {
    /// Refused: a server database is backed up with `pg_dump`; `export` makes a copy of the portfolio.
    @discardableResult
    public func backup(to url: URL) throws -> URL {
        throw PostgresStoreError.backupOnServer(server: location.redacted)
    }

    /// Refused, as `backup(to:)`.
    @discardableResult
    public func backup(to url: URL, progress: (Int, Int) -> Void) throws -> URL {
        throw PostgresStoreError.backupOnServer(server: location.redacted)
    }

    /// Makes no rolling backup (the server's are made with `pg_dump`): nil, as on SQLite when today's exists.
    @discardableResult
    public func rollingBackup(reason: String = "daily", snapshot: Bool = false) throws -> URL? { nil }

    /// Makes no rolling backup, as `rollingBackup(reason:snapshot:)`.
    @discardableResult
    public func rollingBackup(reason: String, progress: (Int, Int) -> Void) throws -> URL? { nil }

    /// No rolling backups on this machine.
    public func backups() -> [URL] { [] }

    /// Checks the connection and that every stored value is readable through the read paths (in one snapshot), and
    /// counts what is there. `integrity` is `ok`, or the first value that cannot be read; a server out of reach throws.
    public func health() throws -> HealthReport {
        try read {
            var integrity = ["ok"]
            do {
                _ = try summaries()
                _ = try details(theme: nil)
                _ = try decisions(idea: nil)
                _ = try wipLimits()
                _ = try criteriaSets()
                for summary in try sessions() { _ = try session(summary.id) }
                _ = try intakes()
                _ = try challenges()
                _ = try caseNotes(idea: nil)
                _ = try valuesSetName()
            } catch let error as StorageError {
                integrity = [error.description]
            }
            return HealthReport(
                integrity: integrity,
                ideas: try session.query("SELECT COUNT(*) FROM idea").first?[0].decode(Int.self) ?? 0,
                events: try session.query("SELECT COUNT(*) FROM event").first?[0].decode(Int.self) ?? 0,
                backups: [])
        }
    }
}
