import Domain

/// A participant's own scoring screen (`proeftuin session join`): their own grid of one session, the cell being scored,
/// and nothing of anyone else's.
public struct ParticipantState: Equatable, Sendable {
    public var language: Language
    public var size: Size
    public var session: WeighingSession
    /// This participant's index in the session.
    public let participant: Int
    public var titles: [IdeaID: String]
    public var row = 0
    public var column = 0
    /// The first digit of a two-digit score, waiting for the second.
    public var pending: Int?
    public var message: StatusMessage?
    public var keymap: Keymap = .standard

    /// Opens on the participant's first unscored cell (in a re-vote, of the round).
    public init(language: Language, size: Size, session: WeighingSession, participant: Int, titles: [IdeaID: String]) {
        self.language = language
        self.size = size
        self.session = session
        self.participant = participant
        self.titles = titles
        if let open = session.firstOpenCell(of: participant), let row = session.ideas.firstIndex(of: open.idea) {
            self.row = row
            column = open.criterion
        } else if session.revote != nil {
            moveToFirstCellOfRound()
        }
    }

    public var strings: Strings { Strings(language) }

    /// The participant's name as the session lists it.
    public var name: String { session.participants.indices.contains(participant) ? session.participants[participant] : "" }

    /// The cell under the cursor.
    public var currentKey: ScoreKey? {
        guard session.ideas.indices.contains(row), session.criteria.indices.contains(column) else { return nil }
        return ScoreKey(participant: participant, idea: session.ideas[row], criterion: column)
    }

    /// Whether every cell open in this round is scored or abstained on.
    public var isDone: Bool { session.isDone(participant) }

    /// Whether the facilitator excluded this participant: their entries count nowhere and nothing more is taken.
    public var isExcluded: Bool { session.excluded[participant] != nil }

    /// Moves the cursor to the next cell after it (criterion by criterion, then the next idea) that is open in this
    /// round; stays on the last one.
    mutating func moveToNextOpenCell() {
        let columns = session.criteria.count
        let cells = session.ideas.count * columns
        var index = row * columns + column + 1
        while index < cells {
            let key = ScoreKey(participant: participant, idea: session.ideas[index / columns], criterion: index % columns)
            if session.isOpen(key.cell) {
                row = index / columns
                column = index % columns
                return
            }
            index += 1
        }
    }

    /// Whether the cell at this row and column is open in this round.
    private func isOpen(row: Int, column: Int) -> Bool {
        session.isOpen(SessionCell(idea: session.ideas[row], criterion: column))
    }

    /// Puts the cursor on the participant's first empty cell of the round, or else on the round's first cell.
    mutating func moveToFirstCellOfRound() {
        let key = session.firstOpenCell(of: participant)
            ?? session.revote?.cells.first.map { ScoreKey(participant: participant, idea: $0.idea, criterion: $0.criterion) }
        guard let key, let row = session.ideas.firstIndex(of: key.idea) else { return }
        self.row = row
        column = key.criterion
    }

    /// Moves left or right within the row to the nearest cell open in this round; stays when there is none.
    mutating func moveColumn(by step: Int) {
        guard session.ideas.indices.contains(row) else { return }
        var next = column + step
        while session.criteria.indices.contains(next) {
            if isOpen(row: row, column: next) {
                column = next
                return
            }
            next += step
        }
    }

    /// Moves up or down to the nearest row with a cell open in this round: the same column when it is open there,
    /// else the open cell nearest to it; stays when there is none.
    mutating func moveRow(by step: Int) {
        var next = row + step
        while session.ideas.indices.contains(next) {
            let open = session.criteria.indices.filter { isOpen(row: next, column: $0) }
            if let nearest = open.min(by: { abs($0 - column) < abs($1 - column) }) {
                row = next
                column = nearest
                return
            }
            next += step
        }
    }
}
