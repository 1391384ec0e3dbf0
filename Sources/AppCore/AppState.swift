import Domain

/// A one-line note in the footer, shown until the next key.
public struct StatusMessage: Equatable, Sendable {
    public var text: String
    public var isError: Bool

    public init(_ text: String, isError: Bool = false) {
        self.text = text
        self.isError = isError
    }
}

/// Everything the screen shows, and nothing it does: the reducer changes it, the renderer draws it.
public struct AppState: Equatable, Sendable {
    public var language: Language
    public var size: Size
    public var mode: Mode = .board
    /// Every card, in board order; only summaries are held.
    public private(set) var allCards: [IdeaSummary] = []
    /// Folded search text per card, parallel to `allCards`; built on the first filter, not at start-up.
    private var searchKeys: [String] = []
    /// Title trigrams of every card, for duplicates; built when the new-idea form first needs it.
    private var titleIndex: DuplicateIndex<IdeaID>?
    /// The cards shown per column after filtering, in column order.
    public private(set) var columns: [Stage: [IdeaSummary]] = [:]
    /// The filter text applied to the board ("" for none).
    public private(set) var filter: String = ""
    /// Whether only ideas waiting in the inbox are shown (`i`).
    public private(set) var inboxOnly = false
    /// How many ideas wait in the inbox (ignoring the filters).
    public private(set) var inboxCount = 0
    /// Days within which an idea from outside is triaged and answered (config `triage-days`).
    public var triageDays: Int = Intake.defaultTriageDays
    public var focusedStage: Stage = .proposed
    /// The selected card per column, remembered by id so reloads keep it.
    public var selected: [Stage: IdeaID] = [:]
    /// First visible card per column.
    public var scrollTop: [Stage: Int] = [:]
    public var message: StatusMessage?
    /// Changes that `u` takes back, newest last.
    public var undoStack: [AppliedChange] = []
    /// Why `u` stops here: the last step cannot be undone (a triage step), so nothing before it is undone either.
    public var undoBarrier: String?
    /// Changes that `U` does again, newest last.
    public var redoStack: [AppliedChange] = []
    public var isLoaded = false
    /// Shown in the header: where the data lives.
    public var dataLabel: String
    /// The day the board treats as today (for overdue reviews), from the runner's clock.
    public var today: DayDate = DayDate(year: 2026, month: 1, day: 1)!
    /// WIP limits per limited stage.
    public var wipLimits: [Stage: WipLimit] = WipLimit.defaults
    /// The key table in use (standard, or with the config file's overrides).
    public var keymap: Keymap = .standard
    /// Days after which an untouched idea counts as stale (config `stale-days`).
    public var staleDays: Int = 30
    /// The portfolio view's figures, computed in the background and kept while the data stays as it is.
    public var portfolioFigures = PortfolioFiguresState()
    /// Cards marked with Space for the next weighing session.
    public var marked: Set<IdeaID> = []
    /// Number of ideas per stage, ignoring the filter (what WIP limits count).
    public private(set) var stageCounts: [Stage: Int] = [:]
    /// The themes (lokale opgaven) ideas may carry (config.toml may fix the list).
    public var themes: ThemeCatalog = .open
    /// The distinct themes of all cards, for suggestions while typing a theme.
    public private(set) var knownThemes: [String] = []
    /// Typed work of forms left unsaved (a crash, a lost terminal), offered back when the same form opens.
    public var drafts: [FormDraft.Subject: FormDraft] = [:]
    /// The draft of the form whose change is being applied: discarded once the change succeeds.
    public var submittedDraft: FormDraft.Subject?

    public init(language: Language, size: Size, dataLabel: String = "") {
        self.language = language
        self.size = size
        self.dataLabel = dataLabel
    }

    public var strings: Strings { Strings(language, today: today) }

    /// Takes in what the runner read: cards, WIP limits and today.
    public mutating func setBoard(_ data: BoardData) {
        wipLimits = data.wipLimits
        today = data.today
        if let themes = data.themes { self.themes = themes }
        setCards(data.cards)
    }

    /// Replaces the cards (after a load) and reapplies the filter, keeping selections by id.
    public mutating func setCards(_ cards: [IdeaSummary]) {
        let inOrder: (IdeaSummary, IdeaSummary) -> Bool = {
            ($0.stage.columnIndex, $0.position, $0.id) < ($1.stage.columnIndex, $1.position, $1.id)
        }
        let sorted = zip(cards, cards.dropFirst()).allSatisfy { !inOrder($1, $0) }
        allCards = sorted ? cards : cards.sorted(by: inOrder)  // storage already sends board order
        searchKeys = []
        titleIndex = nil
        isLoaded = true
        var counts: [Stage: Int] = [:]
        var themes: Set<String> = []
        var inbox = 0
        for card in allCards {
            counts[card.stage, default: 0] += 1
            themes.insert(card.theme)
            if card.inboxSince != nil { inbox += 1 }
        }
        inboxCount = inbox
        stageCounts = counts
        knownThemes = Array(themes)
        rebuildColumns()
    }

    /// Applies a filter text and rebuilds the visible columns.
    public mutating func setFilter(_ text: String) {
        filter = text
        rebuildColumns()
    }

    /// Shows only the ideas waiting in the inbox, or every idea again.
    public mutating func setInboxOnly(_ on: Bool) {
        inboxOnly = on
        rebuildColumns()
        focusVisibleCard()
    }

    /// Moves the focus to the first column with a visible card when the focused column shows none (after a filter).
    public mutating func focusVisibleCard() {
        guard cards(in: focusedStage).isEmpty,
              let stage = Stage.boardOrder.first(where: { !cards(in: $0).isEmpty })
        else { return }
        focusedStage = stage
        clampSelection(in: stage)
    }

    private mutating func rebuildColumns() {
        let words = TextSearch.fold(filter).split(separator: " ")
        if !words.isEmpty { buildSearchKeys() }
        var result: [Stage: [IdeaSummary]] = [:]
        for stage in Stage.boardOrder { result[stage] = [] }
        for (index, card) in allCards.enumerated()
        where (!inboxOnly || card.inboxSince != nil) && (words.isEmpty || words.allSatisfy({ searchKeys[index].contains($0) })) {
            result[card.stage, default: []].append(card)
        }
        columns = result
        for stage in Stage.boardOrder { clampSelection(in: stage) }
    }

    /// Folds every card's searchable text once.
    private mutating func buildSearchKeys() {
        guard searchKeys.count != allCards.count else { return }
        searchKeys = allCards.map { TextSearch.fold("\($0.id) \($0.title) \($0.theme) \($0.tagText)") }
    }

    /// Cards whose title looks like `title` by `Similarity`'s formula, most similar first (the index is built on first use).
    public mutating func likelyDuplicates(of title: String, excluding: IdeaID? = nil, limit: Int = 3) -> [IdeaSummary] {
        if titleIndex == nil { titleIndex = DuplicateIndex(allCards.lazy.map { ($0.id, $0.title) }) }
        return titleIndex!.matches(for: title, limit: limit, skip: { $0 == excluding }).map { allCards[$0.position] }
    }

    /// The themes to offer while a theme is typed.
    public var offeredThemes: [String] { themes.offered(known: knownThemes) }

    /// The visible cards of a column.
    public func cards(in stage: Stage) -> [IdeaSummary] { columns[stage] ?? [] }

    /// Index of the selected card in a column's visible cards, if any card is visible.
    public func selectedIndex(in stage: Stage) -> Int? {
        let cards = cards(in: stage)
        guard !cards.isEmpty else { return nil }
        if let id = selected[stage], let index = cards.firstIndex(where: { $0.id == id }) { return index }
        return 0
    }

    /// The selected card of the focused column.
    public var selectedCard: IdeaSummary? {
        selectedIndex(in: focusedStage).map { cards(in: focusedStage)[$0] }
    }

    /// Selects the card at an index of a column (clamped) and scrolls it into view.
    public mutating func select(index: Int, in stage: Stage) {
        let cards = cards(in: stage)
        guard !cards.isEmpty else {
            selected[stage] = nil
            scrollTop[stage] = 0
            return
        }
        let clamped = max(0, min(index, cards.count - 1))
        selected[stage] = cards[clamped].id
        scrollTop[stage] = BoardLayout.scroll(
            top: scrollTop[stage] ?? 0, keeping: clamped, count: cards.count, visible: BoardLayout.visibleCards(for: size))
    }

    /// Selects a card by id wherever it is, focusing its column.
    public mutating func select(id: IdeaID, in stage: Stage) {
        focusedStage = stage
        if let index = cards(in: stage).firstIndex(where: { $0.id == id }) {
            select(index: index, in: stage)
        } else {
            clampSelection(in: stage)
        }
    }

    /// Keeps a column's selection and scroll valid after its cards or the size changed.
    public mutating func clampSelection(in stage: Stage) {
        select(index: selectedIndex(in: stage) ?? 0, in: stage)
    }
}
