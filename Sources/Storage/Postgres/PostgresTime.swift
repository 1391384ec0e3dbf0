import Foundation
import GRDB

/// Times as the SQLite store keeps them: text in GRDB's format (`2026-11-30 18:23:03.123`, UTC, milliseconds), so both
/// stores hold, read and export the same values.
enum PostgresTime {
    /// The stored text of a time.
    static func text(_ date: Date) -> String {
        String.fromDatabaseValue(date.databaseValue) ?? ""
    }

    /// The time a stored text holds; nil when it is not one.
    static func date(_ text: String) -> Date? {
        Date.fromDatabaseValue(text.databaseValue)
    }
}
