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
                guard let ideaID: Int64 = (try row.decode(atIndex: 0)) else { continue }
                let kind: String = (try row.decode(atIndex: 2))
                let event: Int64 = (try row.decode(atIndex: 5))
                // These events always record the stage after them (and a move the stage before it).
                let after: String? = (try row.decode(atIndex: 4))
                guard let to = try StoredValue.stage(inSnapshot: after, table: "event", record: "event \(event)", field: "after") else {
                    throw StorageError.unreadableValue(table: "event", record: "event \(event)", field: "after", value: "NULL")
                }
                let from = kind == "moved"
                    ? try StoredValue.stage(inSnapshot: (try row.decode(atIndex: 3)), table: "event", record: "event \(event)", field: "before") : nil
                let at: Date = try row.decode(atIndex: 1)
                let reason: String? = try row.decode(atIndex: 6)
                let isUndo = kind == "moved"
                    && HistoryEntry(at: at, actor: "", ideaID: IdeaID(ideaID), kind: .moved, reason: reason, before: nil, after: after)
                        .takeBack == .undo
                changes.append(StageChange(idea: IdeaID(ideaID), at: at, from: from, to: to, isUndo: isUndo))
            }
            return changes
        }
    }

    /// The portfolio metrics for the portfolio view and reports.
    public func portfolio(today: DayDate, staleDays: Int, theme: String? = nil) throws -> PortfolioMetrics {
        // Only the columns the metrics use, read strictly, instead of every idea in full (issue 17: 100,000 ideas).
        let ideas = try read { db in
            var ideas: [(id: IdeaID, title: String, theme: String, stage: Stage, updated: DayDate, review: DayDate?)] = []
            let rows = try Row.fetchCursor(db, sql: """
                SELECT id, title, theme, stage, updatedAt, reviewDate FROM idea
                """ + (theme == nil ? "" : " WHERE theme = ? COLLATE NOCASE"), arguments: StatementArguments(theme.map { [$0] } ?? []))
            while let row = try rows.next() {
                let id: Int64 = try row.decode(atIndex: 0)
                let updated: Date = try row.decode(atIndex: 4)
                ideas.append((IdeaID(id), try row.decode(atIndex: 1), try row.decode(atIndex: 2),
                              try StoredValue.value(Stage.self, (try row.decode(atIndex: 3)) as String, table: "idea", record: "#\(id)", field: "stage"),
                              DayDate.local(updated),
                              try StoredValue.day((try row.decode(atIndex: 5)) as String?, table: "idea", record: "#\(id)", field: "reviewDate")))
            }
            return ideas
        }
        let ids = Set(ideas.map(\.id))
        return PortfolioMetrics.compute(
            ideas: ideas, changes: try stageChanges().filter { ids.contains($0.idea) }, today: today, staleDays: staleDays,
            calendarDay: DayDate.local)
    }

    /// Every idea's id and title, by id: what a `DuplicateIndex` is built from outside the board.
    public func ideaTitles() throws -> [(IdeaID, String)] {
        try read { db in
            var titles: [(IdeaID, String)] = []
            let rows = try Row.fetchCursor(db, sql: "SELECT id, title FROM idea ORDER BY id")
            while let row = try rows.next() { titles.append((IdeaID((try row.decode(atIndex: 0))), (try row.decode(atIndex: 1)))) }
            return titles
        }
    }
}
