import AppCore
import Domain
import Testing

/// The board's inbox keys: `i` filters, `A` accepts with a lokale opgave, `X` declines with a reason, `R` records a reply.
@Suite("Reducer: the inbox")
struct InboxReducerTests {
    static let today = DayDate(year: 2026, month: 11, day: 30)!

    /// Two ideas of the team's own, two waiting in the inbox (one received 20 days ago: past 14 days).
    func inboxState() -> AppState {
        var state = AppState(language: .nl, size: Size(width: 80, height: 24))
        let cards = [
            IdeaSummary(id: IdeaID(1), title: "Eigen idee", theme: "Wijk", tags: [], stage: .proposed, position: 1),
            IdeaSummary(id: IdeaID(2), title: "Speelplek", theme: "", tags: [], stage: .proposed, position: 2,
                        inboxSince: Self.today.adding(days: -3)),
            IdeaSummary(id: IdeaID(3), title: "Meldapp", theme: "", tags: [], stage: .proposed, position: 3,
                        inboxSince: Self.today.adding(days: -20)),
            IdeaSummary(id: IdeaID(4), title: "Proef", theme: "Jeugd", tags: [], stage: .experimenting, position: 1),
        ]
        state.setBoard(BoardData(cards: cards, today: Self.today,
                                 themes: ThemeCatalog(fixed: ["Armoede en schulden", "Wonen en wijk", "Jeugd en gezin"])))
        return state
    }

    @Test func iShowsOnlyTheInboxAndBack() {
        var state = inboxState()
        #expect(state.inboxCount == 2)
        press([.character("i")], &state)
        #expect(state.cards(in: .proposed).map(\.id) == [IdeaID(2), IdeaID(3)])
        #expect(state.cards(in: .experimenting).isEmpty)
        #expect(state.message?.text == "Inbox: 2 te beoordelen · A aannemen · X afwijzen · i alles")
        press([.character("i")], &state)
        #expect(state.cards(in: .proposed).count == 3 && state.message?.text == "Alle ideeën")
    }

    @Test func acceptAsksForALokaleOpgaveAndKeepsThePromptUntilDone() {
        var state = inboxState()
        press([.character("A")], &state)
        #expect(state.message == StatusMessage("#1 staat niet in de inbox", isError: true), "only inbox ideas are triaged")
        press([.character("j"), .character("A")], &state)
        guard case .prompt(let prompt) = state.mode, case .acceptTheme(IdeaID(2)) = prompt.purpose else {
            Issue.record("A opens the accept prompt")
            return
        }
        #expect(press([.enter], &state).isEmpty, "an empty opgave is not sent")
        if case .prompt(let prompt) = state.mode { #expect(prompt.error == "Een idee aannemen vraagt een lokale opgave (thema): geef die") }
        type("wonen", &state)
        press([.tab], &state)
        if case .prompt(let prompt) = state.mode { #expect(prompt.field.text == "Wonen en wijk", "Tab completes the offered opgave") }
        #expect(press([.enter], &state) == [.intake(IdeaID(2), .accept(theme: "Wonen en wijk"))])
        // Refused (another program removed the opgave meanwhile): the prompt stays with the text and says why.
        _ = Reducer.reduce(&state, .intakeFailed(.domain(.unknownTheme("Wonen en wijk", allowed: ["Armoede en schulden"]))))
        guard case .prompt(let kept) = state.mode else {
            Issue.record("a refusal keeps the prompt")
            return
        }
        #expect(kept.field.text == "Wonen en wijk" && kept.error?.hasPrefix("'Wonen en wijk' is geen van de lokale opgaven") == true)
        #expect(Reducer.reduce(&state, .intakeChanged(IdeaID(2), .accept(theme: "Wonen en wijk"))) == [.loadBoard])
        #expect(state.mode == .board && state.message?.text == "#2 aangenomen op het bord")
    }

    @Test func declineNeedsAReasonAndRSendsTheReplyForToday() {
        var state = inboxState()
        press([.character("G"), .character("X")], &state)
        #expect(press([.enter], &state).isEmpty)
        if case .prompt(let prompt) = state.mode { #expect(prompt.error?.hasPrefix("Een idee afwijzen vraagt een reden") == true) }
        type("Er is al een meldapp", &state)
        #expect(press([.enter], &state) == [.intake(IdeaID(3), .decline(reason: "Er is al een meldapp"))])
        _ = Reducer.reduce(&state, .intakeChanged(IdeaID(3), .decline(reason: "Er is al een meldapp")))
        #expect(state.mode == .board && state.message?.text == "#3 afgewezen en van het bord gehaald")
        #expect(press([.character("R")], &state) == [.intake(IdeaID(3), .replySent(Self.today))])
    }

    @Test func undoStopsAtATriageStepInsteadOfUndoingWhatCameBefore() {
        var state = inboxState()
        let created = AppliedChange(change: .create(IdeaFields(title: "Nieuw")), inverse: .swap(IdeaID(54), IdeaID(54)),
                                    focus: IdeaID(54), focusStage: .proposed)
        _ = Reducer.reduce(&state, .changeApplied(created, .perform))
        #expect(state.undoStack.count == 1)
        _ = Reducer.reduce(&state, .intakeChanged(IdeaID(2), .accept(theme: "Wonen en wijk")))
        #expect(press([.character("u")], &state).isEmpty, "u sends no change: the new idea is not deleted")
        #expect(state.message?.text == "Aannemen van #2 kan niet ongedaan worden gemaakt; wat ervoor kwam dus ook niet")
        #expect(press([.character("U")], &state).isEmpty)
    }

    @Test func theInboxFilterAndATextFilterSelectAVisibleCard() {
        var state = inboxState()
        press([.character("l")], &state)  // focus the Experimenteren column: it has no inbox card
        press([.character("i")], &state)
        #expect(state.focusedStage == .proposed && state.selectedCard?.id == IdeaID(2))
        press([.character("A")], &state)
        guard case .prompt(let prompt) = state.mode, case .acceptTheme(IdeaID(2)) = prompt.purpose else {
            Issue.record("A opens the accept prompt for the selected inbox card")
            return
        }
        var filtered = inboxState()
        press([.character("/")], &filtered)
        type("proef", &filtered)
        press([.enter], &filtered)
        #expect(filtered.focusedStage == .experimenting && filtered.selectedCard?.id == IdeaID(4))
    }
}
