import Domain
import Foundation
import GRDB

/// The one door to the portfolio on disk: opens the data directory, migrates, reads and writes.
///
/// Every change is written together with its event-log row in one transaction.
public final class AppDatabase: Sendable {
    public let directory: DataDirectory
    /// Recorded as the actor of every event this instance writes.
    public let actor: String
    let pool: DatabasePool
    let clock: @Sendable () -> Date
    /// WIP limits used where none was stored with `wip set`: the brief's defaults, overridden by the config file.
    let defaultWipLimits: [Stage: WipLimit]

    private init(
        directory: DataDirectory, pool: DatabasePool, actor: String, clock: @escaping @Sendable () -> Date,
        defaultWipLimits: [Stage: WipLimit]
    ) {
        self.directory = directory
        self.pool = pool
        self.actor = actor
        self.clock = clock
        self.defaultWipLimits = defaultWipLimits
    }

    /// Opens (creating when needed) the portfolio in a data directory and brings its schema up to date.
    public static func open(
        _ directory: DataDirectory, actor: String, clock: @escaping @Sendable () -> Date = { Date() },
        defaultWipLimits: [Stage: WipLimit] = [:]
    ) throws -> AppDatabase {
        try directory.create()
        let path = directory.databaseURL.path
        let existed = FileManager.default.fileExists(atPath: path)
        if existed, !FileManager.default.isWritableFile(atPath: path) || !FileManager.default.isWritableFile(atPath: directory.path) {
            throw StorageError.readOnly(path: directory.path)
        }
        if !existed, !FileManager.default.isWritableFile(atPath: directory.path) {
            throw StorageError.readOnly(path: directory.path)
        }
        if existed {
            try checkHeader(of: path, directory: directory.path)
            try checkVersion(of: path, directory: directory.path)
        }
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA secure_delete = ON")
        }
        do {
            let pool = try DatabasePool(path: path, configuration: configuration)
            let migrator = Migrations.migrator
            // On the writer: a reader opened before the migration would keep the old schema for its first statements.
            var pending = false
            var holdsData = false
            try pool.writeWithoutTransaction { db in
                if try migrator.hasBeenSuperseded(db) {
                    throw StorageError.databaseFromNewerVersion(path: directory.path)
                }
                pending = try !migrator.hasCompletedMigrations(db)
                holdsData = try db.tableExists("idea")
            }
            let database = AppDatabase(directory: directory, pool: pool, actor: actor, clock: clock,
                                       defaultWipLimits: WipLimit.defaults.merging(defaultWipLimits) { $1 })
            if existed, pending, holdsData {
                try database.rollingBackup(reason: "before-migration")
            }
            try migrator.migrate(pool)
            restrictPermissions(in: directory)
            return database
        } catch {
            throw StorageError.wrap(error, path: directory.path)
        }
    }

    /// Refuses, through a read-only connection, a database written by a newer version, before anything can write to it.
    private static func checkVersion(of path: String, directory: String) throws {
        do {
            let queue = try readOnlyQueue(path)
            defer { try? queue.close() }
            let superseded = try queue.read { db in
                try db.tableExists("grdb_migrations") && Migrations.migrator.hasBeenSuperseded(db)
            }
            if superseded { throw StorageError.databaseFromNewerVersion(path: directory) }
        } catch let error as StorageError {
            throw error
        } catch {
            throw StorageError.wrap(error, path: directory)
        }
    }

    /// A connection that cannot write, waiting (rather than failing) while another program checkpoints as it closes.
    static func readOnlyQueue(_ path: String) throws -> DatabaseQueue {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(10)
        return try DatabaseQueue(path: path, configuration: configuration)
    }

    /// Refuses a file that is not SQLite before GRDB touches it, so a damaged file is never modified.
    private static func checkHeader(of path: String, directory: String) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw StorageError.readOnly(path: directory) }
        defer { try? handle.close() }
        let header = (try? handle.read(upToCount: 16)) ?? Data()
        if header.isEmpty { return }  // an empty file is a new database
        if header != Data("SQLite format 3\0".utf8) {
            throw StorageError.databaseDamaged(path: directory, detail: "the file is not an SQLite database")
        }
    }

    /// Database, WAL and shared-memory files readable by the owner only.
    private static func restrictPermissions(in directory: DataDirectory) {
        for suffix in ["", "-wal", "-shm"] {
            let file = directory.databaseURL.path + suffix
            if FileManager.default.fileExists(atPath: file) {
                try? FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file)
            }
        }
    }

    /// Runs a read, translating database errors into user messages.
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        do { return try pool.read(body) } catch { throw unwrap(error) }
    }

    /// Runs one write transaction, translating database errors into user messages.
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        do { return try pool.write(body) } catch { throw unwrap(error) }
    }

    private func unwrap(_ error: any Error) -> any Error {
        if let box = error as? DomainErrorBox { return box.error }
        return StorageError.wrap(error, path: directory.path)
    }

    /// Appends one event-log row inside the current transaction.
    func appendEvent(
        _ db: Database, idea: IdeaID?, kind: EventKind, reason: String? = nil, before: String? = nil, after: String? = nil,
        at: Date
    ) throws {
        let event = EventRecord(
            id: nil, at: at, actor: actor, ideaId: idea?.rawValue, kind: kind.rawValue, reason: reason, before: before,
            after: after)
        try event.insert(db)
    }

    /// A number that changes whenever another connection or program commits; used to notice outside changes.
    public func changeToken() throws -> Int64 {
        try read { db in
            let version = try Int64.fetchOne(db, sql: "PRAGMA data_version") ?? 0
            let events = try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM event") ?? 0
            return version &* 1_000_003 &+ events
        }
    }
}
