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
    /// Carries out a change to one criterion of the stored set, as a new version.
    func changeCriteria(_ name: String, _ change: CriteriaChange) throws -> CriteriaSet
    func createSession(_ session: WeighingSession) throws -> WeighingSession
    /// Carries out changes to a live session (entries, participants, notes, a re-vote) in order, each checked by the
    /// session's rules, in one transaction: all of them, or none.
    func changeSession(_ id: SessionID, _ changes: [SessionChange]) throws -> WeighingSession
    func updateSession(_ session: WeighingSession) throws
    /// Locks a session; one not filled in by every participant who counts is refused unless `allowIncomplete`.
    func closeSession(_ id: SessionID, allowIncomplete: Bool) throws -> WeighingSession
    func importAll(_ export: PortfolioExport) throws -> [IdeaDraft]
    func importIdeas(_ rows: [(IdeaFields, Stage)]) throws
    func merge(_ source: IdeaID, into target: IdeaID) throws
    func forget(submitter name: String) throws -> ForgetReport
    /// Deletes copies `forget` could not rewrite (only copies it lists); returns those deleted or no longer recorded.
    func deleteCopies(_ paths: [String]) throws -> [String]
    /// Records a file with personal data the program is about to write (an export or report with `--include-personal`),
    /// so `forget` can reach it later.
    func recordCopy(_ url: URL)
    func backup(to url: URL) throws -> URL
    func rollingBackup(reason: String, snapshot: Bool) throws -> URL?
    func seedDemo(now: Date) throws -> Int
    func generateBenchmarkData(_ set: BenchmarkDataSet, now: Date) throws
}

extension AppDatabase: Store {}

extension Store {
    /// Carries out one change to a live session, checked by the session's rules in the same transaction.
    @discardableResult
    public func changeSession(_ id: SessionID, _ change: SessionChange) throws -> WeighingSession {
        try changeSession(id, [change])
    }

    /// Sets or clears scores, checked against the session's scales; all or nothing.
    @discardableResult
    public func setScores(_ id: SessionID, _ changes: [(ScoreKey, Int?)]) throws -> WeighingSession {
        try changeSession(id, .enter(changes.map { ScoreInput($0.0, $0.1.map(CellEntry.score)) }))
    }
}
