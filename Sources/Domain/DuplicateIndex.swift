/// An inverted index of title trigrams, built once and extended as rows arrive, that answers "which titles
/// look like this one" with `Similarity`'s formula exactly, by looking only at titles that share a trigram with it and
/// could still score high enough (fast enough per keystroke over 100,000 cards); an import's search of each row can be
/// bounded (`nearestThenInsert(_:title:limit:budget:)`), which is what makes 100,000 rows fast.
public struct DuplicateIndex<Key: Hashable & Comparable & Sendable>: Equatable, Sendable {
    private var keys: [Key] = []
    private var titles: [String] = []
    /// Where each entry's trigrams start in `entryTrigrams`; one more element than entries.
    private var starts: [Int32] = [0]
    /// Every entry's distinct trigrams as dense ids, one entry after another, each entry's rarest first (as rare as they
    /// were when it was added; the order only makes a mismatch show early). Empty for titles too short to compare.
    private var entryTrigrams: [Int32] = []
    /// Four words per entry: bit `id % 256` set for each of its trigrams' ids. A bit an entry has and a query lacks is a
    /// trigram of the entry the query lacks, so the bits count missing trigrams from below without reading the entry.
    private var signatures: [UInt64] = []
    /// The dense id of every trigram any entry has.
    private var trigramIDs: [UInt64: Int32] = [:]
    /// Entries (by position) holding each trigram (by dense id), in ascending order.
    private var postings: [[Int32]] = []
    /// The most trigrams any entry has.
    private var largest = 0
    /// Whether every key was larger than the one before (an import's are): ties can then be settled by position.
    private var keysAscend = true
    /// Scratch kept between the queries of `nearest(to:limit:)` and `nearestThenInsert`: per entry and per trigram, the
    /// number of the query that last looked at it, so nothing has to be cleared between queries.
    private var seen: [UInt32] = []
    private var inQuery: [UInt32] = []
    private var query: UInt32 = 0
    private var codes: [UInt64] = []
    /// For a bounded search (`nearestThenInsert(_:title:limit:budget:)`), built at its first query and kept up after: per
    /// hash of an entry's trigram set, the last entry added with it, and per entry the one before it with the same hash
    /// (-1: none), so the entries with exactly a query's trigrams (similarity 1) are found without a walk.
    private var sameSetLast: [Int: Int32] = [:]
    private var sameSetBefore: [Int32] = []
    private var tracksSameSets = false

    public init() {}

    /// An index of the given entries, in this order.
    public init(_ entries: some Sequence<(Key, String)>) {
        for (key, title) in entries { insert(key, title: title) }
    }

    /// How many entries were added.
    public var count: Int { keys.count }

    /// Adds one entry; later queries can find it.
    public mutating func insert(_ key: Key, title: String) {
        var codes = self.codes
        self.codes = []
        defer { self.codes = codes }
        let comparable = Similarity.isComparable(title)
        if comparable { Similarity.sortedTrigrams(of: title, into: &codes) } else { codes.removeAll() }
        add(key, title: title, codes: codes)
    }

    /// Entries whose title is at least `Similarity.threshold` similar to `title`, most similar first (ties: lower
    /// key first), at most `limit`, leaving out those `skip` accepts.
    public func matches(for title: String, limit: Int = 3, skip: (Key) -> Bool = { _ in false }) -> [DuplicateMatch<Key>] {
        guard limit > 0, !keys.isEmpty, Similarity.isComparable(title) else { return [] }
        var codes: [UInt64] = []
        Similarity.sortedTrigrams(of: title, into: &codes)
        var seen = [UInt32](repeating: 0, count: keys.count)
        var inQuery = [UInt32](repeating: 0, count: postings.count)
        return seen.withUnsafeMutableBufferPointer { seen in
            inQuery.withUnsafeMutableBufferPointer { inQuery in
                search(codes, ids: codes.map { trigramIDs[$0] }, limit: limit, skip: skip, seen: seen, inQuery: inQuery, query: 1)
            }
        }
    }

    /// The same answer as `matches(for:limit:)`, for a run of queries (an import compares every row): the scratch is kept
    /// in the index, so a query costs what the titles it looks at cost, not the size of the index.
    public mutating func nearest(to title: String, limit: Int = 1) -> [DuplicateMatch<Key>] {
        guard limit > 0, !keys.isEmpty, Similarity.isComparable(title) else { return [] }
        var codes = self.codes
        self.codes = []
        defer { self.codes = codes }
        Similarity.sortedTrigrams(of: title, into: &codes)
        return nearest(codes, ids: codes.map { trigramIDs[$0] }, limit: limit)
    }

    /// `nearest(to: title, limit: limit)`, then `insert(key, title: title)`, with the title's trigrams worked out once: what
    /// an import does with each row.
    ///
    /// With a `budget` (an import's: `importBudget`) the search is bounded. Entries with exactly the title's trigrams
    /// (similarity 1) are looked up first and always named. Otherwise the walk is the exact one until it has stepped over
    /// `budget` posting-list entries; past that it stops as soon as it has found a match and names the best found so far
    /// (a good one, not provably the best). Without any match it goes on to the end, so whether a title has a likely
    /// duplicate is still exactly answered, and the similarity named is always the named title's own. Under the budget the
    /// answer is `nearest(to:limit:)`'s.
    public mutating func nearestThenInsert(_ key: Key, title: String, limit: Int = 1, budget: Int? = nil) -> [DuplicateMatch<Key>] {
        var codes = self.codes
        self.codes = []
        defer { self.codes = codes }
        guard Similarity.isComparable(title) else {
            add(key, title: title, codes: [])
            return []
        }
        Similarity.sortedTrigrams(of: title, into: &codes)
        let ids = codes.map { trigramIDs[$0] }
        if budget != nil && !tracksSameSets { trackSameSets() }
        // The query's lists, rarest first, are also the order of the entry's known trigrams (its new ones come first).
        let known = Self.rarestFirst(ids.compactMap { $0 }, postings)
        let found = limit > 0 && !keys.isEmpty ? nearest(codes, ids: ids, limit: limit, budget: budget, rarestFirst: known) : []
        add(key, title: title, codes: codes, ids: ids, knownRarestFirst: known)
        return found
    }

    /// Adds an entry with its distinct trigrams (`ids`: their dense ids where known, worked out when nil).
    /// `knownRarestFirst`: the ids of `ids`, already ordered rarest first.
    private mutating func add(_ key: Key, title: String, codes: [UInt64], ids: [Int32?]? = nil, knownRarestFirst: [Int32]? = nil) {
        let position = Int32(keys.count)
        if let last = keys.last, !(last < key) { keysAscend = false }
        keys.append(key)
        titles.append(title)
        seen.append(0)
        var own: [Int32] = []
        own.reserveCapacity(codes.count)
        for (offset, code) in codes.enumerated() {
            if let id = ids?[offset] ?? trigramIDs[code] {
                if knownRarestFirst == nil { own.append(id) }
            } else {
                let id = Int32(postings.count)
                trigramIDs[code] = id
                postings.append([])
                inQuery.append(0)
                own.append(id)
            }
        }
        // New trigrams have no entries yet, so they are the rarest, in the order their ids were given.
        if let knownRarestFirst { own += knownRarestFirst } else { own = Self.rarestFirst(own, postings) }
        largest = max(largest, own.count)
        var signature: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        for id in own {
            postings[Int(id)].append(position)
            Self.mark(&signature, id)
        }
        signatures += [signature.0, signature.1, signature.2, signature.3]
        entryTrigrams += own
        starts.append(Int32(entryTrigrams.count))
        if tracksSameSets { registerSameSet(Int(position), codes: codes) }
    }

    /// How many posting-list entries an import's search of one row steps over before it settles for the best match found
    /// so far (see `nearestThenInsert(_:title:limit:budget:)`), chosen by measurement: 100,000 rows of `proeftuin bench`'s
    /// file then import within issue 17's 3 s (the exact search steps over about 9,800 a row there); at 10,000 rows the
    /// search is cut short for about 1 % of the rows, which then name a match a little less similar than the best.
    public static var importBudget: Int { 1_000 }

    /// Starts keeping the table of entries by their trigram set, with every entry added so far.
    private mutating func trackSameSets() {
        tracksSameSets = true
        sameSetBefore.reserveCapacity(keys.count)
        var codes: [UInt64] = []
        for position in keys.indices {
            codes.removeAll()
            if starts[position] < starts[position + 1] { Similarity.sortedTrigrams(of: titles[position], into: &codes) }
            registerSameSet(position, codes: codes)
        }
    }

    /// Puts an entry (the last one added, or the next in order while the table is built) into the table, by its sorted
    /// trigrams (none: a title too short to compare, never in the table).
    private mutating func registerSameSet(_ position: Int, codes: [UInt64]) {
        guard !codes.isEmpty else {
            sameSetBefore.append(-1)
            return
        }
        let hash = Self.setHash(codes)
        sameSetBefore.append(sameSetLast[hash] ?? -1)
        sameSetLast[hash] = Int32(position)
    }

    /// A hash of a trigram set given sorted.
    private static func setHash(_ sorted: [UInt64]) -> Int {
        var hasher = Hasher()
        hasher.combine(sorted.count)
        for code in sorted { hasher.combine(code) }
        return hasher.finalize()
    }

    /// A query with the scratch kept in the index.
    private mutating func nearest(
        _ codes: [UInt64], ids: [Int32?], limit: Int, budget: Int? = nil, rarestFirst: [Int32]? = nil
    ) -> [DuplicateMatch<Key>] {
        if query == UInt32.max {
            for index in seen.indices { seen[index] = 0 }
            for index in inQuery.indices { inQuery[index] = 0 }
            query = 0
        }
        query += 1
        var seen = self.seen, inQuery = self.inQuery
        self.seen = []
        self.inQuery = []  // one owner while searching, so the buffers are not copied
        defer {
            self.seen = seen
            self.inQuery = inQuery
        }
        let query = self.query
        // Entries with exactly the query's trigrams: only when every trigram of the query is known.
        var same: [Int] = []
        if budget != nil, !ids.isEmpty, !ids.contains(nil) {
            var position = sameSetLast[Self.setHash(codes)] ?? -1
            while position >= 0 {
                same.append(Int(position))
                position = sameSetBefore[Int(position)]
            }
        }
        return seen.withUnsafeMutableBufferPointer { seen in
            inQuery.withUnsafeMutableBufferPointer { inQuery in
                search(codes, ids: ids, limit: limit, skip: { _ in false }, seen: seen, inQuery: inQuery, query: query,
                       budget: budget ?? Int.max, same: same, rarestFirst: rarestFirst)
            }
        }
    }

    /// The best matches of a query of `codes.count` distinct trigrams (`ids`: their dense ids, nil for those no entry has),
    /// exactly as comparing every entry would rank them.
    ///
    /// The query's posting lists are walked rarest first. An entry first met in the `i`-th list is in none of the `i` lists
    /// before it, so it shares at most `m − i` of the query's `a` trigrams (`m` of them have a list) and at most its own
    /// size `b`: its score is at most 2·min(m − i, b)/(a + b). Only an entry whose bound reaches the score it has to beat
    /// (the threshold, or the `limit`-th best found so far, which it could still tie and pass with a lower key), also after
    /// the trigrams its signature shows the query lacks, is compared,
    /// trigram by trigram, and that comparison stops as soon as too many of its trigrams are missing from the query. Once
    /// no entry first met in a list could reach that score (2·(m − i)/(a + m − i) below it), the walk stops. So every
    /// entry that could be among the answers is compared exactly, and the answer is the full comparison's.
    ///
    /// A bounded search (`budget` below `Int.max`) starts from `same`, the entries that may hold exactly the query's
    /// trigrams (those that do score 1 and are answers before the walk), and stops the walk once it has stepped over
    /// `budget` posting-list entries and has an answer. `rarestFirst`: the query's known ids, already ordered rarest first.
    private func search(
        _ codes: [UInt64], ids: [Int32?], limit: Int, skip: (Key) -> Bool,
        seen: UnsafeMutableBufferPointer<UInt32>, inQuery: UnsafeMutableBufferPointer<UInt32>, query: UInt32,
        budget: Int = Int.max, same: [Int] = [], rarestFirst: [Int32]? = nil
    ) -> [DuplicateMatch<Key>] {
        let a = codes.count
        var lists: [Int32] = []
        lists.reserveCapacity(a)
        var signature: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        for id in ids {
            guard let id else { continue }
            lists.append(id)
            inQuery[Int(id)] = query
            Self.mark(&signature, id)
        }
        let lacking = (~signature.0, ~signature.1, ~signature.2, ~signature.3)
        lists = rarestFirst ?? Self.rarestFirst(lists, postings)
        let m = lists.count
        var best: [(shared: Int, size: Int, position: Int)] = []  // best first, at most `limit`
        /// The score of sharing `shared` trigrams with an entry of `size`, by `Similarity`'s formula.
        func score(_ shared: Int, _ size: Int) -> Double { 2 * Double(shared) / Double(a + size) }
        /// Whether an entry sharing at most `shared` trigrams, of `size`, could still be among the answers.
        func reaches(_ shared: Int, _ size: Int) -> Bool {
            let value = score(shared, size)
            guard value >= Similarity.threshold else { return false }
            guard best.count == limit, let last = best.last else { return true }
            return value >= score(last.shared, last.size)
        }
        /// The fewest trigrams an entry of each size has to share to be among the answers (more than its size: none), by
        /// `reaches`, worked out for a size when first needed after the answers changed (`settled` counts the changes).
        var need = [Int](repeating: 0, count: largest + 1)
        var worked = [Int](repeating: -1, count: largest + 1)
        var settled = 0
        func needed(_ size: Int) -> Int {
            if worked[size] == settled { return need[size] }
            var shared = max(0, Int(Double(a + size) * Similarity.threshold / 2) - 1)
            if best.count == limit, let last = best.last { shared = max(0, Int(Double(a + size) * score(last.shared, last.size) / 2) - 1) }
            while shared <= size && !reaches(shared, size) { shared += 1 }
            need[size] = shared
            worked[size] = settled
            return shared
        }
        func ranksBefore(_ shared: Int, _ size: Int, _ position: Int, _ other: (shared: Int, size: Int, position: Int)) -> Bool {
            let mine = score(shared, size), theirs = score(other.shared, other.size)
            return mine > theirs || (mine == theirs && keys[position] < keys[other.position])
        }
        for position in same {
            // Same hash; the same set when it has as many trigrams as the query and each is one of the query's.
            let start = Int(starts[position]), size = Int(starts[position + 1]) - start
            guard size == a, (start..<(start + size)).allSatisfy({ inQuery[Int(entryTrigrams[$0])] == query }) else { continue }
            seen[position] = query
            let place = best.firstIndex(where: { ranksBefore(a, a, position, $0) }) ?? best.count
            best.insert((a, a, position), at: place)
            if best.count > limit { best.removeLast() }
        }
        settled += 1
        // Nothing scores above 1, and every entry that scores 1 was in `same`.
        let walks = best.count < limit
        var stepped = 0
        entryTrigrams.withUnsafeBufferPointer { trigrams in
            starts.withUnsafeBufferPointer { starts in
                signatures.withUnsafeBufferPointer { signatures in
                    for (i, list) in lists.enumerated() {
                        let most = m - i  // what an entry first met here can share at most
                        guard walks, reaches(most, most), stepped < budget || best.isEmpty else { break }
                        postings[Int(list)].withUnsafeBufferPointer { positions in
                            for entry in positions {
                                stepped += 1
                                if stepped > budget && !best.isEmpty { break }
                                let position = Int(entry)
                                if seen[position] == query { continue }
                                seen[position] = query
                                let start = Int(starts[position]), size = Int(starts[position + 1]) - start
                                let required = needed(size)
                                guard min(most, size) >= required else { continue }
                                let words = position * 4
                                let missingAtLeast = (signatures[words] & lacking.0).nonzeroBitCount + (signatures[words + 1] & lacking.1).nonzeroBitCount
                                    + (signatures[words + 2] & lacking.2).nonzeroBitCount + (signatures[words + 3] & lacking.3).nonzeroBitCount
                                guard size - missingAtLeast >= required else { continue }
                                // With ascending keys, a later entry that can at most tie the last answer ranks after it.
                                if keysAscend, best.count == limit, let last = best.last, position > last.position,
                                   score(min(most, size), size) <= score(last.shared, last.size) { continue }
                                var shared = 0, missing = 0
                                var compared = true
                                for offset in start..<(start + size) {
                                    if inQuery[Int(trigrams[offset])] == query {
                                        shared += 1
                                    } else {
                                        missing += 1
                                        if size - missing < required {
                                            compared = false
                                            break
                                        }
                                    }
                                }
                                guard compared, shared > 0, score(shared, size) >= Similarity.threshold else { continue }
                                if best.count == limit, let last = best.last, !ranksBefore(shared, size, position, last) { continue }
                                guard !skip(keys[position]) else { continue }
                                let place = best.firstIndex(where: { ranksBefore(shared, size, position, $0) }) ?? best.count
                                best.insert((shared, size, position), at: place)
                                if best.count > limit { best.removeLast() }
                                if best.count == limit { settled += 1 }
                            }
                        }
                    }
                }
            }
        }
        return best.map {
            DuplicateMatch(key: keys[$0.position], title: titles[$0.position], similarity: score($0.shared, $0.size), position: $0.position)
        }
    }

    /// Sets the bit of a trigram id in a signature.
    private static func mark(_ signature: inout (UInt64, UInt64, UInt64, UInt64), _ id: Int32) {
        let bit = UInt64(1) << UInt64(id & 63)
        switch (id >> 6) & 3 {
        case 0: signature.0 |= bit
        case 1: signature.1 |= bit
        case 2: signature.2 |= bit
        default: signature.3 |= bit
        }
    }

    /// Trigram ids ordered by how many entries hold each, fewest first (ties: lower id first).
    private static func rarestFirst(_ ids: [Int32], _ postings: [[Int32]]) -> [Int32] {
        var packed = ids.map { UInt64(postings[Int($0)].count) << 32 | UInt64(UInt32(bitPattern: $0)) }
        packed.sort()
        return packed.map { Int32(bitPattern: UInt32(truncatingIfNeeded: $0)) }
    }

    /// Equal when they hold the same entries in the same order (everything else follows from them, or is scratch).
    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.keys == rhs.keys && lhs.titles == rhs.titles
    }
}
