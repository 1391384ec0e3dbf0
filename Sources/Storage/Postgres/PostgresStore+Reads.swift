import Domain
import Foundation
import PostgresNIO

extension PostgresStore {
    /// The ideas on the board: all but those declined in the inbox.
    static let onBoard = "idea.id NOT IN (SELECT ideaId FROM intake WHERE status = 'declined')"

    /// Every idea's id, title and stage, by id: what the board's likely-duplicate index is built from.
    public func cardTitles() throws -> [(IdeaID, String, Stage)] {
        try session.query(PostgresQuery(unsafeSQL: "SELECT id, title, stage FROM idea WHERE \(Self.onBoard) ORDER BY id")).map { row in
            let id = try row[0].decode(Int64.self)
            return (IdeaID(id), try row[1].decode(String.self),
                    try StoredValue.value(Stage.self, try row[2].decode(String.self), table: "idea", record: "#\(id)", field: "stage"))
        }
    }

    /// The distinct themes of all ideas on the board, for suggestions while a theme is typed (by byte order).
    public func themes() throws -> [String] {
        try session.query(PostgresQuery(unsafeSQL: "SELECT DISTINCT theme FROM idea WHERE \(Self.onBoard) ORDER BY theme"))
            .map { try $0[0].decode(String.self) }
    }

    /// Titles of the given ideas (those that exist).
    public func titles(of ids: [IdeaID]) throws -> [IdeaID: String] {
        var titles: [IdeaID: String] = [:]
        for row in try session.query("SELECT id, title FROM idea WHERE id = ANY(\(ids.map(\.rawValue))::bigint[])") {
            titles[IdeaID(try row[0].decode(Int64.self))] = try row[1].decode(String.self)
        }
        return titles
    }

    /// Every idea's id and title, by id: what a `DuplicateIndex` is built from outside the board.
    public func ideaTitles() throws -> [(IdeaID, String)] {
        try session.query("SELECT id, title FROM idea ORDER BY id").map { (IdeaID(try $0[0].decode(Int64.self)), try $0[1].decode(String.self)) }
    }

    /// Reviews whose date has passed (`overdue`) or falls within `days` from `today` (`upcoming`), soonest first.
    public func reviews(today: DayDate, within days: Int) throws -> (overdue: [DueReview], upcoming: [DueReview]) {
        let horizon = today.adding(days: days)
        let all = try read {
            var reviews: [DueReview] = []
            for row in try session.query("""
                SELECT id, title, stage, reviewDate FROM idea
                WHERE reviewDate IS NOT NULL AND stage IN ('experimenting', 'learning', 'scaling')
                """) {
                let id = try row[0].decode(Int64.self)
                let stage = try StoredValue.value(Stage.self, try row[2].decode(String.self), table: "idea", record: "#\(id)", field: "stage")
                let date: DayDate = try StoredValue.day(try row[3].decode(String.self), table: "idea", record: "#\(id)", field: "reviewDate")
                reviews.append(DueReview(idea: IdeaID(id), title: try row[1].decode(String.self), stage: stage, reviewDate: date,
                                         kind: stage == .scaling ? .decision : .experiment))
            }
            // Consented decisions other than scaling keep their own review date while the idea runs.
            for row in try session.query("""
                SELECT idea.id, idea.title, idea.stage, decision.reviewDate, decision.id FROM decision JOIN idea ON idea.id = decision.ideaId
                WHERE decision.outcome = 'consented' AND decision.kind != 'scale' AND idea.stage NOT IN ('stopped', 'proposed')
                """) {
                let id = try row[0].decode(Int64.self)
                let stage = try StoredValue.value(Stage.self, try row[2].decode(String.self), table: "idea", record: "#\(id)", field: "stage")
                let decision = try row[4].decode(Int64.self)
                let date: DayDate = try StoredValue.day(try row[3].decode(String.self), table: "decision", record: "D\(decision)",
                                                        field: "reviewDate")
                reviews.append(DueReview(idea: IdeaID(id), title: try row[1].decode(String.self), stage: stage, reviewDate: date, kind: .decision))
            }
            return reviews
        }
        let sorted = all.sorted { ($0.reviewDate, $0.idea) < ($1.reviewDate, $1.idea) }
        return (sorted.filter { $0.reviewDate < today }, sorted.filter { $0.reviewDate >= today && $0.reviewDate <= horizon })
    }

    /// One decision by id.
    public func decision(_ id: DecisionID) throws -> ConsentDecision {
        guard let row = try session.query("SELECT * FROM decision WHERE id = \(id.rawValue)").first else {
            throw DomainError.decisionNotFound(id.description)
        }
        return try PostgresRowDecoder.decode(DecisionRecord.self, row, table: "decision").decision
    }

    /// All decisions, optionally of one idea, oldest first.
    public func decisions(idea: IdeaID? = nil) throws -> [ConsentDecision] {
        try session.query("SELECT * FROM decision WHERE \(idea?.rawValue)::bigint IS NULL OR ideaId = \(idea?.rawValue) ORDER BY id")
            .map { try PostgresRowDecoder.decode(DecisionRecord.self, $0, table: "decision").decision }
    }

    /// The case notes of one idea (or all), oldest first.
    public func caseNotes(idea: IdeaID?) throws -> [CaseNote] {
        try session.query("SELECT * FROM caseNote WHERE \(idea?.rawValue)::bigint IS NULL OR ideaId = \(idea?.rawValue) ORDER BY date, id")
            .map { try PostgresRowDecoder.decode(CaseNoteRecord.self, $0, table: "caseNote").note }
    }

    /// The names of the portfolio's submitters: the people a case note must not name.
    public func submitterNames() throws -> [String] {
        try session.query("SELECT DISTINCT submitter FROM idea WHERE submitter IS NOT NULL AND submitter != '' ORDER BY submitter")
            .map { try $0[0].decode(String.self) }
    }

    /// Running experiments past their maximum duration (started + maximum duration < today), longest overdue first;
    /// each `reviewDate` is the last day the experiment was allowed to run.
    public func pastMaxDuration(today: DayDate) throws -> [DueReview] {
        let found = try session.query("""
            SELECT idea.id, idea.title, cycle.startedAt, cycle.maxDuration FROM idea
            JOIN cycle ON cycle.ideaId = idea.id AND cycle.number = idea.cycleCount
            WHERE idea.stage = 'experimenting' AND cycle.maxDuration IS NOT NULL
            """).map { row -> DueReview in
            let id = try row[0].decode(Int64.self)
            let text = try row[3].decode(String.self)
            guard let duration = MaxDuration(parsing: text) else {
                throw StorageError.unreadableValue(table: "cycle", record: "cycle of #\(id)", field: "maxDuration", value: text)
            }
            let startedText = try row[2].decode(String.self)
            guard let started = PostgresTime.date(startedText) else {
                throw StorageError.unreadableValue(table: "cycle", record: "cycle of #\(id)", field: "startedAt", value: startedText)
            }
            return DueReview(idea: IdeaID(id), title: try row[1].decode(String.self), stage: .experimenting,
                             reviewDate: DayDate.local(started).adding(days: duration.days), kind: .maxDuration)
        }
        return found.filter { $0.reviewDate < today }.sorted { ($0.reviewDate, $0.idea) < ($1.reviewDate, $1.idea) }
    }

    /// Saves a case note to the idea's current cycle, refused while it holds personal data (checked against the
    /// submitters in the same transaction). The event row names the note, never its text.
    @discardableResult
    public func addCaseNote(_ note: CaseNote) throws -> CaseNote {
        let now = clock()
        return try write {
            guard let idea = try fetchIdea(note.idea) else { throw DomainError.ideaNotFound(note.idea) }
            var clean = try note.validated(names: try submitterNames())
            clean.cycle = idea.cycleCount > 0 ? idea.cycleCount : nil
            var record = CaseNoteRecord(clean, createdAt: now)
            record.id = nil
            guard let row = try session.query(PostgresRecordEncoder.insert(record, into: "caseNote", omitting: ["id"], returning: "id")).first else {
                throw PostgresStoreError.serverError(server: location.redacted, code: "?", detail: "no id returned for a new case note")
            }
            clean.id = try row[0].decode(Int64.self)
            try appendEvent(idea: note.idea, kind: .caseNoted,
                            after: EventJSON.encode(CaseNoteEvent(caseNote: clean.id!, cycle: clean.cycle, publishable: clean.publishable)),
                            at: now)
            return clean
        }
    }
}
