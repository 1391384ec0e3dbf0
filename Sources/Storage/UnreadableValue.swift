import Domain

/// A stored value that is present but cannot be read back: where it is and what it holds.
public struct UnreadableValue: Equatable, Sendable, CustomStringConvertible {
    /// The table the value is stored in, such as `idea` or `decision`.
    public var table: String
    /// How a person finds the record: `#12`, `D3`, `session 2`, `cycle 4 of #12`.
    public var record: String
    /// The column holding the value.
    public var field: String
    /// The value as stored; cleaned only when shown.
    public var value: String

    /// Describes a value found in `table`, in `record`, in column `field`.
    public init(table: String, record: String, field: String, value: String) {
        self.table = table
        self.record = record
        self.field = field
        self.value = value
    }

    /// The record as named in messages: ideas and decisions get their noun (`idea #12`, `decision D3`).
    public var subject: String {
        let shown = Self.shown(record)
        switch table {
        case "idea": return "idea \(shown)"
        case "decision": return "decision \(shown)"
        default: return shown
        }
    }

    /// One line naming the record and the field, safe for a terminal: what `doctor` lists.
    public var description: String {
        "\(subject): the stored \(field) '\(Self.shown(value))' cannot be read"
    }

    /// The error that a read of this value throws.
    public var error: StorageError {
        .unreadableValue(table: table, record: record, field: field, value: value)
    }

    /// Stored text as it may appear in a message: one line, without escape codes, at most 60 characters.
    static func shown(_ text: String) -> String {
        let clean = TextSanitizer.singleLine(text)
        return clean.count > 60 ? String(clean.prefix(59)) + "…" : clean
    }
}
