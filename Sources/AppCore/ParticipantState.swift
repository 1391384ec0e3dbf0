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

    /// Whether every cell is scored.
    public var isDone: Bool { session.isDone(participant) }
}
