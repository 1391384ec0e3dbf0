import Domain
import Foundation
import Testing

@Suite("Privacy and similarity")
struct PrivacyTests {
    @Test("BSN eleven-test", arguments: [
        ("111222333", true), ("123456782", true), ("123456789", false), ("000000000", false), ("12345678", false),
    ])
    func elevenTest(digits: String, valid: Bool) {
        #expect(Privacy.isBSN(digits) == valid)
    }

    @Test func findsBSNsInText() {
        #expect(Privacy.possibleBSNs(in: "bsn 111222333, tel 0612345678") == ["111222333"])
        #expect(Privacy.possibleBSNs(in: "nummer 123.456.782 genoteerd") == ["123456782"])
        #expect(Privacy.possibleBSNs(in: "1112223334 is te lang") == [])
        #expect(Privacy.possibleBSNs(in: "geen nummers") == [])
    }

    @Test func similarTitlesAreFound() {
        #expect(Similarity.of("Schuldhulp aan de keukentafel", "Schuldhulp aan de keukentafel thuis") >= Similarity.threshold)
        #expect(Similarity.of("Gratis schoolontbijt", "Energiecoaches voor huurders") < 0.2)
        #expect(Similarity.dice(Similarity.trigrams("Één loket"), Similarity.trigrams("een loket")) == 1)
    }
}

@Suite("Portfolio metrics")
struct PortfolioMetricsTests {
    let today = DayDate(year: 2026, month: 11, day: 30)!

    func day(_ text: String) -> Date {
        let parts = text.split(separator: "-").compactMap { Int($0) }
        return Date(timeIntervalSince1970: Double(DayDate(year: parts[0], month: parts[1], day: parts[2])!.dayNumber) * 86_400 + 43_200)
    }

    @Test func countsOverdueStaleThroughputAndLeadTime() {
        let ideas: [(id: IdeaID, title: String, theme: String, stage: Stage, updated: DayDate, review: DayDate?)] = [
            (IdeaID(1), "A", "Wijk", .experimenting, DayDate(year: 2026, month: 11, day: 1)!, DayDate(year: 2026, month: 11, day: 20)!),
            (IdeaID(2), "B", "Wijk", .scaling, DayDate(year: 2026, month: 11, day: 29)!, DayDate(year: 2027, month: 1, day: 1)!),
            (IdeaID(3), "C", "", .stopped, DayDate(year: 2026, month: 1, day: 1)!, nil),
            (IdeaID(4), "D", "Jeugd", .proposed, DayDate(year: 2026, month: 11, day: 25)!, nil),
        ]
        let changes = [
            StageChange(idea: IdeaID(2), at: day("2026-08-01"), from: nil, to: .proposed),
            StageChange(idea: IdeaID(2), at: day("2026-08-11"), from: .proposed, to: .experimenting),
            StageChange(idea: IdeaID(2), at: day("2026-09-10"), from: .experimenting, to: .learning),
            StageChange(idea: IdeaID(2), at: day("2026-10-10"), from: .learning, to: .scaling),
            StageChange(idea: IdeaID(3), at: day("2026-09-01"), from: nil, to: .proposed),
            StageChange(idea: IdeaID(3), at: day("2026-09-21"), from: .proposed, to: .stopped),
        ]
        let metrics = PortfolioMetrics.compute(ideas: ideas, changes: changes, today: today, staleDays: 14, months: 4) { date in
            DayDate(dayNumber: Int(date.timeIntervalSince1970 / 86_400))
        }
        #expect(metrics.themes == ["Jeugd", "Wijk", "—"])
        #expect(metrics.matrix["Wijk"]?[.experimenting] == 1)
        #expect(metrics.overdue.map(\.idea) == [IdeaID(1)])
        #expect(metrics.stale.map(\.idea) == [IdeaID(1)], "stopped ideas are never stale")
        #expect(metrics.throughput.map(\.month) == ["2026-08", "2026-09", "2026-10", "2026-11"])
        #expect(metrics.throughput.map(\.scaled) == [0, 0, 1, 0])
        #expect(metrics.throughput.map(\.stopped) == [0, 1, 0, 0])
        #expect(metrics.medianLeadTime[.proposed] == 15, "10 and 20 days")
        #expect(metrics.medianLeadTime[.experimenting] == 30)
        #expect(metrics.medianLeadTime[.scaling] == nil, "stays that have not ended do not count")
    }
}
