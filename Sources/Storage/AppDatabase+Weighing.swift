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
        // Names are stored cleaned (`createCriteriaSet`): looked up the same way, a name typed with stray codes still finds it.
        let clean = TextSanitizer.singleLine(name).trimmingCharactersInWhitespace()
        return try read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT name, version, criteria FROM criteriaSet WHERE name = ?", arguments: [clean])
            else { throw DomainErrorBox(error: .unknownCriteriaSet(clean)) }
            return try Self.criteriaSet(from: row)
        }
    }

    private static func criteriaSet(from row: Row) throws -> CriteriaSet {
        let name: String = try row.decode(atIndex: 0)
        let criteria = try StoredValue.criteria(try row.decode(atIndex: 2), table: "criteriaSet", record: "criteria set '\(name)'")
        return CriteriaSet(name: name, version: try row.decode(atIndex: 1), criteria: criteria)
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
            let stored = try Int.fetchOne(db, sql: "SELECT version FROM criteriaSet WHERE name = ?", arguments: [set.name])
            if creating, stored != nil { throw DomainErrorBox(error: .criteriaSetExists(set.name)) }
            if !creating {
                guard let stored else { throw DomainErrorBox(error: .unknownCriteriaSet(set.name)) }
                // A new version is made from the one the person saw: another program's version in between is not overwritten.
                guard stored == set.version - 1 else { throw DomainErrorBox(error: .criteriaSetChangedSince(set.name, version: stored)) }
            }
            try db.execute(
                sql: "INSERT OR REPLACE INTO criteriaSet (name, version, criteria, updatedAt) VALUES (?, ?, ?, ?)",
                arguments: [set.name, set.version, EventJSON.encode(set.criteria), now])
            try appendEvent(db, idea: nil, kind: .criteriaChanged, after: EventJSON.encode(set), at: now)
        }
    }

    /// Carries out a change to one criterion on the set as stored, as a new version, in one transaction.
    @discardableResult
    public func changeCriteria(_ name: String, _ change: CriteriaChange) throws -> CriteriaSet {
        let now = clock()
        return try write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT name, version, criteria FROM criteriaSet WHERE name = ?", arguments: [name])
            else { throw DomainErrorBox(error: .unknownCriteriaSet(name)) }
            let stored = try Self.criteriaSet(from: row)
            let changed = try Self.ruled { () throws(DomainError) in try stored.applying(change) }
            try db.execute(sql: "UPDATE criteriaSet SET version = ?, criteria = ?, updatedAt = ? WHERE name = ?",
                           arguments: [changed.version, EventJSON.encode(changed.criteria), now, changed.name])
            try appendEvent(db, idea: nil, kind: .criteriaChanged, after: EventJSON.encode(changed), at: now)
            return changed
        }
    }

    /// Runs a domain rule inside a transaction, carrying its refusal out of the transaction unchanged.
    @discardableResult
    static func ruled<T>(_ rule: () throws(DomainError) -> T) throws -> T {
        do {
            return try rule()
        } catch {
            throw DomainErrorBox(error: error)
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
            id: id, set: CriteriaSet(name: try row.decode(forColumn: "setName"), version: try row.decode(forColumn: "setVersion"),
                                     criteria: try StoredValue.criteria(try row.decode(forColumn: "criteria"), table: "session", record: record)),
            ideas: try decode([IdeaID].self, "ideas"), participants: try decode([String].self, "participants"),
            createdAt: (try row.decode(forColumn: "createdAt")),
            method: try value(WeighingMethod.self, "method"),
            normalization: try value(Normalization.self, "normalization"),
            aggregate: try value(Aggregate.self, "aggregate"))
        session.status = try value(SessionStatus.self, "status")
        session.closedAt = (try row.decode(forColumn: "closedAt"))
        try StoredValue.sessionShape(criteria: session.criteria, ideas: session.ideas, participants: session.participants, record: record)
        for score in try Row.fetchAll(db, sql: "SELECT participant, ideaId, criterion, value, channel FROM score WHERE sessionId = ?",
                                      arguments: [id.rawValue]) {
            // Every stored score must fit its session: a known participant, idea and criterion, a value on the scale.
            func unreadable(_ field: String, _ index: Int) -> StorageError {
                let stored: DatabaseValue = score[index]
                return .unreadableValue(table: "score", record: "session \(id.rawValue)", field: field,
                                        value: String.fromDatabaseValue(stored) ?? stored.description)
            }
            guard let participant = Int.fromDatabaseValue(score[0] as DatabaseValue), session.participants.indices.contains(participant) else {
                throw unreadable("participant", 0)
            }
            guard let idea = Int64.fromDatabaseValue(score[1] as DatabaseValue).map(IdeaID.init), session.ideas.contains(idea) else {
                throw unreadable("ideaId", 1)
            }
            guard let criterion = Int.fromDatabaseValue(score[2] as DatabaseValue), session.criteria.indices.contains(criterion) else {
                throw unreadable("criterion", 2)
            }
            guard let value = Int.fromDatabaseValue(score[3] as DatabaseValue), session.criteria[criterion].accepts(value) else {
                throw unreadable("value", 3)
            }
            let key = ScoreKey(participant: participant, idea: idea, criterion: criterion)
            session.scores[key] = value
            session.channels[key] = try StoredValue.value(ScoreChannel.self, (try score.decode(atIndex: 4)) as String?, table: "score", record: record, field: "channel")
        }
        for abstention in try Row.fetchAll(db, sql: "SELECT participant, ideaId, criterion, channel FROM abstention WHERE sessionId = ?",
                                           arguments: [id.rawValue]) {
            let key = ScoreKey(participant: (try abstention.decode(atIndex: 0)), idea: IdeaID((try abstention.decode(atIndex: 1))),
                               criterion: (try abstention.decode(atIndex: 2)))
            session.abstentions.insert(key)
            session.channels[key] = try StoredValue.value(ScoreChannel.self, (try abstention.decode(atIndex: 3)) as String?, table: "abstention", record: record,
                                                          field: "channel")
        }
        session.excluded = try StoredExclusion.decode((try row.decode(forColumn: "excluded")), participants: session.participants.count, record: record)
        if let revote: String = (try row.decode(forColumn: "revote")) {
            session.revote = try StoredRevote.decode(revote, session: session, record: record)
        }
        for note in try Row.fetchAll(db, sql: "SELECT ideaId, criterion, text FROM cellNote WHERE sessionId = ?", arguments: [id.rawValue]) {
            let cell = SessionCell(idea: IdeaID((try note.decode(atIndex: 0))), criterion: (try note.decode(atIndex: 1)))
            guard session.ideas.contains(cell.idea), session.criteria.indices.contains(cell.criterion) else {
                throw StorageError.unreadableValue(table: "cellNote", record: record, field: "criterion",
                                                   value: "\(cell.idea) × \(cell.criterion)")
            }
            session.notes[cell] = (try note.decode(atIndex: 2))
        }
        return session
    }

    /// All sessions, newest first.
    public func sessions() throws -> [SessionSummary] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT id, setName, ideas, participants, status, createdAt FROM session ORDER BY id DESC").map { row in
                let record = "session \(row[0] as DatabaseValue)"
                return SessionSummary(
                    id: SessionID((try row.decode(atIndex: 0))), setName: (try row.decode(atIndex: 1)),
                    ideas: try StoredValue.json([IdeaID].self, (try row.decode(atIndex: 2)), table: "session", record: record, field: "ideas").count,
                    participants: try StoredValue.json([String].self, (try row.decode(atIndex: 3)), table: "session", record: record, field: "participants").count,
                    status: try StoredValue.value(SessionStatus.self, (try row.decode(atIndex: 4)) as String, table: "session", record: record, field: "status"),
                    createdAt: (try row.decode(atIndex: 5)))
            }
        }
    }

    /// Carries out changes to a live session in order, each checked by the session's rules against the session as it
    /// stands, in one transaction (all or none); returns the session as it is afterwards. Entries write one audit row each time, and the history of
    /// each idea gets one line the first time it is scored in a session, never one per score.
    @discardableResult
    public func changeSession(_ id: SessionID, _ changes: [SessionChange]) throws -> WeighingSession {
        let now = clock()
        return try write { db in
            var session = try Self.session(id, in: db)
            for change in changes { session = try apply(change, to: session, db: db, at: now) }
            return session
        }
    }

    /// Writes one session change (checked by the session's rules first) inside an open transaction.
    func apply(_ change: SessionChange, to session: WeighingSession, db: Database, at now: Date) throws -> WeighingSession {
        let id = session.id!
        let changed = try Self.ruled { () throws(DomainError) in try session.applying(change) }
        let sessionID = id.rawValue
        switch change {
        case .enter(let inputs):
            for input in inputs {
                let key = input.key
                let arguments: StatementArguments = [sessionID, key.participant, key.idea.rawValue, key.criterion]
                try db.execute(sql: "DELETE FROM score WHERE sessionId = ? AND participant = ? AND ideaId = ? AND criterion = ?",
                               arguments: arguments)
                try db.execute(sql: "DELETE FROM abstention WHERE sessionId = ? AND participant = ? AND ideaId = ? AND criterion = ?",
                               arguments: arguments)
                switch input.entry {
                case .score(let value)?:
                    try db.execute(sql: "INSERT INTO score (sessionId, participant, ideaId, criterion, value, channel) VALUES (?, ?, ?, ?, ?, ?)",
                                   arguments: arguments + [value, input.channel.rawValue])
                case .abstain?:
                    try db.execute(sql: "INSERT INTO abstention (sessionId, participant, ideaId, criterion, channel) VALUES (?, ?, ?, ?, ?)",
                                   arguments: arguments + [input.channel.rawValue])
                case nil:
                    break
                }
            }
            try appendEvent(db, idea: nil, kind: .scored, after: EventJSON.encode(ScoreEvent(session: sessionID, inputs: inputs)), at: now)
            let line = EventJSON.encode(SessionMark(session: sessionID))
            var seen: Set<IdeaID> = []
            for input in inputs where input.entry != nil && seen.insert(input.key.idea).inserted {
                let written = try Bool.fetchOne(
                    db, sql: "SELECT COUNT(*) > 0 FROM event WHERE ideaId = ? AND kind = ? AND after = ?",
                    arguments: [input.key.idea.rawValue, EventKind.scored.rawValue, line]) ?? false
                if !written { try appendEvent(db, idea: input.key.idea, kind: .scored, after: line, at: now) }
            }
        case .addParticipant, .excludeParticipant:
            try db.execute(sql: "UPDATE session SET participants = ?, excluded = ? WHERE id = ?",
                           arguments: [EventJSON.encode(changed.participants), StoredExclusion.encode(changed.excluded), sessionID])
            try appendEvent(db, idea: nil, kind: .sessionUpdated, after: EventJSON.encode(RoomEvent(session: sessionID, change: change)), at: now)
        case .note(let cell, _):
            try db.execute(sql: "DELETE FROM cellNote WHERE sessionId = ? AND ideaId = ? AND criterion = ?",
                           arguments: [sessionID, cell.idea.rawValue, cell.criterion])
            if let text = changed.notes[cell] {
                try db.execute(sql: "INSERT INTO cellNote (sessionId, ideaId, criterion, text) VALUES (?, ?, ?, ?)",
                               arguments: [sessionID, cell.idea.rawValue, cell.criterion, text])
            }
            try appendEvent(db, idea: nil, kind: .sessionUpdated, after: EventJSON.encode(RoomEvent(session: sessionID, change: change)), at: now)
        case .startRevote:
            guard let revote = changed.revote else { break }
            for cell in revote.cells {
                for table in ["score", "abstention"] {
                    try db.execute(sql: "DELETE FROM \(table) WHERE sessionId = ? AND ideaId = ? AND criterion = ?",
                                   arguments: [sessionID, cell.idea.rawValue, cell.criterion])
                }
            }
            try db.execute(sql: "UPDATE session SET revote = ?, status = ? WHERE id = ?",
                           arguments: [EventJSON.encode(StoredRevote(revote)), changed.status.rawValue, sessionID])
            try appendEvent(db, idea: nil, kind: .sessionUpdated, after: EventJSON.encode(RoomEvent(session: sessionID, change: change)), at: now)
        }
        return changed
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

    /// Closes and locks a session: stores its results and gives each idea its score and rank badge. A session in which
    /// not every participant who counts filled in every cell is refused unless `allowIncomplete`.
    @discardableResult
    public func closeSession(_ id: SessionID, allowIncomplete: Bool = false) throws -> WeighingSession {
        let now = clock()
        return try write { db in
            var session = try Self.session(id, in: db)
            try Self.ruled { () throws(DomainError) in try session.checkClosing(allowIncomplete: allowIncomplete) }
            let results = session.results
            session.status = .closed
            session.closedAt = now
            let stored = ResultsJSON(results, criteria: session.criteria)
            try db.execute(sql: "UPDATE session SET status = 'closed', closedAt = ?, results = ? WHERE id = ?",
                           arguments: [now, EventJSON.encode(stored), id.rawValue])
            for ranked in results.ranking {
                // An idea nobody scored was weighed in this session but gets no score or rank.
                try db.execute(sql: "UPDATE idea SET weighScore = ?, weighRank = ?, weighSession = ? WHERE id = ?",
                               arguments: [ranked.unscored ? nil : ranked.score, ranked.unscored ? nil : ranked.rank, id.rawValue,
                                           ranked.idea.rawValue])
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

/// Entries as recorded in the event log's audit row: every score, abstention and clearing.
struct ScoreEvent: Encodable {
    struct Entry: Encodable {
        var participant: Int
        var idea: Int64
        var criterion: Int
        /// The score; nil for an abstention or a clearing.
        var value: Int?
        var abstain: Bool?
    }

    var session: Int64
    var entries: [Entry]

    init(session: Int64, inputs: [ScoreInput]) {
        self.session = session
        entries = inputs.map { input in
            var entry = Entry(participant: input.key.participant, idea: input.key.idea.rawValue, criterion: input.key.criterion)
            switch input.entry {
            case .score(let value)?: entry.value = value
            case .abstain?: entry.abstain = true
            case nil: break
            }
            return entry
        }
    }
}

/// Stored results of a closed session.
public struct ResultsJSON: Codable, Equatable, Sendable {
    public struct Ranked: Codable, Equatable, Sendable {
        public var idea: Int64
        /// Absent for an idea without any score.
        public var score: Double?
        /// Absent for an idea without any score.
        public var rank: Int?
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
    public var participantsComplete: Int?
    public var participantsTotal: Int?

    public init(_ result: WeighingResult, criteria: [Criterion]) {
        method = result.method.rawValue
        normalization = result.normalization.rawValue
        aggregate = result.aggregate.rawValue
        ranking = result.ranking.map {
            Ranked(idea: $0.idea.rawValue, score: $0.unscored ? nil : $0.score, rank: $0.unscored ? nil : $0.rank, vetoed: $0.vetoed)
        }
        cells = result.cells.map {
            Cell(idea: $0.idea.rawValue, criterion: criteria[$0.criterion].name, mean: $0.mean, median: $0.median, sd: $0.sd,
                 iqr: $0.iqr, range: $0.range)
        }
        kendallW = result.kendallW
        participantsComplete = result.participantsComplete
        participantsTotal = result.participantsTotal
    }
}
