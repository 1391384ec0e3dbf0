import Foundation

/// A participant's own link to score one session from a web page: valid while sharing lasts and the session is not closed.
public struct ParticipantLink: Equatable, Sendable {
    public var session: SessionID
    /// The participant's index in the session.
    public var participant: Int
    public var token: ParticipantToken
    public var createdAt: Date
    /// When sharing stopped; nil while the link is in use.
    public var endedAt: Date?

    public init(session: SessionID, participant: Int, token: ParticipantToken, createdAt: Date, endedAt: Date? = nil) {
        self.session = session
        self.participant = participant
        self.token = token
        self.createdAt = createdAt
        self.endedAt = endedAt
    }

    /// The participant this link lets score `session` (the session it belongs to, as it is now); refused once sharing
    /// stopped, the session closed or the participant was excluded.
    public func participant(in session: WeighingSession) throws(DomainError) -> Int {
        guard endedAt == nil else { throw .linkEnded }
        guard session.status != .closed else { throw .sessionClosed }
        guard session.id == self.session, session.participants.indices.contains(participant) else { throw .linkNotValid }
        guard session.excluded[participant] == nil else { throw .participantExcluded(session.participants[participant]) }
        return participant
    }
}
