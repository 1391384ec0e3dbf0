import AppCore
import Domain
import Foundation
import Screen
import Testing

let november30 = DayDate(year: 2026, month: 11, day: 30)!

func cycleFixture() -> Cycle {
    Cycle(
        number: 2,
        testCard: TestCard(hypothesis: "samen eten helpt", action: "pilot in Zuid", metric: "gasten per week",
                           successCriterion: "minstens 12 gasten"),
        owner: "Fatima", reviewDate: DayDate(year: 2026, month: 11, day: 20)!,
        measurements: [
            MetricMeasurement(date: DayDate(year: 2026, month: 10, day: 1)!, value: 4),
            MetricMeasurement(date: DayDate(year: 2026, month: 10, day: 8)!, value: 8, note: "na folder"),
            MetricMeasurement(date: DayDate(year: 2026, month: 10, day: 15)!, value: 11.5),
        ])
}

@Suite("Screen: experiments")
struct ExperimentScreenTests {
    @Test func badgesShowOverdueCycleAndTheme() {
        var state = AppState(language: .en, size: Size(width: 110, height: 15))
        state.setBoard(BoardData(cards: [
            IdeaSummary(id: IdeaID(3), title: "Buurtkamer", theme: "Eenzaamheid", tags: [], stage: .experimenting, position: 1,
                        reviewDate: DayDate(year: 2026, month: 11, day: 20)!, cycle: 2),
            IdeaSummary(id: IdeaID(4), title: "Op tijd", theme: "Wijk", tags: [], stage: .experimenting, position: 2,
                        reviewDate: DayDate(year: 2026, month: 12, day: 20)!, cycle: 1),
        ], today: november30))
        let grid = Renderer().render(state)
        let lines = grid.lines()
        #expect(lines[1].hasPrefix("┌ Proposed 0 ────────┐┌ Experimenting 2/5 ─┐┌ Learning 0/5 ──────┐┌ Scaling 0/3 ───────┐"))
        #expect(lines[4].hasPrefix("│                    ││ #3 ⚠ ↻2 · Eenzaamh…│"))
        #expect(lines[7].hasPrefix("│                    ││ #4 ↻1 · Wijk       │"))
        let mark = (0..<grid.width).first { grid[$0, 4].text == "⚠" }
        #expect(mark == 27)
        #expect(mark.map { grid[$0, 4].style } == Palette.error, "the overdue mark is red")
        #expect(grid[34, 4].style == Palette.theme, "the theme keeps its colour")
    }

    @Test func columnTitleWarnsAtTheLimitAndOverIt() {
        var state = AppState(language: .nl, size: Size(width: 100, height: 15))
        let cards = (1...3).map { IdeaSummary(id: IdeaID(Int64($0)), title: "S\($0)", theme: "", tags: [], stage: .scaling, position: Int64($0)) }
        state.setBoard(BoardData(cards: cards, today: november30))
        var grid = Renderer().render(state)
        #expect(grid.lines()[1].contains("┌ Opschalen 3/3 ───┐"))
        #expect(grid[62, 1].style == Palette.warning)
        state.setBoard(BoardData(cards: cards + [IdeaSummary(id: IdeaID(9), title: "S9", theme: "", tags: [], stage: .scaling, position: 9)],
                                 today: november30))
        grid = Renderer().render(state)
        #expect(grid.lines()[1].contains("┌ Opschalen 4/3 ───┐"))
        #expect(grid[62, 1].style == Palette.error)
    }

    @Test func gateFormInDutch() {
        var state = AppState(language: .nl, size: Size(width: 100, height: 20))
        state.setBoard(BoardData(cards: [], today: november30))
        let idea = Idea(id: IdeaID(5), fields: IdeaFields(title: "Pilot"), stage: .proposed, position: 1,
                        createdAt: Date(timeIntervalSince1970: 0), updatedAt: Date(timeIntervalSince1970: 0))
        _ = Reducer.reduce(&state, .ideaLoaded(IdeaDetail(idea: idea), purpose: .gate(.experimenting)))
        _ = Reducer.reduce(&state, .key(.control("s")))
        let lines = Renderer().render(state).lines().map { $0.trimmingCharacters(in: .whitespaces) }
        let text = lines.joined(separator: "\n")
        #expect(text.contains("┌ #5 naar Experiment ─"))
        #expect(text.contains("│ We geloven dat"))
        #expect(text.contains("│ Om dat te toetsen gaan we"))
        #expect(text.contains("│ Evaluatiedatum             2027-01-11"))
        #expect(text.contains("│ Nog niet ingevuld: we geloven dat, om dat te toetsen gaan we, en meten we, we    │"))
        #expect(text.contains("│ hebben gelijk als, eigenaar, budgetplafond, maximale duur, wie kan schade        │"))
        #expect(text.contains("│ lijden, hoe we dat voorkomen, we stoppen direct als                              │"), "every missing field named")
    }

    @Test func detailShowsCycleSparklineTargetAndDecision() {
        var state = AppState(language: .en, size: Size(width: 90, height: 40))
        state.setBoard(BoardData(cards: [], today: november30))
        let created = Date(timeIntervalSince1970: 1_790_000_000)
        let idea = Idea(id: IdeaID(3), fields: IdeaFields(title: "Buurtkamer"), stage: .experimenting, position: 1,
                        createdAt: created, updatedAt: created, reviewDate: DayDate(year: 2026, month: 11, day: 20)!, cycleCount: 2)
        let decision = ConsentDecision(
            id: DecisionID(4), ideaID: IdeaID(3), kind: .continue, proposal: "nog een ronde", responsible: "Fatima",
            reviewDate: DayDate(year: 2027, month: 2, day: 1)!, objections: [Objection(who: "Piet", text: "te duur", qualified: false)],
            concerns: [Concern(who: "An", text: "zomer")], outcome: .consented)
        state.mode = .detail(DetailState(id: IdeaID(3), detail: IdeaDetail(idea: idea, cycles: [cycleFixture()], decisions: [decision])))
        let lines = Renderer(timeZone: TimeZone(identifier: "UTC")!).render(state).lines()
        #expect(lines.contains(" Review     2026-11-20  ⚠ overdue"))
        #expect(lines.contains(" Cycle 2     owner Fatima, review 2026-11-20"))
        #expect(lines.contains("     We believe that: samen eten helpt"))
        #expect(lines.contains("   Measurements  ▁▅█  target 12"))
        #expect(lines.contains("     2026-10-08  8  na folder"))
        #expect(lines.contains("     2026-10-15  11.5"))
        #expect(lines.contains(" Decisions"))
        #expect(lines.contains("   D4  continue          consent · Fatima · 2027-02-01"))
        #expect(lines.contains("     Objection: Piet: te duur [not qualified]"))
        #expect(lines.contains("     Concern: An: zomer"))
    }

    @Test func consentScreenShowsObjectionsAndTheirStatus() {
        var state = AppState(language: .en, size: Size(width: 100, height: 24))
        state.setBoard(BoardData(cards: [], today: november30))
        let context = GateContext(id: IdeaID(3), title: "Buurtkamer", from: .learning, to: .scaling)
        var screen = DecisionState(purpose: .gate(context), form: EntryForm(
            purpose: .gate(context), title: "Consent to scale #3",
            fields: GateFlow_decisionFields()))
        screen.objections = [Objection(who: "Financiën", text: "dekking", qualified: true),
                             Objection(who: "Piet", text: "te snel", qualified: true, resolution: .amended, resolutionNote: "later")]
        screen.listFocus = true
        screen.selectedObjection = 1
        state.mode = .decision(screen)
        let grid = Renderer().render(state)
        let text = grid.lines().joined(separator: "\n")
        #expect(text.contains("┌ Consent to scale #3 "))
        #expect(text.contains("  1. Financiën: dekking  [qualified]"))
        #expect(text.contains("  2. Piet: te snel  [qualified, amended: later]"))
        #expect(text.contains("y qualified · n not · a amended · w withdrawn"))
        let row = grid.lines().firstIndex { $0.contains("2. Piet") }!
        #expect(grid[6, row].style == Palette.selected)
        let blocking = grid.lines().firstIndex { $0.contains("1. Financiën") }!
        #expect(grid[6, blocking].style == Palette.warning, "an open qualified objection stands out")
    }

    @Test func sparklineScalesBetweenLowHighAndTarget() {
        #expect(Sparkline.draw([1, 2, 3, 4, 5, 6, 7, 8]) == "▁▂▃▄▅▆▇█")
        #expect(Sparkline.draw([5, 5, 5]) == "▄▄▄")
        #expect(Sparkline.draw([0, 5], target: 10) == "▁▅")
        #expect(Sparkline.draw([]) == "")
    }
}

/// The decision fields of a gate consent screen, as the reducer builds them.
func GateFlow_decisionFields() -> [EntryField] {
    [EntryField(.gate(.proposal), text: "hele stad"), EntryField(.gate(.responsible)), EntryField(.gate(.reviewDate), text: "2027-03-01"),
     EntryField(.gate(.evaluation)), EntryField(.reason)]
}
