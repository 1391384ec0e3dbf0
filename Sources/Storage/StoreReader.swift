import Domain
import Foundation

/// Everything a front end may read from a portfolio store, whatever database holds it.
///
/// The SQLite store (`AppDatabase`) implements it; a server database can implement it too, so front ends and the
/// application layer never name GRDB, SQL or a file.
public protocol StoreReader: Sendable {
    /// Where the portfolio lives, for headers and messages.
    var directory: DataDirectory { get }
    /// Who this store records as the actor of its changes.
    var actor: String { get }
    /// Today in the local calendar, by the store's clock.
    func today() -> DayDate
    func summaries() throws -> [IdeaSummary]
    /// One screenful of the board: counts per stage and, per asked stage, a window of its (filtered) cards.
    func boardSlice(
        ranges: [Stage: Range<Int>], matching words: [String], inboxOnly: Bool, focus: IdeaID?, around: Int, counts: Bool,
        keep: [Stage: IdeaID], marked: [IdeaID]
    ) throws -> BoardSlice
    /// Every idea's id, title and stage, by id.
    func cardTitles() throws -> [(IdeaID, String, Stage)]
    /// The distinct themes of all ideas.
    func themes() throws -> [String]
    /// Titles of the given ideas (those that exist).
    func titles(of ids: [IdeaID]) throws -> [IdeaID: String]
    func idea(_ id: IdeaID) throws -> Idea
    func ideas(stage: Stage?, theme: String?) throws -> [Idea]
    func detail(_ id: IdeaID) throws -> IdeaDetail
    func details(theme: String?) throws -> [IdeaDetail]
    func history(_ id: IdeaID) throws -> [HistoryEntry]
    func countsByStage() throws -> [Stage: Int]
    func eventCount() throws -> Int
    func isEmpty() throws -> Bool
    func wipLimits() throws -> [Stage: WipLimit]
    func reviews(today: DayDate, within days: Int) throws -> (overdue: [DueReview], upcoming: [DueReview])
    func decision(_ id: DecisionID) throws -> ConsentDecision
    func decisions(idea: IdeaID?) throws -> [ConsentDecision]
    func stageChanges() throws -> [StageChange]
    func portfolio(today: DayDate, staleDays: Int, theme: String?) throws -> PortfolioMetrics
    /// Every idea's id and title, by id: what a `DuplicateIndex` is built from outside the board.
    func ideaTitles() throws -> [(IdeaID, String)]
    /// Checks a JSON export as an import would, writing nothing.
    func checkImport(_ export: PortfolioExport) throws -> [IdeaDraft]
    func criteriaSets() throws -> [CriteriaSet]
    func criteriaSet(_ name: String) throws -> CriteriaSet
    func session(_ id: SessionID) throws -> WeighingSession
    func sessions() throws -> [SessionSummary]
    func exportAll(includePersonal: Bool) throws -> PortfolioExport
    /// The same, telling `progress` how many records were read, now and then.
    func exportAll(includePersonal: Bool, progress: (Int) -> Void) throws -> PortfolioExport
    func health() throws -> HealthReport
    func backups() -> [URL]
    /// The learning-capacity figures of the portfolio (or one theme).
    func learningCapacity(today: DayDate, triageDays: Int, theme: String?) throws -> LearningCapacity
    /// Running experiments past their maximum duration, as reviews dated on their last allowed day.
    func pastMaxDuration(today: DayDate) throws -> [DueReview]
    /// The case notes of one idea (or all), oldest first.
    func caseNotes(idea: IdeaID?) throws -> [CaseNote]
    /// The submitters' names, which case notes must not hold.
    func submitterNames() throws -> [String]
    // Participants
    func participantLinks(_ id: SessionID) throws -> [ParticipantLink]
    func linkAccess(_ token: ParticipantToken) throws -> (session: WeighingSession, participant: Int)
    /// The intake of one idea; nil when it did not come in through the inbox.
    func intake(_ id: IdeaID) throws -> Intake?
    /// Every intake, by idea id.
    func intakes() throws -> [Intake]
    /// The managed list of lokale opgaven.
    func challenges() throws -> [LocalChallenge]
    /// The criteria set marked as the council's values, if any.
    func valuesSetName() throws -> String?
    /// The data's version (the change counter): the same as long as nothing was written, here or elsewhere.
    func dataVersion() throws -> Int64
}

extension StoreReader {
    /// Ideas in board order.
    public func ideas() throws -> [Idea] { try ideas(stage: nil, theme: nil) }
    /// Every idea with its cycles, decisions and history.
    public func details() throws -> [IdeaDetail] { try details(theme: nil) }
    /// All decisions, oldest first.
    public func decisions() throws -> [ConsentDecision] { try decisions(idea: nil) }
    /// Portfolio metrics over every theme.
    public func portfolio(today: DayDate, staleDays: Int) throws -> PortfolioMetrics {
        try portfolio(today: today, staleDays: staleDays, theme: nil)
    }
}
