import AppCore
import Domain
import Foundation
import Screen
import Testing

/// The inbox on screen at 80×24 in Dutch: the card badges, the header count and filter, and the detail view.
@Suite("Screen: the inbox")
struct InboxScreenTests {
    static let today = DayDate(year: 2026, month: 11, day: 30)!

    func state() -> AppState {
        var state = AppState(language: .nl, size: Size(width: 80, height: 24))
        state.setBoard(BoardData(cards: [
            IdeaSummary(id: IdeaID(1), title: "Eigen idee", theme: "Wijk", tags: [], stage: .proposed, position: 1),
            IdeaSummary(id: IdeaID(2), title: "Speelplek", theme: "", tags: [], stage: .proposed, position: 2,
                        inboxSince: Self.today.adding(days: -14)),
            IdeaSummary(id: IdeaID(3), title: "Meldapp", theme: "", tags: [], stage: .proposed, position: 3,
                        inboxSince: Self.today.adding(days: -15)),
        ], today: Self.today))
        return state
    }

    @Test func inboxCardsCarryTheirBadgeAndThoseOverdueStandOut() {
        var state = state()
        let lines = render(state)
        #expect(lines[0].hasPrefix(" Proeftuin · 3 ideeën · ✉2 │ #1 Eigen idee"))
        // Received 14 days ago: due today, still on time (✉); 15 days ago: past the deadline (✉!).
        #expect(lines[4].hasPrefix("│ #1 · Wijk    │"))
        #expect(lines[7].hasPrefix("│ #2 ✉         │"))
        #expect(lines[10].hasPrefix("│ #3 ✉!        │"))
        state.triageDays = 15
        #expect(render(state)[10].hasPrefix("│ #3 ✉         │"), "triage-days moves the deadline")
        _ = Reducer.reduce(&state, .key(.character("i")))
        let filtered = render(state)
        #expect(filtered[0].hasPrefix(" Proeftuin · 3 ideeën · inbox · ✉2 │ #2 Speelplek"))
        #expect(filtered[1].hasPrefix("┌ Voorgeste… 2 ┐"))
        #expect(filtered[2].contains("│(geen treffer)│"), "an empty filtered column keeps its closing bracket")
        #expect(filtered[1].contains("┌ Exper… 0·0/5 ┐"), "a limited column says how many of its ideas show")

        // Thousands of ideas in a narrow column: the name keeps four letters, the title says how many show.
        var big: [IdeaSummary] = []
        for number in 1...4_000 {
            big.append(IdeaSummary(id: IdeaID(Int64(10 + number)), title: "Idee \(number)", theme: "", tags: [], stage: .experimenting,
                                   position: Int64(number), inboxSince: number <= 834 ? Self.today : nil))
        }
        var crowded = AppState(language: .nl, size: Size(width: 80, height: 24))
        crowded.setBoard(BoardData(cards: big, today: Self.today))
        _ = Reducer.reduce(&crowded, .key(.character("i")))
        #expect(render(crowded)[1].contains("┌ Experim… 834 ┐"), "\(render(crowded)[1])")
    }

    @Test func theDetailViewSaysHowItCameInAndWhetherItWasAnswered() {
        var state = state()
        let idea = Idea(id: IdeaID(3), fields: IdeaFields(title: "Meldapp", source: .resident), stage: .proposed, position: 3,
                        createdAt: Date(timeIntervalSince1970: 1_796_040_000), updatedAt: Date(timeIntervalSince1970: 1_796_040_000))
        var detail = IdeaDetail(idea: idea)
        detail.intake = Intake(ideaID: IdeaID(3), receivedOn: Self.today.adding(days: -15), status: .declined,
                               triagedOn: Self.today, declineReason: "Er is al een meldapp", replyTo: "via het KCC",
                               replySentOn: Self.today)
        state.mode = .detail(DetailState(id: IdeaID(3), detail: detail))
        let lines = render(state)
        #expect(lines.contains(" Van buiten       afgewezen · ontvangen 2026-11-15"))
        #expect(lines.contains(" Antwoord         verstuurd op 2026-11-30 · via het KCC"))
        #expect(lines.contains(" Afgewezen omdat  Er is al een meldapp"))
    }
}
