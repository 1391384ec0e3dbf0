import Foundation

/// The stable identifier of a weighing session.
public struct SessionID: Hashable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: Int64

    public init(_ rawValue: Int64) { self.rawValue = rawValue }

    public init?(parsing text: String) {
        var digits = Substring(text.trimmingCharactersInWhitespace())
        if digits.hasPrefix("S") || digits.hasPrefix("s") { digits = digits.dropFirst() }
        guard let value = Int64(digits), value > 0 else { return nil }
        rawValue = value
    }

    public var description: String { "S\(rawValue)" }

    public init(from decoder: any Decoder) throws { rawValue = try decoder.singleValueContainer().decode(Int64.self) }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

/// Where a session is: scoring blind, revealed, or closed and locked.
public enum SessionStatus: String, Sendable, Codable {
    case open
    case revealed
    case closed
}

/// A weighing session: ideas, participants, a snapshot of the criteria, scores, method and status.
public struct WeighingSession: Equatable, Sendable {
    public var id: SessionID?
    public var setName: String
    public var setVersion: Int
    public var criteria: [Criterion]
    public var ideas: [IdeaID]
    public var participants: [String]
    public var scores: [ScoreKey: Int]
    /// How each score was entered (a score stored before channels were recorded has none).
    public var channels: [ScoreKey: ScoreChannel] = [:]
    public var status: SessionStatus
    public var method: WeighingMethod
    public var normalization: Normalization
    public var aggregate: Aggregate
    public var createdAt: Date
    public var closedAt: Date?

    public init(
        id: SessionID? = nil, set: CriteriaSet, ideas: [IdeaID], participants: [String], createdAt: Date,
        method: WeighingMethod = .weightedSum, normalization: Normalization = .minMax, aggregate: Aggregate = .mean
    ) {
        self.id = id
        setName = set.name
        setVersion = set.version
        criteria = set.criteria
        self.ideas = ideas
        self.participants = participants
        scores = [:]
        status = .open
        self.method = method
        self.normalization = normalization
        self.aggregate = aggregate
        self.createdAt = createdAt
    }

    /// Participants from names, or "anonymous 1…n" from a count.
    public static func participants(from text: String) -> [String] {
        let trimmed = text.trimmingCharactersInWhitespace()
        if let count = Int(trimmed), count > 0, count <= 50 { return (1...count).map { "anoniem \($0)" } }
        return trimmed.split(separator: ",").map { TextSanitizer.singleLine(String($0)).trimmingCharactersInWhitespace() }.filter { !$0.isEmpty }
    }

    /// Checks that the session can start: at least one idea, criterion and participant.
    public func validated() throws(DomainError) -> WeighingSession {
        guard !ideas.isEmpty else { throw .sessionNeeds(.ideas) }
        guard !criteria.isEmpty else { throw .sessionNeeds(.criteria) }
        guard !participants.isEmpty else { throw .sessionNeeds(.participants) }
        guard Set(ideas).count == ideas.count else { throw .sessionNeeds(.distinctIdeas) }
        return self
    }

    /// The score cell for a participant and criterion named case-insensitively and an idea of this session.
    public func scoreKey(participant: String, idea: IdeaID, criterion: String) throws(DomainError) -> ScoreKey {
        let who = participant.trimmingCharactersInWhitespace().lowercased()
        guard let person = participants.firstIndex(where: { $0.lowercased() == who }) else {
            throw .unknownParticipant(participant, known: participants)
        }
        guard ideas.contains(idea) else { throw .ideaNotInSession(idea) }
        guard let index = CriteriaSet(name: setName, criteria: criteria).index(of: criterion) else { throw .unknownCriterion(criterion) }
        return ScoreKey(participant: person, idea: idea, criterion: index)
    }

    /// Sets (or with nil clears) one score, refusing scores outside the criterion's scale and changes to a closed session.
    public func scoring(_ key: ScoreKey, _ value: Int?) throws(DomainError) -> WeighingSession {
        guard status != .closed else { throw .sessionClosed }
        guard criteria.indices.contains(key.criterion), participants.indices.contains(key.participant), ideas.contains(key.idea) else {
            throw .sessionNeeds(.knownScore)
        }
        var copy = self
        if let value {
            let criterion = criteria[key.criterion]
            guard criterion.accepts(value) else { throw .scoreOutOfScale(value, min: criterion.scaleMin, max: criterion.scaleMax) }
            copy.scores[key] = value
        } else {
            copy.scores[key] = nil
        }
        return copy
    }

    /// The results with the session's method, normalisation and aggregate.
    public var results: WeighingResult {
        Weighing.results(criteria: criteria, ideas: ideas, participants: participants.count, scores: scores, method: method,
                         normalization: normalization, aggregate: aggregate)
    }
}

/// A weighing session as listed: enough to pick one.
public struct SessionSummary: Equatable, Sendable {
    public var id: SessionID
    public var setName: String
    public var ideas: Int
    public var participants: Int
    public var status: SessionStatus
    public var createdAt: Date

    public init(id: SessionID, setName: String, ideas: Int, participants: Int, status: SessionStatus, createdAt: Date) {
        self.id = id
        self.setName = setName
        self.ideas = ideas
        self.participants = participants
        self.status = status
        self.createdAt = createdAt
    }
}
