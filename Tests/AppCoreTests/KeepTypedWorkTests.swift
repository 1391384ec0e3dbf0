import AppCore
import Domain
import Foundation
import Testing

/// The form on screen, or an issue.
func openForm(_ state: AppState) -> FormState? {
    if case .form(let form) = state.mode { return form }
    Issue.record("expected the idea form, got \(state.mode)")
    return nil
}

@Suite("Reducer: typed work is never lost")
struct KeepTypedWorkTests {
    @Test func leavingAChangedFormAsksAndNoReturnsToIt() {
        var state = sampleState(language: .nl)
        press([.character("n")], &state)
        type("Inloop", &state)
        guard let typed = openForm(state) else { return }
        #expect(press([.escape], &state).isEmpty)
        #expect(state.mode == .confirm(Confirmation(.discardChanges, then: .leave(.board, [.discardDraft(.newIdea)]), returnTo: .form(typed))))
        #expect(state.strings.question(.discardChanges) == "Wijzigingen weggooien? j/n")
        press([.character("n")], &state)
        #expect(state.mode == .form(typed), "n returns to the form as it was")
        press([.escape], &state)
        #expect(press([.character("j")], &state) == [.discardDraft(.newIdea)])
        #expect(state.mode == .board)
        #expect(state.drafts.isEmpty)
    }

    @Test func ctrlCInAFormCancelsItInsteadOfQuitting() {
        var state = sampleState()
        press([.character("n")], &state)
        #expect(press([.control("c")], &state).isEmpty, "an untouched form closes, the program runs on")
        #expect(state.mode == .board)
        press([.character("n")], &state)
        type("Half", &state)
        #expect(press([.control("c")], &state).isEmpty)
        guard case .confirm(let question) = state.mode else {
            Issue.record("expected the question, got \(state.mode)")
            return
        }
        #expect(question.question == .discardChanges)
        press([.control("c")], &state)
        #expect(openForm(state)?.fields.title == "Half", "Ctrl-C on the question means no")
    }

    @Test func ctrlCAndF10QuitFromTheBoardAndAskWithTypedWork() {
        var state = sampleState()
        #expect(press([.control("c")], &state) == [.quit])
        #expect(press([.function(10)], &state) == [.quit])
        press([.character("n")], &state)
        type("Half", &state)
        #expect(press([.function(10)], &state).isEmpty)
        guard case .confirm(let question) = state.mode else {
            Issue.record("expected the question, got \(state.mode)")
            return
        }
        #expect(question.question == .discardAndQuit)
        #expect(press([.character("y")], &state) == [.discardDraft(.newIdea), .quit])
    }

    @Test func f1OpensHelpOverTheFormAndEscReturnsToIt() {
        var state = sampleState()
        press([.character("n")], &state)
        type("Half", &state)
        guard let typed = openForm(state) else { return }
        press([.function(1)], &state)
        guard case .help(let help) = state.mode else {
            Issue.record("expected help, got \(state.mode)")
            return
        }
        #expect(help.covered == .form(typed))
        press([.escape], &state)
        #expect(state.mode == .form(typed))
        press([.escape, .character("j"), .function(1)], &state)
        #expect(state.mode == .help(HelpState(scroll: 0, returnToDetail: nil, returnTo: .board)))
        press([.function(1)], &state)
        #expect(state.mode == .board, "F1 closes help again")
    }

    @Test func enterGoesToTheNextFieldAndSavesOnTheLast() {
        var state = sampleState()
        press([.character("n")], &state)
        type("Fietsmaatjes", &state)
        #expect(!press([.enter], &state).contains { if case .apply = $0 { true } else { false } }, "Enter in the title moves on, it does not save")
        #expect(openForm(state)?.focus == .description)
        press([.enter, .enter, .enter, .enter], &state)
        #expect(openForm(state)?.focus == .submitter)
        #expect(press([.enter], &state) == [.apply(.create(IdeaFields(title: "Fietsmaatjes")), .perform)])
    }

    @Test func ctrlSSavesFromAnyField() {
        var state = sampleState()
        press([.character("n")], &state)
        type("Fietsmaatjes", &state)
        press([.tab], &state)
        #expect(press([.control("s")], &state) == [.apply(.create(IdeaFields(title: "Fietsmaatjes")), .perform)])
        #expect(state.submittedDraft == .newIdea)
    }

    @Test func prefilledTextIsSelectedSoTypingReplacesIt() {
        var state = sampleState()
        press([.character("e")], &state)
        let idea = Idea(id: IdeaID(1), fields: IdeaFields(title: "Voorstel 1", theme: "Wijk"), stage: .proposed, position: 1,
                        createdAt: .init(timeIntervalSince1970: 0), updatedAt: .init(timeIntervalSince1970: 0))
        _ = Reducer.reduce(&state, .ideaLoaded(IdeaDetail(idea: idea), purpose: .edit(returnToDetail: false)))
        #expect(openForm(state)?.texts[.title]?.selected == true)
        type("Nieuw", &state)
        #expect(openForm(state)?.fields.title == "Nieuw", "typing replaced the selected title instead of appending to it")
        press([.tab, .tab], &state)
        #expect(openForm(state)?.texts[.theme]?.selected == true, "entering a filled field selects it")
        press([.home], &state)
        type("Oost-", &state)
        #expect(openForm(state)?.fields.theme == "Oost-Wijk", "Home puts the cursor at the start instead")
    }

    @Test func typedWorkIsKeptAsADraftAndOfferedBack() {
        var state = sampleState(language: .nl)
        press([.character("n")], &state)
        let effects = press([.character("I")], &state)
        let draft = FormDraft(subject: .newIdea, fields: ["title": "I", "description": "", "theme": "", "tags": "", "source": "",
                                                          "submitter": ""], focus: "title")
        #expect(effects == [.saveDraft(draft)], "written through an effect, never by the reducer")
        #expect(press([.backspace], &state) == [.discardDraft(.newIdea)], "back as it opened: nothing to keep")
        // A crash later: the next board reads the draft and offers it on n.
        var next = sampleState(language: .nl)
        var kept = draft
        kept.fields["title"] = "Inloop"
        _ = Reducer.reduce(&next, .draftsLoaded([kept]))
        press([.character("n")], &next)
        guard let restored = openForm(next) else { return }
        #expect(restored.fields.title == "Inloop")
        #expect(restored.notice == "Niet-opgeslagen werk teruggezet: Ctrl-S slaat op, Esc gooit weg")
        #expect(restored.isChanged, "Esc asks before throwing the restored work away")
        #expect(restored.texts[.title]?.selected == false, "the next key adds to the restored text")
        press([.control("s")], &next)
        let applied = AppliedChange(change: .create(IdeaFields(title: "Inloop")), inverse: .swap(IdeaID(1), IdeaID(1)), focus: IdeaID(9),
                                    focusStage: .proposed)
        #expect(Reducer.reduce(&next, .changeApplied(applied, .perform)) == [.loadBoard, .discardDraft(.newIdea)])
        #expect(next.drafts.isEmpty)
    }

    @Test func aRestoredFormOpensOnTheFieldBeingTypedIn() {
        var state = sampleState()
        press([.character("n")], &state)
        type("Inloop", &state)
        press([.tab], &state)
        type("Koffie", &state)
        let kept = state.drafts[.newIdea]
        #expect(kept?.focus == "description")
        var next = sampleState()
        _ = Reducer.reduce(&next, .draftsLoaded([kept!]))
        press([.character("n")], &next)
        guard let restored = openForm(next) else { return }
        #expect(restored.focus == .description, "back in the field that was being typed in, not the title")
        type(" op dinsdag", &next)
        guard let typed = openForm(next) else { return }
        #expect(typed.fields.title == "Inloop" && typed.fields.description == "Koffie op dinsdag")
    }

    @Test func aRestoredGateFormOpensOnTheFieldBeingTypedIn() {
        var state = sampleState()
        _ = Reducer.reduce(&state, .draftsLoaded([FormDraft(subject: .gate(IdeaID(1), .experimenting),
                                                            fields: ["hypothesis": "buren helpen", "owner": "San"], focus: "owner")]))
        _ = Reducer.reduce(&state, .ideaLoaded(loadedIdea(1, stage: .proposed), purpose: .gate(.experimenting)))
        type("ne", &state)
        guard case .entry(let form) = state.mode else { Issue.record("expected the gate form"); return }
        #expect(form[.gate(.owner)] == "Sanne" && form[.gate(.hypothesis)] == "buren helpen")
    }

    @Test func aRefusedSaveKeepsTheDraft() {
        var state = sampleState()
        press([.character("n")], &state)
        type("Inloop", &state)
        press([.control("s")], &state)
        #expect(Reducer.reduce(&state, .changeFailed(.storage("locked"), .perform)) == [.loadBoard])
        #expect(state.drafts[.newIdea] != nil)
        #expect(state.submittedDraft == nil)
    }

    @Test func anEditDraftKeepsTheFieldsItWasBasedOn() {
        var state = sampleState()
        let base = IdeaFields(title: "Voorstel 1", theme: "Wijk")
        _ = Reducer.reduce(&state, .draftsLoaded([FormDraft(subject: .editIdea(IdeaID(1)), fields: ["title": "Voorstel één"], base: base)]))
        let now = Idea(id: IdeaID(1), fields: IdeaFields(title: "Voorstel 1", description: "van collega", theme: "Wijk"), stage: .proposed,
                       position: 1, createdAt: .init(timeIntervalSince1970: 0), updatedAt: .init(timeIntervalSince1970: 0))
        _ = Reducer.reduce(&state, .ideaLoaded(IdeaDetail(idea: now), purpose: .edit(returnToDetail: false)))
        guard let form = openForm(state) else { return }
        #expect(form.fields.title == "Voorstel één")
        #expect(form.base == base, "a save merges from what was loaded back then, keeping the colleague's description")
    }

    @Test func aGateFormComesBackWithItsTypedWork() {
        var state = sampleState()
        _ = Reducer.reduce(&state, .draftsLoaded([FormDraft(subject: .gate(IdeaID(1), .experimenting),
                                                            fields: ["hypothesis": "buren helpen", "owner": "Sanne"])]))
        _ = Reducer.reduce(&state, .ideaLoaded(loadedIdea(1, stage: .proposed), purpose: .gate(.experimenting)))
        guard case .entry(let form) = state.mode else {
            Issue.record("expected the gate form")
            return
        }
        #expect(form[.gate(.hypothesis)] == "buren helpen")
        #expect(form[.gate(.owner)] == "Sanne")
        #expect(form[.gate(.reviewDate)] == "2027-01-11", "fields the draft lacks keep their pre-filled value")
    }

    @Test func aReviewDateInThePastAsksBeforeTheMove() {
        var state = sampleState(language: .nl)
        _ = Reducer.reduce(&state, .ideaLoaded(loadedIdea(1, stage: .proposed), purpose: .gate(.experimenting)))
        fill(["h", "a", "m", "s", "o", "01-11-2026", "500", "6w", "niemand", "vrijwillig", "klachten", "r"], &state)
        guard case .entry(let filled) = state.mode else { return }
        #expect(press([.control("s")], &state).isEmpty)
        guard case .confirm(let question) = state.mode else {
            Issue.record("expected the question, got \(state.mode)")
            return
        }
        #expect(state.strings.question(question.question) == "De evaluatiedatum 2026-11-01 ligt in het verleden. Toch opslaan? j/n")
        press([.character("n")], &state)
        #expect(state.mode == .entry(filled), "no returns to the form to correct the date")
        press([.control("s")], &state)
        guard case .apply(.move(let request), .perform)? = press([.character("j")], &state).first else {
            Issue.record("yes carries on with the move")
            return
        }
        #expect(request.target == .experimenting)
        #expect(state.submittedDraft == .gate(IdeaID(1), .experimenting))
    }

    /// A gate form stays open under its save: a refusal (another program moved the card, the server is gone) shows on
    /// the form with everything typed, and Ctrl-S tries again; a saved move closes it.
    @Test func aRefusedMoveKeepsItsGateFormOpen() {
        var state = sampleState(language: .nl)
        _ = Reducer.reduce(&state, .ideaLoaded(loadedIdea(1, stage: .proposed), purpose: .gate(.experimenting)))
        fill(["h", "a", "m", "s", "o", "2027-01-11", "500", "6w", "niemand", "vrijwillig", "klachten", "r"], &state)
        guard case .apply(.move(let request), .perform)? = press([.control("s")], &state).first else {
            Issue.record("expected the move")
            return
        }
        _ = Reducer.reduce(&state, .changeFailed(.offline("Geen verbinding met de server."), .perform))
        guard case .entry(let form) = state.mode else {
            Issue.record("expected the gate form, got \(state.mode)")
            return
        }
        #expect(form.error == "Geen verbinding met de server.")
        #expect(form[.gate(.hypothesis)] == "h" && form[.gate(.stopRule)] == "klachten" && form[.reason] == "r")
        #expect(press([.control("s")], &state).first == .apply(.move(request), .perform), "Ctrl-S tries the same move again")
        let applied = AppliedChange(change: .move(request), inverse: .swap(IdeaID(1), IdeaID(1)),
                                    focus: IdeaID(1), focusStage: .experimenting)
        _ = Reducer.reduce(&state, .changeApplied(applied, .perform))
        #expect(state.mode == .board)
    }

    /// An edit refused because a colleague changed the same field meanwhile keeps what was typed; the form takes in what
    /// the colleague changed elsewhere, names who did what, and the next Ctrl-S knowingly saves over the new version.
    @Test func anEditRefusedForAColleaguesChangeKeepsTheTextAndSavesOverItOnCtrlS() {
        var state = sampleState(language: .nl)
        let loaded = Idea(id: IdeaID(1), fields: IdeaFields(title: "Buurtkamer", description: "oud", theme: "Wijk"), stage: .proposed,
                          position: 1, createdAt: .init(timeIntervalSince1970: 0), updatedAt: .init(timeIntervalSince1970: 0))
        _ = Reducer.reduce(&state, .ideaLoaded(IdeaDetail(idea: loaded), purpose: .edit(returnToDetail: false)))
        type("Buurtkamer Oost", &state)
        guard case .apply(.editFrom(_, let base, let edited), .perform)? = press([.control("s")], &state).first else {
            Issue.record("expected the save")
            return
        }
        #expect(base == loaded.fields && edited.title == "Buurtkamer Oost")
        let notice = ChangeNotice(kind: .edited, at: Date(timeIntervalSince1970: 1_790_000_000), actor: "bert", program: "cli")
        let refusal = DomainError.changedSince(IdeaID(1), fields: ["title"], notice: notice, undoing: false)
        #expect(Reducer.reduce(&state, .changeFailed(.domain(refusal), .perform)) == [.loadBoard, .loadIdea(IdeaID(1), .rebase)])
        guard let refused = openForm(state) else { return }
        #expect(refused.error?.hasPrefix("Niet opgeslagen: bert (opdrachtregel) wijzigde #1 om ") == true)
        #expect(refused.error?.hasSuffix(" (titel). Uw tekst blijft staan: Ctrl-S zet hem eroverheen, Esc laat hem los") == true)
        #expect(refused.fields.title == "Buurtkamer Oost", "what was typed is still there")
        var now = loaded
        now.fields.title = "Buurtkamer (bert)"
        now.fields.description = "nieuw van bert"
        _ = Reducer.reduce(&state, .ideaLoaded(IdeaDetail(idea: now), purpose: .rebase))
        guard let rebased = openForm(state) else { return }
        #expect(rebased.fields.title == "Buurtkamer Oost", "the typed title stays")
        #expect(rebased.fields.description == "nieuw van bert", "the colleague's description comes in")
        #expect(rebased.base == now.fields)
        let mine = IdeaFields(title: "Buurtkamer Oost", description: "nieuw van bert", theme: "Wijk")
        #expect(press([.control("s")], &state).first == .apply(.editFrom(IdeaID(1), base: now.fields, edited: mine), .perform))
    }

    /// A move refused because a colleague moved the card meanwhile keeps the gate form with everything typed; the next
    /// Ctrl-S moves the card from where it is now.
    @Test func aMoveRefusedForAColleaguesMoveGoesOnFromWhereTheCardIsNow() {
        var state = sampleState(language: .en)
        _ = Reducer.reduce(&state, .ideaLoaded(loadedIdea(1, stage: .proposed), purpose: .gate(.experimenting)))
        fill(["h", "a", "m", "s", "o", "2027-01-11", "500", "6w", "niemand", "vrijwillig", "klachten", "r"], &state)
        guard case .apply(.move(let request), .perform)? = press([.control("s")], &state).first else {
            Issue.record("expected the move")
            return
        }
        #expect(request.from == .proposed)
        let notice = ChangeNotice(kind: .moved, at: Date(timeIntervalSince1970: 1_790_000_000), actor: "anne", program: "board")
        let refusal = DomainError.changedSince(IdeaID(1), fields: [], notice: notice, undoing: false)
        #expect(Reducer.reduce(&state, .changeFailed(.domain(refusal), .perform)) == [.loadBoard, .loadIdea(IdeaID(1), .rebase)])
        guard case .entry(let refused) = state.mode else {
            Issue.record("expected the gate form, got \(state.mode)")
            return
        }
        #expect(refused.error?.hasPrefix("Not moved: anne (board) moved #1 at ") == true)
        #expect(refused.error?.hasSuffix(". What you typed is kept: Ctrl-S moves it from where it is now, Esc drops it") == true)
        _ = Reducer.reduce(&state, .ideaLoaded(loadedIdea(1, stage: .learning), purpose: .rebase))
        guard case .apply(.move(let again), .perform)? = press([.control("s")], &state).first else {
            Issue.record("expected the move again")
            return
        }
        #expect(again.from == .learning && again.target == .experimenting && again.gate == request.gate && again.reason == request.reason)
        // A refusal for another kind of change (a decision saved meanwhile) keeps the general words; nothing is reloaded.
        let decided = ChangeNotice(kind: .decisionSaved, at: Date(timeIntervalSince1970: 1_790_000_000), actor: "anne", program: "board")
        let other = DomainError.changedSince(IdeaID(1), fields: [], notice: decided, undoing: false)
        #expect(Reducer.reduce(&state, .changeFailed(.domain(other), .perform)) == [.loadBoard])
        guard case .entry(let generic) = state.mode else { return }
        #expect(generic.error == state.strings.error(other))
    }

    @Test func aMeasurementDatedInTheFutureAsks() {
        var state = sampleState()
        press([.enter], &state)
        let cycle = Cycle(number: 1, testCard: TestCard(hypothesis: "h", action: "a", metric: "m", successCriterion: "s"),
                          owner: "o", reviewDate: DayDate(year: 2026, month: 12, day: 1)!)
        _ = Reducer.reduce(&state, .ideaLoaded(loadedIdea(1, stage: .experimenting, cycles: [cycle]), purpose: .detail))
        press([.character("M")], &state)
        type("2026-12-24", &state)
        press([.tab], &state)
        type("4", &state)
        #expect(press([.control("s")], &state).isEmpty)
        guard case .confirm(let question) = state.mode else {
            Issue.record("expected the question, got \(state.mode)")
            return
        }
        #expect(question.question == .date(.measurementInFuture(DayDate(year: 2026, month: 12, day: 24)!)))
        let measurement = MetricMeasurement(date: DayDate(year: 2026, month: 12, day: 24)!, value: 4)
        #expect(press([.character("y")], &state) == [.apply(.addMeasurement(IdeaID(1), measurement), .perform)])
        guard case .entry = state.mode else {
            Issue.record("the form stays under the save, to return to the detail once it is applied")
            return
        }
    }

    @Test func anEmptyObjectionFormClosesAtOnceAFilledOneAsks() {
        var state = sampleState()
        _ = Reducer.reduce(&state, .ideaLoaded(loadedIdea(7, stage: .learning), purpose: .gate(.scaling)))
        press([.control("o"), .escape], &state)
        guard case .decision(let closed) = state.mode else { return }
        #expect(closed.entry == nil)
        press([.control("o")], &state)
        type("Piet", &state)
        press([.escape], &state)
        guard case .confirm = state.mode else {
            Issue.record("expected the question, got \(state.mode)")
            return
        }
        press([.character("j")], &state)
        guard case .decision(let screen) = state.mode else { return }
        #expect(screen.entry == nil && screen.objections.isEmpty)
    }
}

@Suite("Reducer: guard rails")
struct GuardRailTests {
    @Test func themesAreOfferedAsYouTypeAndTakenWithRight() {
        var state = sampleState()
        press([.character("n")], &state)
        type("Idee", &state)
        press([.tab, .tab], &state)
        type("je", &state)
        press([.right], &state)
        #expect(openForm(state)?.fields.theme == "Jeugd", "→ at the end takes the first suggestion")
        press([.control("u")], &state)
        type("wijk", &state)
        press([.tab], &state)
        #expect(openForm(state)?.fields.theme == "Wijk", "leaving the field gives a known theme its own spelling")
    }

    @Test func tabTakesTheShownCompletionBeforeMovingOn() {
        var state = sampleState()
        press([.character("n")], &state)
        type("Idee", &state)
        press([.tab, .tab], &state)
        type("je", &state)
        press([.tab], &state)
        #expect(openForm(state)?.fields.theme == "Jeugd", "Tab keeps what the grey completion showed, not the typed 'je'")
    }

    @Test func aFixedListOfThemesRefusesOthers() {
        var state = sampleState(language: .nl)
        state.themes = ThemeCatalog(fixed: ["Armoede en schulden", "Jeugd en gezin"])
        #expect(state.offeredThemes == ["Armoede en schulden", "Jeugd en gezin"], "only the list is offered")
        press([.character("n")], &state)
        type("Idee", &state)
        press([.tab, .tab], &state)
        type("Wijk", &state)
        #expect(press([.control("s")], &state).isEmpty)
        guard let form = openForm(state) else { return }
        #expect(form.error == "'Wijk' is geen van de lokale opgaven (thema's): kies uit Armoede en schulden, Jeugd en gezin, of voeg het toe met proeftuin opgave add")
        #expect(form.focus == .theme)
        press([.control("u")], &state)
        type("jeugd en gezin", &state)
        #expect(press([.control("s")], &state) == [.apply(.create(IdeaFields(title: "Idee", theme: "Jeugd en gezin")), .perform)])
    }

    @Test func eachViewShowsItsOwnKeysAndAlwaysHelpAndAWayOut() {
        let dutch = Strings(.nl)
        let board = FooterHints.texts(for: .board, keymap: .standard, strings: dutch)
        #expect(board.anchors == ["? hulp", "q afsluiten"])
        #expect(board.hints.map(\.text).contains("u ongedaan maken"))
        let detail = FooterHints.texts(for: .detail, keymap: .standard, strings: dutch)
        #expect(Array(detail.hints.map(\.text).prefix(3)) == ["M meting", "d besluit", "D bezwaren"])
        #expect(detail.anchors == ["? hulp", "q terug"])
        let form = FooterHints.texts(for: .form, keymap: .standard, strings: dutch)
        #expect(form.hints.first?.text == "Ctrl-S opslaan")
        #expect(form.anchors == ["F1 hulp", "Esc annuleren"], "? and q are typed in a form")
        #expect(FooterHints.texts(for: .weighing, keymap: .standard, strings: dutch).anchors == ["? hulp", "q bord"])
        #expect(FooterHints.texts(for: .portfolio, keymap: .standard, strings: dutch).anchors == ["? hulp", "q terug"])
        #expect(FooterHints.texts(for: .sessionSetup, keymap: .standard, strings: dutch).hints.first?.text == "↑↓ set")
        #expect(FooterHints.texts(for: .confirm, keymap: .standard, strings: dutch).anchors == ["j ja", "n nee"])
        #expect(FooterHints.texts(for: .confirm, keymap: .standard, strings: Strings(.en)).anchors == ["y yes", "n no"])
        let rebound = try? Keymap.standard.overriding(["quit": "Q"])
        #expect(FooterHints.texts(for: .board, keymap: rebound ?? .standard, strings: dutch).anchors == ["? hulp", "Q afsluiten"])
    }

    @Test func oneWordForUndoAndPlurals() {
        let dutch = Strings(.nl)
        #expect(dutch.ideas(1) == "1 idee")
        #expect(dutch.ideas(2) == "2 ideeën")
        #expect(Strings(.en).ideas(1) == "1 idea")
        #expect(dutch.number(9.5) == "9,5")
        #expect(Strings(.en).number(9.5) == "9.5")
        #expect(dutch[.helpQuit] == "Afsluiten")
        let undoWords = [dutch[.hintUndo], dutch[.helpUndo], dutch[.messageUndone], dutch[.historyUndone]]
        #expect(undoWords.allSatisfy { $0.lowercased().contains("ongedaan") })
        #expect(!Strings.texts(of: .nl).values.contains { $0.contains("u herstel") || $0.contains("q stop") })
    }

    @Test func historyInWords() {
        let dutch = Strings(.nl)
        let at = Date(timeIntervalSince1970: 0)
        let undo = HistoryEntry(at: at, actor: "a", ideaID: IdeaID(1), kind: .moved, reason: "undo",
                                before: #"{"position":1,"stage":"experimenting"}"#,
                                after: #"{"position":1,"stage":"proposed","takeBack":"undo"}"#)
        #expect(HistoryWords.kind(undo, strings: dutch) == "ongedaan gemaakt")
        #expect(HistoryWords.change(undo, strings: dutch) == "Experiment → Voorgesteld")
        let over = HistoryEntry(at: at, actor: "a", ideaID: IdeaID(1), kind: .moved, reason: "pilot",
                                before: #"{"position":1,"stage":"proposed"}"#,
                                after: #"{"position":1,"stage":"experimenting","wipOverride":"wethouder wil het"}"#)
        #expect(HistoryWords.change(over, strings: dutch) == "Voorgesteld → Experiment: pilot (over de WIP-grens: wethouder wil het)")
        let amended = HistoryEntry(at: at, actor: "a", ideaID: IdeaID(1), kind: .decisionSaved, reason: nil,
                                   before: #"{"proposal":"overal"}"#, after: #"{"proposal":"twee wijken"}"#)
        #expect(HistoryWords.change(amended, strings: dutch) == "voorstel aangepast, was: overal")
    }

    @Test func textFieldSelection() {
        var field = TextField("2027-01-11")
        field.selectAll()
        field.insert("0")
        #expect(field.text == "0", "typing replaces a selection")
        field.set("abc")
        field.selectAll()
        field.edit(.cursorLeft)
        #expect(!field.selected && field.cursor == 0)
        field.selectAll()
        field.edit(.deleteBackward)
        #expect(field.text.isEmpty)
        var empty = TextField()
        empty.selectAll()
        #expect(!empty.selected, "nothing to select")
    }
}
