import Domain

/// What the board reads for one screenful, in one read transaction: per column how many cards match the filter and a
/// window of them in board order, and how many ideas each stage holds (what WIP limits count).
public struct BoardSlice: Equatable, Sendable {
    /// Ideas per stage, ignoring the filter (an aggregate query, exact and whole).
    public var stageCounts: [Stage: Int]
    /// Cards per stage that match the filter (the same as `stageCounts` without one).
    public var matching: [Stage: Int]
    /// Per stage the first index asked for (0-based, in the column's filtered board order) and the cards from there.
    public var windows: [Stage: (offset: Int, cards: [IdeaSummary])]
    /// Where the asked-for focus card is: its column and index there (nil when it does not exist or does not match).
    public var focus: (stage: Stage, index: Int)?
    /// How many ideas wait in the inbox (ignoring the filters).
    public var inboxCount: Int
    /// Per column asked to keep its selection: the selected card's index, or nil when it no longer shows.
    public var kept: [Stage: Int?]
    /// The marked cards asked for, as they are now (nil when none were asked).
    public var marked: [IdeaID: IdeaSummary]?

    public init(
        stageCounts: [Stage: Int], matching: [Stage: Int], windows: [Stage: (offset: Int, cards: [IdeaSummary])],
        focus: (stage: Stage, index: Int)? = nil, inboxCount: Int = 0, kept: [Stage: Int?] = [:],
        marked: [IdeaID: IdeaSummary]? = nil
    ) {
        self.marked = marked
        self.inboxCount = inboxCount
        self.kept = kept
        self.stageCounts = stageCounts
        self.matching = matching
        self.windows = windows
        self.focus = focus
    }

    public static func == (lhs: BoardSlice, rhs: BoardSlice) -> Bool {
        lhs.stageCounts == rhs.stageCounts && lhs.inboxCount == rhs.inboxCount && lhs.kept == rhs.kept && lhs.marked == rhs.marked && lhs.matching == rhs.matching && lhs.focus?.stage == rhs.focus?.stage
            && lhs.focus?.index == rhs.focus?.index
            && lhs.windows.mapValues(\.offset) == rhs.windows.mapValues(\.offset) && lhs.windows.mapValues(\.cards) == rhs.windows.mapValues(\.cards)
    }
}
