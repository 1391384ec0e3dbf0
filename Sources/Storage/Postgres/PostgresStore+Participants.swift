import Domain
import Foundation
import PostgresNIO

/// Participants scoring for themselves: their own links to a shared session, and scores entered through them.
extension PostgresStore {
    /// Starts (or continues) sharing a session: every participant without a link in use gets one, with the next of
    /// `tokens`; links still in use are kept. Refused for a closed session. Returns every participant's link in use, in
    /// participant order.
    public func shareSession(_ id: SessionID, tokens: [ParticipantToken]) throws -> [ParticipantLink] {
        let now = clock()
        return try write {
            let stored = try storedSession(id)
            guard stored.status != .closed else { throw DomainError.sessionClosed }
            let existing = try linksInUse(id)
            var unused = tokens.makeIterator()
            var created = 0
            for participant in stored.participants.indices where !existing.contains(where: { $0.participant == participant }) {
                guard let token = unused.next() else { throw DomainError.linkNotValid }
                try session.execute("""
                    INSERT INTO participantLink (token, sessionId, participant, createdAt)
                    VALUES (\(token.text), \(id.rawValue), \(participant), \(PostgresTime.text(now)))
                    """)
                created += 1
            }
            if created > 0 {  // the event names how many, never a token
                try appendEvent(idea: nil, kind: .sessionShared, after: "{\"session\":\(id.rawValue),\"links\":\(created)}", at: now)
            }
            return try linksInUse(id).sorted { $0.participant < $1.participant }
        }
    }

    /// Ends every link of a session still in use: they answer "ended" from now on. Returns how many ended.
    @discardableResult
    public func stopSharing(_ id: SessionID) throws -> Int {
        let now = clock()
        return try write {
            _ = try storedSession(id)
            let ended = try session.query("""
                UPDATE participantLink SET endedAt = \(PostgresTime.text(now)) WHERE sessionId = \(id.rawValue) AND endedAt IS NULL
                RETURNING token
                """).count
            if ended > 0 {
                try appendEvent(idea: nil, kind: .sharingStopped, after: "{\"session\":\(id.rawValue),\"ended\":\(ended)}", at: now)
            }
            return ended
        }
    }

    /// The links of a session still in use, in participant order.
    public func participantLinks(_ id: SessionID) throws -> [ParticipantLink] {
        try linksInUse(id).sorted { $0.participant < $1.participant }
    }

    /// The session a link lets its holder score, with the participant's index; refused for a link never given out,
    /// one whose sharing stopped, or a closed session.
    public func linkAccess(_ token: ParticipantToken) throws -> (session: WeighingSession, participant: Int) {
        try read {
            let link = try storedLink(token)
            let stored = try storedSession(link.session)
            return (stored, try link.participant(in: stored))
        }
    }

    /// Enters, changes or (with a nil entry) clears the link holder's own cells, checked by the session's rules in the
    /// same transaction that writes them. All or nothing.
    public func enter(
        through token: ParticipantToken, _ entries: [(idea: IdeaID, criterion: Int, entry: CellEntry?)], channel: ScoreChannel
    ) throws -> (session: WeighingSession, participant: Int) {
        let now = clock()
        return try write {
            let link = try storedLink(token)
            let stored = try storedSession(link.session)
            let participant = try link.participant(in: stored)
            let inputs = entries.map {
                ScoreInput(ScoreKey(participant: participant, idea: $0.idea, criterion: $0.criterion), $0.entry, channel: channel)
            }
            return (try apply(.enter(inputs), to: stored, at: now), participant)
        }
    }

    private func storedLink(_ token: ParticipantToken) throws -> ParticipantLink {
        guard let row = try session.query("SELECT * FROM participantLink WHERE token = \(token.text)").first else {
            throw DomainError.linkNotValid
        }
        return try Self.link(from: row)
    }

    private func linksInUse(_ id: SessionID) throws -> [ParticipantLink] {
        try session.query("SELECT * FROM participantLink WHERE sessionId = \(id.rawValue) AND endedAt IS NULL").map(Self.link(from:))
    }

    private static func link(from row: PostgresRandomAccessRow) throws -> ParticipantLink {
        let session = try row["sessionid"].decode(Int64.self)
        let text = try row["token"].decode(String.self)
        guard let token = ParticipantToken(text) else {
            // Never the secret in the message: only its length.
            throw StorageError.unreadableValue(table: "participantLink", record: "session \(session)", field: "token",
                                               value: "\(text.count) characters")
        }
        func time(_ column: String) throws -> Date? {
            guard let stored = try row[column].decode(String?.self) else { return nil }
            guard let date = PostgresTime.date(stored) else {
                throw StorageError.unreadableValue(table: "participantLink", record: "session \(session)", field: column, value: stored)
            }
            return date
        }
        guard let createdAt = try time("createdat") else {
            throw StorageError.unreadableValue(table: "participantLink", record: "session \(session)", field: "createdAt", value: "NULL")
        }
        return ParticipantLink(session: SessionID(session), participant: try row["participant"].decode(Int.self), token: token,
                               createdAt: createdAt, endedAt: try time("endedat"))
    }
}
