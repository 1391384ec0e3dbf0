import Domain
import Foundation
import GRDB

extension AppDatabase {
    /// The WIP limit of every limited stage: stored ones, else the defaults.
    public func wipLimits() throws -> [Stage: WipLimit] {
        try read { db in try wipLimits(in: db) }
    }

    func wipLimits(in db: Database) throws -> [Stage: WipLimit] {
        var limits = defaultWipLimits
        for record in try WipLimitRecord.fetchAll(db) {
            let limit = try record.wipLimit
            limits[limit.stage] = limit
        }
        return limits
    }

    func wipLimit(for stage: Stage, in db: Database) throws -> WipLimit? {
        try wipLimits(in: db)[stage]
    }

    /// Sets a stage's WIP limit (recorded in the event log).
    public func setWipLimit(_ limit: WipLimit) throws {
        guard limit.limit >= 1 else { throw DomainError.invalidLimit(limit.limit) }
        try NumberKind.wipLimit.check(limit.limit)
        let now = clock()
        try write { db in
            let before = try wipLimits(in: db)[limit.stage]
            try WipLimitRecord(stage: limit.stage.rawValue, limit: limit.limit, hard: limit.hard).save(db)
            try appendEvent(db, idea: nil, kind: .wipLimitSet, before: before.map(EventJSON.encode), after: EventJSON.encode(limit), at: now)
        }
    }

    /// Reviews whose date has passed (`overdue`) or falls within `days` from `today` (`upcoming`), soonest first.
    public func reviews(today: DayDate, within days: Int) throws -> (overdue: [DueReview], upcoming: [DueReview]) {
        let horizon = today.adding(days: days)
        let all = try read { db in
            var reviews: [DueReview] = []
            let rows = try Row.fetchAll(db, sql: """
                SELECT id, title, stage, reviewDate FROM idea
                WHERE reviewDate IS NOT NULL AND stage IN ('experimenting', 'learning', 'scaling')
                """)
            for row in rows {
                let record = "#\(row[0] as DatabaseValue)"
                let stage = try StoredValue.value(Stage.self, (try row.decode(atIndex: 2)) as String, table: "idea", record: record, field: "stage")
                let date = try StoredValue.day((try row.decode(atIndex: 3)) as String, table: "idea", record: record, field: "reviewDate")
                reviews.append(DueReview(idea: IdeaID((try row.decode(atIndex: 0))), title: (try row.decode(atIndex: 1)), stage: stage, reviewDate: date,
                                         kind: stage == .scaling ? .decision : .experiment))
            }
            // Consented decisions other than scaling keep their own review date while the idea runs.
            let decisions = try Row.fetchAll(db, sql: """
                SELECT idea.id, idea.title, idea.stage, decision.reviewDate, decision.id FROM decision JOIN idea ON idea.id = decision.ideaId
                WHERE decision.outcome = 'consented' AND decision.kind != 'scale' AND idea.stage NOT IN ('stopped', 'proposed')
                """)
            for row in decisions {
                let stage = try StoredValue.value(Stage.self, (try row.decode(atIndex: 2)) as String, table: "idea", record: "#\(row[0] as DatabaseValue)", field: "stage")
                let date = try StoredValue.day(
                    (try row.decode(atIndex: 3)) as String, table: "decision", record: "D\(row[4] as DatabaseValue)", field: "reviewDate")
                reviews.append(DueReview(idea: IdeaID((try row.decode(atIndex: 0))), title: (try row.decode(atIndex: 1)), stage: stage, reviewDate: date, kind: .decision))
            }
            return reviews
        }
        let sorted = all.sorted { ($0.reviewDate, $0.idea) < ($1.reviewDate, $1.idea) }
        return (sorted.filter { $0.reviewDate < today }, sorted.filter { $0.reviewDate >= today && $0.reviewDate <= horizon })
    }

    /// One decision by id.
    public func decision(_ id: DecisionID) throws -> ConsentDecision {
        try read { db in
            guard let record = try DecisionRecord.fetchOne(db, key: id.rawValue) else {
                throw DomainErrorBox(error: .decisionNotFound(id.description))
            }
            return try record.decision
        }
    }

    /// All decisions, optionally of one idea, oldest first.
    public func decisions(idea: IdeaID? = nil) throws -> [ConsentDecision] {
        try read { db in
            var request = DecisionRecord.order(Column("id"))
            if let idea { request = request.filter(Column("ideaId") == idea.rawValue) }
            return try request.fetchAll(db).map { try $0.decision }
        }
    }
}
