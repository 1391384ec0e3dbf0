import Domain
import Foundation

/// What seeding the demo portfolio asks of a store, so the SQLite and the PostgreSQL store get the same demo data from
/// the same code (`DemoPortfolio.seed`).
protocol DemoSeedTarget {
    /// Runs `body` in one write transaction, with a writer of the demo ideas' changes.
    func writeDemoIdeas(_ body: (any DemoIdeaWriter) throws -> Void) throws
    func criteriaSet(_ name: String) throws -> CriteriaSet
    func saveCriteriaSet(_ set: CriteriaSet, creating: Bool) throws
    func ideas(stage: Stage?, theme: String?) throws -> [Idea]
    func createSession(_ session: WeighingSession) throws -> WeighingSession
    func changeSession(_ id: SessionID, _ changes: [SessionChange]) throws -> WeighingSession
    func closeSession(_ id: SessionID, allowIncomplete: Bool) throws -> WeighingSession
    func addChallenges(_ list: [LocalChallenge], skipExisting: Bool) throws
    func addToInbox(_ fields: IdeaFields, receivedOn: DayDate, replyTo: String?) throws -> Idea
    func changeIntake(_ id: IdeaID, _ step: IntakeStep, today: DayDate) throws -> Intake
    func markValuesSet(_ name: String) throws
}

extension DemoSeedTarget {
    /// Enters the demo's scores on the board, all in one change.
    func setDemoScores(_ id: SessionID, _ scores: [(ScoreKey, Int?)]) throws {
        _ = try changeSession(id, [.enter(scores.map { ScoreInput($0.0, $0.1.map(CellEntry.score), channel: .board) })])
    }
}
