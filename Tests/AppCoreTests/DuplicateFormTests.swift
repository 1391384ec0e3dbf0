import Foundation
import AppCore
import Domain
import Testing

@Suite("Reducer: duplicates and BSN in the form")
struct DuplicateFormTests {
    @Test func typingATitleShowsLikelyDuplicates() {
        var state = sampleState()
        var cards = state.allCards
        cards.append(IdeaSummary(id: IdeaID(30), title: "Schuldhulp aan de keukentafel", theme: "", tags: [], stage: .learning, position: 1))
        state.setCards(cards)
        press([.character("n")], &state)
        type("Schuldhulp keukentafel thuis", &state)
        guard case .form(let form) = state.mode else {
            Issue.record("expected the form")
            return
        }
        #expect(form.duplicates.map(\.id) == [IdeaID(30)])
        type(" en nog veel meer woorden erbij", &state)
        guard case .form(let longer) = state.mode else { return }
        #expect(longer.duplicates.isEmpty, "less alike once the title says more")
    }

    @Test func savingABSNWarns() {
        var state = sampleState()
        let fields = IdeaFields(title: "Klant 111222333")
        let applied = AppliedChange(change: .create(fields), inverse: .delete(Idea(id: IdeaID(9), fields: fields, stage: .proposed, position: 1, createdAt: Date(timeIntervalSince1970: 0), updatedAt: Date(timeIntervalSince1970: 0))), focus: IdeaID(9), focusStage: .proposed)
        _ = Reducer.reduce(&state, .changeApplied(applied, .perform))
        #expect(state.message == StatusMessage(
            "Saved, but '111222333' looks like a citizen service number (BSN): personal data, remove it if it is one", isError: true))
    }
}

@Suite("Reducer: continuing an open decision")
struct ContinueDecisionTests {
    @Test func theLatestOpenDecisionIsReopenedAndSavedUnderItsId() {
        var state = sampleState()
        press([.enter], &state)
        let open = ConsentDecision(id: DecisionID(5), ideaID: IdeaID(1), kind: .continue, proposal: "nog een ronde", responsible: "An",
                                   reviewDate: DayDate(year: 2027, month: 1, day: 1)!, objections: [Objection(who: "Bo", text: "te duur")])
        var detail = loadedIdea(1, stage: .experimenting)
        detail.decisions = [open]
        _ = Reducer.reduce(&state, .ideaLoaded(detail, purpose: .detail))
        press([.character("D")], &state)
        guard case .decision(let screen) = state.mode else {
            Issue.record("expected the consent screen, got \(state.mode)")
            return
        }
        #expect(screen.existing?.id == DecisionID(5))
        #expect(screen.objections.count == 1)
        #expect(screen.listFocus)
        let effects = press([.character("n"), .enter], &state)
        guard case .apply(.saveDecisionFrom(let base, let saved), .perform)? = effects.first else {
            Issue.record("expected a merging save, got \(effects)")
            return
        }
        #expect(base == open, "the decision as loaded is the base, so objections recorded elsewhere meanwhile are kept")
        #expect(saved.id == DecisionID(5))
        #expect(saved.outcome == .consented)
        #expect(saved.objections.first?.qualified == false)
    }

    @Test func withoutAnOpenDecisionItSaysSo() {
        var state = sampleState()
        press([.enter], &state)
        _ = Reducer.reduce(&state, .ideaLoaded(loadedIdea(1, stage: .experimenting), purpose: .detail))
        press([.character("D")], &state)
        #expect(state.message?.text == "No open decision: d records a new one")
    }
}
