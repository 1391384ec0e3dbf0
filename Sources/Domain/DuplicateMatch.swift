/// One likely duplicate found by a `DuplicateIndex`: which entry, its title, and how similar it is.
public struct DuplicateMatch<Key: Hashable & Comparable & Sendable>: Equatable, Sendable {
    /// The key the entry was added with.
    public var key: Key
    /// The entry's title as it was added.
    public var title: String
    /// `Similarity.of(query, title)`, at least `Similarity.threshold`.
    public var similarity: Double
    /// The entry's place in the order entries were added, 0-based (lets a caller find its own copy).
    public var position: Int

    public init(key: Key, title: String, similarity: Double, position: Int) {
        self.key = key
        self.title = title
        self.similarity = similarity
        self.position = position
    }
}
