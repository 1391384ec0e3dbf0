import Domain

/// What a windowed board asks storage for: the filter, and per column the indices (in the column's filtered board
/// order) of the cards to read. The counts come with every answer.
public struct BoardQuery: Equatable, Sendable {
    /// The filter text as typed ("" for none); storage folds it the way the board does.
    public var filter: String
    /// Whether only ideas waiting in the inbox are read (`i`).
    public var inboxOnly: Bool
    public var ranges: [Stage: Range<Int>]
    /// A card to find in its column (the selection, or the card a change just moved): its index comes back and its
    /// column's window is read around it (`around` cards either side), so the selection stays on it by id.
    public var focus: IdeaID?
    public var around: Int
    /// After a new filter: the selected card per column, kept where it still shows (a full load keeps selections by id).
    public var keep: [Stage: IdeaID] = [:]
    /// Marked cards to read again (after a change: their title or stage may have changed while outside every window).
    public var marked: [IdeaID] = []
    /// Whether to count the ideas per stage again (an aggregate over the stage index): after a change that may move
    /// ideas between stages, not when scrolling or after a reorder or an edit, which leave the counts as they are.
    public var counts: Bool

    public init(
        filter: String, inboxOnly: Bool = false, ranges: [Stage: Range<Int>], focus: IdeaID? = nil, around: Int = 0, counts: Bool = true
    ) {
        self.filter = filter
        self.inboxOnly = inboxOnly
        self.ranges = ranges
        self.focus = focus
        self.around = around
        self.counts = counts
    }
}
