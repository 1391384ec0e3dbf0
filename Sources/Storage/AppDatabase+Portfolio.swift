import Domain
import Foundation
import GRDB

extension AppDatabase {
    /// Stage changes from the event log (creations and moves), oldest first.
    public func stageChanges() throws -> [StageChange] {
        try read { db in try Self.stageChanges(db) }
    }

    /// Stage changes from the event log (creations and moves), oldest first, read in the caller's transaction.
    static func stageChanges(_ db: Database) throws -> [StageChange] {
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

    /// The portfolio metrics for the portfolio view and reports; declined ideas from the inbox are left out (they left
    /// the board). `PortfolioMetrics.compute` defines them; this reads only the columns it uses, in one transaction.
    public func portfolio(today: DayDate, staleDays: Int, theme: String? = nil) throws -> PortfolioMetrics {
        try read { db in
            let declined = Set(try Int64.fetchAll(db, sql: Self.declinedIDs))
            var sql = "SELECT id, title, theme, stage, updatedAt, reviewDate FROM idea"
            var arguments: StatementArguments = []
            if let theme {
                sql += " WHERE theme = ? COLLATE NOCASE"
                arguments = [theme]
            }
            var ideas: [(id: IdeaID, title: String, theme: String, stage: Stage, updated: DayDate, review: DayDate?)] = []
            var ids = Set<IdeaID>()
            let rows = try Row.fetchCursor(db, sql: sql, arguments: arguments)
            while let row = try rows.next() {
                let raw: Int64 = try row.decode(atIndex: 0)
                guard !declined.contains(raw) else { continue }
                let record = "#\(raw)"
                let id = IdeaID(raw)
                let title: String = try row.decode(atIndex: 1)
                let ideaTheme: String = try row.decode(atIndex: 2)
                let stage = try StoredValue.value(Stage.self, (try row.decode(atIndex: 3)) as String, table: "idea", record: record, field: "stage")
                let updated: Date = try row.decode(atIndex: 4)
                let review = try StoredValue.day((try row.decode(atIndex: 5)) as String?, table: "idea", record: record, field: "reviewDate")
                ideas.append((id, title, ideaTheme, stage, DayDate.local(updated), review))
                ids.insert(id)
            }
            return PortfolioMetrics.compute(
                ideas: ideas, changes: try Self.stageChanges(db).filter { ids.contains($0.idea) }, today: today, staleDays: staleDays,
                calendarDay: DayDate.local)
        }
    }

    /// The learning-capacity figures of the portfolio (or one theme), as `LearningCapacity.measure` defines them,
    /// measured over `learningDetails`: only what the measure reads.
    public func learningCapacity(today: DayDate, triageDays: Int, theme: String? = nil) throws -> LearningCapacity {
        LearningCapacity.measure(try learningDetails(theme: theme), today: today, triageDays: triageDays, day: DayDate.local)
    }

    /// The ideas declined in triage: off the board, in the history and exports.
    public func declinedIdeas() throws -> Set<IdeaID> {
        try read { db in
            Set(try Int64.fetchAll(db, sql: Self.declinedIDs).map(IdeaID.init))
        }
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
