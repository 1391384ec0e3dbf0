/// One cell entered, changed or (with a nil entry) cleared by one participant.
public struct ScoreInput: Equatable, Sendable {
    public var key: ScoreKey
    public var entry: CellEntry?

    public init(_ key: ScoreKey, _ entry: CellEntry?) {
        self.key = key
        self.entry = entry
    }
}
