import Domain

/// The cards the board holds of one column: a run of its cards in board order (after the filter) and how many it has.
/// A full load holds the whole column (`offset` 0, every card); a windowed board holds what is visible plus a margin.
public struct ColumnWindow: Equatable, Sendable {
    /// The column index of `cards[0]`.
    public var offset: Int
    public var cards: [IdeaSummary]
    /// How many cards the column has (matching the filter), held or not.
    public var total: Int

    public init(offset: Int = 0, cards: [IdeaSummary] = [], total: Int = 0) {
        self.offset = offset
        self.cards = cards
        self.total = total
    }

    /// The card at a column index, if held.
    public func card(at index: Int) -> IdeaSummary? {
        let local = index - offset
        return cards.indices.contains(local) ? cards[local] : nil
    }

    /// Whether every card of a range of column indices (clipped to the column) is held.
    public func holds(_ range: Range<Int>) -> Bool {
        let wanted = max(0, range.lowerBound)..<max(max(0, range.lowerBound), min(total, range.upperBound))
        return wanted.isEmpty || (wanted.lowerBound >= offset && wanted.upperBound <= offset + cards.count)
    }
}
