import AppCore
import Domain
import Foundation
import Reports
import Storage
import Testing

/// Reports over stored values no form would accept (another tool, an old import): they render, they do not crash.
@Suite("Hardening: reports with extreme values")
struct ExtremeValueReportTests {
    @Test func measurementsNearTheLimitsOfDoublesRender() throws {
        var data = try ReportGoldenTests.data()
        let index = try #require(data.ideas.firstIndex { $0.idea.stage == .experimenting && !$0.cycles.isEmpty })
        let last = data.ideas[index].cycles.count - 1
        data.ideas[index].cycles[last].measurements = [1e308, -1e308, .greatestFiniteMagnitude, -.greatestFiniteMagnitude, 0].map {
            MetricMeasurement(date: DayDate(year: 2026, month: 11, day: 1)!, value: $0)
        }
        data.ideas[index].cycles[last].testCard.successCriterion = "meer dan " + String(repeating: "9", count: 400)
        let html = HTMLReport.render(data, strings: Strings(.en))
        #expect(html.contains("<polyline points=\"10,"))
        #expect(!html.contains("\"nan") && !html.contains(",nan") && !html.contains("inf\""))
        let markdown = MarkdownReport.render(data, strings: Strings(.nl))
        // In Dutch with a decimal comma, or in scientific notation.
        #expect(markdown.contains("1e+308") || markdown.contains("100000000000000001097906362944045541740492309677311846336810682903157585404911491537163328978494688899061249669721172515611590283743140088328307009198146046031271664502933027185697489699588559043338384466165001178426897626212945177628091195786707458122783970171784415105291802893207873272974885715430223118336"))
    }
}
