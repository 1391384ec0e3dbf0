import AppCore
import Domain
import Foundation
import Reports
import Storage
import Testing

/// Golden-file tests: the reports for the demo portfolio at a fixed moment must match the committed files
/// byte for byte. Regenerate after an intended change with `UPDATE_GOLDEN=1 swift test --filter ReportGolden`.
@Suite("Reports: golden files")
struct ReportGoldenTests {
    static let moment = Date(timeIntervalSince1970: 1_796_040_000)  // 2026-11-30 12:00 UTC
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static func data(theme: String? = nil, since: DayDate? = nil, personal: Bool = false) throws -> ReportData {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("proeftuin-report-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = try AppDatabase.open(DataDirectory(url: directory), actor: "Griffie", clock: { moment })
        try database.seedDemo(now: moment)
        var hostile = IdeaFields(title: "<script>alert('x')</script> & \u{1B}[31mrood", description: "a | b *c*", submitter: "A. Jansen")
        hostile.theme = "Wonen en wijk"
        try database.add(hostile)
        let utc: @Sendable (Date) -> DayDate = { DayDate(dayNumber: Int(($0.timeIntervalSince1970 / 86_400).rounded(.down))) }
        return try ReportData.load(from: database, today: DayDate(year: 2026, month: 11, day: 30)!, since: since, theme: theme,
                                   includePersonal: personal, calendarDay: utc)
    }

    func check(_ text: String, against name: String) throws {
        let url = Self.golden.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(text == expected, "\(name) differs from the golden file; if intended, regenerate with UPDATE_GOLDEN=1")
    }

    @Test func markdownEnglish() throws {
        try check(MarkdownReport.render(try Self.data(), strings: Strings(.en)), against: "report-en.md")
    }

    @Test func markdownDutchOneThemeSince() throws {
        let data = try Self.data(theme: "Armoede en schulden", since: DayDate(year: 2026, month: 9, day: 1)!)
        try check(MarkdownReport.render(data, strings: Strings(.nl)), against: "report-nl-armoede.md")
    }

    @Test func html() throws {
        try check(HTMLReport.render(try Self.data(), strings: Strings(.en)), against: "report-en.html")
    }

    @Test func htmlIsSelfContainedAndEscaped() throws {
        let html = HTMLReport.render(try Self.data(), strings: Strings(.nl))
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"nl\">"))
        #expect(html.hasSuffix("</html>\n"))
        #expect(!html.contains("<script"), "no scripts, and user text is escaped")
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; rood"))
        #expect(!html.contains("src="), "no external resources")
        #expect(!html.contains("href="), "no links to outside")
        #expect(!html.contains("\u{1B}"))
        #expect(html.contains("<svg"))
        #expect(html.contains("@page { size: A4"))
        #expect(!html.contains("A. Jansen"), "personal data only with --include-personal")
        let personal = HTMLReport.render(try Self.data(personal: true), strings: Strings(.nl))
        #expect(personal.contains("A. Jansen"))
    }

    @Test func sameDataSameReport() throws {
        let a = MarkdownReport.render(try Self.data(), strings: Strings(.en))
        let b = MarkdownReport.render(try Self.data(), strings: Strings(.en))
        #expect(a == b)
    }
}
