import Domain

/// How the reducer keeps the portfolio's figures: asks for them when the data changed, takes them when they arrive.
enum PortfolioFigureEvents {
    /// The run loop saw the data in this state (after the first frame, and after every change, here or elsewhere).
    static func dataSeen(_ key: PortfolioFiguresKey, _ state: inout AppState) -> [Effect] {
        state.portfolioFigures.want(key) ? [.computePortfolio(key)] : []
    }

    /// Figures computed in the background arrived: shown when they are for the data as it is now.
    static func computed(_ figures: PortfolioFigures, _ state: inout AppState) -> [Effect] {
        state.portfolioFigures.receive(figures)
        return []
    }

    /// `p`: the view at once, with the figures when they are there for the data as it is now, else computing them.
    static func show(_ state: inout AppState) -> [Effect] {
        state.mode = .portfolio(PortfolioState())
        // Without a background worker (tests, a loop that never reported the data's state) the figures are read here.
        return state.portfolioFigures.inBackground ? [] : [.loadPortfolio]
    }
}
