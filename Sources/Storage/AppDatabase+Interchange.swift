import Domain
import Foundation
import GRDB

/// Everything in a data directory, table by table, as stored: what `export --format json` writes and
/// `import FILE.json` reads back without loss.
public struct PortfolioExport: Codable, Equatable, Sendable {
    public static let formatName = "proeftuin-export"

    public var format: String
    /// The schema the rows follow (the last migration applied).
    public var schema: String
    /// Whether submitter names were included.
    public var includesPersonalData: Bool
    public var tables: [String: [[String: JSONValue]]]
}

/// Why an import was refused.
public enum InterchangeError: Error, Equatable, CustomStringConvertible, LocalizedError {
    case notAnExport
    case schemaMismatch(found: String, expected: String)
    case notEmpty(path: String)
    /// The PostgreSQL database (named by its URL without the password) already holds a portfolio.
    case serverNotEmpty(server: String)

    public var description: String {
        switch self {
        case .notAnExport: "the file is not a Proeftuin JSON export"
        case .schemaMismatch(let found, let expected):
            "the export follows schema '\(found)' but this version expects '\(expected)': import it with the matching version"
        case .notEmpty(let path):
            "the data directory \(path) already holds data: import a JSON export into an empty data directory (use --data-dir)"
        case .serverNotEmpty(let server):
            "the database \(server) already holds a portfolio: import a JSON export into an empty database"
        }
    }

    public var errorDescription: String? { description }
}

extension AppDatabase {
    /// The whole portfolio; without `includePersonal`, submitter names are left out of ideas and event snapshots.
    public func exportAll(includePersonal: Bool) throws -> PortfolioExport {
        try exportAll(includePersonal: includePersonal) { _ in }
    }

    /// The whole portfolio, telling `progress` how many records were read, now and then.
    public func exportAll(includePersonal: Bool, progress: (Int) -> Void) throws -> PortfolioExport {
        try read { db in
            var records = 0
            var tables: [String: [[String: JSONValue]]] = [:]
            for table in PortfolioRows.exportedTables {
                var rows: [[String: JSONValue]] = []
                // Case notes leave the team only when marked publishable.
                let only = table == "caseNote" ? " WHERE publishable" : ""
                let cursor = try Row.fetchCursor(db, sql: "SELECT * FROM \(table)\(only) ORDER BY rowid")
                while let row = try cursor.next() {
                    var object: [String: JSONValue] = [:]
                    for (column, value) in row {
                        object[column] = PortfolioRows.exported(JSONValue(value), table: table, column: column)
                    }
                    if !includePersonal { PortfolioRows.removePersonal(&object, table: table) }
                    rows.append(object)
                    records += 1
                    if records % 1_000 == 0 { progress(records) }
                }
                tables[table] = rows
            }
            let schema = try String.fetchOne(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY rowid DESC LIMIT 1") ?? ""
            return PortfolioExport(format: PortfolioExport.formatName, schema: schema, includesPersonalData: includePersonal, tables: tables)
        }
    }

    /// Checks an export without importing it: the format, the schema, and every record (`PortfolioImport.check`);
    /// returns the idea drafts, or throws `ImportFailure` naming every problem.
    public func checkImport(_ export: PortfolioExport) throws -> [IdeaDraft] {
        guard export.format == PortfolioExport.formatName else { throw InterchangeError.notAnExport }
        return try read { db in
            try Self.checkSchema(of: export, in: db)
            try checkEmpty(db)
            return try PortfolioImport.check(export.tables).get()
        }
    }

    /// Loads an export into this (empty) data directory, row for row, in one transaction, after every record passed
    /// `PortfolioImport.check` (else `ImportFailure` names every problem and nothing is written). Ideas get the
    /// checked fields of their drafts; everything else is stored as the file gives it.
    @discardableResult
    public func importAll(_ export: PortfolioExport) throws -> [IdeaDraft] {
        guard export.format == PortfolioExport.formatName else { throw InterchangeError.notAnExport }
        return try bulkWrite { db in
            try Self.checkSchema(of: export, in: db)
            try checkEmpty(db)
            let drafts = try PortfolioImport.check(export.tables).get()
            try db.execute(sql: "DELETE FROM wipLimit")
            for table in PortfolioRows.exportedTables {
                let columns = try db.columns(in: table).map(\.name)
                for (offset, record) in (export.tables[table] ?? []).enumerated() {
                    let row = PortfolioRows.stored(record, table: table, draft: table == "idea" ? drafts[offset] : nil)
                    let present = columns.filter { row[$0] != nil }
                    let values: [DatabaseValue] = present.map { column in
                        PortfolioRows.storedValue(row[column]!, table: table, column: column).databaseValue
                    }
                    let names = present.map { "\"\($0)\"" }.joined(separator: ", ")
                    let marks = Array(repeating: "?", count: present.count).joined(separator: ", ")
                    // Rows of a table name the same columns: one prepared statement serves them all.
                    try db.cachedStatement(sql: "INSERT INTO \(table) (\(names)) VALUES (\(marks))").execute(arguments: StatementArguments(values))
                }
            }
            return drafts
        }
    }

    /// Refuses an export written with another schema than this database's.
    private static func checkSchema(of export: PortfolioExport, in db: Database) throws {
        let schema = try String.fetchOne(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY rowid DESC LIMIT 1") ?? ""
        guard export.schema == schema else { throw InterchangeError.schemaMismatch(found: export.schema, expected: schema) }
    }

    /// Refuses a data directory that already holds ideas, events or criteria sets.
    private func checkEmpty(_ db: Database) throws {
        let ideas = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM idea") ?? 0
        let events = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM event") ?? 0
        let sets = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM criteriaSet") ?? 0
        guard ideas == 0, events == 0, sets == 0 else { throw InterchangeError.notEmpty(path: directory.path) }
    }
}

extension JSONValue {
    init(_ value: DatabaseValue) {
        switch value.storage {
        case .null: self = .null
        case .int64(let int): self = .int(int)
        case .double(let double): self = .double(double)
        case .string(let string): self = .string(string)
        case .blob(let data): self = .string(data.base64EncodedString())
        }
    }

    var databaseValue: DatabaseValue {
        switch self {
        case .null: .null
        case .bool(let value): (value ? 1 : 0).databaseValue
        case .int(let value): value.databaseValue
        case .double(let value): value.databaseValue
        case .string(let value): value.databaseValue
        case .array, .object: String(decoding: (try? JSONEncoder().encode(self)) ?? Data(), as: UTF8.self).databaseValue
        case .unrepresentableNumber: .null  // refused by PortfolioImport.check before anything is written
        }
    }
}

/// Removing personal data from stored JSON snapshots.
enum Personal {
    /// The snapshot without any `submitter` key (for exports without personal data).
    static func stripSubmitter(_ json: String) -> String {
        rewriteSubmitter(in: json, matching: { _ in true }, to: nil)
    }

    /// The snapshot with every `submitter` value (at any depth) that `matching` accepts replaced by `replacement`
    /// (nil removes the key); the text is returned unchanged when nothing matched.
    static func rewriteSubmitter(in json: String, matching: (JSONValue) -> Bool, to replacement: JSONValue?) -> String {
        guard json.contains("\"submitter\""),
              var object = try? JSONDecoder().decode([String: JSONValue].self, from: Data(json.utf8)) else { return json }
        var changed = false
        func rewrite(_ value: inout [String: JSONValue]) {
            for (key, inner) in value {
                if key == "submitter", matching(inner) {
                    value[key] = replacement
                    changed = true
                } else if case .object(var nested) = inner {
                    rewrite(&nested)
                    value[key] = .object(nested)
                }
            }
        }
        rewrite(&object)
        guard changed else { return json }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: (try? encoder.encode(object)) ?? Data(json.utf8), as: UTF8.self)
    }
}

extension AppDatabase {
    /// Adds many ideas in one transaction (all or nothing), each placed in its stage with an `imported` event; a row with
    /// an arrival lands in the inbox.
    public func importIdeas(_ rows: [(IdeaFields, Stage)], arrivals: [Arrival?] = []) throws {
        let now = clock()
        try bulkWrite { db in
            do {
                var positions: [Stage: Int64] = [:]
                for stage in Stage.allCases {
                    positions[stage] = try SQLiteChangeStore.nextPosition(in: stage, db) - 1
                }
                // Hardening: gates are never skipped (every row arrives as proposed) and a hard limit is never exceeded.
                if let limit = try wipLimit(for: .proposed, in: db) {
                    try limit.checkImport(countAfter: try Self.boardCount(of: .proposed, db) + rows.count)
                }
                for (offset, (fields, requested)) in rows.enumerated() {
                    let placement = ImportPlacement(requested: requested)
                    let stage = placement.stage
                    let clean = try fields.validated()
                    positions[stage, default: 0] += 1
                    var record = IdeaRecord(Idea(id: IdeaID(0), fields: clean, stage: stage, position: positions[stage]!, createdAt: now,
                                                 updatedAt: now))
                    record.id = nil
                    try record.insert(db)
                    var idea = try record.idea
                    idea.id = IdeaID(db.lastInsertedRowID)
                    try appendEvent(db, idea: idea.id, kind: .imported, reason: placement.note, after: EventJSON.encode(idea), at: now)
                    if offset < arrivals.count, let arrival = arrivals[offset] {
                        try IntakeRecord(Intake(ideaID: idea.id, receivedOn: arrival.receivedOn, replyTo: arrival.replyTo)).insert(db)
                    }
                }
            } catch let error as DomainError {
                throw DomainErrorBox(error: error)
            }
        }
    }
}
