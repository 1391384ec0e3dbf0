import AppCore
import Application
import Foundation
import Screen

/// The board without a terminal, for `proeftuin bench`: the loop of `BoardApp` (key to reducer, each effect through the
/// `EffectRunner`, its events back through the reducer, then a rendered frame compared row by row with the last one, as
/// the terminal layer does before it writes, then the portfolio worker's pass), so a key is measured through whatever the
/// board's code does.
struct BenchBoard {
    private(set) var state: AppState
    private let runner: EffectRunner
    private let figures: PortfolioWorker
    private let renderer = Renderer()
    private var previous: CellGrid
    /// Rows that differed from the previous frame, summed (so the comparison cannot be optimised away).
    private(set) var changedRows = 0

    init(workspace: Workspace) throws {
        // The portfolio's figures are computed in the background, as the board computes them.
        let worker = PortfolioWorker()
        var runner = EffectRunner(workspace: workspace)
        runner.portfolioWorker = worker
        worker.attach(runner)
        self.runner = runner
        figures = worker
        state = AppState(language: .nl, size: Size(width: 200, height: 60), dataLabel: workspace.reader.directory.path)
        previous = CellGrid(width: 0, height: 0)
        settle([.loadWindow(state.windowedStart())])  // windows of the columns, as the board reads them
        previous = renderer.render(state)
        afterFrame()
    }

    /// One key, to its frame (what the person sees), then the rest of the loop's pass.
    mutating func press(_ key: Key) {
        settle(Reducer.reduce(&state, .key(key)))
        frame()
        afterFrame()
    }

    /// Waits (as the board's loop does between keys) until the portfolio's figures for the data as it is now arrived.
    mutating func waitForFigures() {
        afterFrame()
        while state.portfolioFigures.current == nil {
            Thread.sleep(forTimeInterval: 0.002)
            afterFrame()
        }
    }

    private mutating func frame() {
        let grid = renderer.render(state)
        for y in 0..<grid.height where y >= previous.height || grid.row(y) != previous.row(y) { changedRows += 1 }
        previous = grid
    }

    /// The loop's pass after a frame: the figures' worker, and a frame again when what arrived is shown.
    private mutating func afterFrame() {
        if figures.deliver(into: &state, runner: runner) { frame() }
    }

    private mutating func settle(_ effects: [Effect]) {
        var pending = effects
        while !pending.isEmpty {
            let effect = pending.removeFirst()
            if effect == .quit { return }
            for event in runner.perform(effect) { pending += Reducer.reduce(&state, event) }
        }
    }
}
