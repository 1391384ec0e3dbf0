import Domain

/// What forms need of every idea on a windowed board: the titles (for likely duplicates) and the themes in use.
/// Read when a form first needs it and forgotten when the portfolio changes.
public struct BoardCatalog: Equatable, Sendable {
    /// Each idea's id, title and stage, in the order of `index`.
    public var entries: [(id: IdeaID, title: String, stage: Stage)]
    public var themes: [String]
    /// The titles' trigram index.
    public var index: DuplicateIndex<IdeaID>

    public init(entries: [(id: IdeaID, title: String, stage: Stage)], themes: [String]) {
        self.entries = entries
        self.themes = themes
        index = DuplicateIndex(entries.lazy.map { ($0.id, $0.title) })
    }

    /// The same catalog with one idea in another stage (titles and themes unchanged: the index stays).
    public mutating func move(_ id: IdeaID, to stage: Stage) {
        // Entries are read in id order.
        var low = 0, high = entries.count
        while low < high {
            let middle = (low + high) / 2
            if entries[middle].id.rawValue < id.rawValue { low = middle + 1 } else { high = middle }
        }
        if low < entries.count, entries[low].id == id { entries[low].stage = stage }
    }

    public static func == (lhs: BoardCatalog, rhs: BoardCatalog) -> Bool {
        lhs.themes == rhs.themes && lhs.index == rhs.index && lhs.entries.map(\.stage) == rhs.entries.map(\.stage)
    }
}
