import Domain
import Foundation
import GRDB

/// A change's reads and writes on SQLite, inside the write transaction `db` belongs to.
struct SQLiteChangeStore: ChangeStore {
    let database: AppDatabase
    let db: Database

    func idea(_ id: IdeaID) throws -> Idea? {
        try IdeaRecord.fetchOne(db, key: id.rawValue)?.idea
    }

    func insertIdea(_ idea: Idea) throws -> Idea {
        var record = IdeaRecord(idea)
        record.id = nil
        try record.insert(db)
        var stored = try record.idea
        stored.id = IdeaID(db.lastInsertedRowID)
        return stored
    }

    func restoreIdea(_ idea: Idea) throws { try IdeaRecord(idea).insert(db) }

    func updateIdea(_ idea: Idea) throws { try IdeaRecord(idea).update(db) }

    func deleteIdea(_ id: IdeaID) throws { _ = try IdeaRecord.deleteOne(db, key: id.rawValue) }

    func dependents(of id: IdeaID) throws -> Int {
        try CycleRecord.filter(Column("ideaId") == id.rawValue).fetchCount(db)
            + DecisionRecord.filter(Column("ideaId") == id.rawValue).fetchCount(db)
            + (Int.fetchOne(db, sql: "SELECT COUNT(*) FROM idea WHERE mergedInto = ?", arguments: [id.rawValue]) ?? 0)
            + (Int.fetchOne(db, sql: "SELECT COUNT(*) FROM session, json_each(session.ideas) WHERE json_each.value = ?",
                            arguments: [id.rawValue]) ?? 0)
    }

    func wipLimit(for stage: Stage) throws -> WipLimit? { try database.wipLimit(for: stage, in: db) }

    func boardCount(of stage: Stage) throws -> Int { try AppDatabase.boardCount(of: stage, db) }

    func isDeclined(_ id: IdeaID) throws -> Bool {
        try Int64.fetchOne(db, sql: "\(AppDatabase.declinedIDs) AND ideaId = ?", arguments: [id.rawValue]) != nil
    }

    func nextPosition(in stage: Stage) throws -> Int64 { try Self.nextPosition(in: stage, db) }

    /// One past the highest position in a column; a position at the very top of the range is a damaged value.
    static func nextPosition(in stage: Stage, _ db: Database) throws -> Int64 {
        let row = try Row.fetchOne(db, sql: "SELECT id, position FROM idea WHERE stage = ? ORDER BY position DESC LIMIT 1",
                                   arguments: [stage.rawValue])
        return try NextPosition.after(try row.map { (try $0.decode(atIndex: 0), try $0.decode(atIndex: 1)) })
    }

    func currentCycle(of id: IdeaID) throws -> CycleRecord? {
        try CycleRecord.filter(Column("ideaId") == id.rawValue).order(Column("number").desc).fetchOne(db)
    }

    func cycle(of id: IdeaID, number: Int) throws -> CycleRecord? {
        try CycleRecord.filter(Column("ideaId") == id.rawValue && Column("number") == number).fetchOne(db)
    }

    func insertCycle(_ cycle: CycleRecord) throws { try cycle.insert(db) }

    func updateCycle(_ cycle: CycleRecord) throws { try cycle.update(db) }

    func deleteCycle(of id: IdeaID, number: Int) throws {
        try db.execute(sql: "DELETE FROM cycle WHERE ideaId = ? AND number = ?", arguments: [id.rawValue, number])
    }

    func measurementCount(inCycle cycleID: Int64) throws -> Int {
        try MeasurementRecord.filter(Column("cycleId") == cycleID).fetchCount(db)
    }

    func insertMeasurement(_ measurement: MeasurementRecord) throws { try measurement.insert(db) }

    func deleteNewestMeasurement(_ measurement: MetricMeasurement, inCycle cycleID: Int64) throws {
        try db.execute(
            sql: """
                DELETE FROM measurement WHERE id = (SELECT id FROM measurement
                WHERE cycleId = ? AND date = ? AND value = ? AND note = ? ORDER BY id DESC LIMIT 1)
                """,
            arguments: [cycleID, measurement.date.description, measurement.value, measurement.note])
    }

    func decision(_ id: DecisionID) throws -> DecisionRecord? {
        try DecisionRecord.fetchOne(db, key: id.rawValue)
    }

    func insertDecision(_ decision: DecisionRecord) throws -> DecisionID {
        try decision.insert(db)
        return DecisionID(db.lastInsertedRowID)
    }

    func updateDecision(_ decision: DecisionRecord) throws { try decision.update(db) }

    func deleteDecision(_ id: DecisionID) throws { _ = try DecisionRecord.deleteOne(db, key: id.rawValue) }

    func newestNotice(of id: IdeaID, kinds: [EventKind]?) throws -> ChangeNotice? {
        var sql = "SELECT kind, at, actor, program FROM event WHERE ideaId = ?"
        var arguments: StatementArguments = [id.rawValue]
        if let kinds {
            sql += " AND kind IN (\(kinds.map { _ in "?" }.joined(separator: ", ")))"
            arguments += StatementArguments(kinds.map(\.rawValue))
        }
        return try Row.fetchOne(db, sql: sql + " ORDER BY id DESC LIMIT 1", arguments: arguments).flatMap { row -> ChangeNotice? in
            guard let kind = EventKind(rawValue: (try row.decode(atIndex: 0))) else { return nil }
            return ChangeNotice(kind: kind, at: (try row.decode(atIndex: 1)), actor: (try row.decode(atIndex: 2)), program: (try row.decode(atIndex: 3)))
        }
    }

    func submitterSnapshots(of id: IdeaID) throws -> [String] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT before, after FROM event WHERE ideaId = ? AND (before LIKE '%"submitter"%' OR after LIKE '%"submitter"%')
            """, arguments: [id.rawValue])
        return rows.flatMap { row in [row[0] as String?, row[1] as String?].compactMap { $0 } }
    }

    func appendEvent(idea: IdeaID, kind: EventKind, reason: String?, before: String?, after: String?, at: Date) throws {
        try database.appendEvent(db, idea: idea, kind: kind, reason: reason, before: before, after: after, at: at)
    }
}

extension ChangeWriter where Store == SQLiteChangeStore {
    /// A writer on SQLite, inside the write transaction `db` belongs to.
    init(database: AppDatabase, db: Database, now: Date, undoing: Bool = false) {
        self.init(store: SQLiteChangeStore(database: database, db: db), now: now, undoing: undoing)
    }
}
