import Domain
import Foundation
import GRDB

extension AppDatabase {
    /// Every idea (or one theme's) with only what `LearningCapacity.measure` reads, in one transaction: each idea's stage,
    /// creation, source and what a stop taught; its cycles with their measurements; its intake; and of its history (and
    /// of the ideas merged into it, as `details` gives it) only the moves, merges and decisions, without the snapshots
    /// before them. The rest of each idea is left empty: these details are for the measure, not for showing.
    func learningDetails(theme: String? = nil) throws -> [IdeaDetail] {
        try read { db in
            var sql = "SELECT id, stage, createdAt, stopLearned, source FROM idea"
            var arguments: StatementArguments = []
            if let theme {
                sql += " WHERE theme = ? COLLATE NOCASE"
                arguments = [theme]
            }
            var ideas: [Idea] = []
            let rows = try Row.fetchCursor(db, sql: sql, arguments: arguments)
            while let row = try rows.next() {
                let raw: Int64 = try row.decode(atIndex: 0)
                let record = "#\(raw)"
                let created: Date = try row.decode(atIndex: 2)
                ideas.append(Idea(
                    id: IdeaID(raw),
                    fields: IdeaFields(
                        title: "",
                        source: try StoredValue.value(IdeaSource.self, (try row.decode(atIndex: 4)) as String?, table: "idea", record: record, field: "source")),
                    stage: try StoredValue.value(Stage.self, (try row.decode(atIndex: 1)) as String, table: "idea", record: record, field: "stage"),
                    position: 0, createdAt: created, updatedAt: created, stopLearned: try row.decode(atIndex: 3)))
            }
            var measurements: [Int64: [MetricMeasurement]] = [:]
            for record in try MeasurementRecord.order(Column("date"), Column("id")).fetchAll(db) {
                measurements[record.cycleId, default: []].append(try record.measurement)
            }
            var cycles: [Int64: [Cycle]] = [:]
            for record in try CycleRecord.order(Column("ideaId"), Column("number")).fetchAll(db) {
                cycles[record.ideaId, default: []].append(try record.cycle(measurements: measurements[record.id!] ?? []))
            }
            let intakes = try Self.intakesByIdea(db)
            let mergedInto = try Self.mergedInto(db)
            var history: [Int64: [HistoryEntry]] = [:]
            let events = try Row.fetchCursor(db, sql: """
                SELECT at, ideaId, kind, reason, after FROM event
                WHERE ideaId IS NOT NULL AND kind IN ('moved', 'merged', 'decisionSaved') ORDER BY id
                """)
            while let row = try events.next() {
                let idea: Int64 = try row.decode(atIndex: 1)
                let kind: EventKind = switch (try row.decode(atIndex: 2)) as String {
                case "moved": .moved
                case "merged": .merged
                default: .decisionSaved
                }
                let entry = HistoryEntry(at: try row.decode(atIndex: 0), actor: "", ideaID: IdeaID(idea), kind: kind,
                                         reason: try row.decode(atIndex: 3), before: nil, after: try row.decode(atIndex: 4))
                history[idea, default: []].append(entry)
                if let target = mergedInto[idea] { history[target, default: []].append(entry) }
            }
            return ideas.map { idea in
                let key = idea.id.rawValue
                var detail = IdeaDetail(idea: idea, cycles: cycles[key] ?? [], decisions: [], history: history[key] ?? [], cases: [])
                detail.intake = intakes[key]
                return detail
            }
        }
    }
}
