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
    @discardableResult
    public func backup(to url: URL) throws -> URL {
        if FileManager.default.fileExists(atPath: url.path) {
            throw StorageError.fileExists(path: url.path)
        }
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        // One temporary file per process: two programs making the day's backup at once never share one.
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).partial")
        try? FileManager.default.removeItem(at: temporary)
        do {
            // From the writer connection: a reader opened before a migration would keep the old schema.
            let destination = try DatabaseQueue(path: temporary.path)
            try pool.writeWithoutTransaction { source in
                try destination.writeWithoutTransaction { target in try source.backup(to: target) }
            }
            try destination.close()
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw StorageError.wrap(error, path: directory.path)
        }
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: temporary.path)
        do {
            try FileManager.default.moveItem(at: temporary, to: url)
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            if FileManager.default.fileExists(atPath: url.path) { throw StorageError.fileExists(path: url.path) }
            throw StorageError.wrap(error, path: directory.path)
        }
        return url
    }

    /// The rolling backups, newest first.
    public func backups() -> [URL] { Doctor.backups(directory) }

    /// Makes today's rolling backup unless one exists, and keeps only the newest seven.
    @discardableResult
    public func rollingBackup(reason: String = "daily") throws -> URL? {
        let day = DayDate.local(clock()).description
        if reason == "daily", backups().contains(where: { $0.lastPathComponent.hasPrefix("proeftuin-\(day)") }) { return nil }
        let stamp = Self.stamp(clock())
        let url: URL
        do {
            url = try backup(to: directory.backupsURL.appendingPathComponent("proeftuin-\(stamp)-\(reason).sqlite"))
        } catch StorageError.fileExists where reason == "daily" {
            return nil  // another program made the same backup in the same second
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
            return try queue.read { try String.fetchAll($0, sql: "PRAGMA integrity_check") }
        } catch {
            return ["\(error)"]
        }
    }

    /// Replaces the database with a backup; the damaged file is kept beside it as `proeftuin.sqlite.damaged-…`.
    public static func restore(_ directory: DataDirectory, from backup: URL, now: Date = Date()) throws -> URL {
        let database = directory.databaseURL
        let kept = directory.url.appendingPathComponent("proeftuin.sqlite.damaged-\(AppDatabase.stamp(now))")
        let fileManager = FileManager.default
        if fileManager.fileExists(atPath: database.path) { try fileManager.moveItem(at: database, to: kept) }
        for suffix in ["-wal", "-shm"] {
            let side = URL(fileURLWithPath: database.path + suffix)
            if fileManager.fileExists(atPath: side.path) {
                try fileManager.moveItem(at: side, to: URL(fileURLWithPath: kept.path + suffix))
            }
        }
        try fileManager.copyItem(at: backup, to: database)
        try fileManager.setAttributes([.posixPermissions: 0o600], ofItemAtPath: database.path)
        return kept
    }

    /// The backups of a data directory, newest first.
    public static func backups(_ directory: DataDirectory) -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.backupsURL.path)) ?? []
        return names.filter { $0.hasPrefix("proeftuin-") && $0.hasSuffix(".sqlite") }.sorted(by: >)
            .map { directory.backupsURL.appendingPathComponent($0) }
    }
}
