import Domain

/// What the screen is doing: the board, or one of the views and dialogs over it.
public indirect enum Mode: Equatable, Sendable {
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
    /// A yes/no question over another mode (the one it returns to on "no").
    case confirm(Confirmation)
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
        /// The reason for scaling on a consent decision already recorded (its round was held elsewhere).
        case moveOnDecision(GateContext, DecisionID)
        /// The reason for a move over a soft WIP limit; the move waits here.
        case wipOverride(MoveRequest, limit: Int)
        /// The lokale opgave (theme) an idea from the inbox is accepted with.
        case acceptTheme(IdeaID)
        /// Why an idea from the inbox is declined.
        case declineReason(IdeaID)
    }

    public var purpose: Purpose
    public var field: TextField
    public var error: String?
    /// The filled form the prompt came from: Esc returns to it instead of dropping it.
    public var returnTo: Mode?

    public init(purpose: Purpose, returnTo: Mode? = nil) {
        self.purpose = purpose
        field = TextField()
        self.returnTo = returnTo
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
    /// Any other view help was opened over (F1 from a form): it returns there, typed work intact.
    public var returnTo: Mode?

    public init(scroll: Int, returnToDetail: DetailState?, returnToWeighing: WeighingState? = nil, returnTo: Mode? = nil) {
        self.scroll = scroll
        self.returnToDetail = returnToDetail
        self.returnToWeighing = returnToWeighing
        self.returnTo = returnTo
    }

    /// How many lines of help show at once on a screen of this size (what a page scrolls).
    public static func rows(for size: Size) -> Int { max(1, size.height - 5) }

    /// The width of the help's box on a screen of this size.
    public static func boxWidth(for size: Size) -> Int { size.width > 104 ? 100 : size.width - 2 }

    /// The help's lines on this state's screen, in its language and key table.
    public func lines(_ state: AppState) -> [HelpLines.Line] {
        HelpLines.lines(state.strings, keymap: state.keymap, first: covered.keyContext, width: Self.boxWidth(for: state.size) - 4)
    }

    /// The furthest the help scrolls on this state's screen: its last page.
    public func maxScroll(_ state: AppState) -> Int { max(0, lines(state).count - Self.rows(for: state.size)) }

    /// The view help covers and returns to.
    public var covered: Mode {
        returnTo ?? returnToWeighing.map(Mode.weighing) ?? returnToDetail.map(Mode.detail) ?? .board
    }
}

extension Mode {
    /// The key context of what is on screen (nil for the move menu, which reads digits itself).
    public var keyContext: KeyContext? {
        switch self {
        case .board: .board
        case .detail: .detail
        case .form: .form
        case .prompt: .prompt
        case .moveMenu: nil
        case .filter: .filter
        case .help: .help
        case .entry: .entry
        case .decision(let decision): decision.entry != nil ? .entry : (decision.listFocus ? .objections : .decision)
        case .weighingSetup: .sessionSetup
        case .weighing: .weighing
        case .sessionList: .sessions
        case .portfolio: .portfolio
        case .confirm: .confirm
        case .sharing: .sharing
        }
    }

    /// Whether leaving this screen would throw typed work away.
    public var hasUnsavedChanges: Bool {
        switch self {
        case .form(let form): form.isChanged
        case .entry(let form): form.isChanged
        case .decision(let decision): decision.isChanged
        case .prompt(let prompt): !prompt.field.text.isEmpty || (prompt.returnTo?.hasUnsavedChanges ?? false)
        case .confirm(let confirmation): confirmation.returnTo.hasUnsavedChanges
        case .help(let help): help.returnTo?.hasUnsavedChanges ?? false
        case .weighing(let weighing): weighing.prompt?.isChanged ?? false
        default: false
        }
    }

    /// The typed work of the form on screen, for forms that keep a draft (also under help or a question).
    public var draft: FormDraft? {
        switch self {
        case .form(let form): form.draft
        case .entry(let form): form.draft
        case .prompt(let prompt): prompt.returnTo?.draft
        case .confirm(let confirmation): confirmation.returnTo.draft
        case .help(let help): help.returnTo?.draft
        case .weighing(let weighing): weighing.session.id.flatMap { id in weighing.prompt?.draft(session: id) }
        default: nil
        }
    }
}
