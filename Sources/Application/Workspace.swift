import Domain
import Foundation
import Storage

/// The application layer: every use case that changes a portfolio, for every front end (board, CLI, later a
/// participant's page or a server database). Front ends read through `reader` and change data only through these
/// methods, so no front end holds a rule of its own.
public final class Workspace: Sendable {
    /// What front ends may read; the same store the use cases write to.
    public var reader: any StoreReader { store }
    let store: any Store

    public init(store: any Store) {
        self.store = store
    }

    /// Opens (creating when needed) the SQLite portfolio in a data directory; `program` is recorded with every change.
    public static func open(
        _ directory: DataDirectory, actor: String, program: String, defaultWipLimits: [Stage: WipLimit] = [:]
    ) throws -> Workspace {
        Workspace(store: try AppDatabase.open(directory, actor: actor, program: program, defaultWipLimits: defaultWipLimits))
    }

    // MARK: Ideas

    /// Adds a new idea at the end of the proposed column.
    @discardableResult
    public func add(_ fields: IdeaFields) throws -> Idea {
        let applied = try store.apply(.create(fields), undoing: false)
        return try store.idea(applied.focus!)
    }

    /// Carries out one change as a person asked for it.
    @discardableResult
    public func perform(_ change: IdeaChange) throws -> AppliedChange {
        try store.apply(change, undoing: false)
    }

    /// Carries out several changes in one transaction: all of them, or none.
    @discardableResult
    public func performAll(_ changes: [IdeaChange]) throws -> [AppliedChange] {
        try store.applyAll(changes)
    }

    /// Undo or redo: carries out the inverse of an applied change. Only this person's part is taken back, and the
    /// undo is refused (nothing undone, the message naming what changed, when and through which program) when
    /// someone else built on it since.
    public func takeBack(_ inverse: IdeaChange) throws -> AppliedChange {
        try store.apply(inverse, undoing: true)
    }

    /// Changes some fields of an idea as read now; fields changed elsewhere in between are kept (a merging save).
    @discardableResult
    public func edit(_ id: IdeaID, _ change: (inout IdeaFields) -> Void) throws -> AppliedChange {
        let base = try store.idea(id).fields
        var edited = base
        change(&edited)
        return try store.apply(.editFrom(id, base: base, edited: edited), undoing: false)
    }

    /// Moves an idea through the gate of its target stage, checked by the same rules the board uses.
    @discardableResult
    public func move(_ id: IdeaID, to target: Stage, reason: String, draft: GateDraft, wipOverride: String?) throws -> AppliedChange {
        let idea = try store.idea(id)
        try idea.stage.validateMove(to: target)
        let gate = try draft.validated(for: target, idea: id)
        return try store.apply(
            .move(MoveRequest(id: id, target: target, reason: reason, gate: gate, wipOverride: wipOverride, from: idea.stage)),
            undoing: false)
    }

    /// Records measurements in an idea's current cycle, all or none.
    public func measure(_ id: IdeaID, _ measurements: [MetricMeasurement]) throws {
        _ = try store.applyAll(measurements.map { .addMeasurement(id, $0) })
    }

    /// Merges one idea into another (history kept, the source stops as merged).
    public func merge(_ source: IdeaID, into target: IdeaID) throws {
        try store.merge(source, into: target)
    }

    /// Erases a submitter's personal data from the portfolio.
    public func forget(submitter name: String) throws -> ForgetReport {
        try store.forget(submitter: name)
    }

    // MARK: Decisions and limits

    /// Proposes a new consent decision and returns its id.
    public func propose(_ decision: ConsentDecision) throws -> DecisionID {
        let applied = try store.apply(.saveDecision(decision), undoing: false)
        guard case .deleteDecision(let id) = applied.inverse else { throw DomainError.decisionNotFound("(new)") }
        return id
    }

    /// One step of a consent round (objection, judgement, resolution, concern, consent), read and written in one
    /// transaction so steps recorded at once by several people are all kept.
    @discardableResult
    public func amendDecision(_ id: DecisionID, _ amendment: DecisionAmendment) throws -> ConsentDecision {
        _ = try store.apply(.amendDecision(id, amendment), undoing: false)
        return try store.decision(id)
    }

    /// Sets a stage's WIP limit.
    public func setWipLimit(_ limit: WipLimit) throws {
        try store.setWipLimit(limit)
    }

    // MARK: Weighing

    /// Creates an empty criteria set.
    public func createCriteriaSet(_ name: String) throws {
        try store.createCriteriaSet(name)
    }

    /// Stores a new version of a criteria set.
    public func saveCriteriaSet(_ set: CriteriaSet) throws {
        try store.saveCriteriaSet(set, creating: false)
    }

    /// Starts a weighing session.
    public func createSession(_ session: WeighingSession) throws -> WeighingSession {
        try store.createSession(session)
    }

    /// Sets or clears scores, checked against the session's scales; all or nothing. `channel` records how they were
    /// entered (the minutes say so).
    @discardableResult
    public func setScores(_ id: SessionID, _ changes: [(ScoreKey, Int?)], channel: ScoreChannel) throws -> WeighingSession {
        try store.setScores(id, changes, channel: channel)
    }

    /// Enters (or with nil clears) one score named as a person names it: participant and criterion by name, any case.
    /// Checked like a typed score (open session, idea in the session, on the scale); refused, nothing is stored.
    public func score(
        _ id: SessionID, participant: String, idea: IdeaID, criterion: String, value: Int?, channel: ScoreChannel
    ) throws -> (WeighingSession, ScoreKey) {
        let key = try store.session(id).scoreKey(participant: participant, idea: idea, criterion: criterion)
        return (try store.setScores(id, [(key, value)], channel: channel), key)
    }

    /// Stores a session's status, method, normalisation and aggregate.
    public func updateSession(_ session: WeighingSession) throws {
        try store.updateSession(session)
    }

    /// Closes a session and gives its ideas their score badges.
    @discardableResult
    public func closeSession(_ id: SessionID) throws -> WeighingSession {
        try store.closeSession(id)
    }

    // MARK: Participants scoring for themselves

    /// This workspace for a second front end in the same process (the participants' page served by the board):
    /// changes recorded with `program`, and seen by this workspace as changes made elsewhere. Shares the open database
    /// rather than opening the file again.
    public func sibling(program: String) -> Workspace {
        Workspace(store: store.sibling(program: program))
    }

    /// The session a participant joins on their own terminal, with their index; refused for a name not in the session
    /// or a closed session.
    public func join(_ id: SessionID, as name: String) throws -> (session: WeighingSession, participant: Int) {
        let session = try store.session(id)
        let participant = try session.participantIndex(named: name)
        guard session.status != .closed else { throw DomainError.sessionClosed }
        return (session, participant)
    }

    /// Starts (or continues) sharing a session: every participant gets their own link, whose secret is 144 bits from
    /// the system's cryptographically secure generator. Links still in use are kept. Refused for a closed session.
    public func shareSession(_ id: SessionID) throws -> [ParticipantLink] {
        let count = try store.session(id).participants.count
        var generator = SystemRandomNumberGenerator()
        let tokens = (0..<count).map { _ in
            ParticipantToken(bytes: (0..<ParticipantToken.byteCount).map { _ in UInt8.random(in: .min ... .max, using: &generator) })
        }
        return try store.shareSession(id, tokens: tokens)
    }

    /// Stops sharing a session: its links end (a page asked for afterwards says so). Returns how many links ended.
    @discardableResult
    public func stopSharing(_ id: SessionID) throws -> Int {
        try store.stopSharing(id)
    }

    /// Enters (or with nil clears) a score through a participant's own link: only their own cells, checked in the
    /// transaction that stores it (the link in use, the session not closed, the score on its scale).
    @discardableResult
    public func score(
        through token: ParticipantToken, idea: IdeaID, criterion: Int, value: Int?
    ) throws -> (session: WeighingSession, participant: Int) {
        try store.setScores(through: token, [(idea: idea, criterion: criterion, value: value)], channel: .web)
    }

    // MARK: Interchange and upkeep

    /// Imports a whole JSON export into an empty portfolio.
    public func importAll(_ export: PortfolioExport) throws {
        try store.importAll(export)
    }

    /// Imports checked CSV rows, all or none.
    public func importIdeas(_ rows: [(IdeaFields, Stage)]) throws {
        try store.importIdeas(rows)
    }

    /// Copies the database to a file.
    public func backup(to url: URL) throws -> URL {
        try store.backup(to: url)
    }

    /// The day's rolling backup (at most once a day, seven kept).
    @discardableResult
    public func rollingBackup(reason: String = "daily") throws -> URL? {
        try store.rollingBackup(reason: reason)
    }

    /// Fills an empty portfolio with the demo; returns how many ideas it added.
    @discardableResult
    public func seedDemo(now: Date) throws -> Int {
        try store.seedDemo(now: now)
    }

    /// Generates the benchmark data set.
    public func generateBenchmarkData(_ set: BenchmarkDataSet, now: Date) throws {
        try store.generateBenchmarkData(set, now: now)
    }

    /// Whether another program changed the portfolio since this one last looked or wrote.
    public func outsideChange() throws -> Bool {
        try store.outsideChange()
    }
}
