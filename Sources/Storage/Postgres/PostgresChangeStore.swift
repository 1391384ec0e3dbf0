import Domain
import Foundation
import PostgresNIO

/// A change's reads and writes on PostgreSQL, inside the write transaction the store's session holds open.
struct PostgresChangeStore: ChangeStore {
    let store: PostgresStore

    private var session: PostgresSession { store.session }

    func idea(_ id: IdeaID) throws -> Idea? { try store.fetchIdea(id) }

    func insertIdea(_ idea: Idea) throws -> Idea {
        var record = IdeaRecord(idea)
        record.id = nil
        var stored = try record.idea
        stored.id = IdeaID(try insertReturningID(record, into: "idea"))
        return stored
    }

    func restoreIdea(_ idea: Idea) throws {
        try session.execute(PostgresRecordEncoder.insert(IdeaRecord(idea), into: "idea"))
    }

    func updateIdea(_ idea: Idea) throws { try update(IdeaRecord(idea), in: "idea") }

    func deleteIdea(_ id: IdeaID) throws { try session.execute("DELETE FROM idea WHERE id = \(id.rawValue)") }

    func dependents(of id: IdeaID) throws -> Int {
        try count("""
            SELECT (SELECT COUNT(*) FROM cycle WHERE ideaId = \(id.rawValue))
            + (SELECT COUNT(*) FROM decision WHERE ideaId = \(id.rawValue))
            + (SELECT COUNT(*) FROM idea WHERE mergedInto = \(id.rawValue))
            + (SELECT COUNT(*) FROM session, json_array_elements_text(session.ideas::json) AS listed (value)
               WHERE listed.value = \(String(id.rawValue)))
            """)
    }

    func wipLimit(for stage: Stage) throws -> WipLimit? { try store.wipLimitsInTransaction()[stage] }

    func boardCount(of stage: Stage) throws -> Int { try store.boardCount(of: stage) }

    func isDeclined(_ id: IdeaID) throws -> Bool {
        try !session.query("SELECT 1 FROM intake WHERE ideaId = \(id.rawValue) AND status = 'declined'").isEmpty
    }

    func nextPosition(in stage: Stage) throws -> Int64 { try store.nextPosition(in: stage) }

    func currentCycle(of id: IdeaID) throws -> CycleRecord? {
        try session.query("SELECT * FROM cycle WHERE ideaId = \(id.rawValue) ORDER BY number DESC LIMIT 1").first
            .map { try PostgresRowDecoder.decode(CycleRecord.self, $0, table: "cycle") }
    }

    func cycle(of id: IdeaID, number: Int) throws -> CycleRecord? {
        try session.query("SELECT * FROM cycle WHERE ideaId = \(id.rawValue) AND number = \(number)").first
            .map { try PostgresRowDecoder.decode(CycleRecord.self, $0, table: "cycle") }
    }

    func insertCycle(_ cycle: CycleRecord) throws {
        try session.execute(PostgresRecordEncoder.insert(cycle, into: "cycle", omitting: ["id"]))
    }

    func updateCycle(_ cycle: CycleRecord) throws { try update(cycle, in: "cycle") }

    func deleteCycle(of id: IdeaID, number: Int) throws {
        try session.execute("DELETE FROM cycle WHERE ideaId = \(id.rawValue) AND number = \(number)")
    }

    func measurementCount(inCycle cycleID: Int64) throws -> Int {
        try count("SELECT COUNT(*) FROM measurement WHERE cycleId = \(cycleID)")
    }

    func insertMeasurement(_ measurement: MeasurementRecord) throws {
        try session.execute(PostgresRecordEncoder.insert(measurement, into: "measurement", omitting: ["id"]))
    }

    func deleteNewestMeasurement(_ measurement: MetricMeasurement, inCycle cycleID: Int64) throws {
        try session.execute("""
            DELETE FROM measurement WHERE id = (SELECT id FROM measurement
            WHERE cycleId = \(cycleID) AND date = \(measurement.date.description) AND value = \(measurement.value)
            AND note = \(measurement.note) ORDER BY id DESC LIMIT 1)
            """)
    }

    func decision(_ id: DecisionID) throws -> DecisionRecord? {
        try session.query("SELECT * FROM decision WHERE id = \(id.rawValue)").first
            .map { try PostgresRowDecoder.decode(DecisionRecord.self, $0, table: "decision") }
    }

    func insertDecision(_ decision: DecisionRecord) throws -> DecisionID {
        guard let id = decision.id else { return DecisionID(try insertReturningID(decision, into: "decision")) }
        // A decision with an id that no longer exists keeps it (a redo of a deletion), as SQLite's INSERT does.
        try session.execute(PostgresRecordEncoder.insert(decision, into: "decision"))
        return DecisionID(id)
    }

    func updateDecision(_ decision: DecisionRecord) throws { try update(decision, in: "decision") }

    func deleteDecision(_ id: DecisionID) throws { try session.execute("DELETE FROM decision WHERE id = \(id.rawValue)") }

    func newestNotice(of id: IdeaID, kinds: [EventKind]?) throws -> ChangeNotice? {
        let names = kinds?.map(\.rawValue)
        let rows = try session.query("""
            SELECT kind, at, actor, program FROM event WHERE ideaId = \(id.rawValue)
            AND (\(names == nil) OR kind = ANY(\(names ?? [])::text[])) ORDER BY id DESC LIMIT 1
            """)
        return try rows.first.flatMap { row -> ChangeNotice? in
            guard let kind = EventKind(rawValue: try row[0].decode(String.self)) else { return nil }
            let atText = try row[1].decode(String.self)
            guard let at = Date.fromDatabaseValue(atText.databaseValue) else {
                throw StorageError.unreadableValue(table: "event", record: "event of #\(id.rawValue)", field: "at", value: atText)
            }
            return ChangeNotice(kind: kind, at: at, actor: try row[2].decode(String.self), program: try row[3].decode(String?.self))
        }
    }

    func submitterSnapshots(of id: IdeaID) throws -> [String] {
        let rows = try session.query("""
            SELECT before, after FROM event WHERE ideaId = \(id.rawValue)
            AND (before LIKE '%"submitter"%' OR after LIKE '%"submitter"%')
            """)
        return try rows.flatMap { row in [try row[0].decode(String?.self), try row[1].decode(String?.self)].compactMap { $0 } }
    }

    func appendEvent(idea: IdeaID, kind: EventKind, reason: String?, before: String?, after: String?, at: Date) throws {
        try store.appendEvent(idea: idea, kind: kind, reason: reason, before: before, after: after, at: at)
    }

    // MARK: Helpers

    private func count(_ query: PostgresQuery) throws -> Int {
        try session.query(query).first?[0].decode(Int.self) ?? 0
    }

    /// Inserts a record whose id the server numbers; returns that id.
    private func insertReturningID<T: Encodable>(_ record: T, into table: String) throws -> Int64 {
        guard let id = try session.query(PostgresRecordEncoder.insert(record, into: table, omitting: ["id"], returning: "id")).first else {
            throw PostgresStoreError.serverError(server: store.location.redacted, code: "?", detail: "no id returned for a new \(table) row")
        }
        return try id[0].decode(Int64.self)
    }

    private func update<T: Encodable>(_ record: T, in table: String) throws {
        try session.execute(PostgresRecordEncoder.update(record, in: table, key: "id"))
    }
}

extension ChangeWriter where Store == PostgresChangeStore {
    /// A writer on PostgreSQL, inside the write transaction `store`'s session holds open.
    init(postgres store: PostgresStore, now: Date, undoing: Bool = false) {
        self.init(store: PostgresChangeStore(store: store), now: now, undoing: undoing)
    }
}
