import Domain

/// Choosing a criteria set and participants for a new weighing session.
public struct SetupState: Equatable, Sendable {
    public var ideas: [IdeaSummary]
    public var sets: [CriteriaSet]
    public var selectedSet: Int
    /// Names separated by commas, or a number for anonymous participants.
    public var participants: TextField
    public var error: String?

    public init(ideas: [IdeaSummary], sets: [CriteriaSet]) {
        self.ideas = ideas
        self.sets = sets
        selectedSet = 0
        participants = TextField()
    }
}

/// The live weighing screen: a session, whose turn it is, the cell being scored, and the results so far.
public struct WeighingState: Equatable, Sendable {
    public var session: WeighingSession
    public var titles: [IdeaID: String]
    public var participant: Int
    public var row: Int
    public var column: Int
    /// The first digit of a two-digit score, waiting for the second.
    public var pending: Int?
    public var projector: Bool
    /// `c` was pressed: the next `y` closes the session.
    public var confirmClose: Bool
    /// Recomputed on every change (pure, well under a millisecond at 20 × 8 × 15).
    public private(set) var results: WeighingResult

    public init(session: WeighingSession, titles: [IdeaID: String]) {
        self.session = session
        self.titles = titles
        participant = 0
        row = 0
        column = 0
        projector = false
        confirmClose = false
        results = session.results
    }

    /// Whether other participants' opinions may be shown.
    public var revealed: Bool { session.status != .open }

    public var currentKey: ScoreKey? {
        guard session.ideas.indices.contains(row), session.criteria.indices.contains(column) else { return nil }
        return ScoreKey(participant: participant, idea: session.ideas[row], criterion: column)
    }

    /// Changes the session and refreshes the results.
    public mutating func update(_ change: (inout WeighingSession) -> Void) {
        change(&session)
        results = session.results
    }

    /// Moves to the next cell: along the row, then to the next idea.
    public mutating func advance() {
        if column + 1 < session.criteria.count {
            column += 1
        } else if row + 1 < session.ideas.count {
            row += 1
            column = 0
        }
    }

    /// How many cells the participant has scored.
    public func progress(of participant: Int) -> Int {
        session.scores.keys.filter { $0.participant == participant }.count
    }
}

/// The list of weighing sessions to resume.
public struct SessionListState: Equatable, Sendable {
    public var sessions: [SessionSummary]
    public var selected: Int

    public init(sessions: [SessionSummary]) {
        self.sessions = sessions
        selected = 0
    }
}
