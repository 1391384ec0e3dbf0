import AppCore
import Domain
import Foundation
import PropertyBased
import Screen
import Testing

/// The detail view and the board with texts of megabytes and measurements near ±1e308: fast, and never a crash.
@Suite("Hardening: long texts and extreme values on screen")
struct LongTextAndExtremeValueTests {
    func detailState(description: String, title: String = "Lang", cycles: [Cycle] = []) -> AppState {
        var state = AppState(language: .en, size: Size(width: 100, height: 30))
        state.setBoard(BoardData(cards: [], today: november30))
        let moment = Date(timeIntervalSince1970: 1_790_000_000)
        let idea = Idea(id: IdeaID(7), fields: IdeaFields(title: title, description: description), stage: .experimenting, position: 1,
                        createdAt: moment, updatedAt: moment, cycleCount: cycles.count)
        state.mode = .detail(DetailState(id: IdeaID(7), detail: IdeaDetail(idea: idea, cycles: cycles)))
        return state
    }

    @Test func anUnbrokenWordOfTenMegabytesDrawsQuickly() {
        let word = String(repeating: "a", count: 10_000_000)
        let started = Date()
        let lines = Renderer(timeZone: TimeZone(identifier: "UTC")!).render(detailState(description: word, title: word)).lines()
        let seconds = Date().timeIntervalSince(started)
        #expect(seconds < 2, "a frame took \(seconds) s")
        #expect(lines[0].hasPrefix(" #7  aaaa") && lines[0].hasSuffix("…"))
        #expect(lines.contains(" " + String(repeating: "a", count: 98)))
    }

    @Test func a300000CharacterWordWrapsInLinearTime() {
        let word = String(repeating: "b", count: 300_000)
        let started = Date()
        let lines = DisplayWidth.wrap(word, to: 80)
        #expect(Date().timeIntervalSince(started) < 2)
        #expect(lines.count == 3_750)
        #expect(lines.allSatisfy { $0.count == 80 })
    }

    @Test func aLongDescriptionIsCutWithANote() {
        let text = (1...40_000).map { "w\($0)" }.joined(separator: " ")
        let state = detailState(description: text)
        var scrolled = state
        if case .detail(var detail) = scrolled.mode {
            detail.scroll = 100_000
            scrolled.mode = .detail(detail)
        }
        let lines = Renderer(timeZone: TimeZone(identifier: "UTC")!).render(scrolled).lines()
        #expect(lines.contains(" … longer than shown here: 'proeftuin show #7' prints it in full"))
    }

    @Test func measurementsNearTheLimitsOfDoublesDraw() {
        let extremes = [1e308, -1e308, .greatestFiniteMagnitude, 0]
        let cycle = Cycle(
            number: 1, testCard: TestCard(hypothesis: "h", action: "a", metric: "m", successCriterion: "-1e308 of " + String(repeating: "9", count: 320)),
            owner: "o", reviewDate: november30,
            measurements: extremes.map { MetricMeasurement(date: november30, value: $0) })
        let lines = Renderer(timeZone: TimeZone(identifier: "UTC")!).render(detailState(description: "", cycles: [cycle])).lines()
        #expect(lines.contains { $0.contains("Measurements  ▆▁█▄") }, "\(lines)")
        #expect(Sparkline.draw([.infinity, .nan, 1e308, -1e308], target: .nan) == "█▁")
    }

    /// Wrapping any text keeps every line within the width and loses no visible character of narrow text.
    @Test func wrappingKeepsWidthAndText() async {
        let pieces = Gen.element(of: ["a", "bb", " ", "  ", "\n", "中", "é", "x\u{301}", String(repeating: "z", count: 50)]).map { $0 ?? "" }
        await propertyCheck(count: 1_000, input: pieces.array(of: 0...40), Gen.int(in: 1...30)) { parts, width in
            let text = parts.joined()
            let lines = DisplayWidth.wrap(text, to: width)
            #expect(lines.allSatisfy { DisplayWidth.of($0) <= width })
            if width >= 2 {
                #expect(lines.joined().filter { $0 != " " && $0 != "\n" } == text.filter { $0 != " " && $0 != "\n" })
            }
            let cut = DisplayWidth.truncate(text, to: width)
            #expect(DisplayWidth.of(cut) <= width)
            if DisplayWidth.of(text) <= width { #expect(cut == text) }
        }
    }
}
