import AppCore
import Domain
import Foundation
import Screen
import Testing

/// The portfolio view with its figures computed in the background: shown at once, with a line while they are being
/// computed, filled in when they arrive, and never with figures for older data.
@Suite("Screen: the portfolio's figures from the background")
struct PortfolioFiguresScreenTests {
    let first = PortfolioFiguresKey(version: 7, today: november30)
    let second = PortfolioFiguresKey(version: 8, today: november30)

    func metrics(proposed: Int) -> PortfolioMetrics {
        PortfolioMetrics(
            themes: ["Jeugd"], matrix: ["Jeugd": [.proposed: proposed]], stageCounts: [.proposed: proposed], overdue: [], stale: [],
            throughput: [("2026-11", 0, 0)], medianLeadTime: [:])
    }

    func board(_ language: Language) -> AppState {
        var state = AppState(language: language, size: Size(width: 80, height: 24))
        state.setBoard(BoardData(cards: [], today: november30))
        return state
    }

    func lines(_ state: AppState) -> [String] { Renderer().render(state).lines() }

    @Test func computingThenReadyInEnglish() {
        var state = board(.en)
        #expect(Reducer.reduce(&state, .dataSeen(first)) == [.computePortfolio(first)], "after the first frame the figures are computed")
        #expect(Reducer.reduce(&state, .dataSeen(first)).isEmpty, "asked once per state of the data")
        #expect(Reducer.reduce(&state, .key(.character("p"))).isEmpty, "p reads nothing on the key path")
        var shown = lines(state)
        #expect(shown[0] == " Portfolio · 0 ideas · 2026-11-30")
        #expect(shown[1] == "")
        #expect(shown[2] == " The figures are being computed… they appear here when they are ready")
        #expect(shown[3] == "")
        #expect(shown[23] == " ↑↓ scroll · PgDn page · ? help · q back")

        #expect(Reducer.reduce(&state, .portfolioComputed(PortfolioFigures(key: first, metrics: metrics(proposed: 2)))).isEmpty)
        shown = lines(state)
        #expect(shown[1] == " Ideas per theme and stage  Proposed  Experimenting  Learning  Scaling  Stopped")
        #expect(shown[2] == " Jeugd                             2              0         0        0        0")
        #expect(shown[3] == " Σ                                 2              0         0        0        0")

        // Back to the board and in again: the figures for unchanged data are there at once.
        _ = Reducer.reduce(&state, .key(.character("q")))
        #expect(Reducer.reduce(&state, .key(.character("p"))).isEmpty)
        #expect(lines(state)[2] == " Jeugd                             2              0         0        0        0")
    }

    @Test func computingThenReadyInDutch() {
        var state = board(.nl)
        _ = Reducer.reduce(&state, .dataSeen(first))
        _ = Reducer.reduce(&state, .key(.character("p")))
        var shown = lines(state)
        #expect(shown[0] == " Portfolio · 0 ideeën · 2026-11-30")
        #expect(shown[2] == " De cijfers worden berekend… ze verschijnen hier zodra ze klaar zijn")
        #expect(shown[23] == " ↑↓ scroll · PgDn pagina · ? hulp · q terug")
        _ = Reducer.reduce(&state, .portfolioComputed(PortfolioFigures(key: first, metrics: metrics(proposed: 3))))
        shown = lines(state)
        #expect(shown[1] == " Ideeën per thema en fase    Voorgesteld  Experiment  Leren  Opschalen  Gestopt")
        #expect(shown[2] == " Jeugd                                 3           0      0          0        0")
    }

    @Test func aChangeWhileComputingNeverShowsOlderFiguresAsCurrent() {
        var state = board(.en)
        _ = Reducer.reduce(&state, .dataSeen(first))
        _ = Reducer.reduce(&state, .key(.character("p")))
        // The data changes (a move here, or a colleague elsewhere) before the first figures arrive.
        #expect(Reducer.reduce(&state, .dataSeen(second)) == [.computePortfolio(second)])
        _ = Reducer.reduce(&state, .portfolioComputed(PortfolioFigures(key: first, metrics: metrics(proposed: 2))))
        #expect(state.portfolioFigures.current == nil, "figures for the data before the change are not current")
        #expect(lines(state)[2] == " The figures are being computed… they appear here when they are ready")
        _ = Reducer.reduce(&state, .portfolioComputed(PortfolioFigures(key: second, metrics: metrics(proposed: 5))))
        #expect(lines(state)[2] == " Jeugd                             5              0         0        0        0")

        // When the data changes again the shown figures stay, marked as being updated, until the new ones arrive.
        let third = PortfolioFiguresKey(version: 9, today: november30)
        #expect(Reducer.reduce(&state, .dataSeen(third)) == [.computePortfolio(third)])
        #expect(state.portfolioFigures.current == nil, "they are not current")
        var shown = lines(state)
        #expect(shown[0] == " Portfolio · 0 ideas · 2026-11-30 · updating… (figures from before the change)")
        #expect(shown[2] == " Jeugd                             5              0         0        0        0")
        _ = Reducer.reduce(&state, .portfolioComputed(PortfolioFigures(key: third, metrics: metrics(proposed: 6))))
        shown = lines(state)
        #expect(shown[0] == " Portfolio · 0 ideas · 2026-11-30")
        #expect(shown[2] == " Jeugd                             6              0         0        0        0")
    }

    /// In a weighing session every score changes the data: the figures wait until the portfolio view opens.
    @Test func inTheRoomTheFiguresWaitUntilTheViewOpens() {
        var state = RoomFixture.state(size: Size(width: 80, height: 24), language: .en, revealed: false, projector: true)
        #expect(Reducer.reduce(&state, .dataSeen(first)).isEmpty, "a score in the room computes nothing")
        #expect(Reducer.reduce(&state, .dataSeen(second)).isEmpty)
        state.mode = .board
        #expect(Reducer.reduce(&state, .key(.character("p"))) == [.computePortfolio(second)], "asked for when the view opens")
        #expect(lines(state)[2] == " The figures are being computed… they appear here when they are ready")
        #expect(Reducer.reduce(&state, .dataSeen(second)).isEmpty, "and only once")
        _ = Reducer.reduce(&state, .portfolioComputed(PortfolioFigures(key: second, metrics: metrics(proposed: 5))))
        #expect(state.portfolioFigures.current == metrics(proposed: 5))
        let third = PortfolioFiguresKey(version: 9, today: november30)
        #expect(Reducer.reduce(&state, .dataSeen(third)) == [.computePortfolio(third)], "outside the room, at once again")
    }

    @Test func aNewDayComputesTheFiguresAgain() {
        var state = board(.en)
        _ = Reducer.reduce(&state, .dataSeen(first))
        _ = Reducer.reduce(&state, .portfolioComputed(PortfolioFigures(key: first, metrics: metrics(proposed: 2))))
        let tomorrow = PortfolioFiguresKey(version: first.version, today: november30.adding(days: 1))
        #expect(Reducer.reduce(&state, .dataSeen(tomorrow)) == [.computePortfolio(tomorrow)], "stale and overdue count from today")
        #expect(state.portfolioFigures.current == nil)
        _ = Reducer.reduce(&state, .portfolioComputed(PortfolioFigures(key: tomorrow, metrics: metrics(proposed: 4))))
        #expect(state.portfolioFigures.current == metrics(proposed: 4))
    }

    /// The worker labels figures with the version it read them at, which can be newer than the one the loop reported:
    /// they wait, unshown, and are used without computing again once the loop reports that version.
    @Test func figuresForNewerDataWaitForTheLoopToSeeIt() {
        var state = board(.en)
        _ = Reducer.reduce(&state, .dataSeen(first))
        _ = Reducer.reduce(&state, .portfolioComputed(PortfolioFigures(key: second, metrics: metrics(proposed: 6))))
        #expect(state.portfolioFigures.current == nil)
        #expect(Reducer.reduce(&state, .dataSeen(second)).isEmpty, "already there")
        #expect(state.portfolioFigures.current == metrics(proposed: 6))
        _ = Reducer.reduce(&state, .portfolioComputed(PortfolioFigures(key: first, metrics: metrics(proposed: 2))))
        #expect(state.portfolioFigures.current == metrics(proposed: 6), "older figures arriving late replace nothing")
    }

    /// At 100,000 ideas the stale list holds tens of thousands: the view makes only the lines on screen, and scrolled to
    /// the end it shows the list's last lines as the whole list would.
    @Test func aLongListScrolledToItsEnd() {
        var state = board(.en)
        var long = metrics(proposed: 1000)
        long.stale = (1...1000).map { PortfolioMetrics.Stale(idea: IdeaID(Int64($0)), title: "Idea \($0)", stage: .proposed, days: 45) }
        state.mode = .portfolio(PortfolioState(metrics: long, scroll: 1_000_000))
        let shown = lines(state)
        #expect(shown[1] == "     45 d  #979  Proposed  Idea 979")
        #expect(shown[22] == "     45 d  #1000  Proposed  Idea 1000")
        state.mode = .portfolio(PortfolioState(metrics: long, scroll: 18))
        let top = lines(state)
        #expect(top[1] == " Reviews overdue (0)")
        #expect(top[3] == " Untouched for more than 30 days (1000)")
        #expect(top[4] == "     45 d  #1  Proposed  Idea 1")
        #expect(top[22] == "     45 d  #19  Proposed  Idea 19")
    }

    @Test func withoutABackgroundWorkerPReadsTheFiguresItself() {
        var state = board(.en)
        #expect(Reducer.reduce(&state, .key(.character("p"))) == [.loadPortfolio])
    }
}
