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
    /// The themes ideas may carry (config.toml may fix the list); every idea written here is checked against it.
    public let themes: ThemeCatalog

    public init(store: any Store, themes: ThemeCatalog = .open) {
        self.store = store
        self.themes = themes
    }

    /// Opens (creating when needed) the SQLite portfolio in a data directory; `program` is recorded with every change.
    /// `readingOnly`: a portfolio this user may only read is opened read-only instead of refused (for listings and exports).
    public static func open(
        _ directory: DataDirectory, actor: String, program: String, defaultWipLimits: [Stage: WipLimit] = [:],
        themes: ThemeCatalog = .open, readingOnly: Bool = false
    ) throws -> Workspace {
        Workspace(store: try AppDatabase.open(directory, actor: actor, program: program, defaultWipLimits: defaultWipLimits,
                                              readingOnly: readingOnly),
                  themes: themes)
    }

    // MARK: Ideas

    /// Adds a new idea at the end of the proposed column.
    @discardableResult
    public func add(_ fields: IdeaFields) throws -> Idea {
        let applied = try store.apply(.create(try themes.checked(fields)), undoing: false)
        return try store.idea(applied.focus!)
    }

    /// Stored ideas whose title looks like `title` (the one duplicate formula, as the board's form uses it).
    public func likelyDuplicates(ofTitle title: String, limit: Int = 3) throws -> [DuplicateMatch<IdeaID>] {
        DuplicateIndex(try store.ideaTitles()).matches(for: title, limit: limit)
    }

    /// Carries out one change as a person asked for it.
    @discardableResult
    public func perform(_ change: IdeaChange) throws -> AppliedChange {
        try store.apply(try checkedThemes(change), undoing: false)
    }

    /// The change with its idea fields' theme made canonical, or refused when config.toml fixes the themes and it is
    /// not one of them. An edit is only checked when it changes the theme.
    private func checkedThemes(_ change: IdeaChange) throws -> IdeaChange {
        switch change {
        case .create(let fields): return .create(try themes.checked(fields))
        case .edit(let id, let fields): return .edit(id, try themes.checked(fields))
        case .editFrom(let id, let base, let edited) where edited.theme != base.theme:
            return .editFrom(id, base: base, edited: try themes.checked(edited))
        default: return change
        }
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
        return try perform(.editFrom(id, base: base, edited: edited))
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

    /// Erases a submitter's personal data from the portfolio and from every copy of it the product keeps or made.
    public func forget(submitter name: String) throws -> ForgetReport {
        try store.forget(submitter: name)
    }

    /// Deletes copies of the portfolio that `forget` could not rewrite (they may still hold an erased name).
    public func deleteCopies(_ paths: [String]) throws -> [String] {
        try store.deleteCopies(paths)
    }

    /// Records a file with personal data about to be written (an export or report with `--include-personal`).
    public func recordCopy(_ url: URL) {
        store.recordCopy(url)
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

    /// Stores a new version of a criteria set, made from the stored version before it (`CriteriaSet.adding`,
    /// `withWeights` …); refused when another program stored a version in between.
    public func saveCriteriaSet(_ set: CriteriaSet) throws {
        try store.saveCriteriaSet(set, creating: false)
    }

    /// Adds a criterion to the stored set, as a new version; a version stored by another program meanwhile is read
    /// again (their criterion is kept), so several people adding at once lose nothing.
    @discardableResult
    public func addCriterion(_ criterion: Criterion, to name: String) throws -> CriteriaSet {
        for attempt in 1...5 {
            let updated = try store.criteriaSet(name).adding(criterion)
            do {
                try store.saveCriteriaSet(updated, creating: false)
                return updated
            } catch DomainError.criteriaSetChangedSince where attempt < 5 {
                continue
            }
        }
        throw DomainError.criteriaSetChangedSince(name, version: try store.criteriaSet(name).version)
    }

    /// Renames, re-weights, rescales, turns around, re-vetoes or removes one criterion of a set, as a new version read and
    /// written in one transaction; sessions keep the snapshot they started with.
    @discardableResult
    public func changeCriteria(_ set: String, _ change: CriteriaChange) throws -> CriteriaSet {
        try store.changeCriteria(set, change)
    }

    /// Starts a weighing session.
    public func createSession(_ session: WeighingSession) throws -> WeighingSession {
        try store.createSession(session)
    }

    /// Sets or clears scores, checked against the session's scales; all or nothing.
    @discardableResult
    public func setScores(_ id: SessionID, _ changes: [(ScoreKey, Int?)]) throws -> WeighingSession {
        try store.changeSession(id, [.enter(changes.map { ScoreInput($0.0, $0.1.map(CellEntry.score)) })])
    }

    /// Sets (or with nil clears) one score as the person saw the cell (`seen`): refused, naming what the cell holds,
    /// when another program entered, cleared or abstained there meanwhile, so no entry is overwritten unseen.
    public func setScore(_ id: SessionID, _ key: ScoreKey, _ value: Int?, seen: CellEntry?) throws {
        _ = try store.changeSession(id, [.enter([ScoreInput(key, value.map(CellEntry.score), seen: SeenEntry(seen))])])
    }

    /// Carries out a change to a live session (entries, a late or leaving participant, a note, a re-vote round), checked
    /// by the session's rules against the session as stored; nothing changes when it is refused.
    @discardableResult
    public func changeSession(_ id: SessionID, _ change: SessionChange) throws -> WeighingSession {
        try store.changeSession(id, [change])
    }

    /// Carries out several session changes in order, in one transaction: all of them, or none (an import that adds
    /// the participants it names and their scores).
    @discardableResult
    public func changeSession(_ id: SessionID, _ changes: [SessionChange]) throws -> WeighingSession {
        try store.changeSession(id, changes)
    }

    /// Enters (or with nil clears) one score named as a person names it: participant and criterion by name, any case.
    /// Checked like a typed score (open session, idea in the session, on the scale); refused, nothing is stored.
    public func score(
        _ id: SessionID, participant: String, idea: IdeaID, criterion: String, value: Int?
    ) throws -> (WeighingSession, ScoreKey) {
        try enter(id, participant: participant, idea: idea, criterion: criterion, entry: value.map(CellEntry.score))
    }

    /// Enters a score or an abstention (or with nil clears the cell), named as a person names it.
    public func enter(
        _ id: SessionID, participant: String, idea: IdeaID, criterion: String, entry: CellEntry?
    ) throws -> (WeighingSession, ScoreKey) {
        let key = try store.session(id).scoreKey(participant: participant, idea: idea, criterion: criterion)
        return (try store.changeSession(id, [.enter([ScoreInput(key, entry)])]), key)
    }

    /// Adds a participant who joins a session late.
    @discardableResult
    public func addParticipant(_ id: SessionID, _ name: String) throws -> WeighingSession {
        try store.changeSession(id, [.addParticipant(name)])
    }

    /// Excludes a participant who leaves, with the reason the minutes keep; their entries count nowhere from now on.
    @discardableResult
    public func excludeParticipant(_ id: SessionID, _ name: String, reason: String) throws -> WeighingSession {
        try store.changeSession(id, [.excludeParticipant(name, reason: reason)])
    }

    /// Stores a session's status, method, normalisation and aggregate.
    public func updateSession(_ session: WeighingSession) throws {
        try store.updateSession(session)
    }

    /// Closes a session and gives its ideas their score badges. A session not filled in by every participant who counts
    /// is refused (`DomainError.sessionIncomplete`) unless `allowIncomplete`: the caller warned and was told to go on.
    @discardableResult
    public func closeSession(_ id: SessionID, allowIncomplete: Bool = false) throws -> WeighingSession {
        try store.closeSession(id, allowIncomplete: allowIncomplete)
    }

    // MARK: Interchange and upkeep

    /// Imports a whole JSON export into an empty portfolio, every record checked first (`PortfolioImport`);
    /// a dry run only checks. Throws `ImportFailure` naming every problem; nothing is written then.
    public func importJSON(_ export: PortfolioExport, dryRun: Bool) throws -> ImportOutcome {
        let stored = try store.ideaTitles()
        let drafts = dryRun ? try store.checkImport(export) : try store.importAll(export)
        return ImportOutcome(drafts: drafts, duplicates: IdeaImport.likelyDuplicates(of: drafts, stored: stored))
    }

    /// Imports ideas from CSV text, every row checked first (`IdeaImport`), all or none; a dry run only checks.
    public func importCSV(_ text: String, dryRun: Bool) throws -> ImportOutcome {
        let stored = try store.ideaTitles()
        let drafts = try IdeaImport.csv(text).get()
        if !dryRun { try store.importIdeas(drafts.map { ($0.fields, $0.stage) }) }
        return ImportOutcome(drafts: drafts, duplicates: IdeaImport.likelyDuplicates(of: drafts, stored: stored))
    }

    /// Imports already checked rows (the benchmark's generated file), all or none.
    public func importIdeas(_ rows: [(IdeaFields, Stage)]) throws {
        try store.importIdeas(rows)
    }

    /// Copies the database to a file.
    public func backup(to url: URL) throws -> URL {
        try store.backup(to: url)
    }

    /// The day's rolling backup (at most once a day, seven kept); `snapshot` copies inside one read transaction, so
    /// writes made meanwhile never wait for it (the board's backup after its first frame).
    @discardableResult
    public func rollingBackup(reason: String = "daily", snapshot: Bool = false) throws -> URL? {
        try store.rollingBackup(reason: reason, snapshot: snapshot)
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
