import AppCore

/// The board's loop without its terminal: its state, the effect runner and the worker that computes the portfolio's
/// figures, so the full-screen board and the bench's board take a key through the same code (reducer, effects, the
/// events they bring back, the figures' hand-over).
public struct BoardLoop {
    public var state: AppState
    public let runner: EffectRunner
    private let figures = PortfolioWorker()

    /// A loop over `state`, performing effects through `runner`, with the portfolio's figures computed in the background.
    public init(state: AppState, runner: EffectRunner) {
        var runner = runner
        runner.portfolioWorker = figures
        // The figures are read on a second connection to the same portfolio (the same pool on SQLite; its own connection
        // on a server, whose one connection would otherwise make a key wait for them).
        let background = EffectRunner(workspace: runner.workspace.sibling(program: "board"),  // it only reads
                                      staleDays: runner.staleDays, triageDays: runner.triageDays, language: runner.language)
        figures.attach(runner, background: background)
        self.state = state
        self.runner = runner
    }

    /// Performs `effects` in order, each effect's events reduced and their effects performed in turn; false when one
    /// of them is to quit (the rest are not performed).
    public mutating func perform(_ effects: [Effect]) -> Bool {
        var pending = effects
        while !pending.isEmpty {
            let effect = pending.removeFirst()
            if effect == .quit { return false }
            for event in runner.perform(effect) { pending += Reducer.reduce(&state, event) }
        }
        return true
    }

    /// Reduces an event; the effects it asks for are returned, to be performed.
    public mutating func reduce(_ event: Event) -> [Effect] {
        Reducer.reduce(&state, event)
    }

    /// Takes in the figures the background worker delivered (and starts it again when the data changed since); true
    /// when what the screen shows changed.
    public mutating func deliverFigures() -> Bool {
        figures.deliver(into: &state, runner: runner)
    }
}
