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
    /// The themes config.toml lists (seeded into the list of lokale opgaven); every idea written here is checked against
    /// `themeCatalog()`, which adds the managed list.
    public let themes: ThemeCatalog

    public init(store: any Store, themes: ThemeCatalog = .open) {
        self.store = store
        self.themes = themes
    }

    /// Opens (creating when needed) the portfolio: the SQLite file in a data directory, or with `server` the database on a
    /// PostgreSQL server (the data directory then keeps only local files: drafts, copies); `program` is recorded with
    /// every change. `readingOnly`: a SQLite portfolio this user may only read is opened read-only instead of refused (for
    /// listings and exports); on a server, what a user may do is the server's roles' business.
    public static func open(
        _ directory: DataDirectory, server: PostgresLocation? = nil, actor: String, program: String,
        defaultWipLimits: [Stage: WipLimit] = [:], themes: ThemeCatalog = .open, readingOnly: Bool = false
    ) throws -> Workspace {
        let store: any Store = if let server {
            try PostgresStore.open(server, directory: directory, actor: actor, program: program, defaultWipLimits: defaultWipLimits)
        } else {
            try AppDatabase.open(directory, actor: actor, program: program, defaultWipLimits: defaultWipLimits, readingOnly: readingOnly)
        }
        let workspace = Workspace(store: store, themes: themes)
        if !readingOnly { try workspace.seedChallenges() }
        return workspace
    }

    /// Adds the themes config.toml lists (`themes = [...]`) to the list of lokale opgaven, when not there yet.
    public func seedChallenges() throws {
        guard let fixed = themes.fixed, !fixed.isEmpty else { return }
        let known = Set(try store.challenges().map { TextSearch.fold($0.name) })
        let missing = try fixed.filter { !known.contains(TextSearch.fold($0)) }.map { try LocalChallenge(name: $0).validated() }
        if !missing.isEmpty { try store.addChallenges(missing, skipExisting: true) }
    }

    /// The themes ideas may carry: the lokale opgaven on the managed list and in config.toml; any theme while both are
    /// empty (a new portfolio).
    public func themeCatalog() throws -> ThemeCatalog {
        var names = try store.challenges().map(\.name)
        for name in themes.fixed ?? [] where !names.contains(where: { TextSearch.fold($0) == TextSearch.fold(name) }) {
            names.append(name)
        }
        return names.isEmpty ? .open : ThemeCatalog(fixed: names)
    }

    // MARK: Ideas

    /// Adds a new idea at the end of the proposed column.
    @discardableResult
    public func add(_ fields: IdeaFields) throws -> Idea {
        let applied = try store.apply(.create(try themeCatalog().checked(fields)), undoing: false)
        return try store.idea(applied.focus!)
    }

    // MARK: Intake

    /// Adds an idea from outside the team to the inbox, received on `receivedOn`, with who gets a reply (may be nil:
    /// nobody is forced to leave personal data). Its theme may stay empty until triage.
    @discardableResult
    public func addToInbox(_ fields: IdeaFields, receivedOn: DayDate, replyTo: String?) throws -> Idea {
        try store.addToInbox(try themeCatalog().checked(fields), receivedOn: receivedOn, replyTo: replyTo)
    }

    /// Accepts an idea from the inbox onto the board with a lokale opgave (checked against the list).
    @discardableResult
    public func accept(_ id: IdeaID, theme: String, today: DayDate) throws -> Intake {
        let canonical = try themeCatalog().canonical(theme)
        guard !canonical.isEmpty else { throw DomainError.acceptNeedsTheme }
        return try store.changeIntake(id, .accept(theme: canonical), today: today)
    }

    /// Declines an idea from the inbox with a reason: it leaves the board and stays in the history and exports.
    @discardableResult
    public func decline(_ id: IdeaID, reason: String, today: DayDate) throws -> Intake {
        try store.changeIntake(id, .decline(reason: reason), today: today)
    }

    /// Records who gets a reply (nil or empty: nobody named).
    @discardableResult
    public func setReplyContact(_ id: IdeaID, _ contact: String?, today: DayDate) throws -> Intake {
        try store.changeIntake(id, .replyTo(contact), today: today)
    }

    /// Records that the reply was sent on `day` (nil: not sent after all).
    @discardableResult
    public func markReplySent(_ id: IdeaID, on day: DayDate?, today: DayDate) throws -> Intake {
        try store.changeIntake(id, .replySent(day), today: today)
    }

    // MARK: Lokale opgaven

    /// Adds a lokale opgave to the list.
    public func addChallenge(_ challenge: LocalChallenge) throws {
        try store.addChallenges([try challenge.validated()], skipExisting: false)
    }

    /// Changes a lokale opgave; a new name is carried over to every idea that carries it.
    public func editChallenge(_ name: String, _ change: (inout LocalChallenge) -> Void) throws {
        let folded = TextSearch.fold(name.trimmingCharactersInWhitespace())
        let list = try store.challenges()
        guard var challenge = list.first(where: { TextSearch.fold($0.name) == folded }) else {
            throw DomainError.challengeNotFound(name, known: list.map(\.name))
        }
        let stored = challenge.name
        change(&challenge)
        try store.editChallenge(stored, to: try challenge.validated())
    }

    /// Removes a lokale opgave no idea carries.
    public func removeChallenge(_ name: String) throws {
        try store.removeChallenge(name.trimmingCharactersInWhitespace())
    }

    /// Marks a criteria set as the council's values.
    public func markValuesSet(_ name: String) throws {
        try store.markValuesSet(TextSanitizer.singleLine(name).trimmingCharactersInWhitespace())
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
        case .create(let fields): return .create(try themeCatalog().checked(fields))
        case .edit(let id, let fields): return .edit(id, try themeCatalog().checked(fields))
        case .editFrom(let id, let base, let edited) where edited.theme != base.theme:
            return .editFrom(id, base: base, edited: try themeCatalog().checked(edited))
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

    /// Saves a case note to the idea's current cycle; refused (`DomainError.personalDataInCase`) while it holds
    /// personal data: the submitters' names, e-mail addresses, phone numbers, BSNs, postcodes with house numbers.
    public func addCaseNote(_ note: CaseNote) throws -> CaseNote {
        try store.addCaseNote(note)
    }

    /// The personal data a case-note text holds, checked against the portfolio's submitters.
    public func personalData(in text: String) throws -> [PersonalDataFinding] {
        PersonalDataScan.findings(in: text, names: try store.submitterNames())
    }

    /// Merges one idea into another (history kept, the source stops as merged; one waiting in the inbox counts as triaged).
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

    /// Adds a criterion to the stored set, as a new version, read and written in one transaction, so several people
    /// adding at once lose nothing.
    @discardableResult
    public func addCriterion(_ criterion: Criterion, to name: String) throws -> CriteriaSet {
        try store.changeCriteria(name, .add(criterion))
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

    /// Sets or clears scores, checked against the session's scales; all or nothing. `channel` records how they were
    /// entered (the minutes say so).
    @discardableResult
    public func setScores(_ id: SessionID, _ changes: [(ScoreKey, Int?)], channel: ScoreChannel) throws -> WeighingSession {
        try store.changeSession(id, [.enter(changes.map { ScoreInput($0.0, $0.1.map(CellEntry.score), channel: channel) })])
    }

    /// Sets (or with nil clears) one score as the person saw the cell (`seen`): refused, naming what the cell holds,
    /// when another program entered, cleared or abstained there meanwhile, so no entry is overwritten unseen.
    public func setScore(_ id: SessionID, _ key: ScoreKey, _ value: Int?, seen: CellEntry?, channel: ScoreChannel) throws {
        _ = try store.changeSession(id, [.enter([ScoreInput(key, value.map(CellEntry.score), seen: SeenEntry(seen), channel: channel)])])
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
        _ id: SessionID, participant: String, idea: IdeaID, criterion: String, value: Int?, channel: ScoreChannel
    ) throws -> (WeighingSession, ScoreKey) {
        try enter(id, participant: participant, idea: idea, criterion: criterion, entry: value.map(CellEntry.score), channel: channel)
    }

    /// Enters a score or an abstention (or with nil clears the cell), named as a person names it.
    public func enter(
        _ id: SessionID, participant: String, idea: IdeaID, criterion: String, entry: CellEntry?, channel: ScoreChannel
    ) throws -> (WeighingSession, ScoreKey) {
        let key = try store.session(id).scoreKey(participant: participant, idea: idea, criterion: criterion)
        return (try store.changeSession(id, [.enter([ScoreInput(key, entry, channel: channel)])]), key)
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

    // MARK: Participants scoring for themselves

    /// This workspace for a second front end in the same process (the participants' page served by the board):
    /// changes recorded with `program`, and seen by this workspace as changes made elsewhere. Shares the open database
    /// rather than opening the file again.
    public func sibling(program: String) -> Workspace {
        Workspace(store: store.sibling(program: program))
    }

    /// The session a participant joins on their own terminal, with their index; refused for a name not in the session,
    /// a participant who was excluded, or a closed session.
    public func join(_ id: SessionID, as name: String) throws -> (session: WeighingSession, participant: Int) {
        let session = try store.session(id)
        let participant = try session.participantIndex(name)
        guard session.status != .closed else { throw DomainError.sessionClosed }
        guard session.excluded[participant] == nil else { throw DomainError.participantExcluded(session.participants[participant]) }
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

    /// Enters a score or an abstention (or with nil clears the cell) through a participant's own link: only their own
    /// cells, checked in the transaction that stores it (the link in use, the participant not excluded, the session not
    /// closed, the cell open in this round, the score on its scale).
    @discardableResult
    public func enter(
        through token: ParticipantToken, idea: IdeaID, criterion: Int, entry: CellEntry?
    ) throws -> (session: WeighingSession, participant: Int) {
        try store.enter(through: token, [(idea: idea, criterion: criterion, entry: entry)], channel: .web)
    }

    // MARK: Interchange and upkeep

    /// Imports a whole JSON export into an empty portfolio, every record checked first (`PortfolioImport`);
    /// a dry run only checks. Throws `ImportFailure` naming every problem; nothing is written then.
    public func importJSON(_ export: PortfolioExport, dryRun: Bool) throws -> ImportOutcome {
        let stored = try store.ideaTitles()
        let drafts = dryRun ? try store.checkImport(export) : try store.importAll(export)
        return ImportOutcome(drafts: drafts, duplicates: IdeaImport.likelyDuplicates(of: drafts, stored: stored))
    }

    /// Imports ideas from CSV text, every row checked (`IdeaImport`), all or none; a dry run only checks. Rows without a
    /// stage (a form tool's export) land in the inbox, received on the file's date or `today`; themes are checked against
    /// the list of lokale opgaven.
    public func importCSV(_ text: String, dryRun: Bool, today: DayDate? = nil) throws -> ImportOutcome {
        var drafts: [IdeaDraft] = []
        var duplicates: [ImportDuplicate] = []
        var chunk: [UInt8]? = Array(text.utf8)
        try importCSV(reading: { defer { chunk = nil }; return chunk }, dryRun: dryRun, today: today) { draft, found in
            drafts.append(draft)
            duplicates += found
        }
        return ImportOutcome(drafts: drafts, duplicates: duplicates)
    }

    /// Imports ideas from CSV read in one pass, chunk by chunk (`next` gives the next bytes, nil at the end), in one
    /// transaction. Three threads share the work: one reads and checks each record once as it arrives, one compares it
    /// (`CSVImportReader`: `IdeaCSVReader`, the theme against the lokale opgaven; one `DuplicateIndex` of the stored
    /// titles and the rows before it, searched within an import's budget), while this one writes the rows with prepared
    /// statements, a few batches behind.
    /// A row without a stage lands in the inbox, received on the file's date or `today` (the store's day when not given).
    /// `row` hears every checked row with its likely duplicates (at most one), in file order, as it is written, and
    /// `unknownColumns` the header's columns that name no field (their values are not read), at the end. All or
    /// none: any problem (`ImportFailure` names every one; a syntax error ends the reading: the problems before it and the syntax error) or
    /// error from `next` leaves the portfolio as it was. A dry run writes nothing. Returns how many ideas were imported.
    @discardableResult
    public func importCSV(
        reading next: @escaping () throws -> [UInt8]?, dryRun: Bool, today: DayDate? = nil,
        unknownColumns: ([String]) -> Void = { _ in }, row: (IdeaDraft, [ImportDuplicate]) -> Void
    ) throws -> Int {
        let catalog = try themeCatalog()
        let today = today ?? store.today()
        let source = ChunkSource(next: next)
        return try store.importIdeas(dryRun: dryRun) { writer in
            let reader = CSVImportReader(storedTitles: writer.storedTitles, catalog: catalog, today: today)
            let handOver = ImportHandOver<ImportStep, [String]>()
            Thread { reader.run(source.next, into: handOver) }.start()
            do {
                while let batch = try handOver.take() {
                    for step in batch {
                        if step.write { try writer.add(step.draft, arrival: step.arrival) }
                        row(step.draft, step.duplicates)
                    }
                }
            } catch {
                handOver.cancel()
                throw error
            }
            unknownColumns(handOver.outcome ?? [])
            return writer.count
        }
    }

    /// Imports already checked rows (the benchmark's generated file), all or none.
    public func importIdeas(_ rows: [(IdeaFields, Stage)]) throws {
        try store.importIdeas(rows)
    }

    /// Copies the database to a file.
    public func backup(to url: URL) throws -> URL {
        try store.backup(to: url)
    }

    /// Copies the database to a file, telling `progress` how many of how many pages are copied.
    public func backup(to url: URL, progress: (Int, Int) -> Void) throws -> URL {
        try store.backup(to: url, progress: progress)
    }

    /// A rolling backup for a reason (`manual`), telling `progress` how many of how many pages are copied.
    @discardableResult
    public func rollingBackup(reason: String, progress: (Int, Int) -> Void) throws -> URL? {
        try store.rollingBackup(reason: reason, progress: progress)
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

    /// Generates the benchmark data set, telling `progress` how many events are written.
    public func generateBenchmarkData(_ set: BenchmarkDataSet, now: Date, progress: (Int) -> Void) throws {
        try store.generateBenchmarkData(set, now: now, progress: progress)
    }

    /// Whether another program changed the portfolio since this one last looked or wrote.
    public func outsideChange() throws -> Bool {
        try store.outsideChange()
    }
}
