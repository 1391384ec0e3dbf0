import AppCore
import Application
import Domain
import Foundation
import Storage
import Testing

/// Two boards, each driven as `BoardApp` drives one (effects performed by a runner, events back through the reducer),
/// on two portfolios generated alike: one board reads every card (a full load), the other windows of its columns.
private final class TwoBoards {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("proeftuin-window-\(UUID().uuidString)")
    let fullRunner: EffectRunner
    let runner: EffectRunner
    var full: AppState
    var windowed: AppState

    init(ideas: Int, size: Size = Size(width: 120, height: 30)) throws {
        var runners: [EffectRunner] = []
        for name in ["full", "windowed"] {
            let workspace = try Workspace.open(DataDirectory(url: url.appendingPathComponent(name)), actor: "anna", program: "board")
            try workspace.generateBenchmarkData(BenchmarkDataSet(ideas: ideas), now: Date(timeIntervalSince1970: 1_780_000_000))
            runners.append(EffectRunner(workspace: workspace))
        }
        fullRunner = runners[0]
        runner = runners[1]
        full = AppState(language: .en, size: size)
        windowed = AppState(language: .en, size: size)
        Self.run([.loadBoard], on: &full, fullRunner)
        Self.run([.loadWindow(windowed.windowedStart())], on: &windowed, runner)
    }

    /// A colleague's program on each portfolio.
    func colleagues() throws -> [Workspace] {
        try ["full", "windowed"].map { try Workspace.open(DataDirectory(url: url.appendingPathComponent($0)), actor: "bert", program: "cli") }
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// Performs effects and feeds their events back until nothing is left; returns the effects performed.
    @discardableResult
    static func run(_ effects: [Effect], on state: inout AppState, _ runner: EffectRunner) -> [Effect] {
        var pending = effects
        var performed: [Effect] = []
        while !pending.isEmpty {
            let effect = pending.removeFirst()
            performed.append(effect)
            for event in runner.perform(effect) { pending += Reducer.reduce(&state, event) }
        }
        return performed
    }

    /// The same key on both boards; returns what the windowed board read.
    @discardableResult
    func press(_ keys: Key...) -> [Effect] {
        var read: [Effect] = []
        for key in keys {
            Self.run(Reducer.reduce(&full, .key(key)), on: &full, fullRunner)
            read += Self.run(Reducer.reduce(&windowed, .key(key)), on: &windowed, runner)
        }
        return read
    }

    /// The same event (a change applied, say) on both boards.
    func apply(_ change: IdeaChange) {
        Self.run([.apply(change, .perform)], on: &full, fullRunner)
        Self.run([.apply(change, .perform)], on: &windowed, runner)
    }

    /// What a board shows of every column: counts, the visible cards in order, the selection and the scroll.
    static func shown(_ state: AppState) -> [String] {
        let visible = BoardLayout.visibleCards(for: state.size)
        var lines = ["focus \(state.focusedStage) filter '\(state.filter)' inbox only \(state.inboxOnly) ideas \(state.ideaCount) "
            + "waiting \(state.inboxCount)"]
        for stage in Stage.boardOrder {
            let top = state.scrollTop[stage] ?? 0
            let cards = (top..<min(state.count(in: stage), top + visible)).map { state.card(at: $0, in: stage).map(describe) ?? "missing" }
            lines.append("\(stage): \(state.count(in: stage)) of \(state.stageCounts[stage] ?? 0), top \(top), selected "
                + "\(state.selectedIndex(in: stage).map(String.init) ?? "-")=\(state.selected[stage].map { "\($0)" } ?? "-") "
                + cards.joined(separator: " "))
        }
        return lines
    }

    /// A card as the board draws it: id, title, badges (inbox, past its maximum duration, weighing, review).
    static func describe(_ card: IdeaSummary) -> String {
        var text = "\(card.id) \(card.title) [\(card.theme)]"
        if let day = card.inboxSince { text += " inbox since \(day)" }
        if let day = card.lastAllowedDay { text += " allowed until \(day)" }
        if let badge = card.weighing { text += " weighed \(badge.rank)" }
        if let review = card.reviewDate { text += " review \(review)" }
        return text
    }

    func expectSame(_ comment: Comment, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(Self.shown(windowed) == Self.shown(full), comment, sourceLocation: sourceLocation)
        #expect(windowed.selectedCard == full.selectedCard, comment, sourceLocation: sourceLocation)
    }
}

@Suite("Application: the windowed board shows what a full load shows")
struct WindowedBoardTests {
    @Test func windowsAtSeveralPositionsShowTheSameCardsCountsAndOrder() throws {
        let boards = try TwoBoards(ideas: 1_500)
        #expect(boards.windowed.isWindowed)
        #expect(!boards.full.isWindowed)
        let biggest = Stage.boardOrder.map { boards.full.count(in: $0) }.max() ?? 0
        #expect(biggest > 200, "columns longer than a window: \(biggest)")
        #expect(boards.windowed.cards(in: .proposed).count < boards.full.cards(in: .proposed).count, "the windowed board holds a window")
        boards.expectSame("first frame")
        for stage in Stage.boardOrder {
            boards.press(.down, .down, .down)
            boards.expectSame("a few cards down in \(stage)")
            let read = boards.press(.pageDown, .pageDown, .pageDown, .pageDown, .pageDown, .pageDown, .pageDown, .pageDown)
            boards.expectSame("pages down in \(stage)")
            if boards.full.count(in: stage) > 200 {
                #expect(read.contains { if case .loadWindow = $0 { true } else { false } }, "scrolling past the window reads the next one")
            }
            boards.press(.end)
            boards.expectSame("the last card of \(stage)")
            boards.press(.up, .up)
            boards.expectSame("up from the end of \(stage)")
            boards.press(.home)
            boards.expectSame("back at the top of \(stage)")
            boards.press(.end, .pageUp, .pageUp)
            boards.expectSame("pages up from the end of \(stage)")
            boards.press(.right)
            boards.expectSame("the next column after \(stage)")
        }
    }

    @Test func aFilterFindsTheSameCardsOverAllIdeas() throws {
        let boards = try TwoBoards(ideas: 1_500)
        boards.press(.character("/"), .character("w"), .character("i"), .character("j"), .character("k"))
        boards.expectSame("filter 'wijk' while typing")
        #expect(boards.windowed.filter == "wijk")
        #expect(Stage.boardOrder.contains { boards.windowed.count(in: $0) > 0 }, "the filter matches some cards")
        #expect(Stage.boardOrder.contains { boards.windowed.count(in: $0) < boards.windowed.stageCounts[$0] ?? 0 }, "and leaves some out")
        boards.press(.enter, .end, .up)
        boards.expectSame("filtered, near the end")
        boards.press(.escape, .character("/"), .character("#"), .character("1"), .character("2"), .enter)
        boards.expectSame("filtered by id")
        boards.press(.character("/"), .backspace, .backspace, .backspace, .enter, .pageDown, .pageDown)
        boards.expectSame("filter cleared")
    }

    @Test func aMoveAndItsUndoShowTheSameCardsCountsAndOrder() throws {
        let boards = try TwoBoards(ideas: 1_500)
        boards.press(.pageDown, .pageDown, .pageDown, .pageDown, .pageDown, .pageDown, .down)
        boards.expectSame("a card far down the proposed column")
        guard let card = boards.full.selectedCard else {
            Issue.record("nothing selected")
            return
        }
        let before = boards.full.stageCounts
        boards.apply(.move(MoveRequest(id: card.id, target: .stopped, reason: "test", gate: .stop(.other, learned: "niet nodig"),
                                       wipOverride: "test", from: card.stage)))
        #expect(boards.full.stageCounts[.stopped] == (before[.stopped] ?? 0) + 1, "the move happened: \(String(describing: boards.full.message))")
        boards.expectSame("after the move")
        #expect(boards.windowed.selectedCard?.id == card.id, "the moved card stays selected, found by id in its new column")
        boards.press(.character("u"))
        #expect(boards.full.stageCounts == before)
        boards.expectSame("after the undo")
        boards.press(.character("U"))
        boards.expectSame("after the redo")
        boards.press(.left, .left, .left, .left, .down, .character("J"))
        boards.expectSame("after a reorder")
    }

    @Test func aChangeFromAnotherProgramIsShownTheSame() throws {
        let boards = try TwoBoards(ideas: 600)
        boards.press(.down, .down)
        var added: [IdeaID] = []
        for colleague in try boards.colleagues() {
            added.append(try colleague.add(IdeaFields(title: "Van elders toegevoegd")).id)
            let moved = try #require(try colleague.reader.summaries().first { $0.stage == .proposed && $0.position > 3 })
            try colleague.perform(.swap(moved.id, try #require(try colleague.reader.summaries().first { $0.stage == .proposed }).id))
        }
        #expect(added[0] == added[1])
        #expect(try boards.runner.workspace.outsideChange())
        TwoBoards.run([.loadBoard], on: &boards.full, boards.fullRunner)
        TwoBoards.run([Reducer.reload(&boards.windowed)], on: &boards.windowed, boards.runner)
        boards.expectSame("after a colleague's new idea")
        boards.press(.end)
        boards.expectSame("the colleague's idea at the end of proposed")
        #expect(boards.windowed.selectedCard?.id == added[1])
    }

    @Test func theNewIdeaFormFindsDuplicatesOverAllIdeasOnAWindowedBoard() throws {
        let boards = try TwoBoards(ideas: 1_500)
        let far = try #require(boards.full.card(at: boards.full.count(in: .scaling) - 1, in: .scaling))
        let read = boards.press(.character("n"))
        #expect(read.contains(.loadCatalog), "the form reads the titles once")
        for character in far.title { boards.press(.character(character)) }
        guard case .form(let full) = boards.full.mode, case .form(let windowed) = boards.windowed.mode else {
            Issue.record("expected the form on both boards")
            return
        }
        #expect(windowed.duplicates.map(\.id) == full.duplicates.map(\.id))
        #expect(windowed.duplicates.map(\.title) == full.duplicates.map(\.title))
        #expect(windowed.duplicates.map(\.id).contains(far.id), "a card far outside every window")
        #expect(boards.windowed.knownThemes.sorted() == boards.full.knownThemes.sorted())
    }

    @Test func markedCardsFarApartMakeTheSameWeighingSessionWithTheirTitles() throws {
        let boards = try TwoBoards(ideas: 1_500)
        boards.press(.character(" "))
        for _ in 0..<12 { boards.press(.pageDown) }
        boards.press(.character(" "), .right, .end, .character(" "))
        #expect(boards.windowed.marked.count == 3)
        boards.press(.home, .left)  // the marked cards far down are outside the windows now
        boards.press(.character("w"))
        guard case .weighingSetup(let full) = boards.full.mode, case .weighingSetup(let windowed) = boards.windowed.mode else {
            Issue.record("expected the setup on both boards: \(boards.windowed.mode)")
            return
        }
        #expect(windowed.ideas == full.ideas, "the marked cards, in board order")
        #expect(!windowed.sets.isEmpty, "the benchmark data has a criteria set")
        for character in "Anne, Bram" { boards.press(.character(character)) }
        boards.press(.enter)
        guard case .weighing(let fullRoom) = boards.full.mode, case .weighing(let windowedRoom) = boards.windowed.mode else {
            Issue.record("expected the weighing screen on both boards: \(boards.windowed.mode)")
            return
        }
        #expect(windowedRoom.titles == fullRoom.titles)
        #expect(windowedRoom.titles.count == 3)
    }

    @Test func theInboxDeclinedIdeasAndCardBadgesShowTheSame() throws {
        let boards = try TwoBoards(ideas: 600)
        let today = boards.full.today
        for colleague in try boards.colleagues() {
            let bounds = SafeBounds(budgetCap: 500, maxDuration: MaxDuration(count: 6, unit: .weeks), harm: "geen",
                                    safeguard: "buurtteam kijkt mee", stopRule: "klachten")
            for card in try colleague.reader.summaries().filter({ $0.stage == .proposed }).prefix(3) {
                try colleague.perform(.move(MoveRequest(id: card.id, target: .experimenting, reason: "proef", gate: .experiment(
                    TestCard(hypothesis: "h", action: "a", metric: "m", successCriterion: "s", bounds: bounds), owner: "o",
                    reviewDate: today.adding(days: 20)), wipOverride: "test", from: .proposed)))
            }
            for number in 0..<30 {
                let idea = try colleague.addToInbox(IdeaFields(title: "Van een inwoner, nummer \(number)"),
                                                    receivedOn: today.adding(days: -number), replyTo: nil)
                if number % 3 == 0 {
                    _ = try colleague.decline(idea.id, reason: "Past niet bij een opgave", today: today)
                } else if number % 5 == 1 {
                    _ = try colleague.accept(idea.id, theme: BenchmarkDataSet.themes[0], today: today)
                }
            }
        }
        TwoBoards.run([.loadBoard], on: &boards.full, boards.fullRunner)
        TwoBoards.run([Reducer.reload(&boards.windowed)], on: &boards.windowed, boards.runner)
        #expect(boards.full.inboxCount == 16, "30 arrived, 10 declined, 4 accepted")
        #expect(boards.full.ideaCount == 620, "declined ideas are off the board")
        #expect(boards.full.count(in: .experimenting) == boards.full.stageCounts[.experimenting])
        boards.expectSame("with ideas waiting and declined")
        boards.press(.end)
        boards.expectSame("the newest proposals, some waiting in the inbox")
        boards.press(.character("i"))
        #expect(boards.windowed.inboxOnly)
        boards.expectSame("only the inbox")
        #expect(boards.windowed.count(in: .proposed) == 16)
        boards.press(.end, .up)
        boards.expectSame("only the inbox, near its end")
        boards.press(.character("/"), .character("1"), .enter)
        boards.expectSame("the inbox, filtered")
        boards.press(.character("/"), .backspace, .enter, .character("i"))
        boards.expectSame("every idea again")
        #expect(Stage.boardOrder.contains { stage in
            (0..<boards.full.count(in: stage)).contains { boards.full.card(at: $0, in: stage)?.lastAllowedDay != nil }
        }, "some experiment carries its last allowed day")
        boards.press(.right, .end)
        boards.expectSame("experiments with their last allowed day")
    }

    @Test func aFilterSeesAnotherProgramsChangeAtOnce() throws {
        let boards = try TwoBoards(ideas: 600)
        boards.press(.character("/"), .character("k"), .character("w"), .character("a"), .character("r"), .character("t"), .enter)
        boards.expectSame("filtered before the change")
        let before = boards.windowed.count(in: .proposed)
        for colleague in try boards.colleagues() {
            _ = try colleague.add(IdeaFields(title: "Kwartiermaker voor de wijk"))
            let card = try #require(try colleague.reader.summaries().first { $0.stage == .proposed })
            _ = try colleague.perform(.edit(card.id, IdeaFields(title: "Kwartet met buren", theme: card.theme)))
        }
        TwoBoards.run([.loadBoard], on: &boards.full, boards.fullRunner)
        TwoBoards.run([Reducer.reload(&boards.windowed)], on: &boards.windowed, boards.runner)
        boards.expectSame("the new and the renamed idea match the filter")
        #expect(boards.windowed.count(in: .proposed) == before + 2)
    }

    @Test func acceptingFromTheInboxOffersTheThemesIdeasCarry() throws {
        let boards = try TwoBoards(ideas: 300)
        for colleague in try boards.colleagues() {
            _ = try colleague.addToInbox(IdeaFields(title: "Buurtmoestuin"), receivedOn: boards.full.today, replyTo: nil)
        }
        TwoBoards.run([.loadBoard], on: &boards.full, boards.fullRunner)
        TwoBoards.run([Reducer.reload(&boards.windowed)], on: &boards.windowed, boards.runner)
        boards.press(.character("i"))
        let read = boards.press(.character("A"))
        #expect(read.contains(.loadCatalog), "the accept prompt reads the themes on a windowed board")
        #expect(!boards.full.knownThemes.isEmpty)
        #expect(boards.windowed.knownThemes.sorted() == boards.full.knownThemes.sorted())
        #expect(boards.windowed.offeredThemes == boards.full.offeredThemes)
    }

    @Test func aCardThatLeavesItsColumnLeavesTheSelectionOnTheNextCard() throws {
        let boards = try TwoBoards(ideas: 600)
        boards.press(.pageDown, .pageDown, .down, .down)
        let gone = try #require(boards.full.selectedCard)
        let index = try #require(boards.full.selectedIndex(in: .proposed))
        let next = try #require(boards.full.card(at: index + 1, in: .proposed))
        for colleague in try boards.colleagues() {
            try colleague.perform(.move(MoveRequest(id: gone.id, target: .stopped, reason: "elders", gate: .stop(.other, learned: "niet nodig"),
                                                    wipOverride: "test", from: .proposed)))
        }
        TwoBoards.run([.loadBoard], on: &boards.full, boards.fullRunner)
        TwoBoards.run([Reducer.reload(&boards.windowed)], on: &boards.windowed, boards.runner)
        boards.expectSame("another program moved the selected card away")
        #expect(boards.windowed.selectedCard?.id == next.id, "the card that took its place is selected, not the column's first")
        #expect(boards.full.selectedCard?.id == next.id)
    }

    @Test func aMarkedCardRenamedOrMovedElsewhereIsWeighedAsItIsNow() throws {
        let boards = try TwoBoards(ideas: 1_500)
        boards.press(.character(" "), .down, .character(" "), .end)
        let first = try #require(boards.full.markedSummaries.first)
        let second = try #require(boards.full.markedSummaries.last)
        for colleague in try boards.colleagues() {
            _ = try colleague.perform(.edit(first.id, IdeaFields(title: "Hernoemd door een collega", theme: first.theme)))
            try colleague.perform(.move(MoveRequest(id: second.id, target: .stopped, reason: "elders", gate: .stop(.other, learned: "niet nodig"),
                                                    wipOverride: "test", from: .proposed)))
        }
        TwoBoards.run([.loadBoard], on: &boards.full, boards.fullRunner)
        TwoBoards.run([Reducer.reload(&boards.windowed)], on: &boards.windowed, boards.runner)
        #expect(boards.windowed.markedSummaries == boards.full.markedSummaries)
        #expect(boards.windowed.markedSummaries.map(\.title).contains("Hernoemd door een collega"))
        #expect(boards.windowed.markedSummaries.first { $0.id == second.id }?.stage == .stopped)
    }

    @Test func aReorderKeepsTheTitlesFormsReadAndAnEditReadsThemAgain() throws {
        let boards = try TwoBoards(ideas: 600)
        #expect(boards.press(.character("n")).contains(.loadCatalog))
        boards.press(.escape)
        #expect(boards.windowed.mode == .board)
        boards.press(.down, .character("J"))
        boards.expectSame("after a reorder")
        #expect(!boards.press(.character("n")).contains(.loadCatalog), "a reorder leaves every title as it was")
        boards.press(.escape)
        let card = try #require(boards.windowed.selectedCard)
        boards.apply(.edit(card.id, IdeaFields(title: "Een nieuwe titel voor de buurt", theme: card.theme)))
        #expect(boards.press(.character("n")).contains(.loadCatalog), "an edit may change a title: read again")
        #expect(boards.windowed.likelyDuplicates(of: "Een nieuwe titel voor de buurt").first?.id == card.id)
    }

    @Test func scrollingReadsOnlyTheColumnThatLeftItsWindow() throws {
        let boards = try TwoBoards(ideas: 1_500)
        let read = boards.press(.pageDown, .pageDown, .pageDown, .pageDown, .pageDown, .pageDown, .pageDown, .pageDown)
        let queries = read.compactMap { effect -> BoardQuery? in if case .loadWindow(let query) = effect { query } else { nil } }
        #expect(!queries.isEmpty, "scrolling past the window reads the next one")
        #expect(queries.allSatisfy { Set($0.ranges.keys) == [.proposed] }, "\(queries.map { $0.ranges.keys.sorted { $0.columnIndex < $1.columnIndex } })")
        boards.expectSame("the other columns keep their windows")
        boards.press(.right, .end, .left)
        boards.expectSame("back in the first column after the end of the second")
    }

    /// A column of thousands is read from its end backwards near its end: the same cards in the same order.
    /// A filter that shows none of a column's cards (the inbox, empty here) does not cost that column its selection:
    /// when the filter ends, the card selected before it is selected again, on both boards.
    @Test func aFilterThatHidesAColumnGivesItsSelectionBackWhenItEnds() throws {
        let boards = try TwoBoards(ideas: 3_000)
        boards.press(.right, .end)
        let before = boards.windowed.selected[.experimenting]
        #expect(before != nil && before == boards.full.selected[.experimenting])
        boards.press(.character("i"))
        #expect(boards.windowed.count(in: .experimenting) == 0, "nothing waits in the inbox")
        boards.press(.character("i"))
        #expect(boards.windowed.selected[.experimenting] == before)
        #expect(boards.full.selected[.experimenting] == before)
        boards.expectSame("the inbox filter on and off again")
        boards.press(.character("/"), .character("z"), .character("q"), .character("x"), .backspace, .backspace, .backspace, .enter)
        #expect(boards.windowed.selected[.experimenting] == before, "a text filter that matched nothing, cleared")
        boards.expectSame("a filter typed and cleared")
        boards.press(.character("/"), .character("w"), .character("i"), .character("j"), .character("k"), .enter, .down)
        let chosen = boards.windowed.selected[.experimenting]
        #expect(chosen != nil && chosen != before)
        boards.press(.character("/"), .backspace, .backspace, .backspace, .backspace, .enter)
        #expect(boards.windowed.selected[.experimenting] == chosen, "a card chosen under the filter stays selected after it")
        boards.expectSame("a card chosen under a filter")
    }

    @Test func theEndOfAColumnOfThousandsShowsTheSameCards() throws {
        let boards = try TwoBoards(ideas: 6_000)
        #expect(boards.full.count(in: .proposed) > 2_000)
        boards.press(.end)
        boards.expectSame("the last card of a long column")
        boards.press(.up, .up, .up, .pageUp, .pageUp)
        boards.expectSame("pages up from the end")
        for _ in 0..<30 { boards.press(.pageUp) }
        boards.expectSame("halfway up")
        boards.press(.character("J"))
        boards.expectSame("a reorder near the middle")
    }
}
