import AppCore
import Domain
import Foundation
import Screen
import Testing

@Suite("Screen: portfolio")
struct PortfolioScreenTests {
    func state(_ language: Language) -> AppState {
        var state = AppState(language: language, size: Size(width: 80, height: 24))
        state.setBoard(BoardData(cards: [], today: november30))
        let metrics = PortfolioMetrics(
            themes: ["Jeugd", "Wijk", "—"],
            matrix: ["Jeugd": [.proposed: 2, .experimenting: 1], "Wijk": [.scaling: 3], "—": [.stopped: 1]],
            stageCounts: [.proposed: 2, .experimenting: 1, .scaling: 3, .stopped: 1],
            overdue: [DueReview(idea: IdeaID(4), title: "Buurtkamer", stage: .experimenting, reviewDate: DayDate(year: 2026, month: 11, day: 2)!,
                                kind: .experiment)],
            stale: [PortfolioMetrics.Stale(idea: IdeaID(9), title: "Oud idee", stage: .proposed, days: 45)],
            throughput: [("2026-10", 2, 1), ("2026-11", 0, 0)], medianLeadTime: [.proposed: 12.4])
        state.mode = .portfolio(PortfolioState(metrics: metrics))
        return state
    }

    @Test func englishAt80x24() {
        let lines = Renderer().render(state(.en)).lines()
        #expect(lines[0] == " Portfolio · 0 ideas · 2026-11-30")
        #expect(lines[1] == " Ideas per theme and stage  Proposed  Experimenting  Learning  Scaling  Stopped", "stage names whole")
        #expect(lines[2] == " Jeugd                             2              1         0        0        0")
        #expect(lines[4] == " —                                 0              0         0        0        1")
        #expect(lines[5] == " Σ                                 2              1         0        3        1")
        #expect(lines[7] == " Work in progress: Experimenting 1/5   Learning 0/5   Scaling 3/3")
        #expect(lines.contains(" 2026-10  ■■□  2/1"))
        #expect(lines.contains(" Median days in stage: Proposed 12 d"))
        #expect(lines[23] == " ↑↓ scroll · PgDn page · ? help · q back")
    }

    @Test func dutchAt80x24KeepsStageNamesWhole() {
        let lines = Renderer().render(state(.nl)).lines()
        #expect(lines[0] == " Portfolio · 0 ideeën · 2026-11-30")
        #expect(lines[1] == " Ideeën per thema en fase    Voorgesteld  Experiment  Leren  Opschalen  Gestopt")
        #expect(lines[23] == " ↑↓ scroll · PgDn pagina · ? hulp · q terug")
    }

    @Test func dutchScrolledToTheLists() {
        var dutch = state(.nl)
        dutch.mode = .portfolio(PortfolioState(metrics: { if case .portfolio(let p) = dutch.mode { return p.metrics }; return nil }(), scroll: 15))
        let lines = Renderer().render(dutch).lines()
        #expect(lines.contains(" Evaluaties verlopen (1)"))
        #expect(lines.contains("   2026-11-02  #4  Experiment  Buurtkamer"))
        #expect(lines.contains(" Langer dan 30 dagen onaangeroerd (1)"))
        #expect(lines.contains("     45 d  #9  Voorgesteld  Oud idee"))
    }

    @Test func theLearningFiguresCloseTheView() {
        var dutch = state(.nl)
        guard case .portfolio(let portfolio) = dutch.mode, var metrics = portfolio.metrics else {
            Issue.record("expected the portfolio view")
            return
        }
        metrics.learning = LearningCapacity(
            startsPerQuarter: [(Quarter(year: 2026, number: 3), 2), (Quarter(year: 2026, number: 4), 1)], medianDaysToFirstExperiment: 30,
            medianDaysToLearningCard: 50.5, cyclesWithLearningCard: .init(2, of: 3), cyclesWithThreeMeasurements: .init(1, of: 3),
            stopsWithLearning: .init(1, of: 2), reviewsOnTime: .init(0, of: 0), intakeAnsweredInTime: .init(1, of: 4))
        dutch.mode = .portfolio(PortfolioState(metrics: metrics, scroll: 25))
        let lines = Renderer().render(dutch).lines()
        #expect(lines.contains(" Lerend vermogen"))
        #expect(lines.contains("   Gestarte experimenten per kwartaal: 2026 K3: 2, 2026 K4: 1"))
        #expect(lines.contains("   Mediaan dagen van idee tot eerste experiment: 30 dagen"))
        #expect(lines.contains("   Mediaan dagen van experiment tot leerkaart: 50,5 dagen"))
        #expect(lines.contains("   Afgeronde cycli met een leerkaart: 67% (2 van 3)"))
        #expect(lines.contains("   Evaluaties op tijd gehouden: —"))
        #expect(lines.contains("   Instroom binnen 14 dagen beantwoord: 25% (1 van 4)"))
    }

    /// Eight quarters of starts do not fit 80 columns: the line wraps under its label instead of being cut.
    @Test func aLongFigureWrapsAt80Columns() {
        var dutch = state(.nl)
        guard case .portfolio(let portfolio) = dutch.mode, var metrics = portfolio.metrics else {
            Issue.record("expected the portfolio view")
            return
        }
        let quarters = (1...4).map { (Quarter(year: 2025, number: $0), $0) } + (1...4).map { (Quarter(year: 2026, number: $0), 5 + $0) }
        metrics.learning = LearningCapacity(
            startsPerQuarter: quarters, medianDaysToFirstExperiment: nil, medianDaysToLearningCard: nil,
            cyclesWithLearningCard: .init(0, of: 0), cyclesWithThreeMeasurements: .init(0, of: 0), stopsWithLearning: .init(0, of: 0),
            reviewsOnTime: .init(0, of: 0), intakeAnsweredInTime: .init(0, of: 0))
        dutch.mode = .portfolio(PortfolioState(metrics: metrics, scroll: 25))
        let lines = Renderer().render(dutch).lines()
        #expect(lines.contains("   Gestarte experimenten per kwartaal: 2025 K1: 1, 2025 K2: 2, 2025 K3: 3,"))
        #expect(lines.contains("     2025 K4: 4, 2026 K1: 6, 2026 K2: 7, 2026 K3: 8, 2026 K4: 9"))
    }
}
