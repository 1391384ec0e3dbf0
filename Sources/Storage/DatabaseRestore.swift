import Domain
import Foundation
import GRDB
#if canImport(Glibc)
import Glibc
#endif

/// Puts a backup in the database's place so that any interruption (a crash, `kill -9`, a power cut) leaves either the
/// old database or the new one, never a mix, a half-copied file or nothing.
///
/// 1. The source is checked: a regular file, not the database in use, an SQLite file that passes its integrity check,
///    with Proeftuin's tables, from this version or an older one.
/// 2. It is copied beside the database as `proeftuin.sqlite.restoring` and the copy is checked again (what is checked is
///    what is put in place), made self-contained (no WAL) and flushed to disk.
/// 3. Nothing is swapped while another program has the database open.
/// 4. A journal file records the swap; then the old database's WAL moves aside, the old file is kept as
///    `proeftuin.sqlite.damaged-…`, and one atomic rename puts the copy in place.
/// 5. Every open of the data directory first finishes a swap whose journal it finds (or drops a copy that never got a
///    journal), so a swap cut short is completed before anything reads the database.
public enum DatabaseRestore {
    static let journalName = "proeftuin.restore-journal"

    static func stagingURL(_ directory: DataDirectory) -> URL { directory.url.appendingPathComponent("proeftuin.sqlite.restoring") }
    static func journalURL(_ directory: DataDirectory) -> URL { directory.url.appendingPathComponent(journalName) }

    /// Replaces the database with a checked copy of `source`; returns where the previous database was kept (nil when
    /// there was none).
    @discardableResult
    public static func restore(_ directory: DataDirectory, from source: URL, now: Date) throws -> URL? {
        try recover(directory)
        try checkSource(source, directory: directory)
        let staging = stagingURL(directory)
        do {
            try prepare(copyOf: source, at: staging, directory: directory)
        } catch {
            removeDatabaseFiles(at: staging)
            throw error
        }
        CrashPoint.reach("restore-prepared")
        guard !inUse(directory) else {
            removeDatabaseFiles(at: staging)
            throw StorageError.databaseInUse(path: directory.path)
        }
        let database = directory.databaseURL
        let kept = FileManager.default.fileExists(atPath: database.path) ? keptName(directory, now: now) : nil
        try writeJournal(RestoreJournal(kept: kept?.lastPathComponent), in: directory)
        CrashPoint.reach("restore-journal-written")
        try complete(directory)
        return kept
    }

    /// Finishes a swap that was cut short (its journal is there), or drops a copy that never got as far as a journal.
    /// Called before every open of a data directory; does nothing in the usual case.
    public static func recover(_ directory: DataDirectory) throws {
        let staging = stagingURL(directory)
        if FileManager.default.fileExists(atPath: journalURL(directory).path) {
            try complete(directory)
        } else if FileManager.default.fileExists(atPath: staging.path) {
            removeDatabaseFiles(at: staging)
        }
    }

    /// Whether another program has the data directory's database open.
    public static func inUse(_ directory: DataDirectory) -> Bool {
        let database = directory.databaseURL.path
        return [database, database + "-shm", database + "-wal"].contains { FileLocks.heldByAnotherProcess($0) }
    }

    // MARK: The swap

    /// The steps after the journal, each safe to repeat: while the copy is still beside the database, the old WAL and
    /// shared-memory files move aside, the old database gets its kept name, and one rename puts the copy in place.
    private static func complete(_ directory: DataDirectory) throws {
        let journal = try readJournal(in: directory)
        let staging = stagingURL(directory)
        let database = directory.databaseURL.path
        if FileManager.default.fileExists(atPath: staging.path) {
            let kept = directory.url.appendingPathComponent(journal.kept ?? "proeftuin.sqlite.replaced").path
            for suffix in ["-wal", "-shm"] where FileManager.default.fileExists(atPath: database + suffix) {
                // The old database's WAL must never meet the new file: SQLite would replay it into the wrong database.
                try move(database + suffix, to: kept + suffix)
            }
            CrashPoint.reach("restore-side-files-moved")
            if FileManager.default.fileExists(atPath: database), !FileManager.default.fileExists(atPath: kept) {
                // A second name for the old file: the database path keeps a whole database until the rename replaces it.
                if link(database, kept) != 0 { try move(database, to: kept) }
            }
            CrashPoint.reach("restore-old-kept")
            // The commit point: one atomic rename. A program that opened the directory meanwhile may have finished it first.
            if rename(staging.path, database) != 0, FileManager.default.fileExists(atPath: staging.path) { try move(staging.path, to: database) }
            FileLocks.syncDirectory(directory.url)
            CrashPoint.reach("restore-swapped")
        }
        try? FileManager.default.removeItem(at: journalURL(directory))
        FileLocks.syncDirectory(directory.url)
    }

    /// `rename(2)`: atomic, and replacing the target when there is one.
    private static func move(_ from: String, to: String) throws {
        guard rename(from, to) == 0 else {
            let code = errno
            if StorageError.isDiskFull(code) { throw StorageError.diskFull(path: to) }
            throw StorageError.databaseError(path: to, detail: String(cString: strerror(code)))
        }
    }

    /// `proeftuin.sqlite.damaged-<stamp>`, with a number added when a restore in the same second already used it.
    private static func keptName(_ directory: DataDirectory, now: Date) -> URL {
        let base = "proeftuin.sqlite.damaged-\(AppDatabase.stamp(now))"
        var candidate = directory.url.appendingPathComponent(base)
        var number = 2
        while FileManager.default.fileExists(atPath: candidate.path) {
            candidate = directory.url.appendingPathComponent("\(base)-\(number)")
            number += 1
        }
        return candidate
    }

    // MARK: Checking the source

    /// A regular file that is not the database in use (nor one of its side files).
    private static func checkSource(_ source: URL, directory: DataDirectory) throws {
        let resolved = source.resolvingSymlinksInPath()
        guard let type = (try? FileManager.default.attributesOfItem(atPath: resolved.path))?[.type] as? FileAttributeType,
              type == .typeRegular else {
            throw StorageError.notRestorable(path: source.path, problem: .notAFile)
        }
        let database = directory.databaseURL.path
        if let identity = FileLocks.identity(resolved.path),
           [database, database + "-wal", database + "-shm"].contains(where: { FileLocks.identity($0) == identity }) {
            throw StorageError.notRestorable(path: source.path, problem: .theLiveDatabase)
        }
        guard let handle = FileHandle(forReadingAtPath: resolved.path) else { throw StorageError.readOnly(path: source.path) }
        defer { try? handle.close() }
        guard (try? handle.read(upToCount: 16)) == Data("SQLite format 3\0".utf8) else {
            throw StorageError.notRestorable(path: source.path, problem: .notSQLite)
        }
    }

    /// Copies the source (with its WAL, if it has one) and checks the copy: integrity, Proeftuin's tables, a version this
    /// program can read. The copy is made self-contained (its WAL folded in), private and flushed to disk.
    private static func prepare(copyOf source: URL, at staging: URL, directory: DataDirectory) throws {
        removeDatabaseFiles(at: staging)
        let resolved = source.resolvingSymlinksInPath()
        do {
            try FileManager.default.copyItem(at: resolved, to: staging)
            // Its WAL too (frames not yet checkpointed), but only a plain file: a link could make SQLite write elsewhere.
            let wal = resolved.path + "-wal"
            if (try? FileManager.default.attributesOfItem(atPath: wal))?[.type] as? FileAttributeType == .typeRegular {
                try FileManager.default.copyItem(atPath: wal, toPath: staging.path + "-wal")
            }
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: staging.path)
        } catch {
            throw StorageError.fromFileSystem(error, path: directory.path)
        }
        CrashPoint.reach("restore-copied")
        do {
            let queue = try DatabaseQueue(path: staging.path)
            defer { try? queue.close() }
            try queue.writeWithoutTransaction { db in
                let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check")
                guard integrity == ["ok"] else {
                    throw StorageError.notRestorable(
                        path: source.path, problem: .damaged(StorageError.readable(integrity.first) ?? "integrity check failed"))
                }
                guard try db.tableExists("grdb_migrations"), try db.tableExists("idea"), try db.tableExists("event") else {
                    throw StorageError.notRestorable(path: source.path, problem: .notProeftuin)
                }
                if try Migrations.migrator.hasBeenSuperseded(db) {
                    throw StorageError.notRestorable(path: source.path, problem: .newerVersion)
                }
                _ = try String.fetchOne(db, sql: "PRAGMA journal_mode = DELETE")  // folds a WAL in: one file
            }
        } catch let error as StorageError {
            throw error
        } catch let error as DatabaseError {
            switch error.resultCode {
            case .SQLITE_NOTADB: throw StorageError.notRestorable(path: source.path, problem: .notSQLite)
            case .SQLITE_CORRUPT:
                throw StorageError.notRestorable(path: source.path, problem: .damaged(StorageError.readable(error.message) ?? "corrupt"))
            default: throw StorageError.wrap(error, path: directory.path)
            }
        }
        for suffix in ["-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: staging.path + suffix) }
        FileLocks.syncFile(staging)
        FileLocks.syncDirectory(directory.url)
    }

    /// A database file and its side files, gone.
    static func removeDatabaseFiles(at url: URL) {
        for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: url.path + suffix) }
    }

    // MARK: The journal

    private static func writeJournal(_ journal: RestoreJournal, in directory: DataDirectory) throws {
        let url = journalURL(directory)
        let temporary = directory.url.appendingPathComponent(".\(journalName).partial")
        do {
            try JSONEncoder().encode(journal).write(to: temporary)
            FileLocks.syncFile(temporary)
            try move(temporary.path, to: url.path)
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw StorageError.fromFileSystem(error, path: directory.path)
        }
        FileLocks.syncDirectory(directory.url)
    }

    private static func readJournal(in directory: DataDirectory) throws -> RestoreJournal {
        let url = journalURL(directory)
        // A journal cut short while being written never got its final name, so a present one is whole; read defensively.
        guard let data = FileManager.default.contents(atPath: url.path),
              let journal = try? JSONDecoder().decode(RestoreJournal.self, from: data) else { return RestoreJournal(kept: nil) }
        // Only a name a restore gives, inside the data directory.
        if let kept = journal.kept, kept.contains("/") || !kept.hasPrefix("proeftuin.sqlite.damaged-") { return RestoreJournal(kept: nil) }
        return journal
    }
}
