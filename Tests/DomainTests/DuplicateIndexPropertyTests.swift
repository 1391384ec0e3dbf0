import Domain
import Foundation
import PropertyBased
import Testing

/// The index's pruning (score bounds, early stops, ties settled by position) never changes an answer: every query gives
/// what comparing the query with every title by `Similarity.of` gives, on random titles, on near-identical ones and on
/// repeated ones, with keys in insertion order and out of it.
@Suite("Duplicates: the index answers as comparing every title does")
struct DuplicateIndexPropertyTests {
    /// Every entry compared with the query, ordered as the index orders (most similar, then lowest key), skipped keys
    /// left out, at most `limit`.
    static func bruteForce(_ query: String, _ entries: [(key: Int, title: String)], limit: Int, skip: (Int) -> Bool = { _ in false })
        -> [(key: Int, similarity: Double)]
    {
        Array(entries.map { (key: $0.key, similarity: Similarity.of(query, $0.title)) }
            .filter { $0.similarity >= Similarity.threshold && !skip($0.key) }
            .sorted { ($0.similarity, $1.key) > ($1.similarity, $0.key) }.prefix(limit))
    }

    /// Queries every title of `titles` as an import does (then adds it), and once more through `matches` with a skipped key,
    /// checking each answer against the brute force.
    static func check(_ titles: [String], keys: [Int], limit: Int) {
        var index = DuplicateIndex<Int>()
        var entries: [(key: Int, title: String)] = []
        for (number, title) in titles.enumerated() {
            let key = keys[number]
            let expected = bruteForce(title, entries, limit: limit)
            let fresh = index.matches(for: title, limit: limit)
            #expect(fresh.map(\.key) == expected.map(\.key), "\(number): \(title)")
            #expect(fresh.map(\.similarity) == expected.map(\.similarity), "\(number): \(title)")
            for match in fresh { #expect(entries[match.position].key == match.key && entries[match.position].title == match.title) }
            if let skipped = expected.first?.key {
                let expectedSkipping = bruteForce(title, entries, limit: limit, skip: { $0 == skipped })
                #expect(index.matches(for: title, limit: limit, skip: { $0 == skipped }).map(\.key) == expectedSkipping.map(\.key))
            }
            if number % 2 == 0 {
                #expect(index.nearest(to: title, limit: limit) == fresh)
                index.insert(key, title: title)
            } else {
                #expect(index.nearestThenInsert(key, title: title, limit: limit) == fresh)
            }
            entries.append((key, title))
        }
        #expect(index.count == titles.count)
    }

    static let words = ["de", "wijk", "buurt", "samen", "schuldhulp", "aan", "keukentafel", "voor", "jongeren", "ouderen", "in",
                        "Noord", "taalcafé", "Taalcafe", "bibliotheek", "huis", "x", "energiecoach", "met", "open", "tafel", "Één",
                        "loket", "straat", "12", "2024", "ß", "naïef", "café", "Ĳsselstraat", "e\u{301}en", "!", "-", "Wijk"]

    @Test func randomTitlesFromSharedWords() async {
        let title = Gen.element(of: Self.words).compactMap { $0 }.array(of: 0...7).map { $0.joined(separator: " ") }
        await propertyCheck(count: 40, input: title.array(of: 1...60), Gen.int(in: 1...3), Gen.bool) { titles, limit, ascending in
            let keys = ascending ? Array(titles.indices) : titles.indices.map { ($0 * 37 + 11) % 101 }
            Self.check(titles, keys: keys, limit: limit)
        }
    }

    @Test func nearIdenticalTitlesNumberedInOrderAndOutOfIt() {
        let inOrder = (1...250).map { "Idee nummer \($0) over iets" }
        Self.check(inOrder, keys: Array(inOrder.indices), limit: 1)
        var random = FixedRandom(state: 7)
        let shuffled = inOrder.shuffled(using: &random)
        Self.check(shuffled, keys: shuffled.indices.map { 1_000 - $0 }, limit: 2)
    }

    @Test func repeatedTitlesTieAndTheLowestKeyWins() {
        let titles = (0..<120).map { ["Buurtkamer met open tafel", "Buurtkamer open", "Open tafel in de buurtkamer"][$0 % 3] }
        Self.check(titles, keys: Array(titles.indices), limit: 1)
        Self.check(titles, keys: titles.indices.map { 500 - $0 }, limit: 3)
    }

    @Test func titlesLikeAMunicipalitysList() {
        let subjects = ["Buurtmoestuin", "Taalcafé", "Schuldhulp aan de keukentafel", "Energiecoach", "Wijkkamer", "Repaircafé"]
        let groups = ["jongeren", "ouderen", "nieuwkomers", "mantelzorgers"]
        let syllables = ["ber", "ka", "lin", "dro", "ven", "mo", "sta", "ri"]
        let titles = (1...300).map { number -> String in
            var street = "", rest = number
            repeat {
                street += syllables[rest % syllables.count]
                rest /= syllables.count
            } while rest > 0
            return "\(subjects[number % subjects.count]) voor \(groups[(number / 7) % groups.count]) aan de \(street.capitalized)straat"
        }
        Self.check(titles, keys: Array(titles.indices), limit: 1)
    }

    /// The ASCII path gives the trigrams that folding through Foundation and reading characters gives.
    @Test func asciiTrigramsAreTheFoldedOnes() async {
        let ascii = Gen.element(of: Array(0..<128).compactMap { Unicode.Scalar($0) }).compactMap { $0 }
        await propertyCheck(count: 300, input: ascii.array(of: 0...30)) { scalars in
            let text = String(String.UnicodeScalarView(scalars))
            #expect(Similarity.trigrams(text) == Self.foldedTrigrams(text), "\(text.debugDescription)")
            var sorted: [UInt64] = []
            Similarity.sortedTrigrams(of: text, into: &sorted)
            #expect(sorted == Self.foldedTrigrams(text).sorted())
            let letters = text.filter { $0.isLetter || $0.isNumber }.count
            #expect(Similarity.isComparable(text) == (letters >= Similarity.minimumLetters))
        }
    }

    /// `Similarity.trigrams` as it was before its ASCII path: fold through Foundation, then read characters.
    static func foldedTrigrams(_ text: String) -> Set<UInt64> {
        var result = Set<UInt64>()
        var first: UInt64 = 0, second: UInt64 = 0, length = 0
        func push(_ code: UInt64) {
            if length >= 2 { result.insert(first << 42 | second << 21 | code) }
            first = second
            second = code
            length += 1
        }
        for character in TextSearch.fold(text) {
            if character.isLetter || character.isNumber {
                if length == 0 { push(0x20) }
                push(UInt64(character.unicodeScalars.first!.value))
            } else if length > 0 {
                push(0x20)
                length = 0
            }
        }
        if length > 0 { push(0x20) }
        return result
    }

    /// A fixed sequence of numbers (splitmix64), so a shuffled test is the same every run.
    struct FixedRandom: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }
}
