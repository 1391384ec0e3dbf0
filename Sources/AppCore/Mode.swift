import Domain

/// What the screen is doing: the board, or one of the views and dialogs over it.
public enum Mode: Equatable, Sendable {
    case board
    case detail(DetailState)
    case form(FormState)
    case prompt(PromptState)
    case moveMenu(MoveMenuState)
    case filter(TextField)
    case help(HelpState)

    /// The key context used to look up commands.
    public var keyContext: KeyContext {
        switch self {
        case .board, .moveMenu: .board
        case .detail: .detail
        case .form: .form
        case .prompt: .prompt
        case .filter: .filter
        case .help: .help
        }
    }
}

/// The detail view of one idea.
public struct DetailState: Equatable, Sendable {
    public var id: IdeaID
    /// Nil until loaded.
    public var idea: Idea?
    public var history: [HistoryEntry]
    public var scroll: Int

    public init(id: IdeaID, idea: Idea? = nil, history: [HistoryEntry] = [], scroll: Int = 0) {
        self.id = id
        self.idea = idea
        self.history = history
        self.scroll = scroll
    }
}

/// The one-line reason prompt shown before a move.
public struct PromptState: Equatable, Sendable {
    public var id: IdeaID
    public var title: String
    public var from: Stage
    public var to: Stage
    public var field: TextField
    public var error: String?

    public init(id: IdeaID, title: String, from: Stage, to: Stage) {
        self.id = id
        self.title = title
        self.from = from
        self.to = to
        field = TextField()
    }
}

/// The menu of allowed target stages shown by `m`.
public struct MoveMenuState: Equatable, Sendable {
    public var id: IdeaID
    public var title: String
    public var from: Stage
    public var targets: [Stage]
}

/// The scrollable help overlay, remembering what it covers.
public struct HelpState: Equatable, Sendable {
    public var scroll: Int
    /// The mode to return to when help closes (board or detail).
    public var returnToDetail: DetailState?

    public init(scroll: Int, returnToDetail: DetailState?) {
        self.scroll = scroll
        self.returnToDetail = returnToDetail
    }
}
