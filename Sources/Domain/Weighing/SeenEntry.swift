/// What a person saw in a cell when entering a new value (nil: the cell was empty): the entry is refused when the
/// cell holds something else by then, so nothing entered elsewhere is overwritten unseen.
public struct SeenEntry: Equatable, Sendable {
    public var entry: CellEntry?

    public init(_ entry: CellEntry?) {
        self.entry = entry
    }
}
