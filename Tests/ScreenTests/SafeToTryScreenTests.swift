import AppCore
import Domain
import Foundation
import Screen
import Testing

@Suite("Screen: safe to try, case notes")
struct SafeToTryScreenTests {
    static let bounds = SafeBounds(budgetCap: 2500, maxDuration: MaxDuration(count: 6, unit: .weeks), harm: "huurders met achterstand",
                                   safeguard: "de gewone route blijft open", stopRule: "iemand zijn huur niet kan betalen")

    @Test func aCardPastItsMaximumDurationGetsABadge() {
        var state = AppState(language: .en, size: Size(width: 110, height: 15))
        state.setBoard(BoardData(cards: [
            IdeaSummary(id: IdeaID(3), title: "Buurtkamer", theme: "", tagText: "", stage: .experimenting, position: 1,
                        reviewDate: DayDate(year: 2026, month: 12, day: 20)!, cycle: 1, weighing: nil,
                        lastAllowedDay: DayDate(year: 2026, month: 11, day: 12)!),
            IdeaSummary(id: IdeaID(4), title: "Op tijd", theme: "", tagText: "", stage: .experimenting, position: 2,
                        reviewDate: DayDate(year: 2026, month: 12, day: 20)!, cycle: 1, weighing: nil,
                        lastAllowedDay: DayDate(year: 2026, month: 11, day: 30)!),
        ], today: november30))
        let grid = Renderer().render(state)
        let lines = grid.lines()
        #expect(lines[4].hasPrefix("│                    ││ #3 ⧗ ↻1            │"))
        #expect(lines[7].hasPrefix("│                    ││ #4 ↻1              │"), "the last allowed day itself is not past")
        #expect(grid[27, 4].style == Palette.error)
    }

    @Test func theGateFormAsksForTheBoundsAt80x24() {
        var state = AppState(language: .nl, size: Size(width: 80, height: 24))
        state.setBoard(BoardData(cards: [], today: november30))
        let idea = Idea(id: IdeaID(5), fields: IdeaFields(title: "Pilot"), stage: .proposed, position: 1,
                        createdAt: Date(timeIntervalSince1970: 0), updatedAt: Date(timeIntervalSince1970: 0))
        _ = Reducer.reduce(&state, .ideaLoaded(IdeaDetail(idea: idea), purpose: .gate(.experimenting)))
        let lines = Renderer().render(state).lines()
        for label in ["We geloven dat", "Evaluatiedatum", "Budgetplafond (€)", "Maximale duur (6w, 30d)", "Wie kan schade lijden",
                      "Hoe we dat voorkomen", "We stoppen direct als", "Reden"] {
            #expect(lines.contains { $0.contains("│ " + label) }, "\(label) is on screen")
        }
    }

    @Test func theDetailShowsTheBoundsThePastMaximumAndTheCaseNotes() {
        var state = AppState(language: .nl, size: Size(width: 100, height: 60))
        state.setBoard(BoardData(cards: [], today: november30))
        let created = Date(timeIntervalSince1970: 1_790_000_000)
        let idea = Idea(id: IdeaID(3), fields: IdeaFields(title: "Buurtkamer"), stage: .experimenting, position: 1,
                        createdAt: created, updatedAt: created, reviewDate: DayDate(year: 2026, month: 12, day: 20)!, cycleCount: 1)
        let cycle = Cycle(number: 1, testCard: TestCard(hypothesis: "h", action: "a", metric: "m", successCriterion: "s", bounds: Self.bounds),
                          owner: "o", reviewDate: DayDate(year: 2026, month: 12, day: 20)!, startedOn: DayDate(year: 2026, month: 10, day: 1)!)
        let note = CaseNote(id: 1, idea: IdeaID(3), cycle: 1, date: DayDate(year: 2026, month: 11, day: 2)!,
                            text: "Een vader kwam via de supermarkt binnen.", shows: "Signaleren werkt buiten het kantoor.", publishable: true)
        state.mode = .detail(DetailState(id: IdeaID(3), detail: IdeaDetail(idea: idea, cycles: [cycle], cases: [note])))
        let lines = Renderer(timeZone: TimeZone(identifier: "UTC")!).render(state).lines().map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(lines.contains("Veilig genoeg  ⧗ langer dan de maximale duur (loopt tot 2026-11-12)"))
        #expect(lines.contains("Budgetplafond (€): € 2.500"))
        #expect(lines.contains("Maximale duur: 6 weken (loopt tot 2026-11-12)"))
        #expect(lines.contains("Wie kan schade lijden: huurders met achterstand"))
        #expect(lines.contains("We stoppen direct als: iemand zijn huur niet kan betalen"))
        #expect(lines.contains("Casuïstiek"))
        #expect(lines.contains("2026-11-02 (Cyclus 1): Een vader kwam via de supermarkt binnen. · publiceerbaar"))
        #expect(lines.contains("laat zien: Signaleren werkt buiten het kantoor."))
    }
}
