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
    /// Recorded as the program of every event this instance writes (`board`, `cli` …).
    public let program: String
    let pool: DatabasePool
    /// The change counter as this program last knew it: moved on by its own writes, and by `outsideChange()`.
    let knownChanges = ChangeCounterMark()
    let clock: @Sendable () -> Date
    /// WIP limits used where none was stored with `wip set`: the brief's defaults, overridden by the config file.
    let defaultWipLimits: [Stage: WipLimit]

    init(
        directory: DataDirectory, pool: DatabasePool, actor: String, program: String, clock: @escaping @Sendable () -> Date,
        defaultWipLimits: [Stage: WipLimit]
    ) {
        self.directory = directory
        self.pool = pool
        self.actor = actor
        self.program = program
        self.clock = clock
        self.defaultWipLimits = defaultWipLimits
    }

    /// Opens (creating when needed) the portfolio in a data directory and brings its schema up to date.
    public static func open(
        _ directory: DataDirectory, actor: String, program: String = "cli", clock: @escaping @Sendable () -> Date = { Date() },
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
            let database = AppDatabase(directory: directory, pool: pool, actor: actor, program: program, clock: clock,
                                       defaultWipLimits: WipLimit.defaults.merging(defaultWipLimits) { $1 })
            if existed, pending, holdsData {
                try database.rollingBackup(reason: "before-migration")
            }
            try migrator.migrate(pool)
            database.knownChanges.set(try pool.read(Self.changeCounter))
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
    ///
    /// The change counter is read before and after: when nobody else wrote since this program last looked,
    /// its own write moves the mark on, so its own changes never look like changes made elsewhere.
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try pool.write { db in
                let before = try Self.changeCounter(db)
                let result = try body(db)
                let after = try Self.changeCounter(db)
                knownChanges.advance(from: before, to: after)
                return result
            }
        } catch { throw unwrap(error) }
    }

    /// The value of the change counter that every write to a counted table moves on.
    static func changeCounter(_ db: Database) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT value FROM changeCounter WHERE id = 1") ?? 0
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
            after: after, program: program)
        try event.insert(db)
    }

    /// Whether another program (or another instance in this one) changed any counted table since this instance last
    /// looked or wrote; its own writes never count. Works from any pooled connection: the counter is a table.
    public func outsideChange() throws -> Bool {
        let current = try read(Self.changeCounter)
        return knownChanges.take(current)
    }
}

/// The last change-counter value a program knows of, shared by its threads.
final class ChangeCounterMark: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Int64 = 0

    /// Sets the mark (after opening).
    func set(_ newValue: Int64) {
        lock.withLock { value = newValue }
    }

    /// Moves the mark over an own write, but only when the write started from the known value.
    func advance(from before: Int64, to after: Int64) {
        lock.withLock { if value == before { value = after } }
    }

    /// Takes a newly read value: true when it differs from the mark (someone else wrote).
    func take(_ current: Int64) -> Bool {
        lock.withLock {
            defer { value = current }
            return value != current
        }
    }
}
