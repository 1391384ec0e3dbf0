import Domain
import Foundation
import GRDB

extension AppDatabase {
    // MARK: Criteria sets

    /// All criteria sets, by name.
    public func criteriaSets() throws -> [CriteriaSet] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT name, version, criteria FROM criteriaSet ORDER BY name").map { try Self.criteriaSet(from: $0) }
        }
    }

    /// One criteria set by name (case-insensitive).
    public func criteriaSet(_ name: String) throws -> CriteriaSet {
        try read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT name, version, criteria FROM criteriaSet WHERE name = ?", arguments: [name])
            else { throw DomainErrorBox(error: .unknownCriteriaSet(name)) }
            return try Self.criteriaSet(from: row)
        }
    }

    private static func criteriaSet(from row: Row) throws -> CriteriaSet {
        let name: String = row[0]
        let criteria = try StoredValue.json([Criterion].self, row[2], table: "criteriaSet", record: "criteria set '\(name)'", field: "criteria")
        return CriteriaSet(name: name, version: row[1], criteria: criteria)
    }

    /// Creates an empty set; refuses a name in use.
    public func createCriteriaSet(_ name: String) throws {
        let clean = TextSanitizer.singleLine(name).trimmingCharactersInWhitespace()
        guard !clean.isEmpty else { throw DomainError.emptyName }
        try saveCriteriaSet(CriteriaSet(name: clean), creating: true)
    }

    /// Stores a set (a new version of it) with its event row.
    public func saveCriteriaSet(_ set: CriteriaSet, creating: Bool = false) throws {
        let now = clock()
        try write { db in
            let exists = try Bool.fetchOne(db, sql: "SELECT COUNT(*) > 0 FROM criteriaSet WHERE name = ?", arguments: [set.name]) ?? false
            if creating, exists { throw DomainErrorBox(error: .criteriaSetExists(set.name)) }
            if !creating, !exists { throw DomainErrorBox(error: .unknownCriteriaSet(set.name)) }
            try db.execute(
                sql: "INSERT OR REPLACE INTO criteriaSet (name, version, criteria, updatedAt) VALUES (?, ?, ?, ?)",
                arguments: [set.name, set.version, EventJSON.encode(set.criteria), now])
            try appendEvent(db, idea: nil, kind: .criteriaChanged, after: EventJSON.encode(set), at: now)
        }
    }

    // MARK: Sessions

    /// Stores a new session (checked: ideas exist) and returns it with its id.
    public func createSession(_ session: WeighingSession) throws -> WeighingSession {
        let valid = try session.validated()
        let now = clock()
        return try write { db in
            for idea in valid.ideas where try IdeaRecord.fetchOne(db, key: idea.rawValue) == nil {
                throw DomainErrorBox(error: .ideaNotFound(idea))
            }
            try db.execute(
                sql: """
                    INSERT INTO session (setName, setVersion, criteria, ideas, participants, status, method, normalization, aggregate, createdAt)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [valid.setName, valid.setVersion, EventJSON.encode(valid.criteria), EventJSON.encode(valid.ideas),
                            EventJSON.encode(valid.participants), valid.status.rawValue, valid.method.rawValue,
                            valid.normalization.rawValue, valid.aggregate.rawValue, now])
            var stored = valid
            stored.id = SessionID(db.lastInsertedRowID)
            stored.createdAt = now
            try appendEvent(db, idea: nil, kind: .sessionCreated, after: EventJSON.encode(SessionEvent(stored)), at: now)
            return stored
        }
    }

    /// One session with its scores.
    public func session(_ id: SessionID) throws -> WeighingSession {
        try read { db in try Self.session(id, in: db) }
    }

    static func session(_ id: SessionID, in db: Database) throws -> WeighingSession {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM session WHERE id = ?", arguments: [id.rawValue]) else {
            throw DomainErrorBox(error: .sessionNotFound(id.description))
        }
        let record = "session \(id.rawValue)"
        func decode<T: Decodable>(_ type: T.Type, _ column: String) throws -> T {
            try StoredValue.json(type, row[column], table: "session", record: record, field: column)
        }
        func value<T: RawRepresentable>(_ type: T.Type, _ column: String) throws -> T where T.RawValue == String {
            try StoredValue.value(type, row[column] as String, table: "session", record: record, field: column)
        }
        var session = WeighingSession(
            id: id, set: CriteriaSet(name: row["setName"], version: row["setVersion"], criteria: try decode([Criterion].self, "criteria")),
            ideas: try decode([IdeaID].self, "ideas"), participants: try decode([String].self, "participants"),
            createdAt: row["createdAt"],
            method: try value(WeighingMethod.self, "method"),
            normalization: try value(Normalization.self, "normalization"),
            aggregate: try value(Aggregate.self, "aggregate"))
        session.status = try value(SessionStatus.self, "status")
        session.closedAt = row["closedAt"]
        for score in try Row.fetchAll(db, sql: "SELECT participant, ideaId, criterion, value, channel FROM score WHERE sessionId = ?",
                                      arguments: [id.rawValue]) {
            let key = ScoreKey(participant: score[0], idea: IdeaID(score[1]), criterion: score[2])
            session.scores[key] = score[3]
            session.channels[key] = try StoredValue.value(ScoreChannel.self, score[4] as String?, table: "score", record: record, field: "channel")
        }
        return session
    }

    /// All sessions, newest first.
    public func sessions() throws -> [SessionSummary] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT id, setName, ideas, participants, status, createdAt FROM session ORDER BY id DESC").map { row in
                let record = "session \(row[0] as Int64)"
                return SessionSummary(
                    id: SessionID(row[0]), setName: row[1],
                    ideas: try StoredValue.json([IdeaID].self, row[2], table: "session", record: record, field: "ideas").count,
                    participants: try StoredValue.json([String].self, row[3], table: "session", record: record, field: "participants").count,
                    status: try StoredValue.value(SessionStatus.self, row[4] as String, table: "session", record: record, field: "status"),
                    createdAt: row[5])
            }
        }
    }

    /// Sets or clears scores in one transaction, checked against the session's scales; all or nothing. `channel` records
    /// how they were entered.
    @discardableResult
    public func setScores(_ id: SessionID, _ changes: [(ScoreKey, Int?)], channel: ScoreChannel = .board) throws -> WeighingSession {
        let now = clock()
        return try write { db in try writeScores(db, id, changes, channel: channel, at: now) }
    }

    /// Checks and writes scores inside the current transaction, with their event row.
    func writeScores(_ db: Database, _ id: SessionID, _ changes: [(ScoreKey, Int?)], channel: ScoreChannel, at now: Date) throws -> WeighingSession {
        var session = try Self.session(id, in: db)
        do {
            for (key, value) in changes { session = try session.scoring(key, value, by: channel) }
        } catch {
            throw DomainErrorBox(error: error)
        }
        for (key, value) in changes {
            if let value {
                try db.execute(
                    sql: "INSERT OR REPLACE INTO score (sessionId, participant, ideaId, criterion, value, channel) VALUES (?, ?, ?, ?, ?, ?)",
                    arguments: [id.rawValue, key.participant, key.idea.rawValue, key.criterion, value, channel.rawValue])
            } else {
                try db.execute(sql: "DELETE FROM score WHERE sessionId = ? AND participant = ? AND ideaId = ? AND criterion = ?",
                               arguments: [id.rawValue, key.participant, key.idea.rawValue, key.criterion])
            }
        }
        let summary = changes.count == 1
            ? EventJSON.encode(ScoreEvent(session: id.rawValue, participant: changes[0].0.participant, criterion: changes[0].0.criterion,
                                          value: changes[0].1))
            : "{\"session\":\(id.rawValue),\"scores\":\(changes.count)}"
        try appendEvent(db, idea: changes.count == 1 ? changes[0].0.idea : nil, kind: .scored, after: summary, at: now)
        return session
    }

    /// Stores the status (open or revealed), method, normalisation and aggregate of a session.
    public func updateSession(_ session: WeighingSession) throws {
        guard let id = session.id else { throw DomainError.sessionNotFound("(new)") }
        let now = clock()
        try write { db in
            let current = try Self.session(id, in: db)
            guard current.status != .closed else { throw DomainErrorBox(error: .sessionClosed) }
            let status = session.status == .closed ? current.status : session.status
            try db.execute(sql: "UPDATE session SET status = ?, method = ?, normalization = ?, aggregate = ? WHERE id = ?",
                           arguments: [status.rawValue, session.method.rawValue, session.normalization.rawValue,
                                       session.aggregate.rawValue, id.rawValue])
            try appendEvent(db, idea: nil, kind: .sessionUpdated,
                            after: "{\"session\":\(id.rawValue),\"status\":\"\(status.rawValue)\",\"method\":\"\(session.method.rawValue)\"}",
                            at: now)
        }
    }

    /// Closes and locks a session: stores its results and gives each idea its score and rank badge.
    @discardableResult
    public func closeSession(_ id: SessionID) throws -> WeighingSession {
        let now = clock()
        return try write { db in
            var session = try Self.session(id, in: db)
            guard session.status != .closed else { throw DomainErrorBox(error: .sessionClosed) }
            let results = session.results
            session.status = .closed
            session.closedAt = now
            let stored = ResultsJSON(results, criteria: session.criteria)
            try db.execute(sql: "UPDATE session SET status = 'closed', closedAt = ?, results = ? WHERE id = ?",
                           arguments: [now, EventJSON.encode(stored), id.rawValue])
            for ranked in results.ranking {
                try db.execute(sql: "UPDATE idea SET weighScore = ?, weighRank = ?, weighSession = ? WHERE id = ?",
                               arguments: [ranked.score, ranked.rank, id.rawValue, ranked.idea.rawValue])
            }
            try appendEvent(db, idea: nil, kind: .sessionClosed, after: EventJSON.encode(stored), at: now)
            return session
        }
    }
}

/// A session as recorded in the event log.
struct SessionEvent: Encodable {
    var id: Int64?
    var set: String
    var version: Int
    var ideas: [IdeaID]
    var participants: Int

    init(_ session: WeighingSession) {
        id = session.id?.rawValue
        set = session.setName
        version = session.setVersion
        ideas = session.ideas
        participants = session.participants.count
    }
}

/// One score change as recorded in the event log.
struct ScoreEvent: Encodable {
    var session: Int64
    var participant: Int
    var criterion: Int
    var value: Int?
}

/// Stored results of a closed session.
public struct ResultsJSON: Codable, Equatable, Sendable {
    public struct Ranked: Codable, Equatable, Sendable {
        public var idea: Int64
        public var score: Double
        public var rank: Int
        public var vetoed: Bool
    }

    public struct Cell: Codable, Equatable, Sendable {
        public var idea: Int64
        public var criterion: String
        public var mean: Double
        public var median: Double
        public var sd: Double
        public var iqr: Double
        public var range: Double
    }

    public var method: String
    public var normalization: String
    public var aggregate: String
    public var ranking: [Ranked]
    public var cells: [Cell]
    public var kendallW: Double?

    public init(_ result: WeighingResult, criteria: [Criterion]) {
        method = result.method.rawValue
        normalization = result.normalization.rawValue
        aggregate = result.aggregate.rawValue
        ranking = result.ranking.map { Ranked(idea: $0.idea.rawValue, score: $0.score, rank: $0.rank, vetoed: $0.vetoed) }
        cells = result.cells.map {
            Cell(idea: $0.idea.rawValue, criterion: criteria[$0.criterion].name, mean: $0.mean, median: $0.median, sd: $0.sd,
                 iqr: $0.iqr, range: $0.range)
        }
        kendallW = result.kendallW
    }
}
