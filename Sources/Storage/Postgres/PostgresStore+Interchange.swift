import Domain
import Foundation
import GRDB
import PostgresNIO

extension PostgresStore {
    /// The whole portfolio, as `AppDatabase.exportAll(includePersonal:)` writes it: the same tables, rows, column names
    /// and values, so an export from either store of the same portfolio is the same.
    public func exportAll(includePersonal: Bool) throws -> PortfolioExport {
        try exportAll(includePersonal: includePersonal) { _ in }
    }

    /// The whole portfolio, telling `progress` how many records were read, now and then.
    ///
    /// Rows come in SQLite's `rowid` order: by id, an intake by its idea, a table without an id by `rowOrder` (the
    /// order they were written, `PostgresSchema.rowOrderTables`). Columns are named as on SQLite (PostgreSQL folds them to
    /// lower case), `rowOrder` is left out, and a `BOOLEAN` is written as SQLite's 0 or 1.
    public func exportAll(includePersonal: Bool, progress: (Int) -> Void) throws -> PortfolioExport {
        let names = try Self.sqliteColumns.get()
        return try read {
            var records = 0
            var tables: [String: [[String: JSONValue]]] = [:]
            for table in PortfolioRows.exportedTables {
                // Case notes leave the team only when marked publishable.
                let only = table == "caseNote" ? " WHERE publishable" : ""
                let rows = try session.query(PostgresQuery(unsafeSQL: "SELECT * FROM \(table)\(only) ORDER BY \(Self.exportOrder(table))"))
                var objects: [[String: JSONValue]] = []
                objects.reserveCapacity(rows.count)
                for row in rows {
                    var object: [String: JSONValue] = [:]
                    for cell in row {
                        let folded = cell.columnName.lowercased()
                        if folded == "roworder" { continue }
                        guard let column = names[table]?[folded] else {
                            throw PostgresStoreError.serverError(server: location.redacted, code: "42703",
                                                                 detail: "column \(table).\(folded) is not in the SQLite schema")
                        }
                        object[column] = PortfolioRows.exported(try Self.exported(cell), table: table, column: column)
                    }
                    if !includePersonal { PortfolioRows.removePersonal(&object, table: table) }
                    objects.append(object)
                    records += 1
                    if records % 1_000 == 0 { progress(records) }
                }
                tables[table] = objects
            }
            return PortfolioExport(format: PortfolioExport.formatName, schema: PostgresSchema.mirroredSQLiteSchema,
                                   includesPersonalData: includePersonal, tables: tables)
        }
    }

    /// Checks an export without importing it (as `AppDatabase.checkImport`): the format, the schema, an empty portfolio
    /// and every record (`PortfolioImport.check`); returns the idea drafts.
    public func checkImport(_ export: PortfolioExport) throws -> [IdeaDraft] {
        guard export.format == PortfolioExport.formatName else { throw InterchangeError.notAnExport }
        try Self.checkSchema(of: export)
        return try read {
            try checkEmpty()
            return try PortfolioImport.check(export.tables).get()
        }
    }

    /// Loads an export into this (empty) portfolio, row for row, in one transaction, after every record passed
    /// `PortfolioImport.check` (as `AppDatabase.importAll`). Rows keep their ids, and each id sequence is then moved on
    /// past the highest id, so new records do not collide with imported ones.
    @discardableResult
    public func importAll(_ export: PortfolioExport) throws -> [IdeaDraft] {
        guard export.format == PortfolioExport.formatName else { throw InterchangeError.notAnExport }
        try Self.checkSchema(of: export)
        let names = try Self.sqliteColumns.get()
        return try bulkWrite {
            try checkEmpty()
            let drafts = try PortfolioImport.check(export.tables).get()
            let types = try columnTypes()
            try session.execute("DELETE FROM wipLimit")
            for table in PortfolioRows.exportedTables {
                let columns = names[table]?.values.sorted() ?? []
                // Consecutive rows naming the same columns go in one statement.
                var batch: [[PostgresRecordEncoder.Value]] = []
                var batchColumns: [String] = []
                for (offset, record) in (export.tables[table] ?? []).enumerated() {
                    let row = PortfolioRows.stored(record, table: table, draft: table == "idea" ? drafts[offset] : nil)
                    let present = columns.filter { row[$0] != nil }
                    if present != batchColumns {
                        try PostgresBatchInsert.insert(batch, into: table, columns: batchColumns, session)
                        batch = []
                        batchColumns = present
                    }
                    batch.append(try present.map { column in
                        let value = PortfolioRows.storedValue(row[column]!, table: table, column: column)
                        return try Self.stored(value, as: types[table.lowercased()]?[column.lowercased()] ?? "text", table: table, column: column)
                    })
                }
                try PostgresBatchInsert.insert(batch, into: table, columns: batchColumns, session)
            }
            for table in Self.numberedTables {
                try session.execute(PostgresQuery(unsafeSQL: """
                    SELECT setval(pg_get_serial_sequence('\(table)', 'id'), COALESCE(MAX(id), 0) + 1, false) FROM \(table)
                    """))
            }
            return drafts
        }
    }

    // MARK: Parts

    /// The tables whose ids a sequence numbers (`BIGSERIAL`).
    static let numberedTables = ["idea", "cycle", "caseNote", "measurement", "decision", "session", "event"]

    /// What a table's rows are exported in order of: SQLite's `rowid` (the id, an intake's idea), or `rowOrder`.
    static func exportOrder(_ table: String) -> String {
        if PostgresSchema.rowOrderTables.contains(table) { return "rowOrder" }
        return table == "intake" ? "ideaId" : "id"
    }

    /// Every exported table's columns as SQLite names them, by their name folded to lower case: read from an empty
    /// in-memory SQLite database built by the same migrations, so they never drift apart.
    static let sqliteColumns: Result<[String: [String: String]], any Error> = Result {
        let queue = try DatabaseQueue()
        try Migrations.migrator.migrate(queue)
        return try queue.read { db in
            var names: [String: [String: String]] = [:]
            for table in PortfolioRows.exportedTables {
                names[table] = Dictionary(uniqueKeysWithValues: try db.columns(in: table).map { ($0.name.lowercased(), $0.name) })
            }
            return names
        }
    }

    /// Each column's type on the server, by table and column (both folded to lower case).
    private func columnTypes() throws -> [String: [String: String]] {
        var types: [String: [String: String]] = [:]
        for row in try session.query("""
            SELECT table_name::text, column_name::text, data_type::text FROM information_schema.columns WHERE table_schema = current_schema()
            """) {
            types[try row[0].decode(String.self), default: [:]][try row[1].decode(String.self)] = try row[2].decode(String.self)
        }
        return types
    }

    /// One stored value as the export gives it: whole numbers as numbers, `BOOLEAN` as SQLite's 0 or 1, text as text.
    private static func exported(_ cell: PostgresCell) throws -> JSONValue {
        guard cell.bytes != nil else { return .null }
        switch cell.dataType {
        case .int2, .int4, .int8: return .int(try cell.decode(Int64.self))
        case .float4, .float8: return .double(try cell.decode(Double.self))
        case .bool: return .int(try cell.decode(Bool.self) ? 1 : 0)
        default: return .string(try cell.decode(String.self))
        }
    }

    /// A checked value of the file as the server column of `type` keeps it, converted as SQLite's column affinity would.
    private static func stored(_ value: JSONValue, as type: String, table: String, column: String) throws -> PostgresRecordEncoder.Value {
        switch (type, value) {
        case (_, .null): return .null
        case ("bigint", .int(let number)), ("integer", .int(let number)), ("smallint", .int(let number)): return .integer(number)
        case ("bigint", .bool(let flag)), ("integer", .bool(let flag)), ("smallint", .bool(let flag)): return .integer(flag ? 1 : 0)
        case ("bigint", .double(let number)), ("integer", .double(let number)), ("smallint", .double(let number)):
            if number.rounded() == number, let whole = Int64(exactly: number) { return .integer(whole) }
        case ("double precision", .int(let number)): return .real(Double(number))
        case ("double precision", .double(let number)): return .real(number)
        case ("boolean", .int(let number)): return .boolean(number != 0)
        case ("boolean", .bool(let flag)): return .boolean(flag)
        case ("text", .string(let text)): return .text(text)
        case ("text", .int(let number)): return .text(String(number))
        case ("text", .double(let number)): return .text(String(number))
        case ("text", .bool(let flag)): return .text(flag ? "1" : "0")
        case ("text", .array), ("text", .object):
            if let text = String.fromDatabaseValue(value.databaseValue) { return .text(text) }
        default: break
        }
        throw StorageError.unreadableValue(table: table, record: table, field: column, value: "\(value)")
    }

    /// Refuses an export written with another schema than the one this server's mirrors.
    private static func checkSchema(of export: PortfolioExport) throws {
        let schema = PostgresSchema.mirroredSQLiteSchema
        guard export.schema == schema else { throw InterchangeError.schemaMismatch(found: export.schema, expected: schema) }
    }

    /// Refuses a portfolio that already holds ideas, events or criteria sets.
    private func checkEmpty() throws {
        let rows = try session.query("SELECT (SELECT COUNT(*) FROM idea), (SELECT COUNT(*) FROM event), (SELECT COUNT(*) FROM criteriaSet)")
        let counts = try rows.first.map { [try $0[0].decode(Int.self), try $0[1].decode(Int.self), try $0[2].decode(Int.self)] } ?? []
        guard counts.allSatisfy({ $0 == 0 }) else { throw InterchangeError.serverNotEmpty(server: location.redacted) }
    }
}
