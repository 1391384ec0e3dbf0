import GRDB

/// One row as `UnreadableValueScan` reads it: any column as text, an absent column (older schema) as nil.
struct ScannedRow {
    let row: Row

    /// The `id` column, or 0 when the table has none.
    var id: Int64 { integer("id") }

    /// The column as text; nil when it is NULL or absent.
    func text(_ column: String) -> String? {
        guard row.hasColumn(column) else { return nil }
        let value: DatabaseValue = row[column]
        switch value.storage {
        case .null: return nil
        case .string(let text): return text
        case .int64(let number): return String(number)
        case .double(let number): return String(number)
        case .blob(let data): return String(decoding: data, as: UTF8.self)
        }
    }

    /// The column as an integer, or 0 when it holds none.
    func integer(_ column: String) -> Int64 {
        guard row.hasColumn(column), case .int64(let number) = (row[column] as DatabaseValue).storage else { return 0 }
        return number
    }
}
