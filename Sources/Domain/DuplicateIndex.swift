/// An inverted index of title trigrams, built once and extended as rows arrive, that answers "which titles
/// look like this one" with `Similarity`'s formula, by counting shared trigrams instead of comparing every
/// title (fast enough per keystroke over 100,000 cards).
public struct DuplicateIndex<Key: Hashable & Comparable & Sendable>: Equatable, Sendable {
    private var keys: [Key] = []
    private var titles: [String] = []
    /// Number of distinct trigrams per entry (0 for titles too short to compare).
    private var sizes: [Int32] = []
    /// Entries (by position) holding each trigram, in ascending order.
    private var postings: [UInt64: [Int32]] = [:]
    /// Shared-trigram counts per entry, all zero between queries, reused by `nearest(to:limit:)`.
    private var counting: [UInt16] = []

    public init() {}

    /// An index of the given entries, in this order.
    public init(_ entries: some Sequence<(Key, String)>) {
        for (key, title) in entries { insert(key, title: title) }
    }

    /// How many entries were added.
    public var count: Int { keys.count }

    /// Adds one entry; later queries can find it.
    public mutating func insert(_ key: Key, title: String) {
        let position = Int32(keys.count)
        keys.append(key)
        titles.append(title)
        guard Similarity.isComparable(title) else {
            sizes.append(0)
            return
        }
        let trigrams = Similarity.trigrams(title)
        sizes.append(Int32(trigrams.count))
        for trigram in trigrams { postings[trigram, default: []].append(position) }
    }

    /// Entries whose title is at least `Similarity.threshold` similar to `title`, most similar first (ties: lower
    /// key first), at most `limit`, leaving out those `skip` accepts.
    public func matches(for title: String, limit: Int = 3, skip: (Key) -> Bool = { _ in false }) -> [DuplicateMatch<Key>] {
        var counts = [UInt16](repeating: 0, count: keys.count)
        return counts.withUnsafeMutableBufferPointer { search(title, limit: limit, skip: skip, counts: $0) }
    }

    /// The same answer as `matches(for:limit:)`, for a run of queries (an import compares every row): the counting
    /// buffer is kept in the index and only the entries a query touched are reset, so a query costs what its shared
    /// trigrams cost, not the size of the index.
    public mutating func nearest(to title: String, limit: Int = 1) -> [DuplicateMatch<Key>] {
        if counting.count < keys.count { counting.append(contentsOf: repeatElement(0, count: keys.count - counting.count)) }
        var counts = counting
        counting = []  // one owner while searching, so the buffer is not copied
        defer { counting = counts }
        return counts.withUnsafeMutableBufferPointer { search(title, limit: limit, skip: { _ in false }, counts: $0) }
    }

    /// Counts shared trigrams in `counts` (all zero on entry, all zero again on return) and keeps the best matches.
    ///
    /// Prefix filtering: a title with `b` trigrams reaches the threshold `t` only when it shares at least
    /// `t·a/(2−t)` of the query's `a` trigrams, so it shares at least one of any `a − m + 1` of them (`m` that minimum,
    /// rounded down). Candidates are taken from the rarest lists only; the common ones (`" de"`, `"wij"`) are then
    /// consulted for those candidates alone, by binary search or, when a list is short next to the candidates, by one
    /// scan. Every entry that could reach the threshold is counted exactly, so the answer is the full comparison's.
    private func search(
        _ title: String, limit: Int, skip: (Key) -> Bool, counts: UnsafeMutableBufferPointer<UInt16>
    ) -> [DuplicateMatch<Key>] {
        guard limit > 0, !keys.isEmpty, Similarity.isComparable(title) else { return [] }
        let query = Similarity.trigrams(title)
        let lists = query.compactMap { postings[$0] }.sorted { $0.count < $1.count }
        let t = Similarity.threshold
        let minimumShared = max(1, Int((t * Double(query.count) / (2 - t)).rounded(.down)))
        // Trigrams no entry has are shared by none: they count towards the `a − m + 1` for free.
        let prefix = query.count - minimumShared + 1 - (query.count - lists.count)
        guard prefix > 0 else { return [] }
        var best: [(score: Double, position: Int)] = []  // best first, at most `limit`
        var touched: [Int32] = []
        for list in lists.prefix(prefix) {
            list.withUnsafeBufferPointer { positions in
                for position in positions {
                    let index = Int(position)
                    if counts[index] == 0 { touched.append(position) }
                    counts[index] &+= 1
                }
            }
        }
        // Sizes that could reach the threshold at all: 2·min(a, b)/(a + b) ≥ t.
        let smallest = t * Double(query.count) / (2 - t), largest = (2 - t) * Double(query.count) / t
        for list in lists.dropFirst(prefix) where list.count <= touched.count * 16 {
            list.withUnsafeBufferPointer { positions in
                for position in positions where counts[Int(position)] > 0 { counts[Int(position)] &+= 1 }
            }
        }
        let searched = lists.dropFirst(prefix).filter { $0.count > touched.count * 16 }
        for position in touched {
            let index = Int(position)
            let size = Double(sizes[index])
            var shared = Int(counts[index])
            counts[index] = 0
            guard size >= smallest - 1e-9, size <= largest + 1e-9 else { continue }
            for list in searched where Self.contains(list, position) { shared += 1 }
            let score = 2 * Double(shared) / Double(query.count + Int(sizes[index]))
            guard score >= Similarity.threshold else { continue }
            func ranksBefore(_ other: (score: Double, position: Int)) -> Bool {
                score > other.score || (score == other.score && keys[index] < keys[other.position])
            }
            if best.count == limit, let last = best.last, !ranksBefore(last) { continue }
            guard !skip(keys[index]) else { continue }
            best.insert((score, index), at: best.firstIndex(where: { ranksBefore($0) }) ?? best.count)
            if best.count > limit { best.removeLast() }
        }
        return best.map { DuplicateMatch(key: keys[$0.position], title: titles[$0.position], similarity: $0.score, position: $0.position) }
    }

    /// Whether an ascending list holds a position (binary search).
    private static func contains(_ list: [Int32], _ position: Int32) -> Bool {
        var low = 0, high = list.count
        while low < high {
            let middle = (low + high) / 2
            if list[middle] < position { low = middle + 1 } else { high = middle }
        }
        return low < list.count && list[low] == position
    }

    /// Equal when they hold the same entries in the same order (the counting buffer is scratch).
    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.keys == rhs.keys && lhs.titles == rhs.titles && lhs.sizes == rhs.sizes && lhs.postings == rhs.postings
    }
}
