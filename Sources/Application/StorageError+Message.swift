import AppCore
import Domain
import Storage

extension StorageError {
    /// The message in the language of `strings`; paths and details are cleaned for the terminal.
    public func message(in strings: Strings) -> String {
        let clean = TextSanitizer.singleLine
        return switch self {
        case .cannotCreateDirectory(let path, let reason): strings.format(.storageCannotCreateDirectory, clean(path), clean(reason))
        case .notADirectory(let path): strings.format(.storageNotADirectory, clean(path))
        case .directoryNotEmpty(let path): strings.format(.storageDirectoryNotEmpty, clean(path))
        case .databaseLocked(let path): strings.format(.storageDatabaseLocked, clean(path))
        case .databaseDamaged(let path, let detail): strings.format(.storageDatabaseDamaged, clean(path), clean(detail))
        case .databaseFromNewerVersion(let path): strings.format(.storageDatabaseFromNewerVersion, clean(path))
        case .readOnly(let path): strings.format(.storageReadOnly, clean(path))
        case .configInvalid(let path, let detail): strings.format(.storageConfigInvalid, clean(path), clean(detail))
        case .databaseError(let path, let detail): strings.format(.storageDatabaseError, clean(path), clean(detail))
        case .fileExists(let path): strings.format(.storageFileExists, clean(path))
        case .unreadableValue(let table, let record, let field, let value):
            strings.format(.storageUnreadableValue, Self.subject(table: table, record: clean(record), strings: strings),
                           clean(field), String(clean(value).prefix(60)))
        case .unreadableValuesFound(let count):
            count == 1 ? strings[.storageUnreadableValueFoundOne] : strings.format(.storageUnreadableValuesFound, count)
        // Hardening
        case .databaseInUse(let path): strings.format(.storageDatabaseInUse, clean(path))
        case .databaseMissing(let path, let backups, let setAside): strings.format(.storageDatabaseMissing, clean(path), backups, setAside)
        case .notRestorable(let path, let problem): strings.format(.storageNotRestorable, clean(path), Self.problem(problem, strings: strings))
        case .databaseReplaced(let path): strings.format(.storageDatabaseReplaced, clean(path))
        case .diskFull(let path): strings.format(.storageDiskFull, clean(path))
        }
    }

    /// Why a file cannot be restored, in the interface's language.
    static func problem(_ problem: RestoreProblem, strings: Strings) -> String {
        switch problem {
        case .notAFile: strings[.restoreNotAFile]
        case .theLiveDatabase: strings[.restoreTheLiveDatabase]
        case .notSQLite: strings[.restoreNotSQLite]
        case .damaged(let detail): strings.format(.restoreDamaged, TextSanitizer.singleLine(detail))
        case .notProeftuin: strings[.restoreNotProeftuin]
        case .newerVersion: strings[.restoreNewerVersion]
        }
    }

    /// The damaged record as a person finds it, in the interface's language (`idee #12`, `sessie 2`, `cyclus 1 van #3`).
    static func subject(table: String, record: String, strings: Strings) -> String {
        let english = UnreadableValue(table: table, record: record, field: "", value: "").subject
        guard strings.language == .nl else { return english }
        let words = [("idea ", "idee "), ("decision ", "besluit "), ("session ", "sessie "), ("cycle ", "cyclus "), (" of #", " van #"),
                     ("measurement ", "meting "), ("event ", "gebeurtenis "), ("criteria set ", "criteriaset "), ("WIP limit", "WIP-grens")]
        return words.reduce(english) { text, word in text.replacingAll(word.0, with: word.1) }
    }
}
