import AppCore
import Domain
import Storage

extension EffectRunner {
    /// The portfolio view's figures for `today`: the metrics with the learning figures, as the reports compute them.
    public func portfolioMetrics(today: DayDate) throws -> PortfolioMetrics {
        var metrics = try workspace.reader.portfolio(today: today, staleDays: staleDays)
        metrics.triageDays = triageDays
        // The learning figures read every idea's history: only the portfolio view asks for them.
        metrics.learning = try workspace.reader.learningCapacity(today: today, triageDays: triageDays, theme: nil)
        return metrics
    }

    /// The state of the data now: its change counter and today.
    public func dataKey() throws -> PortfolioFiguresKey {
        PortfolioFiguresKey(version: try workspace.reader.dataVersion(), today: today())
    }

    /// Computes the figures for the data as it is, labelled with the version they were read at: the counter is read
    /// before and after, and only a computation nothing was written during is labelled (else it is done again). Nil when
    /// the data kept changing; the next change the run loop sees asks again.
    public func figures(for today: DayDate, attempts: Int = 3) throws -> PortfolioFigures? {
        for _ in 0..<attempts {
            let before = try workspace.reader.dataVersion()
            let metrics = try portfolioMetrics(today: today)
            if try workspace.reader.dataVersion() == before {
                return PortfolioFigures(key: PortfolioFiguresKey(version: before, today: today), metrics: metrics)
            }
        }
        return nil
    }

    /// `.computePortfolio`: handed to the background worker when there is one, else computed here (tests, a loop without
    /// one) and returned as the event the worker would post.
    func computePortfolio(_ key: PortfolioFiguresKey) -> [Event] {
        if let portfolioWorker {
            portfolioWorker.start(key)
            return []
        }
        return PortfolioWorker.outcome(of: self, key)
    }
}
