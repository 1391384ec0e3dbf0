import Foundation
import GRDB

extension AppDatabase {
    /// Every stored value that is present but cannot be read (what the read paths refuse), table by table.
    public func unreadableValues() throws -> [UnreadableValue] {
        try read { db in try UnreadableValueScan.run(in: db) }
    }
}

extension Doctor {
    /// Every stored value of a data directory's database that cannot be read, through a read-only connection
    /// (nothing is migrated or written); empty when there is no database yet.
    public static func unreadableValues(_ directory: DataDirectory) throws -> [UnreadableValue] {
        let path = directory.databaseURL.path
        guard FileManager.default.fileExists(atPath: path) else { return [] }
        do {
            let queue = try AppDatabase.readOnlyQueue(path)
            defer { try? queue.close() }
            return try queue.read { db in try UnreadableValueScan.run(in: db) }
        } catch {
            throw StorageError.wrap(error, path: directory.path)
        }
    }
}
