import AppCore
import Application
import Domain
import Foundation
import Storage
import Testing

/// The portfolio's figures computed in the background by the board's run loop: the same as computed on the spot, and
/// never older figures shown as current after a change.
@Suite("Application: the portfolio's figures in the background")
struct PortfolioWorkerTests {
    /// Some ideas in several stages, by the colleague's program.
    func filled(_ programs: TwoPrograms) throws {
        for index in 0..<30 {
            let id = try programs.cli.add(IdeaFields(title: "Idee \(index)", theme: index % 2 == 0 ? "Jeugd" : "Wijk")).id
            if index % 8 == 0 {  // four: within the experimenting WIP limit
                try programs.cli.perform(.move(MoveRequest(id: id, target: .experimenting, reason: "start", gate: TwoPrograms.experimentGate)))
            }
        }
    }

    /// A board's runner with a worker, as `BoardApp` makes it.
    func boardRunner(_ workspace: Workspace) -> (EffectRunner, PortfolioWorker) {
        var runner = EffectRunner(workspace: workspace, staleDays: 20, triageDays: 5)
        let worker = PortfolioWorker()
        runner.portfolioWorker = worker
        worker.attach(runner)
        return (runner, worker)
    }

    /// Runs the board loop's pass after each frame until the figures for the data as it is now are there.
    func waitForFigures(_ state: inout AppState, _ worker: PortfolioWorker, _ runner: EffectRunner) throws -> PortfolioMetrics {
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            _ = worker.deliver(into: &state, runner: runner)
            if let current = state.portfolioFigures.current { return current }
            Thread.sleep(forTimeInterval: 0.005)
        }
        throw CancellationError()
    }

    @Test func theBackgroundFiguresEqualTheFiguresComputedOnTheSpot() throws {
        let programs = try TwoPrograms()
        try filled(programs)
        let (runner, worker) = boardRunner(programs.board)
        var state = AppState(language: .en, size: Size(width: 80, height: 24))
        for event in runner.perform(.loadBoard) { _ = Reducer.reduce(&state, event) }
        let shown = try waitForFigures(&state, worker, runner)

        // On the spot: the runner without a worker, as `p` did before and as tests and reports do.
        let spot = EffectRunner(workspace: programs.board, staleDays: 20, triageDays: 5)
        #expect(spot.perform(.loadPortfolio) == [.portfolioLoaded(shown)])
        #expect(shown.stageCounts == [.proposed: 26, .experimenting: 4])
        #expect(shown.triageDays == 5 && shown.learning != nil)
        let version = try programs.board.reader.dataVersion()
        #expect(state.portfolioFigures.wanted == PortfolioFiguresKey(version: version, today: programs.board.reader.today()))
        #expect(!worker.isBusy)
    }

    @Test func aChangeWhileComputingShowsTheFiguresForTheNewData() throws {
        let programs = try TwoPrograms()
        try filled(programs)
        let (runner, worker) = boardRunner(programs.board)
        var state = AppState(language: .en, size: Size(width: 80, height: 24))
        for event in runner.perform(.loadBoard) { _ = Reducer.reduce(&state, event) }
        #expect(worker.deliver(into: &state, runner: runner) == false, "on the board nothing is drawn again")
        #expect(Reducer.reduce(&state, .key(.character("p"))).isEmpty)
        // A colleague adds an idea while the first figures are being computed.
        try programs.cli.add(IdeaFields(title: "Erbij", theme: "Jeugd"))
        let shown = try waitForFigures(&state, worker, runner)
        #expect(shown.stageCounts[.proposed] == 27, "the figures shown as current count the colleague's idea")
        #expect(shown.matrix["Jeugd"] == [.proposed: 12, .experimenting: 4])
        #expect(shown == (try runner.portfolioMetrics(today: programs.board.reader.today())))
    }

    @Test func theFiguresAreLabelledWithTheVersionTheyWereReadAt() throws {
        let programs = try TwoPrograms()
        try filled(programs)
        let runner = EffectRunner(workspace: programs.board)
        let today = programs.board.reader.today()
        let figures = try #require(try runner.figures(for: today))
        #expect(figures.key == PortfolioFiguresKey(version: try programs.board.reader.dataVersion(), today: today))
        #expect(runner.perform(.computePortfolio(figures.key)) == [.portfolioComputed(figures)], "without a worker: on the spot")
    }
}
