import AppCore
import Application
import Foundation
import Screen

/// The board without a terminal, for `proeftuin bench`: the board's own loop (`BoardLoop`: key to reducer, each effect
/// through the `EffectRunner`, its events back through the reducer, the portfolio's figures from their worker), then a
/// rendered frame compared row by row with the last one, as the terminal layer does before it writes, so a key is
/// measured through whatever the board's code does.
struct BenchBoard {
    private var loop: BoardLoop
    private let renderer = Renderer()
    private var previous: CellGrid
    /// Rows that differed from the previous frame, summed (so the comparison cannot be optimised away).
    private(set) var changedRows = 0

    var state: AppState { loop.state }

    init(workspace: Workspace) throws {
        let state = AppState(language: .nl, size: Size(width: 200, height: 60), dataLabel: workspace.reader.directory.path)
        loop = BoardLoop(state: state, runner: EffectRunner(workspace: workspace))
        previous = CellGrid(width: 0, height: 0)
        let start = loop.state.windowedStart()
        _ = loop.perform([.loadWindow(start)])  // windows of the columns, as the board reads them
        previous = renderer.render(loop.state)
        afterFrame()
    }

    /// One key, to its frame (what the person sees), then the rest of the loop's pass.
    mutating func press(_ key: Key) {
        _ = loop.perform(loop.reduce(.key(key)))
        frame()
        afterFrame()
    }

    /// Waits (as the board's loop does between keys) until the portfolio's figures for the data as it is now arrived.
    mutating func waitForFigures() {
        afterFrame()
        while loop.state.portfolioFigures.current == nil {
            Thread.sleep(forTimeInterval: 0.002)
            afterFrame()
        }
    }

    private mutating func frame() {
        let grid = renderer.render(loop.state)
        for y in 0..<grid.height where y >= previous.height || grid.row(y) != previous.row(y) { changedRows += 1 }
        previous = grid
    }

    /// The loop's pass after a frame: the figures' worker, and a frame again when what arrived is shown.
    private mutating func afterFrame() {
        if loop.deliverFigures() { frame() }
    }
}
