/// A second round on chosen cells after discussion: the cells, and what every participant entered there in round 1.
public struct Revote: Equatable, Sendable {
    /// The cells voted on again, in the order they were chosen.
    public var cells: [SessionCell]
    /// Round-1 scores of those cells.
    public var firstRound: [ScoreKey: Int]
    /// Round-1 abstentions in those cells.
    public var firstRoundAbstentions: Set<ScoreKey>

    public init(cells: [SessionCell], firstRound: [ScoreKey: Int] = [:], firstRoundAbstentions: Set<ScoreKey> = []) {
        self.cells = cells
        self.firstRound = firstRound
        self.firstRoundAbstentions = firstRoundAbstentions
    }
}
