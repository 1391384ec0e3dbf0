import Domain
import Foundation
import GRDB

extension AppDatabase {
    /// Stage changes from the event log (creations and moves), oldest first.
    public func stageChanges() throws -> [StageChange] {
        try read { db in
            let rows = try Row.fetchCursor(db, sql: """
                SELECT ideaId, at, kind, before, after, id, reason FROM event
                WHERE kind IN ('created', 'moved', 'restored', 'imported') ORDER BY id
                """)
            var changes: [StageChange] = []
            while let row = try rows.next() {
                guard let ideaID: Int64 = row[0] else { continue }
                let kind: String = row[2]
                let event: Int64 = row[5]
                // These events always record the stage after them (and a move the stage before it).
                let after: String? = row[4]
                guard let to = try StoredValue.stage(inSnapshot: after, table: "event", record: "event \(event)", field: "after") else {
                    throw StorageError.unreadableValue(table: "event", record: "event \(event)", field: "after", value: "NULL")
                }
                let from = kind == "moved"
                    ? try StoredValue.stage(inSnapshot: row[3], table: "event", record: "event \(event)", field: "before") : nil
                let isUndo = kind == "moved"
                    && HistoryEntry(at: row[1], actor: "", ideaID: IdeaID(ideaID), kind: .moved, reason: row[6], before: nil, after: after)
                        .takeBack == .undo
                changes.append(StageChange(idea: IdeaID(ideaID), at: row[1], from: from, to: to, isUndo: isUndo))
            }
            return changes
        }
    }

    /// The portfolio metrics for the portfolio view and reports.
    public func portfolio(today: DayDate, staleDays: Int, theme: String? = nil) throws -> PortfolioMetrics {
        let ideas = try self.ideas(theme: theme)
        let ids = Set(ideas.map(\.id))
        return PortfolioMetrics.compute(
            ideas: ideas.map { ($0.id, $0.fields.title, $0.fields.theme, $0.stage, DayDate.local($0.updatedAt), $0.reviewDate) },
            changes: try stageChanges().filter { ids.contains($0.idea) }, today: today, staleDays: staleDays,
            calendarDay: DayDate.local)
    }

    /// Ideas whose title and description look like the given ones, most similar first.
    public func likelyDuplicates(of fields: IdeaFields, excluding: IdeaID? = nil, limit: Int = 3) throws -> [(IdeaSummary, Double)] {
        let title = Similarity.trigrams(fields.title)
        let description = Similarity.trigrams(fields.description)
        return try read { db in
            var found: [(IdeaSummary, Double)] = []
            let rows = try Row.fetchCursor(db, sql: "SELECT id, title, description, stage FROM idea")
            while let row = try rows.next() {
                let id = IdeaID(row[0])
                if id == excluding { continue }
                let titleScore = Similarity.dice(title, Similarity.trigrams(row[1]))
                guard titleScore > 0.3 else { continue }
                let otherDescription: String = row[2]
                let score = description.isEmpty || otherDescription.isEmpty
                    ? titleScore : 0.7 * titleScore + 0.3 * Similarity.dice(description, Similarity.trigrams(otherDescription))
                if score >= Similarity.threshold {
                    let stage = try StoredValue.value(Stage.self, row[3] as String, table: "idea", record: "#\(id.rawValue)", field: "stage")
                    found.append((IdeaSummary(id: id, title: row[1], theme: "", tags: [], stage: stage, position: 0), score))
                }
            }
            return Array(found.sorted { $0.1 > $1.1 }.prefix(limit))
        }
    }
}
