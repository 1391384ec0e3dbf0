import Domain
import Foundation
import GRDB

/// The benchmark data set's rows into SQLite, through prepared statements inside the caller's transaction.
final class SQLiteBenchmarkSink: BenchmarkDataSink {
    private let db: Database
    private let insertIdea: Statement
    private let insertEvent: Statement
    private let insertCycle: Statement
    private let insertMeasurement: Statement
    private let insertScore: Statement

    init(_ db: Database) throws {
        self.db = db
        insertIdea = try db.makeStatement(sql: """
            INSERT INTO idea (id, title, description, source, theme, tags, stage, position, createdAt, updatedAt, reviewDate, cycleCount)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        insertEvent = try db.makeStatement(sql: "INSERT INTO event (at, actor, ideaId, kind, reason, before, after) VALUES (?, ?, ?, ?, ?, ?, ?)")
        insertCycle = try db.makeStatement(sql: """
            INSERT INTO cycle (ideaId, number, hypothesis, action, metric, success, owner, reviewDate, startedAt)
            VALUES (?, 1, 'buren helpen elkaar', 'drie maanden proberen', 'deelnemers', 'minstens 20 deelnemers', 'Sanne', ?, ?)
            """)
        insertMeasurement = try db.makeStatement(sql: "INSERT INTO measurement (cycleId, date, value, note) VALUES (?, ?, ?, '')")
        insertScore = try db.makeStatement(sql: "INSERT INTO score (sessionId, participant, ideaId, criterion, value) VALUES (?, ?, ?, ?, ?)")
    }

    func idea(_ row: BenchmarkIdeaRow) throws {
        try insertIdea.execute(arguments: [row.id, row.title, row.description, row.source, row.theme, row.tags, row.stage, row.position,
                                           row.createdAt, row.createdAt, row.reviewDate, row.cycleCount])
    }

    func event(at: Date, idea: Int64, kind: String, reason: String?, before: String?, after: String) throws {
        try insertEvent.execute(arguments: [at, "bench", idea, kind, reason, before, after])
    }

    func cycle(idea: Int64, reviewDate: String, startedAt: Date) throws -> Int64 {
        try insertCycle.execute(arguments: [idea, reviewDate, startedAt])
        return db.lastInsertedRowID
    }

    func measurement(cycle: Int64, date: String, value: Double) throws {
        try insertMeasurement.execute(arguments: [cycle, date, value])
    }

    func criteriaSet(_ set: CriteriaSet, at: Date) throws {
        try db.execute(sql: "INSERT OR REPLACE INTO criteriaSet (name, version, criteria, updatedAt) VALUES (?, ?, ?, ?)",
                       arguments: [set.name, set.version, EventJSON.encode(set.criteria), at])
    }

    func session(_ set: CriteriaSet, ideas: [IdeaID], participants: [String], at: Date) throws -> Int64 {
        try db.execute(sql: """
            INSERT INTO session (setName, setVersion, criteria, ideas, participants, status, method, normalization, aggregate, createdAt)
            VALUES (?, ?, ?, ?, ?, 'closed', 'weighted-sum', 'min-max', 'mean', ?)
            """, arguments: [set.name, set.version, EventJSON.encode(set.criteria), EventJSON.encode(ideas), EventJSON.encode(participants), at])
        return db.lastInsertedRowID
    }

    func score(session: Int64, participant: Int, idea: Int64, criterion: Int, value: Int) throws {
        try insertScore.execute(arguments: [session, participant, idea, criterion, value])
    }

    func finish() throws {}
}
