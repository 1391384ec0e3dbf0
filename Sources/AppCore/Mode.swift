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
    case entry(EntryForm)
    case decision(DecisionState)
    case weighingSetup(SetupState)
    case weighing(WeighingState)
    case sessionList(SessionListState)
    case portfolio(PortfolioState)
    /// Participants' own links and QR codes over the weighing screen.
    case sharing(ShareState)
}

/// The portfolio overview: metrics read from storage, scrolled.
public struct PortfolioState: Equatable, Sendable {
    public var metrics: PortfolioMetrics?
    public var scroll: Int

    public init(metrics: PortfolioMetrics? = nil, scroll: Int = 0) {
        self.metrics = metrics
        self.scroll = scroll
    }
}

/// The detail view of one idea.
public struct DetailState: Equatable, Sendable {
    public var id: IdeaID
    /// Nil until loaded.
    public var detail: IdeaDetail?
    public var scroll: Int

    public init(id: IdeaID, detail: IdeaDetail? = nil, scroll: Int = 0) {
        self.id = id
        self.detail = detail
        self.scroll = scroll
    }
}

/// The one-line prompt in the footer: the reason for a move, or for going over a WIP limit.
public struct PromptState: Equatable, Sendable {
    /// What the answer is for.
    public enum Purpose: Equatable, Sendable {
        /// The reason for an ungated move (reopening to proposed).
        case moveReason(GateContext)
        /// The reason for a move over a soft WIP limit; the move waits here.
        case wipOverride(MoveRequest, limit: Int)
    }

    public var purpose: Purpose
    public var field: TextField
    public var error: String?

    public init(purpose: Purpose) {
        self.purpose = purpose
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
    /// The mode to return to when help closes (board, detail or weighing).
    public var returnToDetail: DetailState?
    public var returnToWeighing: WeighingState?

    public init(scroll: Int, returnToDetail: DetailState?, returnToWeighing: WeighingState? = nil) {
        self.scroll = scroll
        self.returnToDetail = returnToDetail
        self.returnToWeighing = returnToWeighing
    }
}
