import Domain
import Foundation

extension PostgresStore: DemoSeedTarget {
    /// Fills the portfolio with the demo ideas, the same as on SQLite (`DemoPortfolio.seed`); returns how many ideas
    /// were added.
    @discardableResult
    public func seedDemo(now: Date) throws -> Int {
        try DemoPortfolio.seed(self, now: now)
    }

    /// Runs the demo ideas' changes in one write transaction.
    func writeDemoIdeas(_ body: (any DemoIdeaWriter) throws -> Void) throws {
        try write { try body(PostgresDemoIdeaWriter(store: self)) }
    }
}
