import Domain
import Foundation
import PostgresNIO

/// The benchmark data set's rows into PostgreSQL inside the caller's transaction, in multi-row INSERTs (one round trip
/// per batch instead of per row). Batches are sent in the order rows arrived, ideas before the rows that refer to them.
final class PostgresBenchmarkSink: BenchmarkDataSink {
    private let session: PostgresSession
    private let ideas: PostgresBatchInsert
    private let events: PostgresBatchInsert
    private let measurements: PostgresBatchInsert
    private let scores: PostgresBatchInsert

    init(_ session: PostgresSession) {
        self.session = session
        ideas = PostgresBatchInsert(session, table: "idea", columns: [
            "id", "title", "description", "source", "theme", "tags", "stage", "position", "createdAt", "updatedAt", "reviewDate", "cycleCount",
        ])
        events = PostgresBatchInsert(session, table: "event", columns: ["at", "actor", "ideaId", "kind", "reason", "before", "after"])
        measurements = PostgresBatchInsert(session, table: "measurement", columns: ["cycleId", "date", "value", "note"])
        scores = PostgresBatchInsert(session, table: "score", columns: ["sessionId", "participant", "ideaId", "criterion", "value"])
    }

    func idea(_ row: BenchmarkIdeaRow) throws {
        let created = PostgresTime.text(row.createdAt)
        if ideas.add([.integer(row.id), .text(row.title), .text(row.description), .text(row.source), .text(row.theme), .text(row.tags),
                      .text(row.stage), .integer(row.position), .text(created), .text(created), row.reviewDate.map { .text($0) } ?? .null,
                      .integer(Int64(row.cycleCount))]) {
            try flushAll()
        }
    }

    func event(at: Date, idea: Int64, kind: String, reason: String?, before: String?, after: String) throws {
        if events.add([.text(PostgresTime.text(at)), .text("bench"), .integer(idea), .text(kind), reason.map { .text($0) } ?? .null,
                       before.map { .text($0) } ?? .null, .text(after)]) {
            try flushAll()
        }
    }

    func cycle(idea: Int64, reviewDate: String, startedAt: Date) throws -> Int64 {
        try flushAll()
        let rows = try session.query("""
            INSERT INTO cycle (ideaId, number, hypothesis, action, metric, success, owner, reviewDate, startedAt)
            VALUES (\(idea), 1, 'buren helpen elkaar', 'drie maanden proberen', 'deelnemers', 'minstens 20 deelnemers', 'Sanne', \(reviewDate),
                    \(PostgresTime.text(startedAt)))
            RETURNING id
            """)
        return try rows.first?[0].decode(Int64.self) ?? 0
    }

    func measurement(cycle: Int64, date: String, value: Double) throws {
        if measurements.add([.integer(cycle), .text(date), .real(value), .text("")]) { try flushAll() }
    }

    func criteriaSet(_ set: CriteriaSet, at: Date) throws {
        try flushAll()
        try session.execute("""
            INSERT INTO criteriaSet (name, version, criteria, updatedAt) VALUES (\(set.name), \(set.version), \(EventJSON.encode(set.criteria)),
                \(PostgresTime.text(at)))
            ON CONFLICT (proeftuin_nocase(name)) DO UPDATE SET name = excluded.name, version = excluded.version, criteria = excluded.criteria,
                updatedAt = excluded.updatedAt
            """)
    }

    func session(_ set: CriteriaSet, ideas: [IdeaID], participants: [String], at: Date) throws -> Int64 {
        try flushAll()
        let rows = try session.query("""
            INSERT INTO session (setName, setVersion, criteria, ideas, participants, status, method, normalization, aggregate, createdAt)
            VALUES (\(set.name), \(set.version), \(EventJSON.encode(set.criteria)), \(EventJSON.encode(ideas)), \(EventJSON.encode(participants)),
                    'closed', 'weighted-sum', 'min-max', 'mean', \(PostgresTime.text(at)))
            RETURNING id
            """)
        return try rows.first?[0].decode(Int64.self) ?? 0
    }

    func score(session: Int64, participant: Int, idea: Int64, criterion: Int, value: Int) throws {
        if scores.add([.integer(session), .integer(Int64(participant)), .integer(idea), .integer(Int64(criterion)), .integer(Int64(value))]) {
            try flushAll()
        }
    }

    /// Sends every batch held back, then moves the ideas' id sequence past the ids given explicitly.
    func finish() throws {
        try flushAll()
        try session.execute("SELECT setval(pg_get_serial_sequence('idea', 'id'), GREATEST((SELECT MAX(id) FROM idea), 1))")
    }

    /// Sends the batches in an order that keeps every reference valid and the event ids in arrival order.
    private func flushAll() throws {
        try ideas.flush()
        try events.flush()
        try measurements.flush()
        try scores.flush()
    }
}
