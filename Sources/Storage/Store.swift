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
    /// Adds many ideas in one transaction; a row with an arrival (`arrivals`, parallel to `rows`, may be shorter) lands in
    /// the inbox, received that day, with who gets a reply.
    func importIdeas(_ rows: [(IdeaFields, Stage)], arrivals: [Arrival?]) throws
    /// An import of many ideas in one transaction, all or nothing: `body` hands each checked row to the writer as it
    /// reads it; a dry run writes nothing.
    func importIdeas<T>(dryRun: Bool, _ body: (IdeaImportWriter) throws -> T) throws -> T
    func merge(_ source: IdeaID, into target: IdeaID) throws
    /// Adds an idea from outside the team to the inbox, with who gets a reply.
    func addToInbox(_ fields: IdeaFields, receivedOn: DayDate, replyTo: String?) throws -> Idea
    /// One triage or reply step, with its event row, in one transaction.
    func changeIntake(_ id: IdeaID, _ step: IntakeStep, today: DayDate) throws -> Intake
    /// Adds lokale opgaven to the list (those already there refused, or skipped when `skipExisting`).
    func addChallenges(_ list: [LocalChallenge], skipExisting: Bool) throws
    /// Changes a lokale opgave; a new name is carried over to its ideas.
    func editChallenge(_ name: String, to edited: LocalChallenge) throws
    /// Removes a lokale opgave no idea carries.
    func removeChallenge(_ name: String) throws
    /// Marks a criteria set as the council's values.
    func markValuesSet(_ name: String) throws
    func forget(submitter name: String) throws -> ForgetReport
    /// Deletes copies `forget` could not rewrite (only copies it lists); returns those deleted or no longer recorded.
    func deleteCopies(_ paths: [String]) throws -> [String]
    /// Records a file with personal data the program is about to write (an export or report with `--include-personal`),
    /// so `forget` can reach it later.
    func recordCopy(_ url: URL)
    func backup(to url: URL) throws -> URL
    func rollingBackup(reason: String, snapshot: Bool) throws -> URL?
    func seedDemo(now: Date) throws -> Int
    func generateBenchmarkData(_ set: BenchmarkDataSet, now: Date, progress: (Int) -> Void) throws
    func backup(to url: URL, progress: (Int, Int) -> Void) throws -> URL
    func rollingBackup(reason: String, progress: (Int, Int) -> Void) throws -> URL?
    /// Saves a case note to the idea's current cycle; refused while it holds personal data.
    func addCaseNote(_ note: CaseNote) throws -> CaseNote
    // Participants
    /// The same open store for another front end in this process, recording `program` and noticing this one's changes
    /// as changes made elsewhere.
    func sibling(program: String) -> any Store
    func shareSession(_ id: SessionID, tokens: [ParticipantToken]) throws -> [ParticipantLink]
    func stopSharing(_ id: SessionID) throws -> Int
    func enter(
        through token: ParticipantToken, _ entries: [(idea: IdeaID, criterion: Int, entry: CellEntry?)], channel: ScoreChannel
    ) throws -> (session: WeighingSession, participant: Int)
}

extension AppDatabase: Store {}

extension Store {
    /// Writes the benchmark data set.
    public func generateBenchmarkData(_ set: BenchmarkDataSet, now: Date) throws {
        try generateBenchmarkData(set, now: now) { _ in }
    }
    /// Adds many ideas in one transaction, none of them in the inbox.
    public func importIdeas(_ rows: [(IdeaFields, Stage)]) throws { try importIdeas(rows, arrivals: []) }

    /// Carries out one change to a live session, checked by the session's rules in the same transaction.
    @discardableResult
    public func changeSession(_ id: SessionID, _ change: SessionChange) throws -> WeighingSession {
        try changeSession(id, [change])
    }

    /// Sets or clears scores, checked against the session's scales; all or nothing. `channel` records how they were entered.
    @discardableResult
    public func setScores(_ id: SessionID, _ changes: [(ScoreKey, Int?)], channel: ScoreChannel = .board) throws -> WeighingSession {
        try changeSession(id, .enter(changes.map { ScoreInput($0.0, $0.1.map(CellEntry.score), channel: channel) }))
    }
}
