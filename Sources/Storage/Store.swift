import Domain
import Foundation

/// A portfolio store the application layer writes through: reads, plus every change carried out in one transaction
/// with its event-log row. Only the application layer calls the writing half; front ends go through its use cases.
public protocol Store: StoreReader {
    /// Carries out one change (an undo or redo when `undoing`) and returns how to take it back.
    func apply(_ change: IdeaChange, undoing: Bool) throws -> AppliedChange
    /// Carries out several changes in one transaction: all of them, or none.
    func applyAll(_ changes: [IdeaChange]) throws -> [AppliedChange]
    /// Whether another program changed anything since this store last looked or wrote (its own writes never count).
    func outsideChange() throws -> Bool
    func setWipLimit(_ limit: WipLimit) throws
    func createCriteriaSet(_ name: String) throws
    func saveCriteriaSet(_ set: CriteriaSet, creating: Bool) throws
    func createSession(_ session: WeighingSession) throws -> WeighingSession
    func setScores(_ id: SessionID, _ changes: [(ScoreKey, Int?)], channel: ScoreChannel) throws -> WeighingSession
    func updateSession(_ session: WeighingSession) throws
    func closeSession(_ id: SessionID) throws -> WeighingSession
    func importAll(_ export: PortfolioExport) throws
    func importIdeas(_ rows: [(IdeaFields, Stage)]) throws
    func merge(_ source: IdeaID, into target: IdeaID) throws
    func forget(submitter name: String) throws -> ForgetReport
    func backup(to url: URL) throws -> URL
    func rollingBackup(reason: String) throws -> URL?
    func seedDemo(now: Date) throws -> Int
    func generateBenchmarkData(_ set: BenchmarkDataSet, now: Date) throws
    // Participants
    /// The same open store for another front end in this process, recording `program` and noticing this one's changes
    /// as changes made elsewhere.
    func sibling(program: String) -> any Store
    func shareSession(_ id: SessionID, tokens: [ParticipantToken]) throws -> [ParticipantLink]
    func stopSharing(_ id: SessionID) throws -> Int
    func setScores(
        through token: ParticipantToken, _ changes: [(idea: IdeaID, criterion: Int, value: Int?)], channel: ScoreChannel
    ) throws -> (session: WeighingSession, participant: Int)
}

extension AppDatabase: Store {}
