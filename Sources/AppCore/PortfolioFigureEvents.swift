import Domain

/// How the reducer keeps the portfolio's figures: asks for them when the data changed, takes them when they arrive.
enum PortfolioFigureEvents {
    /// The run loop saw the data in this state (after the first frame, and after every change, here or elsewhere).
    /// In the room (a weighing session on the projector, sharing it) every score changes the data: the figures wait until
    /// the view opens, so a session never keeps a core busy with figures nobody looks at.
    static func dataSeen(_ key: PortfolioFiguresKey, _ state: inout AppState) -> [Effect] {
        let inRoom: Bool = switch state.mode {
        case .weighing, .sharing: true
        default: false
        }
        return state.portfolioFigures.want(key, now: !inRoom) ? [.computePortfolio(key)] : []
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
        guard state.portfolioFigures.inBackground else { return [.loadPortfolio] }
        return state.portfolioFigures.takeDeferred().map { [.computePortfolio($0)] } ?? []
    }
}
