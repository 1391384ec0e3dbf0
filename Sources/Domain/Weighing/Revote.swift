/// A second round on chosen cells after discussion: the cells, and what every participant entered there in round 1.
public struct Revote: Equatable, Sendable {
    /// The cells voted on again, in the order they were chosen.
    public var cells: [SessionCell]
    /// Round-1 scores of those cells.
    public var firstRound: [ScoreKey: Int]
    /// Round-1 abstentions in those cells.
    public var firstRoundAbstentions: Set<ScoreKey>
    /// Who took part when round 1 ended: how many had joined, and who had been excluded then (with the reason), so
    /// round 1 stays as it was when someone joins or is excluded later. Nil for a re-vote recorded before this was kept.
    public var participantsAtStart: Int?
    public var excludedAtStart: [Int: String]?

    public init(cells: [SessionCell], firstRound: [ScoreKey: Int] = [:], firstRoundAbstentions: Set<ScoreKey> = [],
                participantsAtStart: Int? = nil, excludedAtStart: [Int: String]? = nil) {
        self.cells = cells
        self.firstRound = firstRound
        self.firstRoundAbstentions = firstRoundAbstentions
        self.participantsAtStart = participantsAtStart
        self.excludedAtStart = excludedAtStart
    }

    /// Whether an excluded participant left after round 1 ended (so round 1 counts them and round 2 does not).
    public func excludedDuringRevote(_ participant: Int) -> Bool {
        guard let excludedAtStart, let participantsAtStart else { return false }
        return participant < participantsAtStart && excludedAtStart[participant] == nil
    }
}
