import Domain
import Foundation
import GRDB
import PostgresNIO
@testable import Storage

/// The part of `Store` the PostgreSQL store implements so far: what the store contract tests run against both stores.
/// Grows with each operation `PostgresStore` gains; once it has all of `Store`, the contract runs against `any Store`.
protocol ContractStore: Sendable {
    var actor: String { get }
    var directory: DataDirectory { get }
    func today() -> DayDate
    func apply(_ change: IdeaChange, undoing: Bool) throws -> AppliedChange
    func applyAll(_ changes: [IdeaChange]) throws -> [AppliedChange]
    func summaries() throws -> [IdeaSummary]
    func idea(_ id: IdeaID) throws -> Idea
    func ideas(stage: Stage?, theme: String?) throws -> [Idea]
    func history(_ id: IdeaID) throws -> [HistoryEntry]
    func countsByStage() throws -> [Stage: Int]
    func eventCount() throws -> Int
    func isEmpty() throws -> Bool
    func dataVersion() throws -> Int64
    func outsideChange() throws -> Bool
    func wipLimits() throws -> [Stage: WipLimit]
    func setWipLimit(_ limit: WipLimit) throws
    func criteriaSets() throws -> [CriteriaSet]
    func criteriaSet(_ name: String) throws -> CriteriaSet
    func createCriteriaSet(_ name: String) throws
    func saveCriteriaSet(_ set: CriteriaSet, creating: Bool) throws
    func changeCriteria(_ name: String, _ change: CriteriaChange) throws -> CriteriaSet
    func valuesSetName() throws -> String?
    func markValuesSet(_ name: String) throws
    func createSession(_ session: WeighingSession) throws -> WeighingSession
    func session(_ id: SessionID) throws -> WeighingSession
    func sessions() throws -> [SessionSummary]
    func changeSession(_ id: SessionID, _ changes: [SessionChange]) throws -> WeighingSession
    func updateSession(_ session: WeighingSession) throws
    func closeSession(_ id: SessionID, allowIncomplete: Bool) throws -> WeighingSession
    func cardTitles() throws -> [(IdeaID, String, Stage)]
    func themes() throws -> [String]
    func titles(of ids: [IdeaID]) throws -> [IdeaID: String]
    func ideaTitles() throws -> [(IdeaID, String)]
    func reviews(today: DayDate, within days: Int) throws -> (overdue: [DueReview], upcoming: [DueReview])
    func decision(_ id: DecisionID) throws -> ConsentDecision
    func decisions(idea: IdeaID?) throws -> [ConsentDecision]
    func caseNotes(idea: IdeaID?) throws -> [CaseNote]
    func submitterNames() throws -> [String]
    func pastMaxDuration(today: DayDate) throws -> [DueReview]
    func addCaseNote(_ note: CaseNote) throws -> CaseNote
    func addToInbox(_ fields: IdeaFields, receivedOn: DayDate, replyTo: String?) throws -> Idea
    func intake(_ id: IdeaID) throws -> Intake?
    func intakes() throws -> [Intake]
    func changeIntake(_ id: IdeaID, _ step: IntakeStep, today: DayDate) throws -> Intake
    func challenges() throws -> [LocalChallenge]
    func addChallenges(_ list: [LocalChallenge], skipExisting: Bool) throws
    func editChallenge(_ name: String, to edited: LocalChallenge) throws
    func removeChallenge(_ name: String) throws
    func detail(_ id: IdeaID) throws -> IdeaDetail
    func details(theme: String?) throws -> [IdeaDetail]
    func stageChanges() throws -> [StageChange]
    func shareSession(_ id: SessionID, tokens: [ParticipantToken]) throws -> [ParticipantLink]
    func stopSharing(_ id: SessionID) throws -> Int
    func participantLinks(_ id: SessionID) throws -> [ParticipantLink]
    func linkAccess(_ token: ParticipantToken) throws -> (session: WeighingSession, participant: Int)
    func enter(
        through token: ParticipantToken, _ entries: [(idea: IdeaID, criterion: Int, entry: CellEntry?)], channel: ScoreChannel
    ) throws -> (session: WeighingSession, participant: Int)
    func merge(_ source: IdeaID, into target: IdeaID) throws
    func portfolio(today: DayDate, staleDays: Int, theme: String?) throws -> PortfolioMetrics
    func learningCapacity(today: DayDate, triageDays: Int, theme: String?) throws -> LearningCapacity
    func importIdeas(_ rows: [(IdeaFields, Stage)], arrivals: [Arrival?]) throws
    func importIdeas<T>(dryRun: Bool, _ body: (IdeaImportWriter) throws -> T) throws -> T
    func exportAll(includePersonal: Bool) throws -> PortfolioExport
    func exportAll(includePersonal: Bool, progress: (Int) -> Void) throws -> PortfolioExport
    func checkImport(_ export: PortfolioExport) throws -> [IdeaDraft]
    func importAll(_ export: PortfolioExport) throws -> [IdeaDraft]
    func boardSlice(
        ranges: [Stage: Range<Int>], matching words: [String], inboxOnly: Bool, focus: IdeaID?, around: Int, counts: Bool,
        keep: [Stage: IdeaID], marked: [IdeaID]
    ) throws -> BoardSlice
    func forget(submitter name: String) throws -> ForgetReport
    func recordCopy(_ url: URL)
    func deleteCopies(_ paths: [String]) throws -> [String]
    func seedDemo(now: Date) throws -> Int
    func generateBenchmarkData(_ set: BenchmarkDataSet, now: Date, progress: (Int) -> Void) throws
    func health() throws -> HealthReport
    func backups() -> [URL]
    /// `sibling(program:)`, as the contract's own kind of store.
    func contractSibling(program: String) -> any ContractStore
    /// Every value of every text column in every table: where a name may still be.
    func everyStoredText() throws -> [String]
}

extension ContractStore {
    /// Adds an idea and returns it.
    @discardableResult
    func add(_ fields: IdeaFields) throws -> Idea {
        try idea(try apply(.create(fields), undoing: false).focus!)
    }

    /// Carries out one change that is not an undo.
    @discardableResult
    func apply(_ change: IdeaChange) throws -> AppliedChange { try apply(change, undoing: false) }

    /// Sets or clears scores, entered on the board.
    @discardableResult
    func setScores(_ id: SessionID, _ changes: [(ScoreKey, Int?)]) throws -> WeighingSession {
        try changeSession(id, [.enter(changes.map { ScoreInput($0.0, $0.1.map(CellEntry.score), channel: .board) })])
    }

    /// One screenful of the board, without a filter unless `words` are given.
    func slice(
        _ ranges: [Stage: Range<Int>], words: [String] = [], inboxOnly: Bool = false, focus: IdeaID? = nil, around: Int = 0,
        counts: Bool = true, keep: [Stage: IdeaID] = [:], marked: [IdeaID] = []
    ) throws -> BoardSlice {
        try boardSlice(ranges: ranges, matching: words, inboxOnly: inboxOnly, focus: focus, around: around, counts: counts, keep: keep,
                       marked: marked)
    }

    /// Takes a change back (an undo or redo).
    @discardableResult
    func undo(_ change: IdeaChange) throws -> AppliedChange { try apply(change, undoing: true) }
}

extension AppDatabase: ContractStore {
    func contractSibling(program: String) -> any ContractStore {
        sibling(program: program) as! AppDatabase
    }

    func everyStoredText() throws -> [String] {
        try pool.read { db in
            var texts: [String] = []
            for table in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'") {
                for column in try db.columns(in: table) where column.type.uppercased().contains("TEXT") {
                    let name = column.name.quotedDatabaseIdentifier
                    texts += try String.fetchAll(db, sql: "SELECT \(name) FROM \(table.quotedDatabaseIdentifier) WHERE \(name) IS NOT NULL")
                }
            }
            return texts
        }
    }
}

extension PostgresStore: ContractStore {
    func contractSibling(program: String) -> any ContractStore {
        sibling(program: program) as! PostgresStore
    }

    func everyStoredText() throws -> [String] {
        let columns = try session.query("""
            SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema() AND data_type = 'text'
            """)
        var texts: [String] = []
        for column in columns {
            let table = PostgresSession.quoted(try column[0].decode(String.self))
            let name = PostgresSession.quoted(try column[1].decode(String.self))
            texts += try session.query(PostgresQuery(unsafeSQL: "SELECT \(name) FROM \(table) WHERE \(name) IS NOT NULL")).map {
                try $0[0].decode(String.self)
            }
        }
        return texts
    }
}

/// Where the PostgreSQL tests run: `PROEFTUIN_TEST_DATABASE_URL` (see scripts/pg-test-cluster.sh); nil skips them.
enum PostgresTestDatabase {
    static let url = ProcessInfo.processInfo.environment["PROEFTUIN_TEST_DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 }
    static var available: Bool { url != nil }

    static func location() throws -> PostgresLocation {
        try PostgresLocation.parse(url ?? "", environment: ProcessInfo.processInfo.environment)
    }

    /// A schema name no other test uses.
    static func freshSchema() -> String {
        "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(20)
    }
}

/// Opens the stores of one test: each opening is another program on the same portfolio (own connection or pool).
protocol StoreOpener: Sendable {
    var name: String { get }
    func open(actor: String, program: String, clock: TestClock) throws -> any ContractStore
    /// An opener of another, empty portfolio on the same kind of store (kept alive as long as its stores are used).
    func another() -> any StoreOpener
}

/// A SQLite portfolio in its own temporary data directory.
final class SQLiteOpener: StoreOpener, @unchecked Sendable {
    let temporary = TemporaryDirectory()
    var name: String { "SQLite" }
    func another() -> any StoreOpener { SQLiteOpener() }

    func open(actor: String, program: String, clock: TestClock) throws -> any ContractStore {
        try AppDatabase.open(temporary.dataDirectory, actor: actor, program: program, clock: { clock.now })
    }
}

/// A PostgreSQL portfolio in its own schema of the test database, dropped when the test ends.
final class PostgresOpener: StoreOpener, @unchecked Sendable {
    let schema = PostgresTestDatabase.freshSchema()
    /// The user's local data directory (drafts, exported copies), one per test.
    let temporary = TemporaryDirectory()
    private var opened: [PostgresStore] = []
    private let lock = NSLock()
    var name: String { "PostgreSQL" }
    func another() -> any StoreOpener { PostgresOpener() }

    func open(actor: String, program: String, clock: TestClock) throws -> any ContractStore {
        try openStore(actor: actor, program: program, clock: clock)
    }

    func openStore(actor: String = "tester", program: String = "cli", clock: TestClock = TestClock()) throws -> PostgresStore {
        let store = try PostgresStore.open(try PostgresTestDatabase.location(), directory: temporary.dataDirectory, actor: actor,
                                           program: program, clock: { clock.now }, schema: schema)
        lock.withLock { opened.append(store) }
        return store
    }

    deinit {
        // Through the first store whose connection still lives (a test may have had one ended by the server).
        for store in opened where (try? store.session.execute("DROP SCHEMA \(unescaped: PostgresSession.quoted(schema)) CASCADE")) != nil {
            break
        }
        for store in opened { store.close() }
    }
}
