import Domain
import Foundation

/// Writes the demo ideas' histories inside one open write transaction of a store (see `DemoSeedTarget`).
protocol DemoIdeaWriter {
    /// Carries out one change as made at `moment`, through the store's change writer.
    func apply(_ change: IdeaChange, at moment: Date) throws -> AppliedChange
    /// The first idea with this title, nil when there is none.
    func idea(titled title: String) throws -> Idea?
    /// Adds a case note as written at `now`, with its event.
    func addCaseNote(_ note: CaseNote, at now: Date) throws
    /// Stores a WIP limit (without an event: the demo starts with it).
    func saveWipLimit(_ limit: WipLimit) throws
}
