import Domain
import Foundation
import GRDB

extension AppDatabase {
    /// The ids of the ideas declined in triage (SQL).
    static let declinedIDs = "SELECT ideaId FROM intake WHERE status = 'declined'"

    /// Ideas left off the board: those declined in triage.
    static let onBoard = "idea.id NOT IN (\(declinedIDs))"

    /// The columns of the board for one screenful: counts from aggregate queries, and per asked stage the cards of
    /// `ranges[stage]` (indices in the column's board order, after the filter `words`: folded, every word must occur,
    /// and with `inboxOnly` only ideas waiting in the inbox). Declined ideas are left off, as on a full load.
    /// `focus`, when it matches, is found in its column and that column is read `around` cards either side of it.
    /// `keep` (after a new filter) names the selected card per column: where it still shows, its index comes back and its
    /// column is read around it; where it no longer does, the column is read from its first card, as a full load selects.
    /// Without `counts` the stage counts are not read (empty in the answer; without a filter `matching` is empty too).
    public func boardSlice(
        ranges: [Stage: Range<Int>], matching words: [String], inboxOnly: Bool = false, focus: IdeaID? = nil, around: Int = 0,
        counts: Bool = true, keep: [Stage: IdeaID] = [:], marked: [IdeaID] = []
    ) throws -> BoardSlice {
        try read { db in
            try BoardSliceReader(source: SQLiteBoardSource(db: db), searchCache: searchCache, countCache: countCache)
                .read(ranges: ranges, matching: words, inboxOnly: inboxOnly, focus: focus, around: around, counts: counts, keep: keep,
                      marked: marked)
        }
    }

    /// The summaries of `limit` cards of a column after stepping over `offset` (from its end when `backwards`), in board
    /// order. The stepping reads only the stage index (ids, no row, no join): stepping over whole summary rows cost
    /// 45 ms for a window 9,000 cards into a column of 20,000, this about 1.
    static func windowCards(
        _ db: Database, stage: Stage, backwards: Bool, limit: Int, offset: Int
    ) throws -> [IdeaSummary] {
        let order = backwards ? "position DESC, id DESC" : "position, id"
        let rows = try Row.fetchCursor(db, sql: """
            \(CardQuery.windowSelect) WHERE idea.id IN (
                SELECT id FROM idea WHERE stage = ? AND \(onBoard) ORDER BY \(order) LIMIT ? OFFSET ?
            ) ORDER BY idea.position, idea.id
            """, arguments: [stage.rawValue, limit, offset])
        var cards: [IdeaSummary] = []
        while let row = try rows.next() { cards.append(try windowSummary(row)) }
        return cards
    }

    /// The summaries of these ideas that are on the board.
    static func summaries(of ids: [IdeaID], in db: Database) throws -> [IdeaID: IdeaSummary] {
        var found: [IdeaID: IdeaSummary] = [:]
        try forEachRow(of: ids, sql: "\(CardQuery.windowSelect) WHERE \(onBoard) AND idea.id IN", in: db) { row in
            let summary = try windowSummary(row)
            found[summary.id] = summary
        }
        return found
    }

    /// Runs `sql` followed by a list of the ids (in chunks of 500, within SQLite's limits) and hands over every row.
    static func forEachRow(of ids: [IdeaID], sql: String, in db: Database, _ body: (Row) throws -> Void) throws {
        for chunk in stride(from: 0, to: ids.count, by: 500) {
            let list = ids[chunk..<min(chunk + 500, ids.count)].map { String($0.rawValue) }.joined(separator: ",")
            for row in try Row.fetchAll(db, sql: "\(sql) (\(list))") { try body(row) }
        }
    }

    /// Where an idea on the board stands: its column (`stage`, when given, must be it) and its index there in board order.
    static func boardIndex(of id: IdeaID, in stage: Stage?, _ db: Database) throws -> (stage: Stage, index: Int)? {
        guard let row = try Row.fetchOne(db, sql: "SELECT stage, position FROM idea WHERE id = ? AND \(onBoard)", arguments: [id.rawValue])
        else { return nil }
        let column = try StoredValue.value(Stage.self, (try row.decode(atIndex: 0)) as String, table: "idea", record: "\(id)", field: "stage")
        guard stage == nil || stage == column else { return nil }
        let position: Int64 = try row.decode(atIndex: 1)
        let before = try Int.fetchOne(db, sql: """
            SELECT COUNT(*) FROM idea WHERE stage = ? AND (position < ? OR (position = ? AND id < ?)) AND \(onBoard)
            """, arguments: [column.rawValue, position, position, id.rawValue]) ?? 0
        return (column, before)
    }

    /// Ideas per stage on the board (declined ideas left off), counted by SQLite, inside a read the caller holds.
    static func boardCountsByStage(_ db: Database) throws -> [Stage: Int] {
        // Every idea counted over the stage index, less the declined ones (an idea has one intake row at most): testing
        // each idea against the declined ones took 16 ms at 100,000 ideas, this 10.
        var counts = try countsByStage(db)
        for (stage, declined) in try declinedByStage(db, stage: nil) {
            counts[stage] = (counts[stage] ?? 0) - declined
            if counts[stage] == 0 { counts[stage] = nil }
        }
        return counts
    }

    /// The ideas of one column of the board (declined ideas left off): what its WIP limit counts.
    static func boardCount(of stage: Stage, _ db: Database) throws -> Int {
        // As `boardCountsByStage`: 2 ms for a column of 40,000 where testing each idea took 7.
        let all = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM idea WHERE stage = ?", arguments: [stage.rawValue]) ?? 0
        return all - (try declinedByStage(db, stage: stage)[stage] ?? 0)
    }

    /// How many declined ideas each stage holds (or only `stage`).
    private static func declinedByStage(_ db: Database, stage: Stage?) throws -> [Stage: Int] {
        var declined: [Stage: Int] = [:]
        let rows = try Row.fetchAll(db, sql: """
            SELECT idea.stage, COUNT(*) FROM intake JOIN idea ON idea.id = intake.ideaId
            WHERE intake.status = 'declined'\(stage == nil ? "" : " AND idea.stage = ?") GROUP BY idea.stage
            """, arguments: stage.map { [$0.rawValue] } ?? [])
        for row in rows {
            let stage = try StoredValue.value(Stage.self, (try row.decode(atIndex: 0)) as String, table: "idea", record: "declined", field: "stage")
            declined[stage] = try row.decode(atIndex: 1)
        }
        return declined
    }

    /// Every idea on the board with the folded text the filter looks in, per stage in board order; `fold` gives an idea's
    /// folded text from its stored text (kept from an earlier read when that is unchanged).
    static func searchEntries(
        _ db: Database, fold: (Int64, String, () throws -> String) throws -> String
    ) throws -> [Stage: [BoardSearchCache.Entry]] {
        var entries: [Stage: [BoardSearchCache.Entry]] = [:]
        let rows = try Row.fetchCursor(db, sql: """
            SELECT id, stage, title, theme, tags FROM idea WHERE \(onBoard) ORDER BY stage, position, id
            """)
        while let row = try rows.next() {
            let id: Int64 = try row.decode(atIndex: 0)
            let stage = try StoredValue.value(Stage.self, (try row.decode(atIndex: 1)) as String, table: "idea", record: "#\(id)", field: "stage")
            let title: String = try row.decode(atIndex: 2)
            let theme: String = try row.decode(atIndex: 3)
            let tags: String = try row.decode(atIndex: 4)
            let text = try fold(id, "\(title)\u{1}\(theme)\u{1}\(tags)") {
                let tagText = try StoredValue.tagText(tags, table: "idea", record: "#\(id)", field: "tags")
                return TextSearch.key(id: IdeaID(id), title: title, theme: theme, tagText: tagText)
            }
            entries[stage, default: []].append(BoardSearchCache.Entry(id: id, text: text))
        }
        return entries
    }

    /// Every idea's id, title and stage, by id: what the board's likely-duplicate index is built from.
    public func cardTitles() throws -> [(IdeaID, String, Stage)] {
        try read { db in
            var titles: [(IdeaID, String, Stage)] = []
            let rows = try Row.fetchCursor(db, sql: "SELECT id, title, stage FROM idea WHERE \(Self.onBoard) ORDER BY id")
            while let row = try rows.next() {
                let id: Int64 = try row.decode(atIndex: 0)
                titles.append((IdeaID(id), try row.decode(atIndex: 1),
                               try StoredValue.value(Stage.self, (try row.decode(atIndex: 2)) as String, table: "idea", record: "#\(id)", field: "stage")))
            }
            return titles
        }
    }

    /// The distinct themes of all ideas, for suggestions while a theme is typed.
    public func themes() throws -> [String] {
        try read { db in try String.fetchAll(db, sql: "SELECT DISTINCT theme FROM idea WHERE \(Self.onBoard)") }
    }

    /// Titles of the given ideas (those that exist).
    public func titles(of ids: [IdeaID]) throws -> [IdeaID: String] {
        try read { db in
            var titles: [IdeaID: String] = [:]
            try Self.forEachRow(of: ids, sql: "SELECT id, title FROM idea WHERE id IN", in: db) { row in
                titles[IdeaID((try row.decode(atIndex: 0)) as Int64)] = try row.decode(atIndex: 1)
            }
            return titles
        }
    }
}
