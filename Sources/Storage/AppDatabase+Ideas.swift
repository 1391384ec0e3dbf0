import Domain
import Foundation
import GRDB

extension AppDatabase {
    /// Card summaries of every idea in board order (stage, then position): all the board reads. Declined ideas
    /// (intake) are left off the board; ideas waiting in the inbox carry the day they arrived.
    /// One scan sorted by SQLite; measured faster than one indexed query per stage (rowid look-ups).
    public func summaries() throws -> [IdeaSummary] {
        try read { db in
            // The few ideas waiting in the inbox or declined, read apart: a join would cost every card of a large board.
            let open = try Self.openIntake(db)
            let rows = try Row.fetchCursor(db, sql: """
                \(CardQuery.summarySelect)
                ORDER BY CASE idea.stage WHEN 'proposed' THEN 0 WHEN 'experimenting' THEN 1 WHEN 'learning' THEN 2
                WHEN 'scaling' THEN 3 ELSE 4 END, idea.position, idea.id
                """)
            var result: [IdeaSummary] = []
            result.reserveCapacity(1024)
            while let row = try rows.next() {
                let id: Int64 = (try row.decode(atIndex: 0))
                if !open.declined.isEmpty, open.declined.contains(id) { continue }
                result.append(try Self.summary(row, waiting: open.waiting))
            }
            return result
        }
    }

    /// The ideas waiting in the inbox (with the day each arrived) and those declined, read strictly: a status that is
    /// none of the four is named, never taken for "accepted".
    static func openIntake(_ db: Database) throws -> (waiting: [Int64: DayDate], declined: Set<Int64>) {
        var waiting: [Int64: DayDate] = [:]
        var declined = Set<Int64>()
        for row in try Row.fetchAll(db, sql: "SELECT ideaId, status, receivedOn FROM intake WHERE status NOT IN ('accepted', 'merged')") {
            let id: Int64 = try row.decode(atIndex: 0)
            let record = "intake of #\(id)"
            switch try StoredValue.value(IntakeStatus.self, (try row.decode(atIndex: 1)) as String, table: "intake", record: record, field: "status") {
            case .declined: declined.insert(id)
            case .inbox:
                let received: String = try row.decode(atIndex: 2)
                let day: DayDate = try StoredValue.day(received, table: "intake", record: record, field: "receivedOn")
                waiting[id] = day
            case .accepted, .merged: break
            }
        }
        return (waiting, declined)
    }

    /// A card summary from a row of `CardQuery.windowSelect`, read strictly.
    static func windowSummary(_ row: Row) throws -> IdeaSummary {
        let id: Int64 = (try row.decode(atIndex: 0))
        let received: String? = try row.decode(atIndex: 12)
        return try summary(row, inboxSince: try StoredValue.day(received, table: "intake", record: "intake of #\(id)", field: "receivedOn"))
    }

    /// A card summary from a row of `CardQuery.summarySelect`, read strictly; `waiting` gives the day an inbox idea arrived.
    static func summary(_ row: Row, waiting: [Int64: DayDate]) throws -> IdeaSummary {
        try summary(row, inboxSince: waiting.isEmpty ? nil : waiting[(try row.decode(atIndex: 0))])
    }

    /// A card summary from the columns of `CardQuery.summarySelect`, with the day it arrived when it waits in the inbox.
    private static func summary(_ row: Row, inboxSince: DayDate?) throws -> IdeaSummary {
        let id: Int64 = (try row.decode(atIndex: 0))
        let review: String? = (try row.decode(atIndex: 6))
        let score: Double? = (try row.decode(atIndex: 8))
        let rank: Int? = (try row.decode(atIndex: 9))
        var lastDay: DayDate? = nil
        if let started: Date = (try row.decode(atIndex: 10)), let text: String = (try row.decode(atIndex: 11)) {
            guard let duration = MaxDuration(parsing: text) else {
                throw StorageError.unreadableValue(table: "cycle", record: "cycle of #\(id)", field: "maxDuration", value: text)
            }
            lastDay = DayDate.local(started).adding(days: duration.days)
        }
        return IdeaSummary(
            id: IdeaID(id), title: (try row.decode(atIndex: 1)), theme: (try row.decode(atIndex: 2)),
            tagText: try StoredValue.tagText((try row.decode(atIndex: 3)) as String, table: "idea", record: "#\(id)", field: "tags"),
            stage: try StoredValue.value(Stage.self, (try row.decode(atIndex: 4)) as String, table: "idea", record: "#\(id)", field: "stage"),
            position: (try row.decode(atIndex: 5)),
            reviewDate: try StoredValue.day(review, table: "idea", record: "#\(id)", field: "reviewDate"),
            cycle: (try row.decode(atIndex: 7)),
            weighing: score.flatMap { score in rank.map { WeighingBadge(score: score, rank: $0) } }, lastAllowedDay: lastDay,
            inboxSince: inboxSince)
    }

    /// How many ideas wait in the inbox, after checking that no intake row has a status none of the four (read strictly,
    /// as `openIntake` does, without reading the inbox itself: both are index look-ups).
    static func inboxCount(_ db: Database) throws -> Int {
        if let row = try Row.fetchOne(db, sql: """
            SELECT ideaId, status FROM intake WHERE status < 'accepted' OR (status > 'accepted' AND status < 'declined')
            OR (status > 'declined' AND status < 'inbox') OR (status > 'inbox' AND status < 'merged') OR status > 'merged' LIMIT 1
            """) {
            let id: Int64 = try row.decode(atIndex: 0)
            _ = try StoredValue.value(IntakeStatus.self, (try row.decode(atIndex: 1)) as String, table: "intake", record: "intake of #\(id)", field: "status")
        }
        return try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM intake WHERE status = 'inbox'") ?? 0
    }

    /// Every intake record by idea, read strictly.
    static func intakesByIdea(_ db: Database) throws -> [Int64: Intake] {
        var intakes: [Int64: Intake] = [:]
        for record in try IntakeRecord.fetchAll(db) {
            let intake = try record.intake
            intakes[intake.ideaID.rawValue] = intake
        }
        return intakes
    }

    /// Which idea each merged idea went into.
    static func mergedInto(_ db: Database) throws -> [Int64: Int64] {
        var merged: [Int64: Int64] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT id, mergedInto FROM idea WHERE mergedInto IS NOT NULL") {
            merged[(try row.decode(atIndex: 0))] = (try row.decode(atIndex: 1))
        }
        return merged
    }

    /// One idea in full.
    public func idea(_ id: IdeaID) throws -> Idea {
        try read { db in
            guard let record = try IdeaRecord.fetchOne(db, key: id.rawValue) else {
                throw DomainErrorBox(error: .ideaNotFound(id))
            }
            return try record.idea
        }
    }

    /// Ideas in board order, optionally of one stage or theme (theme compared case-insensitively).
    public func ideas(stage: Stage? = nil, theme: String? = nil) throws -> [Idea] {
        try read { db in
            var request = IdeaRecord.all()
            if let stage { request = request.filter(IdeaRecord.Columns.stage == stage.rawValue) }
            if let theme { request = request.filter(IdeaRecord.Columns.theme.collating(.nocase) == theme) }
            let ordered = try request.fetchAll(db).map { try $0.idea }
            return ordered.sorted { lhs, rhs in
                (lhs.stage.columnIndex, lhs.position, lhs.id.rawValue) < (rhs.stage.columnIndex, rhs.position, rhs.id.rawValue)
            }
        }
    }

    /// One idea with its cycles, decisions and history: what the detail view and `show` need.
    public func detail(_ id: IdeaID) throws -> IdeaDetail {
        try read { db in
            guard let record = try IdeaRecord.fetchOne(db, key: id.rawValue) else {
                throw DomainErrorBox(error: .ideaNotFound(id))
            }
            let cycleRecords = try CycleRecord.filter(Column("ideaId") == id.rawValue).order(Column("number")).fetchAll(db)
            let cycles = try cycleRecords.map { cycle in
                let measurements = try MeasurementRecord.filter(Column("cycleId") == cycle.id!)
                    .order(Column("date"), Column("id")).fetchAll(db).map { try $0.measurement }
                return try cycle.cycle(measurements: measurements)
            }
            let decisions = try DecisionRecord.filter(Column("ideaId") == id.rawValue).order(Column("id")).fetchAll(db)
                .map { try $0.decision }
            let history = try Self.history(of: id, in: db)
            let cases = try CaseNoteRecord.filter(Column("ideaId") == id.rawValue).order(Column("date"), Column("id")).fetchAll(db)
                .map { try $0.note }
            var detail = IdeaDetail(idea: try record.idea, cycles: cycles, decisions: decisions, history: history, cases: cases)
            detail.intake = try IntakeRecord.fetchOne(db, key: id.rawValue)?.intake
            return detail
        }
    }

    /// Every idea (optionally of one theme) with its cycles, decisions and history, read in a few bulk queries.
    public func details(theme: String? = nil) throws -> [IdeaDetail] {
        let ideas = try self.ideas(theme: theme)
        return try read { db in
            var cycles: [Int64: [Cycle]] = [:]
            var measurements: [Int64: [MetricMeasurement]] = [:]
            for record in try MeasurementRecord.order(Column("date"), Column("id")).fetchAll(db) {
                measurements[record.cycleId, default: []].append(try record.measurement)
            }
            for record in try CycleRecord.order(Column("ideaId"), Column("number")).fetchAll(db) {
                cycles[record.ideaId, default: []].append(try record.cycle(measurements: measurements[record.id!] ?? []))
            }
            var decisions: [Int64: [ConsentDecision]] = [:]
            for record in try DecisionRecord.order(Column("id")).fetchAll(db) {
                decisions[record.ideaId, default: []].append(try record.decision)
            }
            var cases: [Int64: [CaseNote]] = [:]
            for record in try CaseNoteRecord.order(Column("date"), Column("id")).fetchAll(db) {
                cases[record.ideaId, default: []].append(try record.note)
            }
            let intakes = try Self.intakesByIdea(db)
            let mergedInto = try Self.mergedInto(db)
            var history: [Int64: [HistoryEntry]] = [:]
            let cursor = try Row.fetchCursor(
                db, sql: "SELECT at, actor, ideaId, kind, reason, before, after, id, program FROM event WHERE ideaId IS NOT NULL ORDER BY id")
            while let row = try cursor.next() {
                let idea: Int64 = (try row.decode(atIndex: 2))
                let kind = try StoredValue.value(
                    EventKind.self, (try row.decode(atIndex: 3)) as String, table: "event", record: "event \(row[7] as DatabaseValue)", field: "kind")
                let entry = HistoryEntry(at: (try row.decode(atIndex: 0)), actor: (try row.decode(atIndex: 1)), ideaID: IdeaID(idea), kind: kind, reason: (try row.decode(atIndex: 4)), before: (try row.decode(atIndex: 5)),
                                         after: (try row.decode(atIndex: 6)), program: (try row.decode(atIndex: 8)))
                history[idea, default: []].append(entry)
                if let target = mergedInto[idea] { history[target, default: []].append(entry) }
            }
            return ideas.map { idea in
                let key = idea.id.rawValue
                var detail = IdeaDetail(idea: idea, cycles: cycles[key] ?? [], decisions: decisions[key] ?? [], history: history[key] ?? [],
                                        cases: cases[key] ?? [])
                detail.intake = intakes[key]
                return detail
            }
        }
    }

    /// The event-log rows of one idea and of the ideas merged into it, oldest first.
    public func history(_ id: IdeaID) throws -> [HistoryEntry] {
        try read { db in try Self.history(of: id, in: db) }
    }

    static func history(of id: IdeaID, in db: Database) throws -> [HistoryEntry] {
        try EventRecord.fetchAll(
            db, sql: "SELECT * FROM event WHERE ideaId = ? OR ideaId IN (SELECT id FROM idea WHERE mergedInto = ?) ORDER BY id",
            arguments: [id.rawValue, id.rawValue]
        ).map { try $0.entry }
    }

    /// Number of ideas per stage as the board and the WIP limits count them: ideas declined at intake left out.
    public func countsByStage() throws -> [Stage: Int] {
        try read { db in try Self.boardCountsByStage(db) }
    }

    /// Ideas per stage, counted by SQLite (the stage index), inside a read the caller holds.
    /// `condition` (SQL over `idea`) narrows the ideas counted.
    static func countsByStage(_ db: Database, where condition: String = "1") throws -> [Stage: Int] {
        var counts: [Stage: Int] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT stage, COUNT(*), MIN(id) FROM idea WHERE \(condition) GROUP BY stage") {
            let stage = try StoredValue.value(Stage.self, (try row.decode(atIndex: 0)) as String, table: "idea", record: "#\(row[2] as DatabaseValue)", field: "stage")
            counts[stage] = (try row.decode(atIndex: 1))
        }
        return counts
    }

    /// Number of event-log rows.
    public func eventCount() throws -> Int {
        try read { db in try EventRecord.fetchCount(db) }
    }

    /// Adds a new idea at the end of the proposed column and returns it.
    @discardableResult
    public func add(_ fields: IdeaFields) throws -> Idea {
        let applied = try apply(.create(fields))
        return try idea(applied.focus!)
    }

    /// Carries out several changes in one transaction: all of them, or none.
    @discardableResult
    public func applyAll(_ changes: [IdeaChange]) throws -> [AppliedChange] {
        let now = clock()
        return try write { db in
            do {
                let writer = ChangeWriter(database: self, db: db, now: now)
                return try changes.map(writer.apply)
            } catch let error as DomainError {
                throw DomainErrorBox(error: error)
            }
        }
    }

    /// Today in the local calendar, by this database's clock.
    public func today() -> DayDate { DayDate.local(clock()) }

    /// Carries out one change with its event-log row in a single transaction; returns how to undo it.
    /// `undoing` marks an undo or redo: a refusal then says nothing was undone.
    @discardableResult
    public func apply(_ change: IdeaChange, undoing: Bool = false) throws -> AppliedChange {
        let now = clock()
        return try write { db in
            do {
                return try ChangeWriter(database: self, db: db, now: now, undoing: undoing).apply(change)
            } catch let error as DomainError {
                throw DomainErrorBox(error: error)
            }
        }
    }
}

