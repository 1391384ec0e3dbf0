import AppCore
import Domain
import Testing

/// A board state with a few cards, for reducer tests.
func sampleState(size: Size = Size(width: 120, height: 35), language: Language = .en) -> AppState {
    var state = AppState(language: language, size: size)
    var cards: [IdeaSummary] = []
    for index in 1...4 {
        cards.append(IdeaSummary(id: IdeaID(Int64(index)), title: "Voorstel \(index)", theme: "Wijk", tags: [], stage: .proposed, position: Int64(index)))
    }
    cards.append(IdeaSummary(id: IdeaID(10), title: "Proef", theme: "Jeugd", tags: ["school"], stage: .experimenting, position: 1))
    cards.append(IdeaSummary(id: IdeaID(20), title: "Klaar", theme: "Jeugd", tags: [], stage: .stopped, position: 1))
    state.setCards(cards)
    return state
}

@discardableResult
func press(_ keys: [Key], _ state: inout AppState) -> [Effect] {
    var effects: [Effect] = []
    for key in keys { effects += Reducer.reduce(&state, .key(key)) }
    return effects
}

func type(_ text: String, _ state: inout AppState) {
    for character in text { _ = Reducer.reduce(&state, .key(.character(character))) }
}

@Suite("Reducer: board navigation")
struct NavigationTests {
    @Test func jAndKMoveTheSelection() {
        var state = sampleState()
        #expect(state.selectedCard?.id == IdeaID(1))
        press([.character("j"), .character("j")], &state)
        #expect(state.selectedCard?.id == IdeaID(3))
        press([.up], &state)
        #expect(state.selectedCard?.id == IdeaID(2))
        press([.character("G")], &state)
        #expect(state.selectedCard?.id == IdeaID(4))
        press([.down], &state)
        #expect(state.selectedCard?.id == IdeaID(4), "stays on the last card")
    }

    @Test func hAndLChangeColumnAndRememberSelection() {
        var state = sampleState()
        press([.character("j"), .character("l")], &state)
        #expect(state.focusedStage == .experimenting)
        #expect(state.selectedCard?.id == IdeaID(10))
        press([.character("h")], &state)
        #expect(state.selectedCard?.id == IdeaID(2))
        press([.left], &state)
        #expect(state.focusedStage == .proposed)
    }

    @Test func selectionScrollsIntoView() {
        var state = sampleState(size: Size(width: 80, height: 10))  // narrow: 5 inner rows, 2 cards
        #expect(BoardLayout.visibleCards(for: state.size) == 2)
        press([.down, .down], &state)
        #expect(state.scrollTop[.proposed] == 1)
        press([.down], &state)
        #expect(state.selectedCard?.id == IdeaID(4))
        #expect(state.scrollTop[.proposed] == 2)
        press([.up], &state)
        #expect(state.scrollTop[.proposed] == 2, "scrolls only when the selection leaves the view")
        press([.character("g")], &state)
        #expect(state.scrollTop[.proposed] == 0)
    }

    @Test func reloadKeepsSelectionById() {
        var state = sampleState()
        press([.down, .down], &state)
        var cards = state.allCards
        cards.insert(IdeaSummary(id: IdeaID(99), title: "Nieuw", theme: "", tags: [], stage: .proposed, position: 0), at: 0)
        _ = Reducer.reduce(&state, .boardChangedElsewhere(cards))
        #expect(state.selectedCard?.id == IdeaID(3))
        #expect(state.message?.text.contains("elsewhere") == true)
    }

    @Test func mouseClickSelectsTheCardUnderThePointer() {
        var state = sampleState()
        // Column 2 (Experimenting) starts at x = 24; its first card's title is on row 2.
        press([.mouseClick(x: 30, y: 2)], &state)
        #expect(state.focusedStage == .experimenting)
        #expect(state.selectedCard?.id == IdeaID(10))
        press([.mouseClick(x: 5, y: 6)], &state)
        #expect(state.selectedCard?.id == IdeaID(3))
    }
}

@Suite("Reducer: moving cards")
struct MoveTests {
    @Test func moveForwardAsksAReasonThenAppliesTheMove() {
        var state = sampleState()
        press([.character("L")], &state)
        guard case .prompt(let prompt) = state.mode else {
            Issue.record("expected the reason prompt, got \(state.mode)")
            return
        }
        #expect(prompt.to == .experimenting)
        #expect(press([.enter], &state).isEmpty, "an empty reason is refused")
        guard case .prompt(let refused) = state.mode else {
            Issue.record("prompt should stay open")
            return
        }
        #expect(refused.error == "A move is a decision and needs a reason")
        type("pilot", &state)
        let effects = press([.enter], &state)
        #expect(effects == [.apply(.move(IdeaID(1), to: .experimenting, reason: "pilot", enforceRules: true), .perform)])
        #expect(state.mode == .board)
    }

    @Test func escCancelsTheReasonPrompt() {
        var state = sampleState()
        press([.character("L")], &state)
        type("half", &state)
        #expect(press([.escape], &state).isEmpty)
        #expect(state.mode == .board)
    }

    @Test func forbiddenMoveExplainsWithoutPrompt() {
        var state = sampleState()
        press([.character("l"), .character("l"), .character("l"), .character("l")], &state)
        #expect(state.focusedStage == .stopped)
        press([.character("H")], &state)
        #expect(state.mode == .board)
        #expect(state.message == StatusMessage("Cannot move from Stopped to Scaling; from Stopped an idea can go to: Proposed", isError: true))
    }

    @Test func moveMenuOffersOnlyAllowedTargets() {
        var state = sampleState()
        press([.character("m")], &state)
        guard case .moveMenu(let menu) = state.mode else {
            Issue.record("expected the move menu")
            return
        }
        #expect(menu.targets == [.experimenting, .stopped])
        press([.character("2")], &state)
        guard case .prompt(let prompt) = state.mode else {
            Issue.record("expected the reason prompt")
            return
        }
        #expect(prompt.to == .stopped)
    }

    @Test func reorderSwapsWithTheVisibleNeighbour() {
        var state = sampleState()
        press([.character("j")], &state)
        #expect(press([.character("J")], &state) == [.apply(.swap(IdeaID(2), IdeaID(3)), .perform)])
        #expect(press([.character("K")], &state) == [.apply(.swap(IdeaID(2), IdeaID(1)), .perform)])
        press([.character("g")], &state)
        #expect(press([.character("K")], &state).isEmpty)
    }

    @Test func appliedMoveFollowsTheCardAndKeepsANeighbourSelected() {
        var state = sampleState()
        press([.character("j")], &state)
        let change = IdeaChange.move(IdeaID(2), to: .experimenting, reason: "x", enforceRules: true)
        let applied = AppliedChange(change: change, inverse: .place(IdeaID(2), stage: .proposed, position: 2, reason: "undo"),
                                    focus: IdeaID(2), focusStage: .experimenting)
        let effects = Reducer.reduce(&state, .changeApplied(applied, .perform))
        #expect(effects == [.loadBoard])
        #expect(state.focusedStage == .experimenting)
        #expect(state.selected[.experimenting] == IdeaID(2))
        #expect(state.selected[.proposed] == IdeaID(3))
        #expect(state.undoStack == [applied])
        #expect(state.message?.text == "Moved #2 to Experimenting")
    }
}

@Suite("Reducer: undo and redo")
struct UndoTests {
    @Test func undoAppliesTheInverseAndRedoAppliesItsInverse() {
        var state = sampleState()
        let applied = AppliedChange(
            change: .swap(IdeaID(1), IdeaID(2)), inverse: .swap(IdeaID(1), IdeaID(2)), focus: IdeaID(1), focusStage: .proposed)
        _ = Reducer.reduce(&state, .changeApplied(applied, .perform))
        #expect(press([.character("u")], &state) == [.apply(.swap(IdeaID(1), IdeaID(2)), .undo)])
        #expect(state.undoStack.isEmpty)
        let undone = AppliedChange(change: .swap(IdeaID(1), IdeaID(2)), inverse: .swap(IdeaID(1), IdeaID(2)), focus: IdeaID(1), focusStage: .proposed)
        _ = Reducer.reduce(&state, .changeApplied(undone, .undo))
        #expect(state.redoStack.count == 1)
        #expect(state.message?.text == "Undone")
        #expect(press([.character("U")], &state) == [.apply(.swap(IdeaID(1), IdeaID(2)), .redo)])
    }

    @Test func nothingToUndoSaysSo() {
        var state = sampleState()
        #expect(press([.character("u")], &state).isEmpty)
        #expect(state.message?.text == "Nothing to undo")
        #expect(press([.character("U")], &state).isEmpty)
        #expect(state.message?.text == "Nothing to redo")
    }

    @Test func aNewChangeClearsRedo() {
        var state = sampleState()
        state.redoStack = [AppliedChange(change: .delete(IdeaID(1)), inverse: .delete(IdeaID(1)), focus: nil, focusStage: nil)]
        let applied = AppliedChange(change: .swap(IdeaID(1), IdeaID(2)), inverse: .swap(IdeaID(1), IdeaID(2)), focus: IdeaID(1), focusStage: .proposed)
        _ = Reducer.reduce(&state, .changeApplied(applied, .perform))
        #expect(state.redoStack.isEmpty)
    }
}

@Suite("Reducer: form, detail, filter, help")
struct FormTests {
    @Test func newIdeaFormSavesWithOnlyATitle() {
        var state = sampleState()
        press([.character("n")], &state)
        type("Fietsmaatjes", &state)
        let effects = press([.enter], &state)
        #expect(effects == [.apply(.create(IdeaFields(title: "Fietsmaatjes")), .perform)])
    }

    @Test func tabMovesBetweenFieldsAndSourceCycles() {
        var state = sampleState()
        press([.character("n")], &state)
        type("Titel", &state)
        press([.tab], &state)
        type("Uitleg", &state)
        press([.tab, .tab, .tab, .right, .right], &state)
        guard case .form(let form) = state.mode else {
            Issue.record("expected the form")
            return
        }
        #expect(form.focus == .source)
        #expect(form.source == .professional)
        #expect(form.fields.description == "Uitleg")
        press([.backTab], &state)
        type("a, b", &state)
        let effects = press([.enter], &state)
        #expect(effects == [.apply(.create(IdeaFields(title: "Titel", description: "Uitleg", source: .professional, tags: ["a", "b"])), .perform)])
    }

    @Test func emptyTitleKeepsTheFormOpenWithAnError() {
        var state = sampleState(language: .nl)
        press([.character("n")], &state)
        #expect(press([.enter], &state).isEmpty)
        guard case .form(let form) = state.mode else {
            Issue.record("expected the form")
            return
        }
        #expect(form.error == "De titel is leeg: geef het idee een titel")
    }

    @Test func escCancelsTheForm() {
        var state = sampleState()
        press([.character("n")], &state)
        type("weg", &state)
        press([.escape], &state)
        #expect(state.mode == .board)
    }

    @Test func editLoadsTheIdeaThenSavesAnEdit() {
        var state = sampleState()
        #expect(press([.character("e")], &state) == [.loadIdea(IdeaID(1), .edit(returnToDetail: false))])
        let idea = Idea(id: IdeaID(1), fields: IdeaFields(title: "Voorstel 1", theme: "Wijk"), stage: .proposed, position: 1,
                        createdAt: .init(timeIntervalSince1970: 0), updatedAt: .init(timeIntervalSince1970: 0))
        _ = Reducer.reduce(&state, .ideaLoaded(idea, history: [], purpose: .edit(returnToDetail: false)))
        press([.backspace], &state)
        type("!", &state)
        #expect(press([.enter], &state) == [.apply(.edit(IdeaID(1), IdeaFields(title: "Voorstel !", theme: "Wijk")), .perform)])
    }

    @Test func enterOpensDetailAndEscReturns() {
        var state = sampleState()
        #expect(press([.enter], &state) == [.loadIdea(IdeaID(1), .detail)])
        guard case .detail = state.mode else {
            Issue.record("expected the detail view")
            return
        }
        press([.escape], &state)
        #expect(state.mode == .board)
    }

    @Test func filterIsLiveEnterKeepsEscClears() {
        var state = sampleState()
        press([.character("/")], &state)
        type("proef", &state)
        #expect(state.cards(in: .proposed).isEmpty)
        #expect(state.cards(in: .experimenting).map(\.id) == [IdeaID(10)])
        press([.enter], &state)
        #expect(state.mode == .board)
        #expect(state.filter == "proef")
        press([.escape], &state)
        #expect(state.filter.isEmpty)
        press([.character("/")], &state)
        type("school", &state)
        press([.escape], &state)
        #expect(state.filter.isEmpty)
        #expect(state.cards(in: .proposed).count == 4)
    }

    @Test func helpScrollsAndCloses() {
        var state = sampleState()
        press([.character("?")], &state)
        press([.character("j"), .character("j")], &state)
        #expect(state.mode == .help(HelpState(scroll: 2, returnToDetail: nil)))
        press([.escape], &state)
        #expect(state.mode == .board)
    }

    @Test func quitEmitsQuit() {
        var state = sampleState()
        #expect(press([.character("q")], &state) == [.quit])
    }

    @Test func tooSmallOnlyAcceptsQuit() {
        var state = sampleState(size: Size(width: 30, height: 8))
        #expect(press([.character("n")], &state).isEmpty)
        #expect(state.mode == .board)
        #expect(press([.character("q")], &state) == [.quit])
    }

    @Test func failedChangeShowsTheLocalisedReason() {
        var state = sampleState(language: .nl)
        _ = Reducer.reduce(&state, .changeFailed(.domain(.ideaNotFound(IdeaID(7))), .perform))
        #expect(state.message == StatusMessage("Idee #7 bestaat niet meer", isError: true))
    }
}

@Suite("Text field")
struct TextFieldTests {
    @Test func editing() {
        var field = TextField("abc")
        field.edit(.cursorLeft)
        field.insert("X")
        #expect(field.text == "abXc")
        field.edit(.cursorStart)
        field.edit(.deleteForward)
        #expect(field.text == "bXc")
        field.edit(.cursorEnd)
        field.edit(.deleteBackward)
        #expect(field.text == "bX")
        field.insert("\u{1B}")
        #expect(field.text == "bX")
        field.edit(.clearField)
        #expect(field.text == "" && field.cursor == 0)
    }
}
