/// Participants scoring for themselves: how far someone is in this round, and how their entries were made.
extension WeighingSession {
    /// Sets (or with nil clears) one score like `scoring(_:_:)`, recording how it was entered.
    public func scoring(_ key: ScoreKey, _ value: Int?, by channel: ScoreChannel) throws(DomainError) -> WeighingSession {
        try applying(.enter([ScoreInput(key, value.map(CellEntry.score), channel: channel)]))
    }

    /// How many cells each participant fills in this round: every cell, or the re-voted ones.
    public var cellsThisRound: Int { revote?.cells.count ?? cellCount }

    /// How many cells open in this round the participant has scored or abstained on.
    public func progress(of participant: Int) -> Int {
        guard let revote else { return entered(by: participant) }
        return revote.cells.filter { entry(ScoreKey(participant: participant, idea: $0.idea, criterion: $0.criterion)) != nil }.count
    }

    /// Whether a participant has scored or abstained on every cell open in this round.
    public func isDone(_ participant: Int) -> Bool { cellsThisRound > 0 && progress(of: participant) == cellsThisRound }

    /// Whether a participant joined during the re-vote, so only the re-voted cells were ever open to them.
    public func joinedDuringRevote(_ participant: Int) -> Bool {
        guard let count = revote?.participantsAtStart else { return false }
        return participant >= count
    }

    /// The cells open to each participant who joined during the re-vote: their completeness counts only these.
    var lateJoinerCells: [Int: Set<SessionCell>] {
        guard let revote else { return [:] }
        let cells = Set(revote.cells)
        return Dictionary(uniqueKeysWithValues: participants.indices.filter(joinedDuringRevote).map { ($0, cells) })
    }

    /// How many cells ever open to a participant are still empty: all cells, or for someone who joined during the
    /// re-vote only the re-voted ones.
    public func emptyCells(of participant: Int) -> Int {
        joinedDuringRevote(participant) ? cellsThisRound - progress(of: participant) : cellCount - entered(by: participant)
    }

    /// How a participant's entries (scores and abstentions) were made: the count per channel (nil: made before
    /// channels were recorded).
    public func channelCounts(of participant: Int) -> [ScoreChannel?: Int] {
        var counts: [ScoreChannel?: Int] = [:]
        for key in scores.keys where key.participant == participant { counts[channels[key], default: 0] += 1 }
        for key in abstentions where key.participant == participant { counts[channels[key], default: 0] += 1 }
        return counts
    }

    /// The first cell open in this round (idea by idea, criterion by criterion) the participant has not filled in.
    public func firstOpenCell(of participant: Int) -> ScoreKey? {
        for idea in ideas {
            for criterion in criteria.indices {
                let key = ScoreKey(participant: participant, idea: idea, criterion: criterion)
                if isOpen(key.cell), entry(key) == nil { return key }
            }
        }
        return nil
    }
}
