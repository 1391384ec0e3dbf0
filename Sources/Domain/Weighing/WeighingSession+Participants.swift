/// Participants scoring for themselves: who someone is, how far they are, and how their scores were entered.
extension WeighingSession {
    /// The index of a participant named case-insensitively (surrounding spaces ignored).
    public func participantIndex(named name: String) throws(DomainError) -> Int {
        let who = name.trimmingCharactersInWhitespace().lowercased()
        guard let index = participants.firstIndex(where: { $0.lowercased() == who }) else {
            throw .unknownParticipant(name, known: participants)
        }
        return index
    }

    /// Sets (or with nil clears) one score, like `scoring(_:_:)`, and records how it was entered.
    public func scoring(_ key: ScoreKey, _ value: Int?, by channel: ScoreChannel) throws(DomainError) -> WeighingSession {
        var copy = try scoring(key, value)
        copy.channels[key] = value == nil ? nil : channel
        return copy
    }

    /// How many cells each participant has to score.
    public var cellCount: Int { ideas.count * criteria.count }

    /// How many cells a participant has scored.
    public func scoredCount(of participant: Int) -> Int {
        scores.keys.reduce(0) { $0 + ($1.participant == participant ? 1 : 0) }
    }

    /// Whether a participant has scored every cell.
    public func isDone(_ participant: Int) -> Bool { cellCount > 0 && scoredCount(of: participant) == cellCount }

    /// How a participant's scores were entered: the count per channel (nil: entered before channels were recorded).
    public func channelCounts(of participant: Int) -> [ScoreChannel?: Int] {
        var counts: [ScoreChannel?: Int] = [:]
        for key in scores.keys where key.participant == participant { counts[channels[key], default: 0] += 1 }
        return counts
    }

    /// The first cell (idea by idea, criterion by criterion) the participant has not scored, if any.
    public func firstOpenCell(of participant: Int) -> ScoreKey? {
        for idea in ideas {
            for criterion in criteria.indices where scores[ScoreKey(participant: participant, idea: idea, criterion: criterion)] == nil {
                return ScoreKey(participant: participant, idea: idea, criterion: criterion)
            }
        }
        return nil
    }
}
