import Foundation
import GRDB
import PostgresNIO

/// Encodes a stored record (`IdeaRecord`, `EventRecord` …) into its columns and values, for an INSERT or UPDATE on
/// PostgreSQL; nil values become NULL (never left out), times become text in GRDB's format, as the SQLite store keeps them.
final class PostgresRecordEncoder: Encoder {
    private(set) var columns: [String] = []
    private(set) var values: [Value] = []

    /// One column's value.
    enum Value {
        case null, text(String), integer(Int64), real(Double), boolean(Bool)

        func bind(to bindings: inout PostgresBindings) {
            switch self {
            case .null: bindings.appendNull()
            case .text(let value): bindings.append(value)
            case .integer(let value): bindings.append(value)
            case .real(let value): bindings.append(value)
            case .boolean(let value): bindings.append(value)
            }
        }
    }
    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    /// The columns and values of a record, in its coding order.
    static func encode<T: Encodable>(_ record: T) throws -> (columns: [String], values: [Value]) {
        let encoder = PostgresRecordEncoder()
        try record.encode(to: encoder)
        return (encoder.columns, encoder.values)
    }

    /// `INSERT INTO table (…) VALUES (…)`, leaving out the columns in `omitting` (an id the server numbers).
    static func insert<T: Encodable>(_ record: T, into table: String, omitting: Set<String> = [], returning: String? = nil) throws -> PostgresQuery {
        let (columns, values) = try encode(record)
        var bindings = PostgresBindings()
        var names: [String] = []
        for (column, value) in zip(columns, values) where !omitting.contains(column) {
            names.append(quoted(column))
            value.bind(to: &bindings)
        }
        let placeholders = names.indices.map { "$\($0 + 1)" }.joined(separator: ", ")
        var sql = "INSERT INTO \(table) (\(names.joined(separator: ", "))) VALUES (\(placeholders))"
        if let returning { sql += " RETURNING \(returning)" }
        return PostgresQuery(unsafeSQL: sql, binds: bindings)
    }

    /// `UPDATE table SET … WHERE key = …` of every column but the key.
    static func update<T: Encodable>(_ record: T, in table: String, key: String) throws -> PostgresQuery {
        let (columns, values) = try encode(record)
        var bindings = PostgresBindings()
        var assignments: [String] = []
        var keyValue: Value? = nil
        for (column, value) in zip(columns, values) {
            if column == key { keyValue = value; continue }
            value.bind(to: &bindings)
            assignments.append("\(quoted(column)) = $\(bindings.count)")
        }
        guard let keyValue else { throw EncodingError.invalidValue(key, .init(codingPath: [], debugDescription: "no key column")) }
        keyValue.bind(to: &bindings)
        return PostgresQuery(unsafeSQL: "UPDATE \(table) SET \(assignments.joined(separator: ", ")) WHERE \(quoted(key)) = $\(bindings.count)",
                             binds: bindings)
    }

    /// A column name as PostgreSQL folds an unquoted one (lower case), quoted so reserved words (`limit`) work.
    static func quoted(_ column: String) -> String { "\"\(column.lowercased())\"" }

    fileprivate func add(_ key: String, _ value: Value) {
        columns.append(key)
        values.append(value)
    }

    fileprivate func addNull(_ key: String) { add(key, .null) }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(Container<Key>(encoder: self))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer { fatalError("a record is encoded by column") }
    func singleValueContainer() -> any SingleValueEncodingContainer { fatalError("a record is encoded by column") }

    private struct Container<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let encoder: PostgresRecordEncoder
        var codingPath: [any CodingKey] { [] }

        mutating func encodeNil(forKey key: Key) throws { encoder.addNull(key.stringValue) }
        mutating func encode(_ value: Bool, forKey key: Key) throws { encoder.add(key.stringValue, .boolean(value)) }
        mutating func encode(_ value: String, forKey key: Key) throws { encoder.add(key.stringValue, .text(value)) }
        mutating func encode(_ value: Double, forKey key: Key) throws { encoder.add(key.stringValue, .real(value)) }
        mutating func encode(_ value: Int, forKey key: Key) throws { encoder.add(key.stringValue, .integer(Int64(value))) }
        mutating func encode(_ value: Int64, forKey key: Key) throws { encoder.add(key.stringValue, .integer(value)) }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            guard let date = value as? Date, let text = String.fromDatabaseValue(date.databaseValue) else {
                throw EncodingError.invalidValue(value, .init(codingPath: [key], debugDescription: "unsupported column type"))
            }
            encoder.add(key.stringValue, .text(text))
        }
        mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws { try encodeIfPresent(value as (any Encodable)?, key) }
        mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws { try encodeIfPresent(value as (any Encodable)?, key) }
        mutating func encodeIfPresent(_ value: Double?, forKey key: Key) throws { try encodeIfPresent(value as (any Encodable)?, key) }
        mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws { try encodeIfPresent(value as (any Encodable)?, key) }
        mutating func encodeIfPresent(_ value: Int64?, forKey key: Key) throws { try encodeIfPresent(value as (any Encodable)?, key) }
        mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws { try encodeIfPresent(value as (any Encodable)?, key) }

        /// A value or NULL: an optional is never left out, so an UPDATE clears what became nil.
        private mutating func encodeIfPresent(_ value: (any Encodable)?, _ key: Key) throws {
            switch value {
            case nil: encoder.addNull(key.stringValue)
            case let value as Bool: try encode(value, forKey: key)
            case let value as String: try encode(value, forKey: key)
            case let value as Double: try encode(value, forKey: key)
            case let value as Int: try encode(value, forKey: key)
            case let value as Int64: try encode(value, forKey: key)
            case let value?: try encode(value, forKey: key)
            }
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            fatalError("a column is not a record")
        }
        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer { fatalError("a column is not a list") }
        mutating func superEncoder() -> any Encoder { encoder }
        mutating func superEncoder(forKey key: Key) -> any Encoder { encoder }
    }
}
