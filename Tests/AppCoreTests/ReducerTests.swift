import Foundation
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
    state.setBoard(BoardData(cards: cards, today: DayDate(year: 2026, month: 11, day: 30)!))
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
        _ = Reducer.reduce(&state, .boardChangedElsewhere(BoardData(cards: cards, today: state.today)))
        #expect(state.selectedCard?.id == IdeaID(3))
        #expect(state.message?.text.contains("elsewhere") == true)
    }

    @Test func mouseClickSelectsTheCardUnderThePointer() {
        var state = sampleState()
        // Column 2 (Experimenting) starts at x = 24; its first card's title is on row 2.
        press([.mouseClick(x: 30, y: 2)], &state)
        #expect(state.focusedStage == .experimenting)
        #expect(state.selectedCard?.id == IdeaID(10))
        press([.mouseClick(x: 5, y: 8)], &state)  // three rows a card at 120 columns: rows 8-10 hold the third
        #expect(state.selectedCard?.id == IdeaID(3))
    }
}

/// A loaded idea for gate tests.
func loadedIdea(_ id: Int64, stage: Stage, cycles: [Cycle] = []) -> IdeaDetail {
    IdeaDetail(
        idea: Idea(id: IdeaID(id), fields: IdeaFields(title: "Idee \(id)"), stage: stage, position: 1,
                   createdAt: .init(timeIntervalSince1970: 0), updatedAt: .init(timeIntervalSince1970: 0),
                   cycleCount: cycles.count),
        cycles: cycles)
}

/// Types text into the focused field, then moves to the next field.
func fill(_ texts: [String], _ state: inout AppState) {
    for text in texts {
        press([.control("u")], &state)
        type(text, &state)
        press([.tab], &state)
    }
}

@Suite("Reducer: moving cards through gates")
struct MoveTests {
    @Test func moveForwardLoadsTheIdeaThenOpensTheTestCardForm() {
        var state = sampleState()
        #expect(press([.character("L")], &state) == [.loadIdea(IdeaID(1), .gate(.experimenting))])
        _ = Reducer.reduce(&state, .ideaLoaded(loadedIdea(1, stage: .proposed), purpose: .gate(.experimenting)))
        guard case .entry(let form) = state.mode else {
            Issue.record("expected the gate form, got \(state.mode)")
            return
        }
        #expect(form.fields.map(\.key) == [.gate(.hypothesis), .gate(.action), .gate(.metric), .gate(.success), .gate(.owner),
                                            .gate(.reviewDate), .gate(.budget), .gate(.maxDuration), .gate(.harm), .gate(.safeguard),
                                            .gate(.stopRule), .reason])
        #expect(form[.gate(.reviewDate)] == "2027-01-11", "six weeks after today by default")
        #expect(form.notice == nil, "no WIP limit is near")
        #expect(press([.control("s")], &state).isEmpty, "an incomplete gate moves nothing")
        guard case .entry(let refused) = state.mode else {
            Issue.record("the form stays open")
            return
        }
        #expect(refused.error == "Still missing: we believe that, to verify, we will, and measure, we are right if, owner, "
                + "budget cap, max duration, who could be harmed, how we prevent that, we stop at once if")
        fill(["buren helpen", "pilot Noord", "deelnemers", "minstens 20", "Sanne", "2026-12-31", "1500", "8w", "buren",
              "vrijwillig meedoen", "iemand zich onveilig voelt", "goed genoeg voor nu"], &state)
        let effects = press([.control("s")], &state)
        let bounds = SafeBounds(budgetCap: 1500, maxDuration: MaxDuration(count: 8, unit: .weeks), harm: "buren", safeguard: "vrijwillig meedoen",
                                stopRule: "iemand zich onveilig voelt")
        let gate = StageGate.experiment(
            TestCard(hypothesis: "buren helpen", action: "pilot Noord", metric: "deelnemers", successCriterion: "minstens 20", bounds: bounds),
            owner: "Sanne", reviewDate: DayDate(year: 2026, month: 12, day: 31)!)
        #expect(effects == [.apply(.move(MoveRequest(id: IdeaID(1), target: .experimenting, reason: "goed genoeg voor nu", gate: gate, from: .proposed)), .perform)])
    }

    @Test func aNewCycleIsPrefilledFromTheLastOne() {
        var state = sampleState()
        let card = TestCard(hypothesis: "h", action: "a", metric: "m", successCriterion: "s")
        let cycle = Cycle(number: 1, testCard: card, owner: "Ruud", reviewDate: DayDate(year: 2026, month: 10, day: 1)!,
                          learningCard: LearningCard(observed: "o", learned: "l", therefore: "twee wijken"))
        _ = Reducer.reduce(&state, .ideaLoaded(loadedIdea(7, stage: .learning, cycles: [cycle]), purpose: .gate(.experimenting)))
        guard case .entry(let form) = state.mode else {
            Issue.record("expected the gate form")
            return
        }
        #expect(form[.gate(.hypothesis)] == "h")
        #expect(form[.gate(.action)] == "twee wijken", "the learning card's next step becomes the new action")
        #expect(form[.gate(.owner)] == "Ruud")
    }

    @Test func stoppingAsksCategoryAndLearning() {
        var state = sampleState()
        _ = Reducer.reduce(&state, .ideaLoaded(loadedIdea(1, stage: .proposed), purpose: .gate(.stopped)))
        press([.right, .right], &state)
        press([.tab], &state)
        type("te duur", &state)
        press([.tab], &state)
        type("dubbel", &state)
        let effects = press([.enter], &state)
        #expect(effects == [.apply(.move(MoveRequest(id: IdeaID(1), target: .stopped, reason: "dubbel",
                                                      gate: .stop(.noCapacity, learned: "te duur"), from: .proposed)), .perform)])
    }

    @Test func reopeningAsksOnlyAReason() {
        var state = sampleState()
        press([.character("l"), .character("l"), .character("l"), .character("l"), .character("m")], &state)
        press([.character("1")], &state)
        guard case .prompt(let prompt) = state.mode else {
            Issue.record("expected the reason prompt, got \(state.mode)")
            return
        }
        #expect(prompt.purpose == .moveReason(GateContext(id: IdeaID(20), title: "Klaar", from: .stopped, to: .proposed)))
        #expect(press([.enter], &state).isEmpty, "an empty reason is refused")
        guard case .prompt(let refused) = state.mode else {
            Issue.record("prompt should stay open")
            return
        }
        #expect(refused.error == "A move is a decision and needs a reason")
        type("nieuwe kans", &state)
        #expect(press([.enter], &state) == [.apply(.move(MoveRequest(id: IdeaID(20), target: .proposed, reason: "nieuwe kans", from: .stopped)), .perform)])
        #expect(state.mode == .board)
    }

    @Test func escCancelsTheReasonPrompt() {
        var state = sampleState()
        press([.character("l"), .character("l"), .character("l"), .character("l"), .character("H")], &state)
        press([.character("m"), .character("1")], &state)
        type("half", &state)
        #expect(press([.escape], &state).isEmpty)
        guard case .confirm(let question) = state.mode else {
            Issue.record("a typed reason is not thrown away without asking, got \(state.mode)")
            return
        }
        #expect(question.question == .discardChanges)
        press([.character("j")], &state)
        #expect(state.mode == .board)
    }

    @Test func forbiddenMoveExplainsWithoutPrompt() {
        var state = sampleState()
        press([.character("l"), .character("l"), .character("l"), .character("l")], &state)
        #expect(state.focusedStage == .stopped)
        press([.character("H")], &state)
        #expect(state.mode == .board)
        #expect(state.message == StatusMessage("Stopped is the last stage: m reopens the idea (back to Proposed)", isError: true))
        press([.character("L")], &state)
        #expect(state.message == StatusMessage("Stopped is the last stage: m reopens the idea (back to Proposed)", isError: true))
        press([.character("h"), .character("h"), .character("h"), .character("h"), .character("H")], &state)
        #expect(state.message == StatusMessage("Proposed is the first stage", isError: true))
    }

    @Test func moveMenuOffersOnlyAllowedTargets() {
        var state = sampleState()
        press([.character("m")], &state)
        guard case .moveMenu(let menu) = state.mode else {
            Issue.record("expected the move menu")
            return
        }
        #expect(menu.targets == [.experimenting, .stopped])
        #expect(press([.character("2")], &state) == [.loadIdea(IdeaID(1), .gate(.stopped))])
    }

    @Test func overASoftWipLimitAsksWhy() {
        var state = sampleState()
        state.wipLimits[.experimenting] = WipLimit(stage: .experimenting, limit: 1)
        _ = Reducer.reduce(&state, .ideaLoaded(loadedIdea(1, stage: .proposed), purpose: .gate(.experimenting)))
        guard case .entry(let opened) = state.mode else {
            Issue.record("expected the gate form")
            return
        }
        #expect(opened.notice == "Experimenting is at its WIP limit (1/1): saving asks for a reason to go over it",
                "announced when the form opens, before anything is typed")
        fill(["h", "a", "m", "s", "o", "2026-12-31", "500", "6w", "niemand", "vrijwillig", "klachten", "r"], &state)
        guard case .entry(let filled) = state.mode else {
            Issue.record("expected the filled gate form")
            return
        }
        #expect(press([.control("s")], &state).isEmpty)
        guard case .prompt(let first) = state.mode else {
            Issue.record("expected the WIP override prompt, got \(state.mode)")
            return
        }
        type("toch", &state)
        press([.escape], &state)
        #expect(state.mode == .entry(filled), "Esc on the WIP prompt returns to the filled form")
        _ = first
        press([.control("s")], &state)
        guard case .prompt(let prompt) = state.mode, case .wipOverride(let request, let limit) = prompt.purpose else {
            Issue.record("expected the WIP override prompt, got \(state.mode)")
            return
        }
        #expect(limit == 1)
        #expect(request.wipOverride == nil)
        type("wethouder wil dit nu", &state)
        var expected = request
        expected.wipOverride = "wethouder wil dit nu"
        #expect(press([.enter], &state) == [.apply(.move(expected), .perform)])
    }

    @Test func atAHardWipLimitNoFormOpens() {
        var state = sampleState()
        state.wipLimits[.experimenting] = WipLimit(stage: .experimenting, limit: 1, hard: true)
        #expect(press([.character("L")], &state).isEmpty)
        #expect(state.mode == .board)
        #expect(state.message?.text == "Experimenting is at its hard WIP limit of 1: finish or stop something first")
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
        let request = MoveRequest(id: IdeaID(2), target: .experimenting, reason: "x", gate: .none)
        let revert = MoveRevert(id: IdeaID(2), stage: .proposed, position: 2, reviewDate: nil, stopCategory: nil, stopLearned: nil,
                                removeCycle: 1, restoreLearning: nil, removeDecision: nil, redo: request)
        let applied = AppliedChange(change: .move(request), inverse: .revertMove(revert), focus: IdeaID(2), focusStage: .experimenting)
        let effects = Reducer.reduce(&state, .changeApplied(applied, .perform))
        #expect(effects == [.loadBoard])
        #expect(state.focusedStage == .experimenting)
        #expect(state.selected[.experimenting] == IdeaID(2))
        #expect(state.selected[.proposed] == IdeaID(3))
        #expect(state.undoStack == [applied])
        #expect(state.message?.text == "Moved #2 to Experimenting")
    }
}

@Suite("Reducer: consent decisions")
struct ConsentTests {
    func openScalingScreen() -> AppState {
        var state = sampleState()
        let cycle = Cycle(number: 1, testCard: TestCard(hypothesis: "h", action: "a", metric: "m", successCriterion: "s"),
                          owner: "Ruud", reviewDate: DayDate(year: 2026, month: 10, day: 1)!,
                          learningCard: LearningCard(observed: "o", learned: "l", therefore: "hele gemeente"))
        _ = Reducer.reduce(&state, .ideaLoaded(loadedIdea(7, stage: .learning, cycles: [cycle]), purpose: .gate(.scaling)))
        return state
    }

    @Test func consentIsRefusedWhileAnObjectionIsOpenThenGiven() {
        var state = openScalingScreen()
        guard case .decision(let screen) = state.mode else {
            Issue.record("expected the consent screen, got \(state.mode)")
            return
        }
        #expect(screen.form[.gate(.proposal)] == "hele gemeente", "pre-filled from the learning card")
        press([.tab], &state)
        type("Ruud", &state)
        press([.tab, .tab, .tab], &state)
        type("effect aangetoond", &state)
        press([.control("o")], &state)
        type("Financiën", &state)
        press([.tab], &state)
        type("geen dekking", &state)
        press([.enter], &state)
        guard case .decision(let listed) = state.mode else {
            Issue.record("the screen stays open")
            return
        }
        #expect(listed.listFocus, "Enter on the objection's last field saves it and focuses the list")
        #expect(press([.enter], &state).isEmpty, "an unjudged objection blocks consent")
        guard case .decision(let blocked) = state.mode else {
            Issue.record("the screen stays open")
            return
        }
        #expect(blocked.error == "No consent yet: judge every objection and resolve the qualified ones (open: Financiën)")
        press([.character("y"), .character("a")], &state)
        type("hele gemeente, met evaluatie na zes maanden", &state)
        press([.enter], &state)
        type("evaluatie toegevoegd", &state)
        press([.enter], &state)
        let effects = press([.enter], &state)
        guard case .apply(.move(let request), .perform)? = effects.first else {
            Issue.record("expected the move, got \(effects)")
            return
        }
        #expect(request.target == .scaling)
        #expect(request.reason == "effect aangetoond")
        guard case .inlineDecision(let decision) = request.gate else {
            Issue.record("expected an inline decision")
            return
        }
        #expect(decision.outcome == .consented)
        #expect(decision.responsible == "Ruud")
        #expect(decision.proposal == "hele gemeente, met evaluatie na zes maanden", "amending changes the proposal")
        #expect(decision.objections == [Objection(who: "Financiën", text: "geen dekking", qualified: true, resolution: .amended,
                                                  resolutionNote: "evaluatie toegevoegd", previousProposal: "hele gemeente")])
    }

    @Test func aNotQualifiedObjectionDoesNotBlock() {
        var state = openScalingScreen()
        press([.tab], &state)
        type("Ruud", &state)
        press([.tab, .tab, .tab], &state)
        type("reden", &state)
        press([.control("o")], &state)
        type("Piet", &state)
        press([.tab], &state)
        type("liever niet", &state)
        press([.enter, .character("n")], &state)
        let effects = press([.enter], &state)
        #expect(effects.count == 1)
    }

    @Test func measurementFormParsesDecimalComma() {
        var state = sampleState()
        press([.enter], &state)
        let cycle = Cycle(number: 1, testCard: TestCard(hypothesis: "h", action: "a", metric: "m", successCriterion: "s"),
                          owner: "o", reviewDate: DayDate(year: 2026, month: 12, day: 1)!)
        _ = Reducer.reduce(&state, .ideaLoaded(loadedIdea(1, stage: .experimenting, cycles: [cycle]), purpose: .detail))
        press([.character("M")], &state)
        guard case .entry(let form) = state.mode else {
            Issue.record("expected the measurement form")
            return
        }
        #expect(form[.date] == "2026-11-30")
        press([.tab], &state)
        type("12,5", &state)
        press([.tab], &state)
        type("na de zomer", &state)
        #expect(press([.enter], &state) == [.apply(.addMeasurement(IdeaID(1), MetricMeasurement(
            date: DayDate(year: 2026, month: 11, day: 30)!, value: 12.5, note: "na de zomer")), .perform)])
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
        let gone = Idea(id: IdeaID(1), fields: IdeaFields(title: "Weg"), stage: .proposed, position: 1, createdAt: Date(timeIntervalSince1970: 0), updatedAt: Date(timeIntervalSince1970: 0))
        state.redoStack = [AppliedChange(change: .delete(gone), inverse: .delete(gone), focus: nil, focusStage: nil)]
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
        let effects = press([.control("s")], &state)
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
        let effects = press([.control("s")], &state)
        #expect(effects == [.apply(.create(IdeaFields(title: "Titel", description: "Uitleg", source: .professional, tags: ["a", "b"])), .perform)])
    }

    @Test func emptyTitleKeepsTheFormOpenWithAnError() {
        var state = sampleState(language: .nl)
        press([.character("n")], &state)
        #expect(press([.control("s")], &state).isEmpty)
        guard case .form(let form) = state.mode else {
            Issue.record("expected the form")
            return
        }
        #expect(form.error == "De titel is leeg: geef het idee een titel")
    }

    @Test func escLeavesAnUntouchedFormAtOnce() {
        var state = sampleState()
        press([.character("n")], &state)
        #expect(press([.escape], &state).isEmpty)
        #expect(state.mode == .board)
    }

    @Test func editLoadsTheIdeaThenSavesAnEdit() {
        var state = sampleState()
        #expect(press([.character("e")], &state) == [.loadIdea(IdeaID(1), .edit(returnToDetail: false))])
        let idea = Idea(id: IdeaID(1), fields: IdeaFields(title: "Voorstel 1", theme: "Wijk"), stage: .proposed, position: 1,
                        createdAt: .init(timeIntervalSince1970: 0), updatedAt: .init(timeIntervalSince1970: 0))
        _ = Reducer.reduce(&state, .ideaLoaded(IdeaDetail(idea: idea), purpose: .edit(returnToDetail: false)))
        press([.end, .backspace], &state)
        type("!", &state)
        #expect(press([.control("s")], &state) == [.apply(.editFrom(IdeaID(1), base: IdeaFields(title: "Voorstel 1", theme: "Wijk"), edited: IdeaFields(title: "Voorstel !", theme: "Wijk")), .perform)])
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
        #expect(state.focusedStage == .experimenting, "while typing, the cursor goes to a column with a match")
        #expect(state.selectedCard?.id == IdeaID(10))
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

@Suite("Reducer: failed reads")
struct FailedReadTests {
    @Test func aFailedLoadIsShownAndNotRetried() {
        var state = AppState(language: .nl, size: Size(width: 120, height: 35))
        let effects = Reducer.reduce(&state, .loadFailed(.storage("idee #2: de opgeslagen waarde 'bogus' in veld stage is onleesbaar")))
        #expect(effects.isEmpty, "a read that failed is not asked for again at once (that would loop)")
        #expect(state.message == StatusMessage("idee #2: de opgeslagen waarde 'bogus' in veld stage is onleesbaar", isError: true))
    }
}

@Suite("Reducer: scaling on a consent already given")
struct ScaleOnDecisionTests {
    @Test func aConsentedScaleDecisionIsUsedInsteadOfANewRound() {
        var state = sampleState(language: .nl)
        var detail = loadedIdea(2, stage: .learning)
        detail.decisions = [ConsentDecision(id: DecisionID(7), ideaID: IdeaID(2), kind: .scale, proposal: "Alle wijken", responsible: "An",
                                            reviewDate: DayDate(year: 2027, month: 3, day: 1)!, outcome: .consented)]
        _ = Reducer.reduce(&state, .ideaLoaded(detail, purpose: .gate(.scaling)))
        guard case .prompt(let prompt) = state.mode, case .moveOnDecision(let context, DecisionID(7)) = prompt.purpose else {
            Issue.record("expected the reason prompt for D7, got \(state.mode)")
            return
        }
        #expect(context.from == .learning)
        type("raad akkoord", &state)
        #expect(press([.enter], &state) == [.apply(.move(MoveRequest(
            id: IdeaID(2), target: .scaling, reason: "raad akkoord", gate: .decision(DecisionID(7)), from: .learning)), .perform)])
    }

    @Test func withoutOneTheConsentScreenOpens() {
        var state = sampleState()
        _ = Reducer.reduce(&state, .ideaLoaded(loadedIdea(2, stage: .learning), purpose: .gate(.scaling)))
        guard case .decision = state.mode else {
            Issue.record("expected the consent screen, got \(state.mode)")
            return
        }
    }
}

@Suite("Reducer: an open consent screen follows the round held elsewhere")
struct DecisionRefreshTests {
    @Test func objectionsRecordedElsewhereAppearAndLocalRulingsStay() {
        var state = sampleState(language: .nl)
        let stored = ConsentDecision(id: DecisionID(5), ideaID: IdeaID(1), kind: .continue, proposal: "nog een ronde", responsible: "An",
                                     reviewDate: DayDate(year: 2027, month: 1, day: 1)!, objections: [Objection(who: "Bo", text: "te duur")])
        var detail = loadedIdea(1, stage: .experimenting)
        detail.decisions = [stored]
        press([.enter], &state)
        _ = Reducer.reduce(&state, .ideaLoaded(detail, purpose: .detail))
        press([.character("D"), .character("n")], &state)  // continue D5, judge Bo's objection: not qualified
        var later = stored
        later.objections.append(Objection(who: "Cas", text: "geen draagvlak"))
        detail.decisions = [later]

        let effects = Reducer.reduce(&state, .boardChangedElsewhere(BoardData(cards: state.allCards, today: state.today)))
        #expect(effects == [.loadIdea(IdeaID(1), .refreshDecision(DecisionID(5)))])
        _ = Reducer.reduce(&state, .ideaLoaded(detail, purpose: .refreshDecision(DecisionID(5))))
        guard case .decision(let screen) = state.mode else {
            Issue.record("expected the consent screen, got \(state.mode)")
            return
        }
        #expect(screen.objections.map(\.who) == ["Bo", "Cas"])
        #expect(screen.objections.map(\.qualified) == [false, nil], "the local ruling stays, the new objection is unjudged")
        #expect(screen.existing == later, "the stored round is the new base for the save")
    }
}
