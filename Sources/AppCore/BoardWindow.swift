import Domain

/// What a windowed load brings the board: per column a window of its cards and its count, and the counts per stage.
public struct BoardWindow: Equatable, Sendable {
    /// The filter the windows answer.
    public var filter: String
    /// Whether the windows hold only ideas waiting in the inbox.
    public var inboxOnly: Bool
    /// How many ideas wait in the inbox (ignoring the filters).
    public var inboxCount: Int
    public var columns: [Stage: ColumnWindow]
    /// Ideas per stage, ignoring the filter (what WIP limits count); nil when not counted again (the board keeps its
    /// counts, and without a filter they are the columns' counts too).
    public var stageCounts: [Stage: Int]?
    /// The query's focus card where it was found: its column and its index there.
    public var focus: (id: IdeaID, stage: Stage, index: Int)?
    /// Per column whose selection was to be kept: the selected card's index, or nil when it no longer shows.
    public var kept: [Stage: Int?] = [:]
    /// The marked cards read again, as they are now; a marked idea missing here no longer shows on the board.
    public var marked: [IdeaID: IdeaSummary]?

    public init(
        filter: String, inboxOnly: Bool = false, inboxCount: Int = 0, columns: [Stage: ColumnWindow], stageCounts: [Stage: Int]?,
        focus: (id: IdeaID, stage: Stage, index: Int)? = nil
    ) {
        self.filter = filter
        self.inboxOnly = inboxOnly
        self.inboxCount = inboxCount
        self.columns = columns
        self.stageCounts = stageCounts
        self.focus = focus
    }

    public static func == (lhs: BoardWindow, rhs: BoardWindow) -> Bool {
        lhs.filter == rhs.filter && lhs.inboxOnly == rhs.inboxOnly && lhs.inboxCount == rhs.inboxCount && lhs.columns == rhs.columns && lhs.stageCounts == rhs.stageCounts
            && lhs.kept == rhs.kept && lhs.marked == rhs.marked && lhs.focus?.id == rhs.focus?.id && lhs.focus?.stage == rhs.focus?.stage && lhs.focus?.index == rhs.focus?.index
    }
}
