import Foundation
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
    /// What the cell held when its pending first digit was typed.
    public var pendingSeen: SeenEntry?
    public var projector: Bool
    /// A step waiting for `y`: closing, or starting the re-vote.
    public var confirming: WeighingConfirmation?
    /// The participant's last open cell was just filled in: more digits stop there instead of overwriting it.
    public var atEnd: Bool
    /// The cell a digit or abstention just filled in, while nothing else moved the cursor: Backspace steps back to it.
    public var justEntered: ScoreKey?
    /// After the reveal: the grid shows this participant's own entries instead of the group's (the facilitator opened them).
    public var showIndividual: Bool
    /// Cells chosen for the re-vote round, in the order chosen.
    public var revoteMarks: [SessionCell]
    /// What-if weights (raw, per criterion), shown live and never stored; nil while the what-if view is closed.
    public var whatIf: [Double]?
    /// A line being typed in the footer.
    public var prompt: WeighingPrompt?
    /// Lines of the results scrolled away (PgDn) on screens too small to show them all.
    public var paneScroll: Int = 0
    public var timer: WeighingTimer?
    /// The time the run loop last reported, for the timer.
    public var now: Date?
    /// Recomputed on every change (pure, well under a millisecond at 20 × 8 × 15).
    public private(set) var results: WeighingResult
    /// Round 1's results, once a re-vote has started.
    public private(set) var firstRoundResults: WeighingResult?
    /// The results under the what-if weights.
    public private(set) var whatIfResults: WeighingResult?

    public init(session: WeighingSession, titles: [IdeaID: String]) {
        self.session = session
        self.titles = titles
        participant = session.activeParticipants.first ?? 0
        row = 0
        column = 0
        projector = false
        atEnd = false
        showIndividual = false
        revoteMarks = []
        results = session.results
        firstRoundResults = session.firstRound?.results
        // A resumed session opens where work is left: the first participant with an empty cell, at that cell.
        for candidate in session.activeParticipants {
            guard let cell = firstEmptyCell(of: candidate) else { continue }
            participant = candidate
            row = cell.row
            column = cell.column
            break
        }
    }

    /// `c` was pressed and waits for `y`.
    public var confirmClose: Bool {
        if case .close? = confirming { return true }
        return false
    }

    /// Whether other participants' opinions may be shown.
    public var revealed: Bool { session.status != .open }

    /// Whether the grid shows the group's aggregates (after the reveal, unless a participant's own entries were opened).
    public var showsGroup: Bool { revealed && !showIndividual }

    /// Whether the projector keeps the group's grid back: with fewer than two participants who count, the "group" would be
    /// one person's own scores (the facilitator can still open the individual view on purpose).
    public var withholdsGroup: Bool { projector && showsGroup && results.participantsTotal < 2 }

    public var currentKey: ScoreKey? {
        guard session.ideas.indices.contains(row), session.criteria.indices.contains(column) else { return nil }
        return ScoreKey(participant: participant, idea: session.ideas[row], criterion: column)
    }

    /// The cell under the cursor.
    public var currentCell: SessionCell? { currentKey?.cell }

    /// Changes the session and refreshes the results.
    public mutating func update(_ change: (inout WeighingSession) -> Void) {
        change(&session)
        refresh()
    }

    /// Recomputes the results (and round 1's, and the what-if's).
    public mutating func refresh() {
        results = session.results
        firstRoundResults = session.firstRound?.results
        whatIfResults = whatIf.map { session.results(weights: $0) }
    }

    /// Sets the what-if weights (nil closes the view) and recomputes.
    public mutating func setWhatIf(_ weights: [Double]?) {
        whatIf = weights
        whatIfResults = weights.map { session.results(weights: $0) }
    }

    /// Moves to the next cell open in this round, along the row, then to the next idea; false at the last one.
    @discardableResult
    public mutating func advance() -> Bool {
        let count = session.criteria.count
        var index = row * count + column + 1
        while index < session.ideas.count * count {
            let cell = SessionCell(idea: session.ideas[index / count], criterion: index % count)
            if session.isOpen(cell) {
                row = index / count
                column = index % count
                return true
            }
            index += 1
        }
        return false
    }

    /// The first cell open in this round that a participant has not filled in, as (row, column).
    public func firstEmptyCell(of participant: Int) -> (row: Int, column: Int)? {
        for (row, idea) in session.ideas.enumerated() {
            for column in session.criteria.indices {
                let key = ScoreKey(participant: participant, idea: idea, criterion: column)
                if session.isOpen(key.cell), session.entry(key) == nil { return (row, column) }
            }
        }
        return nil
    }

    /// How many cells the participant has scored or abstained on in this round.
    public func progress(of participant: Int) -> Int { session.progress(of: participant) }

    /// How many cells a participant fills in this round (all cells, or the re-voted ones).
    public var cellsThisRound: Int { session.cellsThisRound }
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
