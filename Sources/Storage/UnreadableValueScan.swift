import Domain
import Foundation
import Foundation
import GRDB

/// Reads every stored value the way the read paths do and lists those they would refuse, without stopping at
/// the first: what `doctor` shows. Tolerates an older schema: absent tables and columns are skipped.
struct UnreadableValueScan {
    let db: Database
    private(set) var found: [UnreadableValue] = []

    private init(db: Database) { self.db = db }

    /// All unreadable values, table by table in rowid order.
    static func run(in db: Database) throws -> [UnreadableValue] {
        var scan = UnreadableValueScan(db: db)
        try scan.ideas()
        try scan.cycles()
        try scan.measurements()
        try scan.decisions()
        try scan.wipLimits()
        try scan.criteriaSets()
        try scan.sessions()
        try scan.scoreChannels()
        try scan.events()
        try scan.intakes()
        try scan.types()
        return scan.found
    }

    /// Values of another type than their column holds (text in a number or time column, a number in a text
    /// column), and positions at the top of the range: what would make a read fail or a move overflow.
    private mutating func types() throws {
        for table in Migrations.countedTables + ["event"] where try db.tableExists(table) {
            for column in try db.columns(in: table) {
                let name = "\"\(column.name)\""
                let wrong: String
                switch column.type.uppercased() {
                case "INTEGER", "BOOLEAN": wrong = "typeof(\(name)) != 'integer'"
                case "DOUBLE", "REAL": wrong = "typeof(\(name)) NOT IN ('real', 'integer')"
                case "DATETIME": wrong = "typeof(\(name)) != 'text' OR datetime(\(name)) IS NULL"
                case "TEXT": wrong = "typeof(\(name)) != 'text'"
                default: continue
                }
                let rows = try Row.fetchAll(
                    db, sql: "SELECT rowid, CAST(\(name) AS TEXT) FROM \"\(table)\" WHERE \(name) IS NOT NULL AND (\(wrong)) ORDER BY rowid")
                for row in rows {
                    found.append(UnreadableValue(table: table, record: Self.record(table, row[0] as DatabaseValue), field: column.name,
                                                 value: String.fromDatabaseValue(row[1]) ?? "?"))
                }
            }
        }
        if try db.tableExists("idea") {
            for row in try Row.fetchAll(db, sql: "SELECT id, position FROM idea WHERE typeof(position) = 'integer' AND position > ?",
                                        arguments: [Int64.max / 2]) {
                found.append(UnreadableValue(table: "idea", record: Self.record("idea", row[0] as DatabaseValue), field: "position",
                                             value: "\(row[1] as DatabaseValue)"))
            }
        }
    }

    /// How a person finds a row of a table.
    private static func record(_ table: String, _ id: DatabaseValue) -> String {
        switch table {
        case "idea": "#\(id)"
        case "decision": "D\(id)"
        default: "\(table) \(id)"
        }
    }

    private mutating func ideas() throws {
        try Self.each(db, "idea") { row in
            let record = "#\(row.id)"
            try check { _ = try StoredValue.value(IdeaSource.self, row.text("source"), table: "idea", record: record, field: "source") }
            if let tags = row.text("tags") {
                try check { _ = try StoredValue.tags(tags, table: "idea", record: record, field: "tags") }
            }
            if let stage = row.text("stage") {
                try check { _ = try StoredValue.value(Stage.self, stage, table: "idea", record: record, field: "stage") }
            }
            try check { _ = try StoredValue.day(row.text("reviewDate"), table: "idea", record: record, field: "reviewDate") }
            try check {
                _ = try StoredValue.value(StopCategory.self, row.text("stopCategory"), table: "idea", record: record, field: "stopCategory")
            }
        }
    }

    /// The inbox: its status and days, read as strictly as the board and `reply-list` read them.
    private mutating func intakes() throws {
        try Self.each(db, "intake") { row in
            let record = "intake of #\(row.integer("ideaId"))"
            if let status = row.text("status") {
                try check { _ = try StoredValue.value(IntakeStatus.self, status, table: "intake", record: record, field: "status") }
            }
            for field in ["receivedOn", "triagedOn", "replySentOn"] {
                try check { _ = try StoredValue.day(row.text(field), table: "intake", record: record, field: field) }
            }
        }
    }

    private mutating func cycles() throws {
        try Self.each(db, "cycle") { row in
            let record = "cycle \(row.integer("number")) of #\(row.integer("ideaId"))"
            if let date = row.text("reviewDate") {
                try check { _ = try StoredValue.day(date, table: "cycle", record: record, field: "reviewDate") }
            }
        }
    }

    private mutating func measurements() throws {
        try Self.each(db, "measurement") { row in
            if let date = row.text("date") {
                try check { _ = try StoredValue.day(date, table: "measurement", record: "measurement \(row.id)", field: "date") }
            }
            if row.row.hasColumn("value"), case .double(let value) = (row.row["value"] as DatabaseValue).storage {
                try check { _ = try StoredValue.measured(value, record: "measurement \(row.id)") }
            }
        }
    }

    private mutating func decisions() throws {
        try Self.each(db, "decision") { row in
            let record = DecisionID(row.id).description
            if let kind = row.text("kind") {
                try check { _ = try StoredValue.value(DecisionKind.self, kind, table: "decision", record: record, field: "kind") }
            }
            if let date = row.text("reviewDate") {
                try check { _ = try StoredValue.day(date, table: "decision", record: record, field: "reviewDate") }
            }
            if let objections = row.text("objections") {
                try check { _ = try StoredValue.json([Objection].self, objections, table: "decision", record: record, field: "objections") }
            }
            if let concerns = row.text("concerns") {
                try check { _ = try StoredValue.json([Concern].self, concerns, table: "decision", record: record, field: "concerns") }
            }
            if let outcome = row.text("outcome") {
                try check { _ = try StoredValue.value(DecisionOutcome.self, outcome, table: "decision", record: record, field: "outcome") }
            }
        }
    }

    private mutating func wipLimits() throws {
        try Self.each(db, "wipLimit") { row in
            if let stage = row.text("stage") {
                try check { _ = try StoredValue.value(Stage.self, stage, table: "wipLimit", record: "WIP limit", field: "stage") }
            }
        }
    }

    private mutating func criteriaSets() throws {
        try Self.each(db, "criteriaSet") { row in
            let record = "criteria set '\(row.text("name") ?? "")'"
            if let criteria = row.text("criteria") {
                try check { _ = try StoredValue.criteria(criteria, table: "criteriaSet", record: record) }
            }
        }
    }

    private mutating func sessions() throws {
        try Self.each(db, "session") { row in
            let record = "session \(row.id)"
            if let criteria = row.text("criteria") {
                try check { _ = try StoredValue.criteria(criteria, table: "session", record: record) }
            }
            if let ideas = row.text("ideas") {
                try check { _ = try StoredValue.json([IdeaID].self, ideas, table: "session", record: record, field: "ideas") }
            }
            if let participants = row.text("participants") {
                try check { _ = try StoredValue.json([String].self, participants, table: "session", record: record, field: "participants") }
            }
            if let status = row.text("status") {
                try check { _ = try StoredValue.value(SessionStatus.self, status, table: "session", record: record, field: "status") }
            }
            if let method = row.text("method") {
                try check { _ = try StoredValue.value(WeighingMethod.self, method, table: "session", record: record, field: "method") }
            }
            if let normalization = row.text("normalization") {
                try check {
                    _ = try StoredValue.value(Normalization.self, normalization, table: "session", record: record, field: "normalization")
                }
            }
            if let aggregate = row.text("aggregate") {
                try check { _ = try StoredValue.value(Aggregate.self, aggregate, table: "session", record: record, field: "aggregate") }
            }
            if let excluded = row.text("excluded") {
                let participants = row.text("participants").flatMap { try? JSONDecoder().decode([String].self, from: Data($0.utf8)) }
                try check { _ = try StoredExclusion.decode(excluded, participants: participants?.count ?? Int.max, record: record) }
            }
            if let revote = row.text("revote") {
                try check { _ = try StoredValue.json(StoredRevote.self, revote, table: "session", record: record, field: "revote") }
            }
            // The parts the screens index by, and every score against them (the same checks as reading the session), once the
            // columns themselves read.
            func decoded<T: Decodable>(_ type: T.Type, _ column: String) -> T? {
                row.text(column).flatMap { try? JSONDecoder().decode(type, from: Data($0.utf8)) }
            }
            guard let criteria = row.text("criteria").flatMap({ try? StoredValue.criteria($0, table: "session", record: record) }), let ideas = decoded([IdeaID].self, "ideas"),
                  let participants = decoded([String].self, "participants") else { return }
            let db = self.db
            try check {
                try StoredValue.sessionShape(criteria: criteria, ideas: ideas, participants: participants, record: record)
                let session = WeighingSession(set: CriteriaSet(name: "", criteria: criteria), ideas: ideas, participants: participants,
                                              createdAt: Date())
                for score in try Row.fetchAll(db, sql: "SELECT participant, ideaId, criterion, value FROM score WHERE sessionId = ?",
                                              arguments: [row.id]) {
                    // Values of the wrong type are listed by the type scan; only whole numbers are checked against the session here.
                    guard let participant = Int.fromDatabaseValue(score[0] as DatabaseValue),
                          let idea = Int64.fromDatabaseValue(score[1] as DatabaseValue),
                          let criterion = Int.fromDatabaseValue(score[2] as DatabaseValue),
                          let value = Int.fromDatabaseValue(score[3] as DatabaseValue) else { continue }
                    try StoredValue.score(ScoreKey(participant: participant, idea: IdeaID(idea), criterion: criterion), value,
                                          in: session, record: record)
                }
            }
        }
    }

    /// How each score and abstention was entered (NULL for entries made before `v8-participants`).
    private mutating func scoreChannels() throws {
        for table in ["score", "abstention"] {
            try Self.each(db, table) { row in
                if let channel = row.text("channel") {
                    try check {
                        _ = try StoredValue.value(ScoreChannel.self, channel, table: table, record: "session \(row.integer("sessionId"))",
                                                  field: "channel")
                    }
                }
            }
        }
    }

    private mutating func events() throws {
        try Self.each(db, "event") { row in
            let record = "event \(row.id)"
            guard let text = row.text("kind") else { return }
            var kind: EventKind?
            try check { kind = try StoredValue.value(EventKind.self, text, table: "event", record: record, field: "kind") as EventKind }
            // Flow metrics read the stage these events record after them (and, for a move, before it).
            guard let kind, [.created, .imported, .restored, .moved].contains(kind) else { return }
            try check {
                if try StoredValue.stage(inSnapshot: row.text("after"), table: "event", record: record, field: "after") == nil {
                    throw StorageError.unreadableValue(table: "event", record: record, field: "after", value: "NULL")
                }
            }
            if kind == .moved {
                try check { _ = try StoredValue.stage(inSnapshot: row.text("before"), table: "event", record: record, field: "before") }
            }
        }
    }

    // MARK: Walking rows

    /// Calls `body` for every row of `table` in rowid order; nothing when the table does not exist.
    private static func each(_ db: Database, _ table: String, _ body: (ScannedRow) throws -> Void) throws {
        guard try db.tableExists(table) else { return }
        let rows = try Row.fetchCursor(db, sql: "SELECT * FROM \(table) ORDER BY rowid")
        while let row = try rows.next() { try body(ScannedRow(row: row)) }
    }

    /// Runs one strict read and notes the value it refuses.
    private mutating func check(_ read: () throws -> Void) throws {
        do {
            try read()
        } catch let StorageError.unreadableValue(table, record, field, value) {
            found.append(UnreadableValue(table: table, record: record, field: field, value: value))
        }
    }
}
