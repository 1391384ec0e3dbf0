import Domain
import Foundation
import PostgresNIO

extension PostgresStore {
    /// The columns of the board for one screenful, read on one snapshot: what `AppDatabase.boardSlice` answers, with
    /// the same rules (declined ideas left off, the filter's folded texts kept per state of the data, `focus`, `keep`,
    /// `marked`, and counts only when asked).
    public func boardSlice(
        ranges: [Stage: Range<Int>], matching words: [String], inboxOnly: Bool = false, focus: IdeaID? = nil, around: Int = 0,
        counts: Bool = true, keep: [Stage: IdeaID] = [:], marked: [IdeaID] = []
    ) throws -> BoardSlice {
        try read {
            let inboxCount = try inboxCount()
            let version = try changeCounter()
            let stageCounts = counts ? try countCache.counts(version: version) { try countsByStage() } : [:]
            /// A column's count: asked for, or kept for this state of the data, or counted.
            func count(_ stage: Stage) throws -> Int {
                try stageCounts[stage] ?? countCache.count(of: stage, version: version) { try boardCount(of: stage) }
            }
            var ranges = ranges
            var windows: [Stage: (offset: Int, cards: [IdeaSummary])] = [:]
            var found: (stage: Stage, index: Int)?
            var kept: [Stage: Int?] = [:]
            let markedCards = marked.isEmpty ? nil : try boardSummaries(of: marked)
            /// A kept selection's column is read around its card, or from its first card when the card no longer shows.
            func keepSelection(_ stage: Stage, at index: Int?) {
                kept[stage] = .some(index)
                ranges[stage] = index.map { max(0, $0 - around)..<($0 + around + 1) } ?? 0..<(2 * around + 1)
            }
            /// The focus card's column is read around it.
            func focusOn(_ stage: Stage, at index: Int) {
                found = (stage, index)
                ranges[stage] = max(0, index - around)..<(index + around + 1)
            }
            guard !words.isEmpty || inboxOnly else {
                for (stage, id) in keep {
                    keepSelection(stage, at: try boardIndex(of: id, in: stage)?.index)
                }
                if let focus, let place = try boardIndex(of: focus, in: nil) { focusOn(place.stage, at: place.index) }
                for (stage, range) in ranges {
                    windows[stage] = (range.lowerBound, try window(range, of: stage, count: count))
                }
                return BoardSlice(stageCounts: stageCounts, matching: stageCounts, windows: windows, focus: found,
                                  inboxCount: inboxCount, kept: kept, marked: markedCards)
            }
            // The matching ids in board order, from the folded texts kept for this state of the data; the windows are then
            // read by id.
            let entries = try searchCache.entries(version: version) { fold in try searchEntries(fold: fold) }
            let waiting = inboxOnly ? Set(try session.query("SELECT ideaId FROM intake WHERE status = 'inbox'").map { try $0[0].decode(Int64.self) }) : nil
            let matchingIDs = BoardSearchCache.matching(entries, words: words, waiting: waiting)
            for (stage, id) in keep {
                keepSelection(stage, at: matchingIDs[stage]?.firstIndex(of: id.rawValue))
            }
            if let focus {
                for (stage, ids) in matchingIDs {
                    if let index = ids.firstIndex(of: focus.rawValue) { focusOn(stage, at: index) }
                }
            }
            for (stage, range) in ranges {
                let all = matchingIDs[stage] ?? []
                let ids = all[min(range.lowerBound, all.count)..<min(range.upperBound, all.count)].map(IdeaID.init)
                let byID = try boardSummaries(of: ids)
                windows[stage] = (range.lowerBound, ids.compactMap { byID[$0] })
            }
            return BoardSlice(stageCounts: stageCounts, matching: matchingIDs.mapValues(\.count), windows: windows, focus: found,
                              inboxCount: inboxCount, kept: kept, marked: markedCards)
        }
    }

    /// The cards of one column at the indices of `range` (board order, no filter); a window in the second half of a long
    /// column is read from its end backwards, as on SQLite.
    private func window(_ range: Range<Int>, of stage: Stage, count: (Stage) throws -> Int) throws -> [IdeaSummary] {
        if range.lowerBound > 1_000 {
            let total = try count(stage)
            let end = min(range.upperBound, total)
            guard range.lowerBound < end else { return [] }
            if range.lowerBound > total / 2 {
                return try windowCards(stage, backwards: true, limit: end - range.lowerBound, offset: total - end)
            }
        }
        return try windowCards(stage, backwards: false, limit: range.count, offset: range.lowerBound)
    }

    /// The summaries of `limit` cards of a column after stepping over `offset` (from its end when `backwards`), in board
    /// order; the stepping reads only ids, as on SQLite.
    private func windowCards(_ stage: Stage, backwards: Bool, limit: Int, offset: Int) throws -> [IdeaSummary] {
        let order = backwards ? "position DESC, id DESC" : "position, id"
        let rows = try session.query("""
            \(unescaped: Self.windowSelect) WHERE idea.id IN (
                SELECT id FROM idea WHERE stage = \(stage.rawValue) AND id NOT IN (SELECT ideaId FROM intake WHERE status = 'declined')
                ORDER BY \(unescaped: order) LIMIT \(limit) OFFSET \(offset)
            ) ORDER BY idea.position, idea.id
            """)
        return try rows.map { try Self.windowSummary($0) }
    }

    /// The summaries of these ideas that are on the board.
    private func boardSummaries(of ids: [IdeaID]) throws -> [IdeaID: IdeaSummary] {
        guard !ids.isEmpty else { return [:] }
        var found: [IdeaID: IdeaSummary] = [:]
        for row in try session.query("""
            \(unescaped: Self.windowSelect) WHERE idea.id = ANY(\(ids.map(\.rawValue))::bigint[])
            AND idea.id NOT IN (SELECT ideaId FROM intake WHERE status = 'declined')
            """) {
            let summary = try Self.windowSummary(row)
            found[summary.id] = summary
        }
        return found
    }

    /// Where an idea on the board stands: its column (`stage`, when given, must be it) and its index there in board order.
    private func boardIndex(of id: IdeaID, in stage: Stage?) throws -> (stage: Stage, index: Int)? {
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
    private func searchEntries(fold: (Int64, String, () throws -> String) throws -> String) throws -> [Stage: [BoardSearchCache.Entry]] {
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
