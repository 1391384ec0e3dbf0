import Domain

/// Reads the columns of the board for one screenful from either store (`BoardSliceSource`), inside the read snapshot the
/// store holds: the rules of `AppDatabase.boardSlice`, written once.
struct BoardSliceReader<Source: BoardSliceSource> {
    let source: Source
    /// The filter's folded texts and the column counts, kept per state of the data by the store.
    let searchCache: BoardSearchCache
    let countCache: BoardCountCache

    /// See `AppDatabase.boardSlice(ranges:matching:inboxOnly:focus:around:counts:keep:marked:)`.
    func read(
        ranges: [Stage: Range<Int>], matching words: [String], inboxOnly: Bool, focus: IdeaID?, around: Int, counts: Bool,
        keep: [Stage: IdeaID], marked: [IdeaID]
    ) throws -> BoardSlice {
        let inboxCount = try source.inboxCount()
        let version = try source.changeCounter()
        let stageCounts = counts ? try countCache.counts(version: version) { try source.boardCounts() } : [:]
        var ranges = ranges
        var windows: [Stage: (offset: Int, cards: [IdeaSummary])] = [:]
        var found: (stage: Stage, index: Int)?
        var kept: [Stage: Int?] = [:]
        let markedCards = marked.isEmpty ? nil : try source.cards(of: marked)
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
                keepSelection(stage, at: try source.boardIndex(of: id, in: stage)?.index)
            }
            if let focus, let place = try source.boardIndex(of: focus, in: nil) { focusOn(place.stage, at: place.index) }
            /// A column's count: asked for, or kept for this state of the data, or counted.
            func count(_ stage: Stage) throws -> Int {
                try stageCounts[stage] ?? countCache.count(of: stage, version: version) { try source.boardCount(of: stage) }
            }
            for (stage, range) in ranges {
                windows[stage] = (range.lowerBound, try window(range, of: stage, count: count))
            }
            return BoardSlice(stageCounts: stageCounts, matching: stageCounts, windows: windows, focus: found,
                              inboxCount: inboxCount, kept: kept, marked: markedCards)
        }
        // The matching ids in board order, from the folded texts kept for this state of the data; the windows are then
        // read by id.
        let entries = try searchCache.entries(version: version) { fold in try source.searchEntries(fold: fold) }
        let matchingIDs = BoardSearchCache.matching(entries, words: words, waiting: inboxOnly ? try source.waitingIDs() : nil)
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
            let byID = try source.cards(of: ids)
            windows[stage] = (range.lowerBound, ids.compactMap { byID[$0] })
        }
        return BoardSlice(stageCounts: stageCounts, matching: matchingIDs.mapValues(\.count), windows: windows, focus: found,
                          inboxCount: inboxCount, kept: kept, marked: markedCards)
    }

    /// The cards of one column at the indices of `range` (board order, no filter). `OFFSET` steps over every row before
    /// the window, so a window in the column's second half is read from its end backwards: a jump to the last card of a
    /// column of 40,000 costs what a jump to its first does.
    private func window(_ range: Range<Int>, of stage: Stage, count: (Stage) throws -> Int) throws -> [IdeaSummary] {
        if range.lowerBound > 1_000 {
            let total = try count(stage)
            let end = min(range.upperBound, total)
            guard range.lowerBound < end else { return [] }
            if range.lowerBound > total / 2 {
                return try source.windowCards(stage, backwards: true, limit: end - range.lowerBound, offset: total - end)
            }
        }
        return try source.windowCards(stage, backwards: false, limit: range.count, offset: range.lowerBound)
    }
}
