/// The stable identifier of a consent decision.
public struct DecisionID: Hashable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: Int64

    public init(_ rawValue: Int64) { self.rawValue = rawValue }

    public init?(parsing text: String) {
        var digits = Substring(text.trimmingCharactersInWhitespace())
        if digits.hasPrefix("D") || digits.hasPrefix("d") { digits = digits.dropFirst() }
        guard let value = Int64(digits), value > 0 else { return nil }
        rawValue = value
    }

    public var description: String { "D\(rawValue)" }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(Int64.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

/// What a consent decision is about.
public enum DecisionKind: String, CaseIterable, Sendable, Codable {
    case startExperiment = "start"
    case scale
    case stop
    case `continue`
}

/// How an objection was dealt with.
public enum ObjectionResolution: String, CaseIterable, Sendable, Codable {
    /// The proposal was changed to meet it.
    case amended
    /// The objector withdrew it.
    case withdrawn
}

/// An objection raised in the consent round.
public struct Objection: Equatable, Sendable, Codable {
    public var who: String
    public var text: String
    /// Whether it qualified as a reasoned objection (nil until judged).
    public var qualified: Bool?
    public var resolution: ObjectionResolution?
    /// How it was resolved, in words (the amendment, or why it was withdrawn).
    public var resolutionNote: String
    /// The proposal as it read before this objection amended it (nil when it did not change the proposal).
    public var previousProposal: String?

    public init(
        who: String, text: String, qualified: Bool? = nil, resolution: ObjectionResolution? = nil, resolutionNote: String = "",
        previousProposal: String? = nil
    ) {
        self.who = who
        self.text = text
        self.qualified = qualified
        self.resolution = resolution
        self.resolutionNote = resolutionNote
        self.previousProposal = previousProposal
    }

    /// An objection blocks consent while it is not judged unqualified and not resolved.
    public var blocksConsent: Bool { qualified != false && resolution == nil }
}

/// A non-blocking concern, recorded with the decision.
public struct Concern: Equatable, Sendable, Codable {
    public var who: String
    public var text: String

    public init(who: String, text: String) {
        self.who = who
        self.text = text
    }
}

/// The state of a consent decision.
public enum DecisionOutcome: String, CaseIterable, Sendable, Codable {
    /// The objection round is still going.
    case open
    /// No qualified objection remained: "good enough for now, safe enough to try".
    case consented
}

/// A consent decision on a proposal, with its objection round.
public struct ConsentDecision: Equatable, Sendable, Codable {
    public var id: DecisionID?
    public var ideaID: IdeaID
    public var kind: DecisionKind
    public var proposal: String
    public var responsible: String
    public var reviewDate: DayDate
    public var evaluationCriteria: String
    public var objections: [Objection]
    public var concerns: [Concern]
    public var outcome: DecisionOutcome

    public init(
        id: DecisionID? = nil, ideaID: IdeaID, kind: DecisionKind, proposal: String, responsible: String, reviewDate: DayDate,
        evaluationCriteria: String = "", objections: [Objection] = [], concerns: [Concern] = [], outcome: DecisionOutcome = .open
    ) {
        self.id = id
        self.ideaID = ideaID
        self.kind = kind
        self.proposal = proposal
        self.responsible = responsible
        self.reviewDate = reviewDate
        self.evaluationCriteria = evaluationCriteria
        self.objections = objections
        self.concerns = concerns
        self.outcome = outcome
    }

    /// Resolves objection `number` (1-based) by amending the proposal: the new text replaces the proposal and the
    /// objection keeps the old one, so the history shows what changed.
    public func amendingProposal(objection number: Int, to proposal: String, note: String) throws(DomainError) -> ConsentDecision {
        guard objections.indices.contains(number - 1) else { throw .noObjection(number) }
        let amended = proposal.trimmingCharactersInWhitespace()
        guard !amended.isEmpty else { throw .gateIncomplete(.scaling, missing: [.proposal]) }
        var copy = self
        copy.objections[number - 1].resolution = .amended
        copy.objections[number - 1].resolutionNote = note
        if amended != self.proposal.trimmingCharactersInWhitespace() {
            copy.objections[number - 1].previousProposal = self.proposal
            copy.proposal = amended
        }
        return copy
    }

    /// Objections that still block consent.
    public var openObjections: [Objection] { objections.filter(\.blocksConsent) }

    /// Gives consent, or refuses while a qualified objection is open.
    public func consented() throws(DomainError) -> ConsentDecision {
        if proposal.trimmingCharactersInWhitespace().isEmpty { throw .gateIncomplete(.scaling, missing: [.proposal]) }
        if responsible.trimmingCharactersInWhitespace().isEmpty { throw .gateIncomplete(.scaling, missing: [.responsible]) }
        let open = openObjections
        guard open.isEmpty else { throw .openObjections(open.map(\.who)) }
        var copy = self
        copy.outcome = .consented
        return copy
    }
}
