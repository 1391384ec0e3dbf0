import Domain
import Foundation
import PostgresNIO

extension PostgresStore {
    /// Card summaries of every idea in board order (stage, then position, then id): all the board reads. Declined ideas
    /// (intake) are left off the board; ideas waiting in the inbox carry the day they arrived.
    public func summaries() throws -> [IdeaSummary] {
        try read {
            let open = try openIntake()
            let rows = try session.query("""
                \(unescaped: CardQuery.summarySelect)
                ORDER BY CASE idea.stage WHEN 'proposed' THEN 0 WHEN 'experimenting' THEN 1 WHEN 'learning' THEN 2
                WHEN 'scaling' THEN 3 ELSE 4 END, idea.position, idea.id
                """)
            var result: [IdeaSummary] = []
            result.reserveCapacity(rows.count)
            for row in rows {
                let id = try row[0].decode(Int64.self)
                if open.declined.contains(id) { continue }
                result.append(try Self.summary(row, waiting: open.waiting))
            }
            return result
        }
    }

    /// The ideas waiting in the inbox (with the day each arrived) and those declined, read strictly.
    func openIntake() throws -> (waiting: [Int64: DayDate], declined: Set<Int64>) {
        var waiting: [Int64: DayDate] = [:]
        var declined = Set<Int64>()
        for row in try session.query("SELECT ideaId, status, receivedOn FROM intake WHERE status NOT IN ('accepted', 'merged')") {
            let id = try row[0].decode(Int64.self)
            let record = "intake of #\(id)"
            switch try StoredValue.value(IntakeStatus.self, try row[1].decode(String.self), table: "intake", record: record, field: "status") {
            case .declined: declined.insert(id)
            case .inbox:
                let received = try row[2].decode(String.self)
                let day: DayDate = try StoredValue.day(received, table: "intake", record: record, field: "receivedOn")
                waiting[id] = day
            case .accepted, .merged: break
            }
        }
        return (waiting, declined)
    }

    /// How many ideas wait in the inbox, without reading them; a damaged intake status is named (read strictly).
    func inboxCount() throws -> Int {
        let known = IntakeStatus.allCases.map(\.rawValue)
        if let row = try session.query("SELECT ideaId, status FROM intake WHERE status <> ALL(\(known)::text[]) LIMIT 1").first {
            let id = try row[0].decode(Int64.self)
            _ = try StoredValue.value(IntakeStatus.self, try row[1].decode(String.self), table: "intake", record: "intake of #\(id)", field: "status")
        }
        return try session.query("SELECT COUNT(*) FROM intake WHERE status = 'inbox'").first?[0].decode(Int.self) ?? 0
    }

    /// A card summary from a row of `CardQuery.windowSelect`, read strictly.
    static func windowSummary(_ row: PostgresRandomAccessRow) throws -> IdeaSummary {
        let id = try row[0].decode(Int64.self)
        let received = try row[12].decode(String?.self)
        return try summary(row, inboxSince: try StoredValue.day(received, table: "intake", record: "intake of #\(id)", field: "receivedOn"))
    }

    /// A card summary from a row of `CardQuery.summarySelect`, read strictly; `waiting` gives the day an inbox idea arrived.
    static func summary(_ row: PostgresRandomAccessRow, waiting: [Int64: DayDate]) throws -> IdeaSummary {
        try summary(row, inboxSince: waiting.isEmpty ? nil : waiting[try row[0].decode(Int64.self)])
    }

    /// A card summary from the columns of `CardQuery.summarySelect`, with the day it arrived when it waits in the inbox.
    private static func summary(_ row: PostgresRandomAccessRow, inboxSince: DayDate?) throws -> IdeaSummary {
        let id = try row[0].decode(Int64.self)
        let review = try row[6].decode(String?.self)
        let score = try row[8].decode(Double?.self)
        let rank = try row[9].decode(Int?.self)
        var lastDay: DayDate? = nil
        if let startedText = try row[10].decode(String?.self), let text = try row[11].decode(String?.self) {
            guard let started = Date.fromDatabaseValue(startedText.databaseValue) else {
                throw StorageError.unreadableValue(table: "cycle", record: "cycle of #\(id)", field: "startedAt", value: startedText)
            }
            guard let duration = MaxDuration(parsing: text) else {
                throw StorageError.unreadableValue(table: "cycle", record: "cycle of #\(id)", field: "maxDuration", value: text)
            }
            lastDay = DayDate.local(started).adding(days: duration.days)
        }
        return IdeaSummary(
            id: IdeaID(id), title: try row[1].decode(String.self), theme: try row[2].decode(String.self),
            tagText: try StoredValue.tagText(try row[3].decode(String.self), table: "idea", record: "#\(id)", field: "tags"),
            stage: try StoredValue.value(Stage.self, try row[4].decode(String.self), table: "idea", record: "#\(id)", field: "stage"),
            position: try row[5].decode(Int64.self),
            reviewDate: try StoredValue.day(review, table: "idea", record: "#\(id)", field: "reviewDate"),
            cycle: try row[7].decode(Int.self),
            weighing: score.flatMap { score in rank.map { WeighingBadge(score: score, rank: $0) } }, lastAllowedDay: lastDay,
            inboxSince: inboxSince)
    }

    /// One idea in full.
    public func idea(_ id: IdeaID) throws -> Idea {
        guard let idea = try fetchIdea(id) else { throw DomainError.ideaNotFound(id) }
        return idea
    }

    /// One idea, nil when there is none with this id (inside a transaction or not).
    func fetchIdea(_ id: IdeaID) throws -> Idea? {
        try session.query("SELECT * FROM idea WHERE id = \(id.rawValue)").first.map { row in
            try PostgresRowDecoder.decode(IdeaRecord.self, row, table: "idea").idea
        }
    }

    /// Ideas in board order, optionally of one stage or theme (theme compared ignoring ASCII case, as SQLite's NOCASE does).
    public func ideas(stage: Stage? = nil, theme: String? = nil) throws -> [Idea] {
        let rows = try session.query("""
            SELECT * FROM idea WHERE (\(stage?.rawValue)::text IS NULL OR stage = \(stage?.rawValue))
            AND (\(theme)::text IS NULL OR proeftuin_nocase(theme) = proeftuin_nocase(\(theme)))
            """)
        let ideas = try rows.map { try PostgresRowDecoder.decode(IdeaRecord.self, $0, table: "idea").idea }
        return ideas.sorted { lhs, rhs in
            (lhs.stage.columnIndex, lhs.position, lhs.id.rawValue) < (rhs.stage.columnIndex, rhs.position, rhs.id.rawValue)
        }
    }

    /// The event-log rows of one idea and of the ideas merged into it, oldest first.
    public func history(_ id: IdeaID) throws -> [HistoryEntry] {
        try session.query("""
            SELECT * FROM event WHERE ideaId = \(id.rawValue) OR ideaId IN (SELECT id FROM idea WHERE mergedInto = \(id.rawValue))
            ORDER BY id
            """).map { try PostgresRowDecoder.decode(EventRecord.self, $0, table: "event").entry }
    }

    /// Number of ideas per stage as the board and the WIP limits count them: ideas declined at intake left out (as
    /// `AppDatabase.countsByStage`).
    public func countsByStage() throws -> [Stage: Int] {
        var counts: [Stage: Int] = [:]
        for row in try session.query("""
            SELECT stage, COUNT(*), MIN(id) FROM idea
            WHERE id NOT IN (SELECT ideaId FROM intake WHERE status = 'declined') GROUP BY stage
            """) {
            let stage = try StoredValue.value(Stage.self, try row[0].decode(String.self), table: "idea",
                                              record: "#\((try? row[2].decode(Int64.self)) ?? 0)", field: "stage")
            counts[stage] = try row[1].decode(Int.self)
        }
        return counts
    }

    /// The ideas of one column of the board (declined ideas left off): what its WIP limit counts (as
    /// `AppDatabase.boardCount(of:_:)`), inside the caller's transaction.
    func boardCount(of stage: Stage) throws -> Int {
        try session.query("""
            SELECT COUNT(*) FROM idea
            WHERE stage = \(stage.rawValue) AND id NOT IN (SELECT ideaId FROM intake WHERE status = 'declined')
            """).first?[0].decode(Int.self) ?? 0
    }

    /// One past the highest position in a column, inside the caller's transaction; a position at the very top of the
    /// range is a damaged value (`NextPosition`, as on SQLite).
    func nextPosition(in stage: Stage) throws -> Int64 {
        let row = try session.query("SELECT id, position FROM idea WHERE stage = \(stage.rawValue) ORDER BY position DESC LIMIT 1").first
        return try NextPosition.after(try row.map { (try $0[0].decode(Int64.self), try $0[1].decode(Int64.self)) })
    }

    /// Number of event-log rows.
    public func eventCount() throws -> Int {
        try session.query("SELECT COUNT(*) FROM event").first?[0].decode(Int.self) ?? 0
    }

    /// Whether the portfolio holds no idea.
    public func isEmpty() throws -> Bool {
        try session.query("SELECT NOT EXISTS (SELECT 1 FROM idea)").first?[0].decode(Bool.self) ?? true
    }

    /// Adds a new idea at the end of the proposed column and returns it.
    @discardableResult
    public func add(_ fields: IdeaFields) throws -> Idea {
        let applied = try apply(.create(fields))
        return try idea(applied.focus!)
    }

    /// Carries out one change with its event-log row in a single transaction; returns how to undo it.
    /// `undoing` marks an undo or redo: a refusal then says nothing was undone.
    @discardableResult
    public func apply(_ change: IdeaChange, undoing: Bool = false) throws -> AppliedChange {
        let now = clock()
        return try write { try ChangeWriter(postgres: self, now: now, undoing: undoing).apply(change) }
    }

    /// Carries out several changes in one transaction: all of them, or none.
    @discardableResult
    public func applyAll(_ changes: [IdeaChange]) throws -> [AppliedChange] {
        let now = clock()
        return try write {
            let writer = ChangeWriter(postgres: self, now: now)
            return try changes.map(writer.apply)
        }
    }
}
