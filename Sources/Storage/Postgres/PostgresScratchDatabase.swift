import Foundation
import PostgresNIO

/// A database of its own on a PostgreSQL server, made for a measurement (`proeftuin bench --database`) and dropped
/// afterwards: the login must be allowed to create databases.
public struct PostgresScratchDatabase: Sendable {
    /// Where the scratch database is: the server's location with the new database's name.
    public let location: PostgresLocation
    /// The location the database was made from (its server, and a database to connect to while dropping it).
    let base: PostgresLocation

    /// Makes an empty database named `name` on the server of `base` (a database of that name left from before is dropped
    /// first).
    public static func create(_ name: String, on base: PostgresLocation) throws -> PostgresScratchDatabase {
        let scratch = PostgresScratchDatabase(location: base.on(database: name), base: base)
        try scratch.run("DROP DATABASE IF EXISTS \(PostgresSession.quoted(name)) WITH (FORCE)")
        try scratch.run("CREATE DATABASE \(PostgresSession.quoted(name))")
        return scratch
    }

    /// Drops the database, ending any connection still open to it.
    public func drop() throws {
        try run("DROP DATABASE IF EXISTS \(PostgresSession.quoted(location.database)) WITH (FORCE)")
    }

    /// Runs one statement outside a transaction (as CREATE and DROP DATABASE must) on the base database.
    private func run(_ sql: String) throws {
        let session = try PostgresSession.connect(base, schema: nil)
        defer { session.close() }
        try session.execute(PostgresQuery(unsafeSQL: sql))
    }
}
