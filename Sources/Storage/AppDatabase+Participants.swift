import Domain
import Foundation
import GRDB

/// Participants scoring for themselves: their own links to a shared session, and scores entered through them.
extension AppDatabase {
    /// Starts (or continues) sharing a session: every participant without a link in use gets one, with the next of
    /// `tokens`; links still in use are kept, so phones keep working after the facilitator's program restarts.
    /// Refused for a closed session. Returns every participant's link in use, in participant order.
    public func shareSession(_ id: SessionID, tokens: [ParticipantToken]) throws -> [ParticipantLink] {
        let now = clock()
        return try write { db in
            let session = try Self.session(id, in: db)
            guard session.status != .closed else { throw DomainErrorBox(error: .sessionClosed) }
            let existing = try Self.linksInUse(id, in: db)
            var unused = tokens.makeIterator()
            var created = 0
            for participant in session.participants.indices where !existing.contains(where: { $0.participant == participant }) {
                guard let token = unused.next() else { throw DomainErrorBox(error: .linkNotValid) }
                try db.execute(sql: "INSERT INTO participantLink (token, sessionId, participant, createdAt) VALUES (?, ?, ?, ?)",
                               arguments: [token.text, id.rawValue, participant, now])
                created += 1
            }
            if created > 0 {  // the event names how many, never a token
                try appendEvent(db, idea: nil, kind: .sessionShared, after: "{\"session\":\(id.rawValue),\"links\":\(created)}", at: now)
            }
            return try Self.linksInUse(id, in: db).sorted { $0.participant < $1.participant }  // as stored
        }
    }

    /// Ends every link of a session still in use: they answer "ended" from now on. Returns how many ended.
    @discardableResult
    public func stopSharing(_ id: SessionID) throws -> Int {
        let now = clock()
        return try write { db in
            _ = try Self.session(id, in: db)
            try db.execute(sql: "UPDATE participantLink SET endedAt = ? WHERE sessionId = ? AND endedAt IS NULL", arguments: [now, id.rawValue])
            let ended = db.changesCount
            if ended > 0 {
                try appendEvent(db, idea: nil, kind: .sharingStopped, after: "{\"session\":\(id.rawValue),\"ended\":\(ended)}", at: now)
            }
            return ended
        }
    }

    /// The links of a session still in use, in participant order.
    public func participantLinks(_ id: SessionID) throws -> [ParticipantLink] {
        try read { db in try Self.linksInUse(id, in: db).sorted { $0.participant < $1.participant } }
    }

    /// The session a link lets its holder score, with the participant's index; refused for a link never given out,
    /// one whose sharing stopped, or a closed session.
    public func linkAccess(_ token: ParticipantToken) throws -> (session: WeighingSession, participant: Int) {
        try read { db in
            let link = try Self.link(token, in: db)
            let session = try Self.session(link.session, in: db)
            return (session, try Self.ruled { () throws(DomainError) in try link.participant(in: session) })
        }
    }

    /// Enters, changes or (with a nil entry) clears the link holder's own cells (idea, criterion index, a score or an
    /// abstention), checked by the session's rules in the same transaction that writes them: the link in use, the
    /// participant not excluded, the session not closed, the cell open in this round, every score on its scale. All or nothing.
    public func enter(
        through token: ParticipantToken, _ entries: [(idea: IdeaID, criterion: Int, entry: CellEntry?)], channel: ScoreChannel
    ) throws -> (session: WeighingSession, participant: Int) {
        let now = clock()
        return try write { db in
            let link = try Self.link(token, in: db)
            let session = try Self.session(link.session, in: db)
            let participant = try Self.ruled { () throws(DomainError) in try link.participant(in: session) }
            let inputs = entries.map {
                ScoreInput(ScoreKey(participant: participant, idea: $0.idea, criterion: $0.criterion), $0.entry, channel: channel)
            }
            return (try apply(.enter(inputs), to: session, db: db, at: now), participant)
        }
    }

    private static func link(_ token: ParticipantToken, in db: Database) throws -> ParticipantLink {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM participantLink WHERE token = ?", arguments: [token.text]) else {
            throw DomainErrorBox(error: .linkNotValid)
        }
        return try link(from: row)
    }

    private static func linksInUse(_ id: SessionID, in db: Database) throws -> [ParticipantLink] {
        try Row.fetchAll(db, sql: "SELECT * FROM participantLink WHERE sessionId = ? AND endedAt IS NULL", arguments: [id.rawValue])
            .map(link(from:))
    }

    private static func link(from row: Row) throws -> ParticipantLink {
        let session: Int64 = row["sessionId"]
        let text: String = row["token"]
        guard let token = ParticipantToken(text) else {
            // Never the secret in the message: only its length.
            throw StorageError.unreadableValue(table: "participantLink", record: "session \(session)", field: "token",
                                               value: "\(text.count) characters")
        }
        return ParticipantLink(session: SessionID(session), participant: row["participant"], token: token, createdAt: row["createdAt"],
                               endedAt: row["endedAt"])
    }
}
