import Domain
import Testing

@Suite("Duplicates: one formula")
struct DuplicateIndexTests {
    let titles = ["Schuldhulp aan de keukentafel", "Energiecoaches voor huurders", "Schuldhulp thuis", "Buurtkamer met open tafel",
                  "Keukentafelgesprek door ervaringsdeskundige", "Schuldhulp aan keukentafel", "Bus", "Schuldhulp aan de keukentafel"]

    /// Every title compared with the query by `Similarity.of`, ordered as the index orders: most similar, then lowest key.
    func bruteForce(_ query: String) -> [Int] {
        titles.enumerated().map { ($0.offset, Similarity.of(query, $0.element)) }
            .filter { $0.1 >= Similarity.threshold }.sorted { ($0.1, $1.0) > ($1.1, $0.0) }.map(\.0)
    }

    @Test(arguments: ["Schuldhulp aan de keukentafel thuis", "Energiecoach huurders", "keukentafel", "Bus", "", "Open buurtkamer"])
    func findsWhatComparingEveryTitleFinds(query: String) {
        let index = DuplicateIndex(titles.enumerated().map { ($0.offset, $0.element) })
        let found = index.matches(for: query, limit: titles.count)
        #expect(found.map(\.key) == bruteForce(query))
        for match in found {
            #expect(match.similarity == Similarity.of(query, titles[match.key]))
            #expect(match.title == titles[match.key])
            #expect(match.position == match.key)
        }
    }

    @Test func shortTitlesAreNeverCompared() {
        let index = DuplicateIndex([(1, "Bus"), (2, "Bus!")])
        #expect(Similarity.of("Bus", "Bus") == 0)
        #expect(index.matches(for: "Bus").isEmpty)
        #expect(index.matches(for: "Bus lijn").isEmpty, "a short stored title is not found either")
    }

    @Test func tiesGoToTheLowerKeyAndSkippedKeysAreLeftOut() {
        let index = DuplicateIndex([(9, "Buurtkamer met open tafel"), (4, "Buurtkamer met open tafel"), (6, "Buurtkamer open")])
        #expect(index.matches(for: "Buurtkamer met open tafel").map(\.key) == [4, 9, 6])
        #expect(index.matches(for: "Buurtkamer met open tafel", limit: 1).map(\.key) == [4])
        #expect(index.matches(for: "Buurtkamer met open tafel", skip: { $0 == 4 }).map(\.key) == [9, 6])
    }

    @Test func growsAsRowsArrive() {
        var index = DuplicateIndex<Int>()
        #expect(index.matches(for: "Taalcafé in de bibliotheek").isEmpty)
        index.insert(1, title: "Taalcafe in de bibliotheek")
        #expect(index.matches(for: "Taalcafé in de bibliotheek").map(\.key) == [1], "accents are folded")
        #expect(index.count == 1)
    }

    @Test func importRowsAreComparedWithStoredIdeasAndEarlierRows() throws {
        let drafts = try IdeaImport.csv("title\nSchuldhulp aan de keukentafel\nGratis schoolontbijt\nSchuldhulp aan keukentafel thuis\nEnergiecoach\n").get()
        let found = IdeaImport.likelyDuplicates(of: drafts, stored: [(IdeaID(7), "Energiecoaches")], limit: 3)
        #expect(found.map(\.location) == [.line(4), .line(5)])
        #expect(found.map(\.match.key) == [.row(.line(2)), .stored(IdeaID(7))])
        #expect(found[0].match.similarity == Similarity.of("Schuldhulp aan keukentafel thuis", "Schuldhulp aan de keukentafel"))
    }

    /// Prefix filtering and the reused counting buffer give what comparing every title gives, on titles that share
    /// many common words (the case prefix filtering skips lists for) and short ones, queried as an import queries.
    @Test func aRunOfQueriesFindsWhatComparingEveryTitleFinds() {
        let words = ["de", "wijk", "buurt", "samen", "schuldhulp", "aan", "keukentafel", "voor", "jongeren", "ouderen", "in", "Noord",
                     "taalcafé", "bibliotheek", "huis", "x", "energiecoach", "met", "open", "tafel"]
        var seed: UInt64 = 42
        func next(_ bound: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(bound))
        }
        var index = DuplicateIndex<Int>()
        var seen: [String] = []
        for number in 0..<300 {
            let title = (0...next(5)).map { _ in words[next(words.count)] }.joined(separator: " ")
            let expected = seen.enumerated().map { ($0.offset, Similarity.of(title, $0.element)) }
                .filter { $0.1 >= Similarity.threshold }.sorted { ($0.1, $1.0) > ($1.1, $0.0) }.prefix(3)
            let fresh = index.matches(for: title, limit: 3)
            let reused = index.nearest(to: title, limit: 3)
            #expect(fresh.map(\.key) == expected.map(\.0), "\(number): \(title)")
            #expect(fresh.map(\.similarity) == expected.map(\.1))
            #expect(reused == fresh)
            index.insert(number, title: title)
            seen.append(title)
        }
    }
}
