import Domain
import Foundation
import PostgresNIO

extension PostgresStore: BoardSliceSource {
    /// The columns of the board for one screenful, read on one snapshot: what `AppDatabase.boardSlice` answers, with
    /// the same rules (declined ideas left off, the filter's folded texts kept per state of the data, `focus`, `keep`,
    /// `marked`, and counts only when asked).
    public func boardSlice(
        ranges: [Stage: Range<Int>], matching words: [String], inboxOnly: Bool = false, focus: IdeaID? = nil, around: Int = 0,
        counts: Bool = true, keep: [Stage: IdeaID] = [:], marked: [IdeaID] = []
    ) throws -> BoardSlice {
        try read {
            try BoardSliceReader(source: self, searchCache: searchCache, countCache: countCache)
                .read(ranges: ranges, matching: words, inboxOnly: inboxOnly, focus: focus, around: around, counts: counts, keep: keep,
                      marked: marked)
        }
    }

    /// Ideas per column of the board (`countsByStage`).
    func boardCounts() throws -> [Stage: Int] { try countsByStage() }

    /// The ids of the ideas waiting in the inbox.
    func waitingIDs() throws -> Set<Int64> {
        Set(try session.query("SELECT ideaId FROM intake WHERE status = 'inbox'").map { try $0[0].decode(Int64.self) })
    }

    /// The summaries of `limit` cards of a column after stepping over `offset` (from its end when `backwards`), in board
    /// order; the stepping reads only ids, as on SQLite.
    func windowCards(_ stage: Stage, backwards: Bool, limit: Int, offset: Int) throws -> [IdeaSummary] {
        let order = backwards ? "position DESC, id DESC" : "position, id"
        let rows = try session.query("""
            \(unescaped: CardQuery.windowSelect) WHERE idea.id IN (
                SELECT id FROM idea WHERE stage = \(stage.rawValue) AND id NOT IN (SELECT ideaId FROM intake WHERE status = 'declined')
                ORDER BY \(unescaped: order) LIMIT \(limit) OFFSET \(offset)
            ) ORDER BY idea.position, idea.id
            """)
        return try rows.map { try Self.windowSummary($0) }
    }

    /// The summaries of these ideas that are on the board.
    func cards(of ids: [IdeaID]) throws -> [IdeaID: IdeaSummary] {
        guard !ids.isEmpty else { return [:] }
        var found: [IdeaID: IdeaSummary] = [:]
        for row in try session.query("""
            \(unescaped: CardQuery.windowSelect) WHERE idea.id = ANY(\(ids.map(\.rawValue))::bigint[])
            AND idea.id NOT IN (SELECT ideaId FROM intake WHERE status = 'declined')
            """) {
            let summary = try Self.windowSummary(row)
            found[summary.id] = summary
        }
        return found
    }

    /// Where an idea on the board stands: its column (`stage`, when given, must be it) and its index there in board order.
    func boardIndex(of id: IdeaID, in stage: Stage?) throws -> (stage: Stage, index: Int)? {
        guard let row = try session.query("""
            SELECT stage, position FROM idea
            WHERE id = \(id.rawValue) AND id NOT IN (SELECT ideaId FROM intake WHERE status = 'declined')
            """).first else { return nil }
        let column = try StoredValue.value(Stage.self, try row[0].decode(String.self), table: "idea", record: "\(id)", field: "stage")
        guard stage == nil || stage == column else { return nil }
        let position = try row[1].decode(Int64.self)
        let before = try session.query("""
            SELECT COUNT(*) FROM idea WHERE stage = \(column.rawValue)
            AND (position < \(position) OR (position = \(position) AND id < \(id.rawValue)))
            AND id NOT IN (SELECT ideaId FROM intake WHERE status = 'declined')
            """).first?[0].decode(Int.self) ?? 0
        return (column, before)
    }

    /// Every idea on the board with the folded text the filter looks in, per stage in board order (as
    /// `AppDatabase.searchEntries`).
    func searchEntries(fold: (Int64, String, () throws -> String) throws -> String) throws -> [Stage: [BoardSearchCache.Entry]] {
        var entries: [Stage: [BoardSearchCache.Entry]] = [:]
        for row in try session.query("""
            SELECT id, stage, title, theme, tags FROM idea WHERE id NOT IN (SELECT ideaId FROM intake WHERE status = 'declined')
            ORDER BY stage, position, id
            """) {
            let id = try row[0].decode(Int64.self)
            let stage = try StoredValue.value(Stage.self, try row[1].decode(String.self), table: "idea", record: "#\(id)", field: "stage")
            let title = try row[2].decode(String.self)
            let theme = try row[3].decode(String.self)
            let tags = try row[4].decode(String.self)
            let text = try fold(id, "\(title)\u{1}\(theme)\u{1}\(tags)") {
                let tagText = try StoredValue.tagText(tags, table: "idea", record: "#\(id)", field: "tags")
                return TextSearch.key(id: IdeaID(id), title: title, theme: theme, tagText: tagText)
            }
            entries[stage, default: []].append(BoardSearchCache.Entry(id: id, text: text))
        }
        return entries
    }
}
