/// One cell entered, changed or (with a nil entry) cleared by one participant, and how it was entered.
public struct ScoreInput: Equatable, Sendable {
    public var key: ScoreKey
    public var entry: CellEntry?
    /// What the person saw in the cell, checked before the entry is stored; nil where nothing was shown (a script).
    public var seen: SeenEntry?
    /// How the entry was made: the facilitator on the board, the participant on their own terminal or page, or a script.
    public var channel: ScoreChannel

    public init(_ key: ScoreKey, _ entry: CellEntry?, seen: SeenEntry? = nil, channel: ScoreChannel) {
        self.key = key
        self.entry = entry
        self.seen = seen
        self.channel = channel
    }
}
