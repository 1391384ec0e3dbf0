import Domain

/// The portfolio view's figures for one state of the data: the change counter and the day they were computed for.
public struct PortfolioFigures: Equatable, Sendable {
    /// What the figures were computed for.
    public var key: PortfolioFiguresKey
    public var metrics: PortfolioMetrics

    public init(key: PortfolioFiguresKey, metrics: PortfolioMetrics) {
        self.key = key
        self.metrics = metrics
    }
}

/// One state of the data the portfolio's figures depend on: the database's change counter and today's date.
public struct PortfolioFiguresKey: Equatable, Hashable, Sendable {
    /// The change counter every write to the portfolio moves on.
    public var version: Int64
    /// The day overdue reviews and stale ideas are counted on.
    public var today: DayDate

    public init(version: Int64, today: DayDate) {
        self.version = version
        self.today = today
    }
}
