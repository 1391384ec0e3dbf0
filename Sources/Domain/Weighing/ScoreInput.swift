/// One cell entered, changed or (with a nil entry) cleared by one participant.
public struct ScoreInput: Equatable, Sendable {
    public var key: ScoreKey
    public var entry: CellEntry?
    /// What the person saw in the cell, checked before the entry is stored; nil where nothing was shown (a script).
    public var seen: SeenEntry?

    public init(_ key: ScoreKey, _ entry: CellEntry?, seen: SeenEntry? = nil) {
        self.key = key
        self.entry = entry
        self.seen = seen
    }
}
