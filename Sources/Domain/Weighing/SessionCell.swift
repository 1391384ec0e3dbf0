/// One cell of a session's grid: an idea on a criterion (by index in the session's snapshot), over all participants.
public struct SessionCell: Hashable, Sendable, Codable {
    public var idea: IdeaID
    public var criterion: Int

    public init(idea: IdeaID, criterion: Int) {
        self.idea = idea
        self.criterion = criterion
    }
}

extension ScoreKey {
    /// The grid cell this score belongs to.
    public var cell: SessionCell { SessionCell(idea: idea, criterion: criterion) }
}
