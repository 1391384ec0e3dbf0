import AppCore
import Application
import Screen

/// The board without a terminal, for `proeftuin bench`: the loop of `BoardApp` (key to reducer, each effect through the
/// `EffectRunner`, its events back through the reducer, then a rendered frame compared row by row with the last one, as
/// the terminal layer does before it writes), so a key is measured through whatever the board's code does.
struct BenchBoard {
    private(set) var state: AppState
    private let runner: EffectRunner
    private let renderer = Renderer()
    private var previous: CellGrid
    /// Rows that differed from the previous frame, summed (so the comparison cannot be optimised away).
    private(set) var changedRows = 0

    init(workspace: Workspace) throws {
        runner = EffectRunner(workspace: workspace)
        state = AppState(language: .nl, size: Size(width: 200, height: 60), dataLabel: workspace.reader.directory.path)
        previous = CellGrid(width: 0, height: 0)
        settle([.loadWindow(state.windowedStart())])  // windows of the columns, as the board reads them
        previous = renderer.render(state)
    }

    /// One key, to its frame.
    mutating func press(_ key: Key) {
        settle(Reducer.reduce(&state, .key(key)))
        let grid = renderer.render(state)
        for y in 0..<grid.height where y >= previous.height || grid.row(y) != previous.row(y) { changedRows += 1 }
        previous = grid
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
