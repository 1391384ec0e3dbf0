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
    /// Every card, in board order, when the board holds them all (a full load: tests, the bench); empty on a windowed board.
    public private(set) var allCards: [IdeaSummary] = []
    /// True once the board holds windows of its columns read from storage (`BoardWindow`) instead of every card.
    public private(set) var isWindowed = false
    /// Folded search text per card, parallel to `allCards`; built on the first filter, not at start-up.
    private var searchKeys: [String] = []
    /// Title trigrams of every card, for duplicates; built when the new-idea form first needs it (full load).
    private var titleIndex: DuplicateIndex<IdeaID>?
    /// Titles and themes of every idea on a windowed board, read when a form first needs them.
    public private(set) var catalog: BoardCatalog?
    /// The cards held per column after filtering: the whole column on a full load, a window of it on a windowed board.
    public private(set) var columns: [Stage: ColumnWindow] = [:]
    /// The filter text applied to the board ("" for none).
    public private(set) var filter: String = ""
    /// Whether only ideas waiting in the inbox are shown (`i`).
    public private(set) var inboxOnly = false
    /// How many ideas wait in the inbox (ignoring the filters).
    public private(set) var inboxCount = 0
    /// Days within which an idea from outside is triaged and answered (config `triage-days`).
    public var triageDays: Int = Intake.defaultTriageDays
    /// The filter the held windows answer (windowed board).
    private var windowFilter: String = ""
    /// Set by the reducer after a change that moves no idea between stages (a reorder, an edit): the next reload
    /// keeps the counts instead of counting again.
    public var countsUnchanged = false
    /// Whether the catalog was asked for since it was last forgotten (a failed read is not repeated in a loop).
    private var catalogAsked = false
    /// The last window asked for, so a window that cannot be had is not asked for again and again.
    private var askedQuery: BoardQuery?
    /// The row of the selected card per column: where the selection is while its card is outside the window.
    private var selectedRow: [Stage: Int] = [:]
    /// The summaries of marked cards (on a windowed board they may be outside every window).
    private var markedCards: [IdeaID: IdeaSummary] = [:]
    /// Whether the held windows answer the inbox filter (windowed board).
    private var windowInboxOnly = false
    /// Whether the focus moves to a column with cards once windows of a new filter arrive (windowed board).
    private var refocusOnWindow = false
    public var focusedStage: Stage = .proposed
    /// The selected card per column, remembered by id so reloads keep it.
    public var selected: [Stage: IdeaID] = [:]
    /// The selection when the current filter started, and the columns whose selection a key moved since (see
    /// `rememberSelection`).
    private var selectionBeforeFilter: [Stage: IdeaID] = [:]
    private var chosenWhileFiltered: Set<Stage> = []
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
    /// The connection to the database server is lost: the board shows what it last read, read-only, until a read
    /// connects again.
    public var offline = false
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
    /// The distinct themes of all cards, for suggestions while typing a theme (a windowed board: from the catalog).
    private var cardThemes: [String] = []
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

    /// Takes in what the runner read: cards (all of them, or windows), WIP limits and today.
    public mutating func setBoard(_ data: BoardData) {
        wipLimits = data.wipLimits
        today = data.today
        if let themes = data.themes { self.themes = themes }
        if let window = data.window { setWindow(window) } else { setCards(data.cards) }
    }

    /// Replaces the cards (after a load) and reapplies the filter, keeping selections by id.
    public mutating func setCards(_ cards: [IdeaSummary]) {
        let inOrder: (IdeaSummary, IdeaSummary) -> Bool = {
            ($0.stage.columnIndex, $0.position, $0.id) < ($1.stage.columnIndex, $1.position, $1.id)
        }
        let sorted = zip(cards, cards.dropFirst()).allSatisfy { !inOrder($1, $0) }
        allCards = sorted ? cards : cards.sorted(by: inOrder)  // storage already sends board order
        isWindowed = false
        catalog = nil
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
        cardThemes = Array(themes)
        rebuildColumns()
    }

    /// Takes in windows of the columns read from storage (a windowed board), keeping selections by id.
    public mutating func setWindow(_ window: BoardWindow) {
        allCards = []
        searchKeys = []
        titleIndex = nil
        isWindowed = true
        isLoaded = true
        if let counts = window.stageCounts { stageCounts = counts }
        inboxCount = window.inboxCount
        windowFilter = window.filter
        windowInboxOnly = window.inboxOnly
        var result: [Stage: ColumnWindow] = [:]
        for stage in Stage.boardOrder {
            // A column not read (scrolling read only the others) keeps its window.
            var column = window.columns[stage] ?? columns[stage] ?? ColumnWindow()
            if window.stageCounts == nil, window.filter.isEmpty, !window.inboxOnly { column.total = stageCounts[stage] ?? 0 }  // not counted again
            result[stage] = column
        }
        columns = result
        if let fresh = window.marked {
            // Marked cards as they are now: renamed or moved while outside every window, or gone from the board.
            for id in marked {
                if let card = fresh[id] {
                    markedCards[id] = card
                } else {
                    marked.remove(id)
                    markedCards[id] = nil
                }
            }
        }
        for (stage, index) in window.kept {
            // After a new filter: the selection stays on its card where that still shows, else goes to the first card.
            if let index {
                selectedRow[stage] = index
            } else {
                selected[stage] = nil
                selectedRow[stage] = 0
            }
        }
        // The focused column's selected card, found where it is; a card another program moved elsewhere is not followed,
        // as a full load does not follow it.
        if let focus = window.focus, focus.stage == focusedStage {
            selected[focus.stage] = focus.id
            selectedRow[focus.stage] = focus.index
        }
        for stage in Stage.boardOrder {
            for card in columns[stage]!.cards where marked.contains(card.id) { markedCards[card.id] = card }
            clampSelection(in: stage)
        }
        if refocusOnWindow, windowFilter == filter, windowInboxOnly == inboxOnly {
            refocusOnWindow = false
            focusVisibleCard()
        }
    }

    /// Applies a filter text and rebuilds the visible columns (a windowed board asks for windows of the new filter).
    public mutating func setFilter(_ text: String) {
        let wasFiltered = isFiltered
        filter = text
        rememberSelection(wasFiltered: wasFiltered)
        if isWindowed {
            askedQuery = nil
            return
        }
        rebuildColumns(newFilter: true)
    }

    /// Shows only the ideas waiting in the inbox, or every idea again.
    public mutating func setInboxOnly(_ on: Bool) {
        let wasFiltered = isFiltered
        inboxOnly = on
        rememberSelection(wasFiltered: wasFiltered)
        if isWindowed {
            askedQuery = nil
            refocusOnWindow = true
            return
        }
        rebuildColumns(newFilter: true)
        focusVisibleCard()
    }

    /// Whether a filter text or the inbox filter narrows the board.
    private var isFiltered: Bool { !filter.isEmpty || inboxOnly }

    /// The selection as it was when a filter started: when the filter ends, every column whose selection was not moved
    /// by a key meanwhile gets its card back, instead of the first card the filter left it on.
    private mutating func rememberSelection(wasFiltered: Bool) {
        if !wasFiltered, isFiltered {
            selectionBeforeFilter = selected
            chosenWhileFiltered = []
        }
        guard wasFiltered, !isFiltered else { return }
        for (stage, id) in selectionBeforeFilter where !chosenWhileFiltered.contains(stage) {
            selected[stage] = id
            selectedRow[stage] = nil
        }
        selectionBeforeFilter = [:]
        chosenWhileFiltered = []
    }

    /// Notes that a key moved the selection of `stage`: under a filter, that card stays selected when the filter ends.
    public mutating func markChosen(in stage: Stage) {
        if isFiltered { chosenWhileFiltered.insert(stage) }
    }

    /// Moves the focus to the first column with a visible card when the focused column shows none (after a filter).
    public mutating func focusVisibleCard() {
        if isWindowed, windowFilter != filter || windowInboxOnly != inboxOnly {
            refocusOnWindow = true  // the counts of the new filter arrive with its windows
            return
        }
        guard count(in: focusedStage) == 0,
              let stage = Stage.boardOrder.first(where: { count(in: $0) > 0 })
        else { return }
        focusedStage = stage
        clampSelection(in: stage)
    }

    /// Forgets the titles and themes read for forms (the portfolio changed); read again when a form needs them.
    public mutating func forgetCatalog() {
        catalog = nil
        catalogAsked = false
    }

    /// Keeps the catalog through a change that leaves every title and theme as it was (a reorder, a move, a measurement, a
    /// decision), so the next form opens without reading every title again; any other change forgets it.
    public mutating func keepCatalog(through applied: AppliedChange) {
        switch applied.change {
        case .swap, .addMeasurement, .removeMeasurement, .saveDecision, .saveDecisionFrom, .amendDecision, .deleteDecision:
            break
        case .move, .revertMove:
            guard let id = applied.focus, let stage = applied.focusStage else { return forgetCatalog() }
            catalog?.move(id, to: stage)
        case .create, .edit, .editFrom, .delete, .restore:
            forgetCatalog()
        }
    }

    /// Takes in the titles and themes of every idea, for forms on a windowed board.
    public mutating func setCatalog(_ catalog: BoardCatalog) {
        self.catalog = catalog
    }

    /// The first windows a board asks for, before anything is loaded.
    public mutating func windowedStart() -> BoardQuery {
        var query = boardQuery
        query.counts = true
        askedQuery = query
        return query
    }

    /// Whether a form needs the catalog and it has not been read (a windowed board).
    public var needsCatalog: Bool {
        guard isWindowed, catalog == nil else { return false }
        switch mode {
        case .form: return true
        case .prompt(let prompt):
            // Accepting from the inbox offers the themes ideas carry, as the new-idea form does.
            if case .acceptTheme = prompt.purpose { return true }
            return false
        default: return false
        }
    }

    /// How many cards a window holds beyond the visible ones, above and below.
    public static let windowMargin = 40

    /// The windows a windowed board needs for what it shows: per column the visible cards plus a margin.
    public var boardQuery: BoardQuery {
        let visible = BoardLayout.visibleCards(for: size)
        var ranges: [Stage: Range<Int>] = [:]
        for stage in Stage.boardOrder {
            let top = scrollTop[stage] ?? 0
            ranges[stage] = max(0, top - Self.windowMargin)..<(top + max(1, visible) + Self.windowMargin)
        }
        // Scrolling leaves the counts as they are; a new filter is counted by its scan.
        return BoardQuery(filter: filter, inboxOnly: inboxOnly, ranges: ranges, counts: false)
    }

    /// The windows to read when the held ones no longer cover what is shown (plus half the margin), or the filter
    /// changed; nil on a full load, when they do, and when the same windows were just asked for.
    public mutating func windowToLoad() -> BoardQuery? {
        guard isWindowed else { return nil }
        let visible = max(1, BoardLayout.visibleCards(for: size))
        let newFilter = windowFilter != filter || windowInboxOnly != inboxOnly
        let staleStages = Stage.boardOrder.filter { stage in
            let top = scrollTop[stage] ?? 0
            let window = columns[stage] ?? ColumnWindow()
            return !window.holds(max(0, top - Self.windowMargin / 2)..<(top + visible + Self.windowMargin / 2))
        }
        guard newFilter || !staleStages.isEmpty else { return nil }
        var query = boardQuery
        if newFilter {
            // A new filter keeps each column's selection on its card where that still shows, as a full load does.
            query.keep = selected
            query.around = visible + Self.windowMargin
        } else {
            // Scrolling: only the columns that left their windows are read; the others keep theirs.
            query.ranges = query.ranges.filter { staleStages.contains($0.key) }
        }
        guard query != askedQuery else { return nil }
        askedQuery = query
        return query
    }

    /// The query that reads the board again as it is shown (after a change, or one seen from another program), finding
    /// the focused column's selected card wherever it now is.
    public mutating func reloadQuery() -> BoardQuery {
        var query = boardQuery
        query.focus = selected[focusedStage]
        query.around = BoardLayout.visibleCards(for: size) + Self.windowMargin
        query.marked = marked.sorted()
        query.counts = !countsUnchanged
        countsUnchanged = false
        askedQuery = query
        return query
    }

    /// Whether a form needs the catalog and it was not asked for yet; marks it asked.
    public mutating func catalogToLoad() -> Bool {
        guard needsCatalog, !catalogAsked else { return false }
        catalogAsked = true
        return true
    }

    /// `newFilter`: a selection the filter hides goes to the column's first card (its row means nothing in the new list).
    private mutating func rebuildColumns(newFilter: Bool = false) {
        let words = TextSearch.fold(filter).split(separator: " ")
        if !words.isEmpty { buildSearchKeys() }
        var result: [Stage: [IdeaSummary]] = [:]
        for stage in Stage.boardOrder { result[stage] = [] }
        for (index, card) in allCards.enumerated()
        where (!inboxOnly || card.inboxSince != nil) && (words.isEmpty || TextSearch.contains(searchKeys[index], every: words)) {
            result[card.stage, default: []].append(card)
        }
        columns = result.mapValues { ColumnWindow(offset: 0, cards: $0, total: $0.count) }
        if newFilter {
            for stage in Stage.boardOrder where !(result[stage] ?? []).contains(where: { $0.id == selected[stage] }) {
                selectedRow[stage] = nil
            }
        }
        for stage in Stage.boardOrder { clampSelection(in: stage) }
    }

    /// Folds every card's searchable text once.
    private mutating func buildSearchKeys() {
        guard searchKeys.count != allCards.count else { return }
        searchKeys = allCards.map { TextSearch.key(id: $0.id, title: $0.title, theme: $0.theme, tagText: $0.tagText) }
    }

    /// Cards whose title looks like `title` by `Similarity`'s formula, most similar first (the index is built on first use;
    /// a windowed board uses the catalog, whose entries carry id, title and stage).
    public mutating func likelyDuplicates(of title: String, excluding: IdeaID? = nil, limit: Int = 3) -> [IdeaSummary] {
        if isWindowed {
            guard let catalog else { return [] }
            return catalog.index.matches(for: title, limit: limit, skip: { $0 == excluding }).map {
                let entry = catalog.entries[$0.position]
                return IdeaSummary(id: entry.id, title: entry.title, theme: "", tags: [], stage: entry.stage, position: 0)
            }
        }
        if titleIndex == nil { titleIndex = DuplicateIndex(allCards.lazy.map { ($0.id, $0.title) }) }
        return titleIndex!.matches(for: title, limit: limit, skip: { $0 == excluding }).map { allCards[$0.position] }
    }

    /// The distinct themes of all cards.
    public var knownThemes: [String] { isWindowed ? catalog?.themes ?? [] : cardThemes }

    /// The themes to offer while a theme is typed.
    public var offeredThemes: [String] { themes.offered(known: knownThemes) }

    /// How many ideas there are (every stage, ignoring the filter).
    public var ideaCount: Int { stageCounts.values.reduce(0, +) }

    /// The held cards of a column (on a full load every visible card; on a windowed board the window).
    public func cards(in stage: Stage) -> [IdeaSummary] { columns[stage]?.cards ?? [] }

    /// How many cards a column has after filtering, held or not.
    public func count(in stage: Stage) -> Int { columns[stage]?.total ?? 0 }

    /// The card at a column index, if held.
    public func card(at index: Int, in stage: Stage) -> IdeaSummary? { columns[stage]?.card(at: index) }

    /// A held card by id (in any column's window, or marked).
    public func card(id: IdeaID) -> IdeaSummary? {
        for stage in Stage.boardOrder {
            if let card = columns[stage]?.cards.first(where: { $0.id == id }) { return card }
        }
        return allCards.isEmpty ? markedCards[id] : allCards.first(where: { $0.id == id })
    }

    /// The marked cards in board order.
    public var markedSummaries: [IdeaSummary] {
        if !isWindowed { return allCards.filter { marked.contains($0.id) } }
        return marked.compactMap { markedCards[$0] ?? card(id: $0) }
            .sorted { ($0.stage.columnIndex, $0.position, $0.id) < ($1.stage.columnIndex, $1.position, $1.id) }
    }

    /// Marks or unmarks a card for the next weighing session.
    public mutating func toggleMark(_ card: IdeaSummary) {
        if marked.remove(card.id) == nil {
            marked.insert(card.id)
            markedCards[card.id] = card
        } else {
            markedCards[card.id] = nil
        }
    }

    /// Index of the selected card in a column's visible cards, if any card is visible.
    public func selectedIndex(in stage: Stage) -> Int? {
        guard let window = columns[stage], window.total > 0 else { return nil }
        if let id = selected[stage], let index = window.cards.firstIndex(where: { $0.id == id }) { return window.offset + index }
        // A selection not among the held cards keeps its row: on a windowed board its card may lie outside the window
        // until that arrives, and a card that left the column (declined, moved or deleted, here or by another program)
        // leaves the selection on the card that took its place, not on the column's first.
        if let row = selectedRow[stage] { return min(row, window.total - 1) }
        return 0
    }

    /// The selected card of the focused column.
    public var selectedCard: IdeaSummary? {
        selectedIndex(in: focusedStage).flatMap { card(at: $0, in: focusedStage) }
    }

    /// Selects the card at an index of a column (clamped) and scrolls it into view.
    public mutating func select(index: Int, in stage: Stage) {
        let total = count(in: stage)
        guard total > 0 else {
            selected[stage] = nil
            selectedRow[stage] = nil
            scrollTop[stage] = 0
            return
        }
        let clamped = max(0, min(index, total - 1))
        selected[stage] = card(at: clamped, in: stage)?.id
        selectedRow[stage] = clamped
        scrollTop[stage] = BoardLayout.scroll(
            top: scrollTop[stage] ?? 0, keeping: clamped, count: total, visible: BoardLayout.visibleCards(for: size))
    }

    /// Selects a card by id wherever it is, focusing its column.
    public mutating func select(id: IdeaID, in stage: Stage) {
        focusedStage = stage
        if let index = columns[stage].flatMap({ window in window.cards.firstIndex(where: { $0.id == id }).map { window.offset + $0 } }) {
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
