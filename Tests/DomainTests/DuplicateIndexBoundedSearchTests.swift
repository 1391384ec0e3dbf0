import Domain
import PropertyBased
import Testing

/// An import's bounded search (`nearestThenInsert` with a budget) against comparing every title by `Similarity.of`: it
/// finds a match exactly when one exists, the similarity it names is the named title's, an exact duplicate is always
/// named with similarity 1 (the lowest key among them), and while the budget is not reached the answer is the exact one.
@Suite("Duplicates: an import's bounded search")
struct DuplicateIndexBoundedSearchTests {
    typealias Brute = DuplicateIndexPropertyTests

    /// Queries every title as an import does, with `budget`, beside an unbounded index, checking each answer against the
    /// brute force; returns how many answers differed from the exact one.
    @discardableResult
    static func check(_ titles: [String], keys: [Int], limit: Int, budget: Int) -> Int {
        var bounded = DuplicateIndex<Int>()
        var exact = DuplicateIndex<Int>()
        var entries: [(key: Int, title: String)] = []
        var differed = 0
        for (number, title) in titles.enumerated() {
            let key = keys[number]
            let expected = Brute.bruteForce(title, entries, limit: limit)
            let found = bounded.nearestThenInsert(key, title: title, limit: limit, budget: budget)
            #expect(exact.nearestThenInsert(key, title: title, limit: limit).map(\.key) == expected.map(\.key))
            // Whether the title has a likely duplicate is answered exactly.
            #expect(found.isEmpty == expected.isEmpty, "\(number): \(title)")
            #expect(found.count <= limit)
            // Each similarity named is the named title's own, at least the threshold; no title is named twice.
            for match in found {
                #expect(entries[match.position].key == match.key && entries[match.position].title == match.title)
                #expect(match.similarity == Similarity.of(title, match.title), "\(number): \(title) ~ \(match.title)")
                #expect(match.similarity >= Similarity.threshold)
            }
            #expect(Set(found.map(\.key)).count == found.count)
            // Exact duplicates (the same trigrams: similarity 1) come first, all of them up to `limit`, lowest key first.
            #expect(found.prefix { $0.similarity == 1 }.map(\.key) == expected.prefix { $0.similarity == 1 }.map(\.key), "\(number): \(title)")
            if found.map(\.key) != expected.map(\.key) { differed += 1 }
            entries.append((key, title))
        }
        return differed
    }

    /// Titles of a municipality's list: a subject, a group and a made-up street, so that many are alike.
    static func municipalityTitles(_ count: Int, subjects: Int = 6) -> [String] {
        let subjectNames = ["Buurtmoestuin", "Taalcafé", "Schuldhulp aan de keukentafel", "Energiecoach", "Maatjesproject", "Huiswerkklas",
                            "Wijkkamer", "Fietsmaatjes", "Repaircafé", "Ontmoetingsplek", "Budgetcursus", "Burenhulp", "Kookclub",
                            "Wandelgroep", "Klussendienst", "Voorleesproject"].prefix(subjects)
        let groups = ["jongeren", "ouderen", "nieuwkomers", "mantelzorgers", "gezinnen", "statushouders", "studenten", "alleenstaanden"]
        let syllables = ["ber", "ka", "lin", "dro", "ven", "mo", "sta", "ri", "pel", "do", "gau", "wen", "tus", "hor", "zee", "lan"]
        return (1...count).map { number in
            var street = "", rest = number
            repeat {
                street += syllables[rest % syllables.count]
                rest /= syllables.count
            } while rest > 0
            let subject = subjectNames[number % subjectNames.count]
            return "\(subject) voor \(groups[(number / 7) % groups.count]) aan de \(street.prefix(1).uppercased() + street.dropFirst())straat"
        }
    }

    @Test func randomTitlesWithAnyBudget() async {
        // Few words, so that titles repeat, in the same or another order ("open tafel" and "tafel open" have the same trigrams).
        let words = ["buurtkamer", "open", "tafel", "taalcafé", "Taalcafe", "voor", "jongeren", "de", "wijk", "x"]
        let title = Gen.element(of: words).compactMap { $0 }.array(of: 0...4).map { $0.joined(separator: " ") }
        await propertyCheck(count: 40, input: title.array(of: 1...80), Gen.int(in: 1...3), Gen.int(in: 0...40), Gen.bool) {
            titles, limit, budget, ascending in
            let keys = ascending ? Array(titles.indices) : titles.indices.map { ($0 * 37 + 11) % 101 }
            Self.check(titles, keys: keys, limit: limit, budget: budget)
        }
    }

    @Test(arguments: [0, 1, 10, 100])
    func manyAlikeTitlesWithASmallBudget(budget: Int) {
        let titles = Self.municipalityTitles(300)
        // With hundreds of similar titles a small budget names a good match, not always the best: the checks above hold.
        let differed = Self.check(titles + titles.prefix(40), keys: Array(0..<340), limit: 1, budget: budget)
        if budget <= 10 { #expect(differed > 0, "a budget this small stops walks that the exact search goes on with") }
    }

    @Test func exactDuplicatesAreNamedWhereverTheyAre() {
        let titles = Self.municipalityTitles(300)
        // Each later title repeats an earlier one, as typed again (case and accents aside) or with its words in another order.
        let repeats = stride(from: 0, to: 300, by: 7).map { titles[$0].uppercased() } + ["Taalcafe voor jongeren aan de Kastraat"]
        Self.check(titles + repeats, keys: Array(0..<(titles.count + repeats.count)), limit: 2, budget: 0)
        Self.check(titles + repeats, keys: (0..<(titles.count + repeats.count)).map { 10_000 - $0 }, limit: 1, budget: 0)
    }

    @Test func underTheBudgetTheAnswerIsTheExactOne() async {
        let words = ["de", "wijk", "buurt", "samen", "schuldhulp", "aan", "keukentafel", "voor", "jongeren", "ouderen", "Noord", "x"]
        let title = Gen.element(of: words).compactMap { $0 }.array(of: 0...6).map { $0.joined(separator: " ") }
        await propertyCheck(count: 30, input: title.array(of: 1...60), Gen.int(in: 1...3)) { titles, limit in
            #expect(Self.check(titles, keys: Array(titles.indices), limit: limit, budget: 1_000_000) == 0)
        }
        #expect(Self.check(Self.municipalityTitles(300), keys: Array(0..<300), limit: 1, budget: 1_000_000) == 0)
    }

    /// The file `proeftuin bench` imports, at 10,000 rows, with an import's budget beside the exact search: the same rows
    /// have a likely duplicate, every similarity named is the named title's, and most rows (the searches the budget does
    /// not cut short) name the very match the exact search names.
    @Test func tenThousandGeneratedRowsWithTheImportBudget() {
        let titles = Self.municipalityTitles(10_000, subjects: 16)
        var bounded = DuplicateIndex<Int>()
        var exact = DuplicateIndex<Int>()
        var same = 0, named = 0
        for (number, title) in titles.enumerated() {
            let found = bounded.nearestThenInsert(number, title: title, limit: 1, budget: DuplicateIndex<Int>.importBudget)
            let best = exact.nearestThenInsert(number, title: title, limit: 1)
            #expect(found.isEmpty == best.isEmpty)
            if let match = found.first {
                #expect(match.similarity == Similarity.of(title, titles[match.key]) && match.similarity <= best[0].similarity)
                named += 1
            }
            if found == best { same += 1 }
        }
        #expect(named == 9_998, "all rows but the first two have a likely duplicate, as the command says")
        #expect(same >= 9_800, "\(same) of 10,000 rows name the exact search's match")
    }
}
