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
    /// The board filter's folded texts, kept while the data does not change.
    let searchCache = BoardSearchCache()
    /// The board's column counts, kept while the data does not change.
    let countCache = BoardCountCache()
    let clock: @Sendable () -> Date
    /// WIP limits used where none was stored with `wip set`: the brief's defaults, overridden by the config file.
    let defaultWipLimits: [Stage: WipLimit]
    /// The database file this instance opened; a different file at its path means a restore replaced it meanwhile.
    let fileIdentity: FileIdentity?

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
        fileIdentity = FileLocks.identity(directory.databaseURL.path)
    }

    /// Opens (creating when needed) the portfolio in a data directory and brings its schema up to date.
    ///
    /// With `readingOnly`, a data directory or database this user may not write is opened read-only (nothing is migrated
    /// or created) instead of refused, so `list`, `show` and `export` work on a portfolio shared read-only.
    public static func open(
        _ directory: DataDirectory, actor: String, program: String = "cli", clock: @escaping @Sendable () -> Date = { Date() },
        defaultWipLimits: [Stage: WipLimit] = [:], readingOnly: Bool = false
    ) throws -> AppDatabase {
        let path = directory.databaseURL.path
        let limits = WipLimit.defaults.merging(defaultWipLimits) { $1 }
        if readingOnly, FileManager.default.fileExists(atPath: path),
           !FileManager.default.isWritableFile(atPath: path) || !FileManager.default.isWritableFile(atPath: directory.path) {
            return try openReadOnly(directory, actor: actor, program: program, clock: clock, defaultWipLimits: limits)
        }
        try directory.create()
        let lock = OpeningLock(directory)  // one program at a time checks, recovers and migrates
        defer { withExtendedLifetime(lock) {} }
        if FileManager.default.isWritableFile(atPath: directory.path) {
            try DatabaseRestore.recover(directory)  // a restore cut short is finished before anything reads the database
        }
        let existed = FileManager.default.fileExists(atPath: path)
        if !existed { try refuseToReplaceAMissingDatabase(in: directory) }
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
        let maximumPages = CrashPoint.maximumPages
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA secure_delete = ON")
            // The tests of full-disk messages cap the database's size instead of filling a disk.
            if let maximumPages { _ = try Int.fetchOne(db, sql: "PRAGMA max_page_count = \(maximumPages)") }
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
                                       defaultWipLimits: limits)
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

    // Hardening
    /// A data directory whose database vanished but that holds backups or files set aside (a damaged database moved
    /// away, the WAL of a database that is gone): creating an empty portfolio there would hide the loss.
    private static func refuseToReplaceAMissingDatabase(in directory: DataDirectory) throws {
        let backups = Doctor.backups(directory).count
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        let setAside = names.filter { $0.hasPrefix("proeftuin.sqlite.") || $0 == "proeftuin.sqlite-wal" }.count
        if backups + setAside > 0 {
            throw StorageError.databaseMissing(path: directory.path, backups: backups, setAside: setAside)
        }
    }

    /// Opens an existing database that this user may only read: through read-only connections (`immutable` when there is
    /// no WAL, since a read-only directory cannot hold the shared-memory file), after the same header and version checks.
    private static func openReadOnly(
        _ directory: DataDirectory, actor: String, program: String, clock: @escaping @Sendable () -> Date, defaultWipLimits: [Stage: WipLimit]
    ) throws -> AppDatabase {
        let path = directory.databaseURL.path
        guard FileManager.default.isReadableFile(atPath: path) else { throw StorageError.readOnly(path: directory.path) }
        try checkHeader(of: path, directory: directory.path)
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(10)
        let hasWAL = FileManager.default.fileExists(atPath: path + "-wal")
        let location = hasWAL ? path : "file:" + (path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? path) + "?immutable=1"
        do {
            let pool = try DatabasePool(path: location, configuration: configuration)
            try pool.read { db in
                guard try db.tableExists("grdb_migrations") else { throw StorageError.readOnly(path: directory.path) }
                if try Migrations.migrator.hasBeenSuperseded(db) { throw StorageError.databaseFromNewerVersion(path: directory.path) }
                // An older schema needs migrating, which a read-only directory does not allow.
                guard try Migrations.migrator.hasCompletedMigrations(db) else { throw StorageError.readOnly(path: directory.path) }
            }
            let database = AppDatabase(directory: directory, pool: pool, actor: actor, program: program, clock: clock,
                                       defaultWipLimits: defaultWipLimits)
            database.knownChanges.set(try pool.read(Self.changeCounter))
            return database
        } catch {
            throw StorageError.wrap(error, path: directory.path)
        }
    }

    /// Refuses to go on with a database file that is no longer the one at the database's path (a restore replaced it):
    /// writing on would put work into the file that was set aside.
    func checkNotReplaced() throws {
        guard let fileIdentity, FileLocks.identity(directory.databaseURL.path) != fileIdentity else { return }
        throw StorageError.databaseReplaced(path: directory.path)
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
        // A directory, a pipe or a device in the database's place: refused before a read could block or mislead.
        let type = (try? FileManager.default.attributesOfItem(atPath: URL(fileURLWithPath: path).resolvingSymlinksInPath().path))?[.type]
        if let type = type as? FileAttributeType, type != .typeRegular {
            throw StorageError.databaseDamaged(path: directory, detail: "the database is not a regular file")
        }
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
        try checkNotReplaced()
        do { return try pool.read(body) } catch { throw unwrap(error) }
    }

    /// Runs one write transaction, translating database errors into user messages.
    ///
    /// The change counter is read before and after: when nobody else wrote since this program last looked,
    /// its own write moves the mark on, so its own changes never look like changes made elsewhere.
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        try checkNotReplaced()
        do {
            return try pool.write { db in try counting(db, body) }
        } catch { throw unwrap(error) }
    }

    /// `write(_:)` for a write of many statements (an import): SQLite's temporary files, among them each statement's
    /// journal, are kept in memory for its length, so once one statement's journal outgrew SQLite's in-memory limit the
    /// others are not all written to a file on disk and truncated again (57,000 writes for 10,000 rows).
    func bulkWrite<T>(_ body: (Database) throws -> T) throws -> T {
        try checkNotReplaced()
        do {
            return try pool.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA temp_store = MEMORY")
                defer { try? db.execute(sql: "PRAGMA temp_store = DEFAULT") }
                var result: T?
                try db.inTransaction {
                    result = try counting(db, body)
                    return .commit
                }
                guard let result else { throw DatabaseError(resultCode: .SQLITE_INTERNAL, message: "the write left no result") }
                return result
            }
        } catch { throw unwrap(error) }
    }

    /// Runs `body` in an open write transaction, moving the change mark on for its own change.
    private func counting<T>(_ db: Database, _ body: (Database) throws -> T) throws -> T {
        let before = try Self.changeCounter(db)
        let result = try body(db)
        let after = try Self.changeCounter(db)
        knownChanges.advance(from: before, to: after)
        return result
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
