import Foundation
import GRDB
import PostgresNIO

/// Decodes a stored record (`IdeaRecord`, `EventRecord` …) from a PostgreSQL row by column name, so both stores read
/// rows through the same record types and their strict checks. Column names match coding keys case-insensitively
/// (PostgreSQL folds unquoted names to lower case); times are text in GRDB's format, read as GRDB reads them.
struct PostgresRowDecoder: Decoder {
    let row: PostgresRandomAccessRow
    let table: String
    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    /// The record a row holds.
    static func decode<T: Decodable>(_ type: T.Type, _ row: PostgresRandomAccessRow, table: String) throws -> T {
        try T(from: PostgresRowDecoder(row: row, table: table))
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(Container<Key>(decoder: self, columns: Self.columns(of: row)))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        throw DecodingError.typeMismatch([Any].self, .init(codingPath: codingPath, debugDescription: "a row is not a list"))
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        throw DecodingError.typeMismatch(Any.self, .init(codingPath: codingPath, debugDescription: "a row is not one value"))
    }

    private static func columns(of row: PostgresRandomAccessRow) -> [String: Int] {
        var columns: [String: Int] = [:]
        for index in 0..<row.count { columns[row[index].columnName.lowercased()] = index }
        return columns
    }

    private struct Container<Key: CodingKey>: KeyedDecodingContainerProtocol {
        let decoder: PostgresRowDecoder
        let columns: [String: Int]
        var codingPath: [any CodingKey] { decoder.codingPath }
        var allKeys: [Key] { columns.keys.compactMap { Key(stringValue: $0) } }

        func contains(_ key: Key) -> Bool { columns[key.stringValue.lowercased()] != nil }

        private func cell(_ key: Key) throws -> PostgresCell {
            guard let index = columns[key.stringValue.lowercased()] else {
                throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "no column \(key.stringValue)"))
            }
            return decoder.row[index]
        }

        /// A stored value that cannot be read, named like the SQLite store names it (`#12`, `D3`, `session 2`, `cycle 7`).
        private func unreadable(_ key: Key, _ cell: PostgresCell) -> StorageError {
            let text = cell.bytes.map { String(decoding: $0.readableBytesView, as: UTF8.self) } ?? "NULL"
            let id = columns["id"].flatMap { try? decoder.row[$0].decode(Int64.self) }
            let table = decoder.table
            let record = switch (table, id) {
            case ("idea", let id?): "#\(id)"
            case ("decision", let id?): "D\(id)"
            case (_, let id?): "\(table) \(id)"
            case (_, nil): table
            }
            return .unreadableValue(table: table, record: record, field: key.stringValue, value: text)
        }

        func decodeNil(forKey key: Key) throws -> Bool { try cell(key).bytes == nil }

        func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
            let cell = try cell(key)
            do {
                switch type {
                case is Date.Type:
                    let text = try cell.decode(String.self)
                    guard let date = Date.fromDatabaseValue(text.databaseValue) else { throw unreadable(key, cell) }
                    return date as! T
                case is Int.Type: return try cell.decode(Int.self) as! T
                case is Int64.Type: return try cell.decode(Int64.self) as! T
                case is String.Type: return try cell.decode(String.self) as! T
                case is Double.Type: return try cell.decode(Double.self) as! T
                case is Bool.Type: return try cell.decode(Bool.self) as! T
                default:
                    throw DecodingError.typeMismatch(type, .init(codingPath: codingPath, debugDescription: "unsupported column type"))
                }
            } catch let error as StorageError {
                throw error
            } catch {
                throw unreadable(key, cell)
            }
        }

        func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
            throw DecodingError.typeMismatch(type, .init(codingPath: codingPath, debugDescription: "a column is not a record"))
        }

        func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
            throw DecodingError.typeMismatch([Any].self, .init(codingPath: codingPath, debugDescription: "a column is not a list"))
        }

        func superDecoder() throws -> any Decoder { decoder }
        func superDecoder(forKey key: Key) throws -> any Decoder { decoder }
    }
}
