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
        let applied = AppliedChange(change: .create(fields), inverse: .delete(IdeaID(9)), focus: IdeaID(9), focusStage: .proposed)
        _ = Reducer.reduce(&state, .changeApplied(applied, .perform))
        #expect(state.message == StatusMessage(
            "Saved, but '111222333' looks like a citizen service number (BSN): personal data, remove it if it is one", isError: true))
    }
}
