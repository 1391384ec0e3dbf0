import Domain
import Foundation
import GRDB

/// Why the data directory or database could not be used, phrased with what to do about it.
public enum StorageError: Error, Equatable, Sendable, CustomStringConvertible, LocalizedError {
    case cannotCreateDirectory(path: String, reason: String)
    case notADirectory(path: String)
    case directoryNotEmpty(path: String)
    case databaseLocked(path: String)
    case databaseDamaged(path: String, detail: String)
    case databaseFromNewerVersion(path: String)
    case readOnly(path: String)
    case configInvalid(path: String, detail: String)
    /// A stored value that is present but cannot be read, named by table, record (`#12`, `D3`, `session 2`) and field.
    case unreadableValue(table: String, record: String, field: String, value: String)
    /// `doctor` found this many stored values that cannot be read (it lists them).
    case unreadableValuesFound(count: Int)
    case databaseError(path: String, detail: String)
    case fileExists(path: String)
    // Hardening
    /// Another program (a board, a command) has the database open: a restore now would pull it from under that program.
    case databaseInUse(path: String)
    /// The database is gone while backups or files set aside remain: it is not silently recreated empty.
    case databaseMissing(path: String, backups: Int, setAside: Int)
    /// A file offered for a restore that is not an intact Proeftuin database this version can read.
    case notRestorable(path: String, problem: RestoreProblem)
    /// The database file was replaced (restored from a backup) while this program had it open.
    case databaseReplaced(path: String)
    /// The disk (or the quota) is full: nothing was written.
    case diskFull(path: String)

    public var description: String {
        switch self {
        case .cannotCreateDirectory(let path, let reason):
            "cannot create the data directory \(path): \(reason). Choose another with --data-dir or PROEFTUIN_DATA_DIR"
        case .notADirectory(let path):
            "\(path) is not a directory: point --data-dir at a directory"
        case .directoryNotEmpty(let path):
            "the data directory \(path) already holds a portfolio: use --force to add the demo to it, or choose an empty directory"
        case .databaseLocked(let path):
            "the database in \(path) is locked by another program: wait a moment and try again"
        case .databaseDamaged(let path, let detail):
            "the database in \(path) is damaged (\(detail)): nothing was changed. Restore a backup from the backups folder, or move the file aside to start anew"
        case .databaseFromNewerVersion(let path):
            "the database in \(path) was written by a newer version of Proeftuin: upgrade proeftuin to open it; nothing was changed"
        case .readOnly(let path):
            "the data directory \(path) is read-only: make it writable or choose another with --data-dir"
        case .configInvalid(let path, let detail):
            "the configuration file \(path) is not valid TOML (\(detail)): fix or remove it"
        case .unreadableValue(let table, let record, let field, let value):
            "\(UnreadableValue(table: table, record: record, field: field, value: value)); "
                + "run 'proeftuin doctor' to list damaged records, or restore a backup"
        case .unreadableValuesFound(let count):
            "\(count) stored value\(count == 1 ? "" : "s") cannot be read (listed above): restore a backup made before the damage "
                + "with 'proeftuin doctor --restore' (the latest) or 'proeftuin doctor --restore --from FILE'"
        case .databaseError(let path, let detail):
            "database error in \(path): \(detail)"
        case .fileExists(let path):
            "\(path) exists: choose another file name"
        case .databaseInUse(let path):
            "another program (a board or a command) has the database in \(path) open: close it, then try again; nothing was changed"
        case .databaseMissing(let path, let backups, let setAside):
            "the database in \(path) is missing, but the folder holds \(backups) backup(s) and \(setAside) file(s) set aside: "
                + "nothing was created. Restore the latest backup with 'proeftuin doctor --restore', or move those files away to start anew"
        case .notRestorable(let path, let problem):
            "\(path) cannot be restored: \(problem); nothing was changed"
        case .databaseReplaced(let path):
            "the database in \(path) was replaced (restored from a backup) while this program had it open: nothing was saved; "
                + "close this program and open it again"
        case .diskFull(let path):
            "the disk holding \(path) is full: nothing was saved; free some space and try again"
        }
    }

    public var errorDescription: String? { description }

    /// A stored value of the wrong type (text where a number or a time belongs), named by table, record and field from
    /// the decoding error's description, which is never shown itself (it lists the whole row).
    static func unreadable(describedBy text: String) -> StorageError {
        func first(_ pattern: String) -> String? {
            guard let expression = try? NSRegularExpression(pattern: pattern),
                  let match = expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)), match.numberOfRanges > 1,
                  let range = Range(match.range(at: 1), in: text)
            else { return nil }
            return String(text[range])
        }
        let table = first(#"FROM "?(\w+)"?"#) ?? "?"
        let id = first(#"row: \[(?:[^\]]* )?id:(\d+)"#)
        let record = switch (table, id) {
        case ("idea", let id?): "#\(id)"
        case ("decision", let id?): "D\(id)"
        case ("session", let id?): "session \(id)"
        case (let table, let id?): "\(table) \(id)"
        case (let table, nil): table
        }
        return .unreadableValue(table: table, record: record, field: first(#"column: "(\w+)""#) ?? "?",
                                value: (first(#"from database value "?(.*?)"? - column"#) ?? "?"))
    }

    /// Translates a GRDB or SQLite error into a message a user can act on.
    static func wrap(_ error: any Error, path: String) -> any Error {
        if error is StorageError || error is DomainErrorBox { return error }
        if error is RowDecodingError { return unreadable(describedBy: String(describing: error)) }
        guard let dbError = error as? DatabaseError else { return error }
        switch dbError.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return StorageError.databaseLocked(path: path)
        case .SQLITE_CORRUPT, .SQLITE_NOTADB:
            return StorageError.databaseDamaged(path: path, detail: readable(dbError.message) ?? "\(dbError.resultCode)")
        case .SQLITE_READONLY, .SQLITE_CANTOPEN, .SQLITE_PERM:
            return StorageError.readOnly(path: path)
        case .SQLITE_FULL:
            return StorageError.diskFull(path: path)
        default:
            // SQLite's message may be "not an error" when a failure left none of its own: the code is named then.
            let message = readable(dbError.message).flatMap { $0 == "not an error" ? nil : $0 }
            return StorageError.databaseError(path: path, detail: message ?? "\(dbError.resultCode)")
        }
    }

    /// A message from SQLite fit to show: printable text only, at most 200 characters (a damaged file's message may quote
    /// its bytes).
    static func readable(_ message: String?) -> String? {
        guard let message else { return nil }
        let printable = String(String.UnicodeScalarView(message.unicodeScalars.filter {
            $0.value >= 0x20 && $0.value != 0x7F && !(0x80...0x9F).contains($0.value) && $0 != "\u{FFFD}" && $0.properties.generalCategory != .privateUse
        }))
        return printable.isEmpty ? nil : String(printable.prefix(200))
    }

    /// Whether an error number says the disk or the quota is full.
    static func isDiskFull(_ code: Int32) -> Bool { code == ENOSPC || code == EDQUOT }

    /// A file-system error from writing a file: a full disk is named as such, anything else is left as it is.
    public static func fromFileSystem(_ error: any Error, path: String) -> any Error {
        let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError
        for candidate in [error as NSError, underlying].compactMap({ $0 }) where candidate.domain == NSPOSIXErrorDomain {
            if isDiskFull(Int32(candidate.code)) { return StorageError.diskFull(path: path) }
        }
        if let cocoa = error as? CocoaError, cocoa.code == .fileWriteOutOfSpace { return StorageError.diskFull(path: path) }
        return error
    }
}

/// Carries a `DomainError` out of a GRDB transaction closure unchanged.
struct DomainErrorBox: Error {
    let error: DomainError
}
