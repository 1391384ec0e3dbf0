import Domain
import Foundation
import PostgresNIO

extension PostgresStore {
    /// Stores a new session (checked: ideas exist) and returns it with its id.
    public func createSession(_ session: WeighingSession) throws -> WeighingSession {
        let valid = try session.validated()
        let now = clock()
        return try write {
            for idea in valid.ideas where try fetchIdea(idea) == nil { throw DomainError.ideaNotFound(idea) }
            guard let row = try self.session.query("""
                INSERT INTO session (setName, setVersion, criteria, ideas, participants, status, method, normalization, aggregate, createdAt)
                VALUES (\(valid.setName), \(valid.setVersion), \(EventJSON.encode(valid.criteria)), \(EventJSON.encode(valid.ideas)),
                \(EventJSON.encode(valid.participants)), \(valid.status.rawValue), \(valid.method.rawValue),
                \(valid.normalization.rawValue), \(valid.aggregate.rawValue), \(PostgresTime.text(now)))
                RETURNING id
                """).first else {
                throw PostgresStoreError.serverError(server: location.redacted, code: "?", detail: "no id returned for a new session")
            }
            var stored = valid
            stored.id = SessionID(try row[0].decode(Int64.self))
            stored.createdAt = now
            try appendEvent(idea: nil, kind: .sessionCreated, after: EventJSON.encode(SessionEvent(stored)), at: now)
            return stored
        }
    }

    /// One session with its scores.
    public func session(_ id: SessionID) throws -> WeighingSession {
        try read { try storedSession(id) }
    }

    /// One session with its scores, read strictly (as `AppDatabase.session(_:in:)`), with whatever transaction is open.
    func storedSession(_ id: SessionID) throws -> WeighingSession {
        guard let row = try session.query("SELECT * FROM session WHERE id = \(id.rawValue)").first else {
            throw DomainError.sessionNotFound(id.description)
        }
        let record = "session \(id.rawValue)"
        func text(_ column: String) throws -> String { try row[column].decode(String.self) }
        func decode<T: Decodable>(_ type: T.Type, _ column: String) throws -> T {
            try StoredValue.json(type, try text(column), table: "session", record: record, field: column)
        }
        func value<T: RawRepresentable>(_ type: T.Type, _ column: String) throws -> T where T.RawValue == String {
            try StoredValue.value(type, try text(column), table: "session", record: record, field: column)
        }
        func time(_ column: String) throws -> Date? {
            guard let stored = try row[column].decode(String?.self) else { return nil }
            guard let date = PostgresTime.date(stored) else {
                throw StorageError.unreadableValue(table: "session", record: record, field: column, value: stored)
            }
            return date
        }
        guard let createdAt = try time("createdat") else {
            throw StorageError.unreadableValue(table: "session", record: record, field: "createdAt", value: "NULL")
        }
        var stored = WeighingSession(
            id: id, set: CriteriaSet(name: try text("setname"), version: try row["setversion"].decode(Int.self),
                                     criteria: try StoredValue.criteria(try text("criteria"), table: "session", record: record)),
            ideas: try decode([IdeaID].self, "ideas"), participants: try decode([String].self, "participants"), createdAt: createdAt,
            method: try value(WeighingMethod.self, "method"), normalization: try value(Normalization.self, "normalization"),
            aggregate: try value(Aggregate.self, "aggregate"))
        stored.status = try value(SessionStatus.self, "status")
        stored.closedAt = try time("closedat")
        try StoredValue.sessionShape(criteria: stored.criteria, ideas: stored.ideas, participants: stored.participants, record: record)
        for score in try session.query("SELECT participant, ideaId, criterion, value, channel FROM score WHERE sessionId = \(id.rawValue)") {
            // Every stored score must fit its session: a known participant, idea and criterion, a value on the scale.
            func unreadable(_ field: String, _ index: Int) -> StorageError {
                .unreadableValue(table: "score", record: record, field: field, value: "\((try? score[index].decode(Int64.self)) ?? 0)")
            }
            guard let participant = try? score[0].decode(Int.self), stored.participants.indices.contains(participant) else {
                throw unreadable("participant", 0)
            }
            guard let idea = (try? score[1].decode(Int64.self)).map(IdeaID.init), stored.ideas.contains(idea) else {
                throw unreadable("ideaId", 1)
            }
            guard let criterion = try? score[2].decode(Int.self), stored.criteria.indices.contains(criterion) else {
                throw unreadable("criterion", 2)
            }
            guard let value = try? score[3].decode(Int.self), stored.criteria[criterion].accepts(value) else { throw unreadable("value", 3) }
            let key = ScoreKey(participant: participant, idea: idea, criterion: criterion)
            stored.scores[key] = value
            stored.channels[key] = try StoredValue.value(ScoreChannel.self, try score[4].decode(String?.self), table: "score", record: record,
                                                         field: "channel")
        }
        for abstention in try session.query("SELECT participant, ideaId, criterion, channel FROM abstention WHERE sessionId = \(id.rawValue)") {
            let key = ScoreKey(participant: try abstention[0].decode(Int.self), idea: IdeaID(try abstention[1].decode(Int64.self)),
                               criterion: try abstention[2].decode(Int.self))
            stored.abstentions.insert(key)
            stored.channels[key] = try StoredValue.value(ScoreChannel.self, try abstention[3].decode(String?.self), table: "abstention",
                                                         record: record, field: "channel")
        }
        stored.excluded = try StoredExclusion.decode(try text("excluded"), participants: stored.participants.count, record: record)
        if let revote = try row["revote"].decode(String?.self) {
            stored.revote = try StoredRevote.decode(revote, session: stored, record: record)
        }
        for note in try session.query("SELECT ideaId, criterion, text FROM cellNote WHERE sessionId = \(id.rawValue)") {
            let cell = SessionCell(idea: IdeaID(try note[0].decode(Int64.self)), criterion: try note[1].decode(Int.self))
            guard stored.ideas.contains(cell.idea), stored.criteria.indices.contains(cell.criterion) else {
                throw StorageError.unreadableValue(table: "cellNote", record: record, field: "criterion", value: "\(cell.idea) × \(cell.criterion)")
            }
            stored.notes[cell] = try note[2].decode(String.self)
        }
        return stored
    }

    /// All sessions, newest first.
    public func sessions() throws -> [SessionSummary] {
        try session.query("SELECT id, setName, ideas, participants, status, createdAt FROM session ORDER BY id DESC").map { row in
            let id = try row[0].decode(Int64.self)
            let record = "session \(id)"
            let created = try row[5].decode(String.self)
            guard let createdAt = PostgresTime.date(created) else {
                throw StorageError.unreadableValue(table: "session", record: record, field: "createdAt", value: created)
            }
            return SessionSummary(
                id: SessionID(id), setName: try row[1].decode(String.self),
                ideas: try StoredValue.json([IdeaID].self, try row[2].decode(String.self), table: "session", record: record, field: "ideas").count,
                participants: try StoredValue.json([String].self, try row[3].decode(String.self), table: "session", record: record,
                                                   field: "participants").count,
                status: try StoredValue.value(SessionStatus.self, try row[4].decode(String.self), table: "session", record: record, field: "status"),
                createdAt: createdAt)
        }
    }

    /// Carries out changes to a live session in order, each checked by the session's rules against the session as it
    /// stands, in one transaction (all or none); returns the session as it is afterwards.
    @discardableResult
    public func changeSession(_ id: SessionID, _ changes: [SessionChange]) throws -> WeighingSession {
        let now = clock()
        return try write {
            var stored = try storedSession(id)
            for change in changes { stored = try apply(change, to: stored, at: now) }
            return stored
        }
    }

    /// Writes one session change (checked by the session's rules first) inside an open transaction: the same rows and
    /// events as `AppDatabase.apply(_:to:db:at:)`.
    func apply(_ change: SessionChange, to stored: WeighingSession, at now: Date) throws -> WeighingSession {
        let id = stored.id!
        let changed = try stored.applying(change)
        let sessionID = id.rawValue
        switch change {
        case .enter(let inputs):
            for input in inputs {
                let key = input.key
                let (participant, idea, criterion) = (key.participant, key.idea.rawValue, key.criterion)
                try session.execute("""
                    DELETE FROM score WHERE sessionId = \(sessionID) AND participant = \(participant) AND ideaId = \(idea)
                    AND criterion = \(criterion)
                    """)
                try session.execute("""
                    DELETE FROM abstention WHERE sessionId = \(sessionID) AND participant = \(participant) AND ideaId = \(idea)
                    AND criterion = \(criterion)
                    """)
                switch input.entry {
                case .score(let value)?:
                    try session.execute("""
                        INSERT INTO score (sessionId, participant, ideaId, criterion, value, channel)
                        VALUES (\(sessionID), \(participant), \(idea), \(criterion), \(value), \(input.channel.rawValue))
                        """)
                case .abstain?:
                    try session.execute("""
                        INSERT INTO abstention (sessionId, participant, ideaId, criterion, channel)
                        VALUES (\(sessionID), \(participant), \(idea), \(criterion), \(input.channel.rawValue))
                        """)
                case nil:
                    break
                }
            }
            try appendEvent(idea: nil, kind: .scored, after: EventJSON.encode(ScoreEvent(session: sessionID, inputs: inputs)), at: now)
            let line = EventJSON.encode(SessionMark(session: sessionID))
            var seen: Set<IdeaID> = []
            for input in inputs where input.entry != nil && seen.insert(input.key.idea).inserted {
                let written = try session.query("""
                    SELECT EXISTS (SELECT 1 FROM event WHERE ideaId = \(input.key.idea.rawValue) AND kind = \(EventKind.scored.rawValue)
                    AND after = \(line))
                    """).first?[0].decode(Bool.self) ?? false
                if !written { try appendEvent(idea: input.key.idea, kind: .scored, after: line, at: now) }
            }
        case .addParticipant, .excludeParticipant:
            try session.execute("""
                UPDATE session SET participants = \(EventJSON.encode(changed.participants)),
                excluded = \(StoredExclusion.encode(changed.excluded)) WHERE id = \(sessionID)
                """)
            try appendEvent(idea: nil, kind: .sessionUpdated, after: EventJSON.encode(RoomEvent(session: sessionID, change: change)), at: now)
        case .note(let cell, _):
            try session.execute("DELETE FROM cellNote WHERE sessionId = \(sessionID) AND ideaId = \(cell.idea.rawValue) AND criterion = \(cell.criterion)")
            if let text = changed.notes[cell] {
                try session.execute("""
                    INSERT INTO cellNote (sessionId, ideaId, criterion, text) VALUES (\(sessionID), \(cell.idea.rawValue), \(cell.criterion), \(text))
                    """)
            }
            try appendEvent(idea: nil, kind: .sessionUpdated, after: EventJSON.encode(RoomEvent(session: sessionID, change: change)), at: now)
        case .startRevote:
            guard let revote = changed.revote else { break }
            for cell in revote.cells {
                try session.execute("DELETE FROM score WHERE sessionId = \(sessionID) AND ideaId = \(cell.idea.rawValue) AND criterion = \(cell.criterion)")
                try session.execute("""
                    DELETE FROM abstention WHERE sessionId = \(sessionID) AND ideaId = \(cell.idea.rawValue) AND criterion = \(cell.criterion)
                    """)
            }
            try session.execute("""
                UPDATE session SET revote = \(EventJSON.encode(StoredRevote(revote))), status = \(changed.status.rawValue) WHERE id = \(sessionID)
                """)
            try appendEvent(idea: nil, kind: .sessionUpdated, after: EventJSON.encode(RoomEvent(session: sessionID, change: change)), at: now)
        }
        return changed
    }

    /// Stores the status (open or revealed), method, normalisation and aggregate of a session.
    public func updateSession(_ changed: WeighingSession) throws {
        guard let id = changed.id else { throw DomainError.sessionNotFound("(new)") }
        let now = clock()
        try write {
            let current = try storedSession(id)
            guard current.status != .closed else { throw DomainError.sessionClosed }
            let status = changed.status == .closed ? current.status : changed.status
            try session.execute("""
                UPDATE session SET status = \(status.rawValue), method = \(changed.method.rawValue),
                normalization = \(changed.normalization.rawValue), aggregate = \(changed.aggregate.rawValue) WHERE id = \(id.rawValue)
                """)
            try appendEvent(idea: nil, kind: .sessionUpdated,
                            after: "{\"session\":\(id.rawValue),\"status\":\"\(status.rawValue)\",\"method\":\"\(changed.method.rawValue)\"}",
                            at: now)
        }
    }

    /// Closes and locks a session: stores its results and gives each idea its score and rank badge. A session in which
    /// not every participant who counts filled in every cell is refused unless `allowIncomplete`.
    @discardableResult
    public func closeSession(_ id: SessionID, allowIncomplete: Bool = false) throws -> WeighingSession {
        let now = clock()
        return try write {
            var stored = try storedSession(id)
            try stored.checkClosing(allowIncomplete: allowIncomplete)
            let results = stored.results
            stored.status = .closed
            stored.closedAt = now
            let json = ResultsJSON(results, criteria: stored.criteria)
            try session.execute("""
                UPDATE session SET status = 'closed', closedAt = \(PostgresTime.text(now)), results = \(EventJSON.encode(json))
                WHERE id = \(id.rawValue)
                """)
            for ranked in results.ranking {
                // An idea nobody scored was weighed in this session but gets no score or rank.
                let score: Double? = ranked.unscored ? nil : ranked.score
                let rank: Int? = ranked.unscored ? nil : ranked.rank
                try session.execute("""
                    UPDATE idea SET weighScore = \(score), weighRank = \(rank), weighSession = \(id.rawValue) WHERE id = \(ranked.idea.rawValue)
                    """)
            }
            try appendEvent(idea: nil, kind: .sessionClosed, after: EventJSON.encode(json), at: now)
            return stored
        }
    }
}
