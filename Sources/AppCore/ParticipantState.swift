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

    /// Opens on the participant's first unscored cell.
    public init(language: Language, size: Size, session: WeighingSession, participant: Int, titles: [IdeaID: String]) {
        self.language = language
        self.size = size
        self.session = session
        self.participant = participant
        self.titles = titles
        if let open = session.firstOpenCell(of: participant), let row = session.ideas.firstIndex(of: open.idea) {
            self.row = row
            column = open.criterion
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
}
