/// Everything the detail view shows of one idea.
public struct IdeaDetail: Equatable, Sendable {
    public var idea: Idea
    /// Experiment cycles, oldest first.
    public var cycles: [Cycle]
    /// Consent decisions about the idea, oldest first.
    public var decisions: [ConsentDecision]
    /// Event-log rows, oldest first.
    public var history: [HistoryEntry]
    /// Case notes (casuïstiek), oldest first.
    public var cases: [CaseNote]
    /// How it came in from outside the team and whether its submitter was answered; nil for the team's own ideas.
    public var intake: Intake?

    public init(idea: Idea, cycles: [Cycle] = [], decisions: [ConsentDecision] = [], history: [HistoryEntry] = [], cases: [CaseNote] = []) {
        self.idea = idea
        self.cases = cases
        self.cycles = cycles
        self.decisions = decisions
        self.history = history
    }

    /// The cycle now running or last run.
    public var currentCycle: Cycle? { cycles.last }

    /// Whether the running experiment has gone past its maximum duration (started + maximum duration < today).
    public func isPastMaxDuration(today: DayDate) -> Bool {
        guard idea.stage == .experimenting, let last = currentCycle?.lastAllowedDay else { return false }
        return last < today
    }
}

/// A review that is due or coming up, for `proeftuin due` and the board's overdue badge.
public struct DueReview: Equatable, Sendable, Codable {
    /// What is reviewed: the running experiment, or a consent decision.
    public enum Kind: String, Sendable, Codable {
        case experiment
        case decision
        /// The running experiment has gone past its maximum duration (`reviewDate` holds its last allowed day).
        case maxDuration = "max-duration"
    }

    public var idea: IdeaID
    public var title: String
    public var stage: Stage
    public var reviewDate: DayDate
    public var kind: Kind

    public init(idea: IdeaID, title: String, stage: Stage, reviewDate: DayDate, kind: Kind) {
        self.idea = idea
        self.title = title
        self.stage = stage
        self.reviewDate = reviewDate
        self.kind = kind
    }
}
