import Domain
import Foundation
import GRDB

/// The outcome of `proeftuin doctor`.
public struct HealthReport: Equatable, Sendable {
    /// `ok`, or SQLite's integrity-check messages.
    public var integrity: [String]
    public var ideas: Int
    public var events: Int
    public var backups: [String]

    public var healthy: Bool { integrity == ["ok"] }
}

extension AppDatabase {
    /// How many rolling backups are kept.
    public static let backupsKept = 7

    /// Copies the database with SQLite's online backup API to a file (mode 0600), refusing to overwrite one.
    ///
    /// The copy is written under a temporary name (`.NAME.<pid>.partial`) and renamed when whole, so a copy cut short is
    /// never taken for a backup; left-overs of copies cut short earlier (no program still writing them) are removed
    /// first. A copy made outside the backups folder is recorded (`CopyRegister`), so `forget` can reach it later.
    /// `snapshot` copies from a reader inside one read transaction (WAL): writes made meanwhile, by this program or
    /// another, go on without waiting and are not in the copy, which is the database as it was when the copy began;
    /// without it the copy holds the writer (what a backup before a migration needs).
    @discardableResult
    public func backup(to url: URL) throws -> URL {
        try backup(to: url, snapshot: false) { _, _ in }
    }

    /// The same, copying 1,024 pages a step and telling `progress` how many of how many pages are copied.
    @discardableResult
    public func backup(to url: URL, progress: (Int, Int) -> Void) throws -> URL {
        try backup(to: url, snapshot: false, progress: progress)
    }

    /// The same, from a snapshot or holding the writer.
    @discardableResult
    public func backup(to url: URL, snapshot: Bool, progress: (Int, Int) -> Void) throws -> URL {
        if FileManager.default.fileExists(atPath: url.path) {
            throw StorageError.fileExists(path: url.path)
        }
        let folder = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw StorageError.fromFileSystem(error, path: folder.path)
        }
        Self.removeStalePartials(in: folder)
        // A copy outside the backups folder is recorded before it is made: killed halfway, `forget` still looks for it.
        let outside = folder.standardizedFileURL.path != directory.backupsURL.standardizedFileURL.path
        if outside { CopyRegister(directory: directory).record(url) }
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).partial")
        DatabaseRestore.removeDatabaseFiles(at: temporary)
        do {
            // From the writer connection: a reader opened before a migration would keep the old schema.
            let destination = try DatabaseQueue(path: temporary.path)
            try withoutActuallyEscaping(progress) { progress in
                if snapshot {
                    // GRDB copies inside one read transaction of the pool.
                    try pool.backup(to: destination, pagesPerStep: 1_024) { step in progress(step.completedPageCount, step.totalPageCount) }
                } else {
                    try pool.writeWithoutTransaction { source in
                        try destination.writeWithoutTransaction { target in
                            try source.backup(to: target, pagesPerStep: 1_024) { step in progress(step.completedPageCount, step.totalPageCount) }
                        }
                    }
                }
            }
            try destination.close()
            CrashPoint.reach("backup-copied")
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: temporary.path)
            FileLocks.syncFile(temporary)
            try FileManager.default.moveItem(at: temporary, to: url)
            FileLocks.syncDirectory(folder)
        } catch {
            DatabaseRestore.removeDatabaseFiles(at: temporary)
            if outside { CopyRegister(directory: directory).remove([url.standardizedFileURL.path]) }
            throw StorageError.fromFileSystem(StorageError.wrap(error, path: directory.path), path: folder.path)
        }
        return url
    }

    /// Removes `.partial` files (and their journals) of backups and restores cut short, unless another program is still
    /// writing them; returns their paths.
    @discardableResult
    static func removeStalePartials(in folder: URL) -> [String] {
        var removed: [String] = []
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] where name.hasPrefix(".") && name.contains(".partial") {
            let file = folder.appendingPathComponent(name)
            let base = ["-journal", "-wal", "-shm"].first(where: name.hasSuffix).map { String(file.path.dropLast($0.count)) } ?? file.path
            guard ![base, base + "-journal", base + "-wal", base + "-shm"].contains(where: FileLocks.heldByAnotherProcess) else { continue }
            if (try? FileManager.default.removeItem(at: file)) != nil { removed.append(file.path) }
        }
        return removed
    }

    /// The rolling backups, newest first.
    public func backups() -> [URL] { Doctor.backups(directory) }

    /// Makes today's rolling backup unless one exists, and keeps only the newest seven (`snapshot`: see `backup(to:snapshot:)`).
    @discardableResult
    public func rollingBackup(reason: String = "daily", snapshot: Bool = false) throws -> URL? {
        try rollingBackup(reason: reason, snapshot: snapshot) { _, _ in }
    }

    /// The same, telling `progress` how many of how many pages are copied.
    @discardableResult
    public func rollingBackup(reason: String, progress: (Int, Int) -> Void) throws -> URL? {
        try rollingBackup(reason: reason, snapshot: false, progress: progress)
    }

    /// The same, from a snapshot or holding the writer.
    @discardableResult
    public func rollingBackup(reason: String, snapshot: Bool, progress: (Int, Int) -> Void) throws -> URL? {
        let day = DayDate.local(clock()).description
        if reason == "daily", backups().contains(where: { $0.lastPathComponent.hasPrefix("proeftuin-\(day)") }) { return nil }
        let stamp = Self.stamp(clock())
        // Two backups in one second (a script, a board starting as a command runs) each get a name of their own.
        var url = directory.backupsURL.appendingPathComponent("proeftuin-\(stamp)-\(reason).sqlite")
        var number = 2
        while FileManager.default.fileExists(atPath: url.path) {
            url = directory.backupsURL.appendingPathComponent("proeftuin-\(stamp)-\(reason)-\(number).sqlite")
            number += 1
        }
        while true {
            do {
                url = try backup(to: url, snapshot: snapshot, progress: progress)
                break
            } catch where FileManager.default.fileExists(atPath: url.path) {
                // Another program (a second board starting the same second) finished a copy under this name first: that
                // is today's backup; any other backup takes the next name.
                if reason == "daily" { return nil }
                url = directory.backupsURL.appendingPathComponent("proeftuin-\(stamp)-\(reason)-\(number).sqlite")
                number += 1
            }
        }
        for old in backups().dropFirst(Self.backupsKept) { try? FileManager.default.removeItem(at: old) }
        return url
    }

    static func stamp(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd'T'HHmmss"
        return formatter.string(from: date)
    }

    /// Runs SQLite's integrity check and counts what is there.
    public func health() throws -> HealthReport {
        try read { db in
            HealthReport(
                integrity: try String.fetchAll(db, sql: "PRAGMA integrity_check"),
                ideas: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM idea") ?? 0,
                events: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM event") ?? 0,
                backups: backups().map(\.lastPathComponent))
        }
    }
}

/// Checking and restoring a data directory without opening it as a portfolio (it may be damaged).
public enum Doctor {
    /// The integrity check of a database file, without migrating or writing it.
    public static func check(_ directory: DataDirectory) -> [String] {
        let path = directory.databaseURL.path
        guard FileManager.default.fileExists(atPath: path) else { return ["no database yet"] }
        do {
            let queue = try AppDatabase.readOnlyQueue(path)
            defer { try? queue.close() }
            return try queue.read { try String.fetchAll($0, sql: "PRAGMA integrity_check") }.map { StorageError.readable($0) ?? "?" }
        } catch let error as DatabaseError {
            // SQLite's message only, printable: a damaged file's bytes never reach the terminal.
            return [StorageError.readable(error.message) ?? "\(error.resultCode)"]
        } catch {
            return [StorageError.readable("\(error)") ?? "unreadable"]
        }
    }

    /// Replaces the database with a checked backup, atomically (see `DatabaseRestore`); the previous file is kept beside
    /// it as `proeftuin.sqlite.damaged-…` (nil when there was none). Refused while another program has the database open.
    @discardableResult
    public static func restore(_ directory: DataDirectory, from backup: URL, now: Date = Date()) throws -> URL? {
        try DatabaseRestore.restore(directory, from: backup, now: now)
    }

    /// The backups of a data directory, newest first.
    public static func backups(_ directory: DataDirectory) -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.backupsURL.path)) ?? []
        return names.filter { $0.hasPrefix("proeftuin-") && $0.hasSuffix(".sqlite") }.sorted(by: >)
            .map { directory.backupsURL.appendingPathComponent($0) }
    }
}
