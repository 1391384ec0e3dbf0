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
public enum SessionStatus: String, CaseIterable, Sendable, Codable {
    case open
    case revealed
    case closed
}

/// A weighing session: ideas, participants, a snapshot of the criteria, entries, method and status.
public struct WeighingSession: Equatable, Sendable {
    public var id: SessionID?
    public var setName: String
    public var setVersion: Int
    public var criteria: [Criterion]
    public var ideas: [IdeaID]
    /// Everyone who ever took part, in the order they joined; a participant's index never changes.
    public var participants: [String]
    public var scores: [ScoreKey: Int]
    /// Cells a participant explicitly abstained on (never also in `scores`).
    public var abstentions: Set<ScoreKey>
    /// Participants who left, by index, with the reason: their entries stay stored but count nowhere.
    public var excluded: [Int: String]
    /// A note per cell, written during the discussion.
    public var notes: [SessionCell: String]
    /// The re-vote round, once started.
    public var revote: Revote?
    /// How each entry (a score or an abstention) was made; an entry stored before this was recorded has none.
    public var channels: [ScoreKey: ScoreChannel]
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
        abstentions = []
        channels = [:]
        excluded = [:]
        notes = [:]
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
        // A bare number is a count of anonymous participants (1 to 50), never a name: `0`, `-3` and `51` are refused.
        if let number = participants.first(where: { Int($0) != nil }) {
            throw .numberOutOfRange(.participants, number)
        }
        var seen = Set<String>()
        for name in participants {
            try TextLimit.check(name, field: "participant", limit: TextLimit.line)
            guard seen.insert(Privacy.nameKey(name)).inserted else { throw .duplicateParticipant(name) }
        }
        return self
    }

    /// 1, or 2 once a re-vote has started.
    public var round: Int { revote == nil ? 1 : 2 }

    /// The participants who count: everyone not excluded, by index.
    public var activeParticipants: [Int] { participants.indices.filter { excluded[$0] == nil } }

    /// The number of cells each participant fills in.
    public var cellCount: Int { ideas.count * criteria.count }

    /// What a participant entered in a cell, if anything.
    public func entry(_ key: ScoreKey) -> CellEntry? {
        if let value = scores[key] { return .score(value) }
        return abstentions.contains(key) ? .abstain : nil
    }

    /// How many cells a participant has scored or abstained on.
    public func entered(by participant: Int) -> Int {
        scores.keys.reduce(0) { $0 + ($1.participant == participant ? 1 : 0) }
            + abstentions.reduce(0) { $0 + ($1.participant == participant ? 1 : 0) }
    }

    /// Whether this cell is open for entries now: every cell in round 1, only the re-voted cells in round 2.
    public func isOpen(_ cell: SessionCell) -> Bool {
        revote.map { $0.cells.contains(cell) } ?? true
    }

    /// The score cell for a participant and criterion named case-insensitively and an idea of this session.
    public func scoreKey(participant: String, idea: IdeaID, criterion: String) throws(DomainError) -> ScoreKey {
        let person = try participantIndex(participant)
        guard ideas.contains(idea) else { throw .ideaNotInSession(idea) }
        guard let index = CriteriaSet(name: setName, criteria: criteria).index(of: criterion) else { throw .unknownCriterion(criterion) }
        return ScoreKey(participant: person, idea: idea, criterion: index)
    }

    /// A participant's index by name, any case.
    public func participantIndex(_ name: String) throws(DomainError) -> Int {
        let who = name.trimmingCharactersInWhitespace().lowercased()
        guard let person = participants.firstIndex(where: { $0.lowercased() == who }) else {
            throw .unknownParticipant(name, known: activeParticipants.map { participants[$0] })
        }
        return person
    }

    /// Sets (or with nil clears) one score, refusing scores outside the criterion's scale and changes to a closed session.
    public func scoring(_ key: ScoreKey, _ value: Int?) throws(DomainError) -> WeighingSession {
        try applying(.enter([ScoreInput(key, value.map(CellEntry.score), channel: .board)]))
    }

    /// The results with the session's method, normalisation and aggregate, over the participants who count.
    public var results: WeighingResult { results(criteria: criteria) }

    /// The results with other weights (a what-if for the room; nothing is stored).
    public func results(weights: [Double]) -> WeighingResult {
        var changed = criteria
        for index in changed.indices where weights.indices.contains(index) { changed[index].weight = weights[index] }
        return results(criteria: changed)
    }

    private func results(criteria: [Criterion]) -> WeighingResult {
        Weighing.results(criteria: criteria, ideas: ideas, participants: activeParticipants, scores: scores, abstentions: abstentions,
                         openCells: lateJoinerCells, method: method, normalization: normalization, aggregate: aggregate)
    }

    /// The session as it stood after round 1 (nil before a re-vote): its scores, and its participants as they were
    /// then, so someone who joins or is excluded during the re-vote leaves round 1 as it was recorded.
    public var firstRound: WeighingSession? {
        guard let revote else { return nil }
        var copy = self
        let cells = Set(revote.cells)
        copy.scores = scores.filter { !cells.contains($0.key.cell) }.merging(revote.firstRound) { $1 }
        copy.abstentions = abstentions.filter { !cells.contains($0.cell) }.union(revote.firstRoundAbstentions)
        if let count = revote.participantsAtStart, count <= participants.count {
            copy.participants = Array(participants.prefix(count))
            copy.scores = copy.scores.filter { $0.key.participant < count }
            copy.abstentions = copy.abstentions.filter { $0.participant < count }
        }
        if let excludedAtStart = revote.excludedAtStart { copy.excluded = excludedAtStart }
        copy.revote = nil
        return copy
    }

    /// How each re-voted cell moved from round 1 to round 2 (empty before a re-vote).
    public func revoteShifts(current: WeighingResult, firstRound: WeighingResult) -> [CellShift] {
        guard let revote else { return [] }
        return revote.cells.compactMap { cell in
            guard let after = current.cells.first(where: { $0.cell == cell }),
                  let before = firstRound.cells.first(where: { $0.cell == cell }) else { return nil }
            return CellShift(cell: cell, before: before, after: after)
        }
    }

    /// Refuses to lock a session in which not every participant who counts filled in every cell, unless asked to.
    public func checkClosing(allowIncomplete: Bool) throws(DomainError) {
        guard status != .closed else { throw .sessionClosed }
        let result = results
        if !allowIncomplete, result.participantsComplete < result.participantsTotal {
            throw .sessionIncomplete(complete: result.participantsComplete, total: result.participantsTotal)
        }
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
