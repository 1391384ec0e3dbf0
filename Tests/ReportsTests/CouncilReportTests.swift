import AppCore
import Domain
import Foundation
import Reports
import Storage
import Testing

/// A clock the test moves on, so the small portfolio has a history spread over the year.
final class MovingClock: @unchecked Sendable {
    private let lock = NSLock()
    private var moment = Date(timeIntervalSince1970: 0)

    var now: Date { lock.withLock { moment } }

    /// Noon UTC of the given day.
    func set(_ day: String) { lock.withLock { moment = Date(timeIntervalSince1970: Double(DayDate(parsing: day)!.dayNumber) * 86_400 + 43_200) } }
}

/// Golden files for the council report on a fixed small portfolio and a fixed date: what was tried, learned, decided,
/// what comes next, the questions, the learning figures and charts; and no personal data in it.
/// Regenerate after an intended change with `UPDATE_GOLDEN=1 swift test --filter CouncilReport`.
@Suite("Reports: the council report")
struct CouncilReportTests {
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    static let utc: @Sendable (Date) -> DayDate = { DayDate(dayNumber: Int(($0.timeIntervalSince1970 / 86_400).rounded(.down))) }

    static func bounds(_ budget: Double, weeks: Int, harm: String, safeguard: String, stop: String) -> SafeBounds {
        SafeBounds(budgetCap: budget, maxDuration: MaxDuration(count: weeks, unit: .weeks), harm: harm, safeguard: safeguard, stopRule: stop)
    }

    static func data() throws -> CouncilData {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("proeftuin-council-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let clock = MovingClock()
        let database = try AppDatabase.open(DataDirectory(url: directory), actor: "Griffie", clock: { clock.now })
        func move(_ id: IdeaID, _ target: Stage, _ reason: String, _ gate: StageGate) throws {
            try database.apply(.move(MoveRequest(id: id, target: target, reason: reason, gate: gate, enforceRules: false)))
        }
        clock.set("2026-02-02")
        let kitchen = try database.add(IdeaFields(title: "Schuldhulp aan de keukentafel", source: .professional,
                                                  submitter: "Fatima El Amrani", theme: "Armoede en schulden")).id
        let breakfast = try database.add(IdeaFields(title: "Gratis schoolontbijt", source: .resident, submitter: "J. de Vries",
                                                    theme: "Armoede en schulden")).id
        clock.set("2026-03-01")
        let calls = try database.add(IdeaFields(title: "Belcirkel voor ouderen", source: .resident, theme: "Eenzaamheid")).id
        clock.set("2026-02-20")
        try move(kitchen, .experimenting, "veilig genoeg om te proberen", .experiment(
            TestCard(hypothesis: "hulp aan huis bereikt gezinnen eerder", action: "twaalf weken in Noord", metric: "betalingsregelingen",
                     successCriterion: "minstens 10 regelingen",
                     bounds: bounds(2500, weeks: 12, harm: "gezinnen die een afspraak missen", safeguard: "de gewone route blijft open",
                                    stop: "een gezin een regeling misloopt")),
            owner: "Team Schulden", reviewDate: DayDate(year: 2026, month: 5, day: 15)!))
        for (date, value) in [("2026-03-10", 3.0), ("2026-04-07", 7.0), ("2026-05-05", 11.0)] {
            try database.apply(.addMeasurement(kitchen, MetricMeasurement(date: DayDate(parsing: date)!, value: value)))
        }
        clock.set("2026-05-12")
        try move(kitchen, .learning, "meetperiode afgerond", .learning(LearningCard(
            observed: "elf regelingen in twaalf weken", learned: "thuis komt de hele situatie op tafel", therefore: "uitbreiden naar Zuid")))
        clock.set("2026-03-20")
        try move(breakfast, .experimenting, "goed genoeg voor nu", .experiment(
            TestCard(hypothesis: "ontbijt zonder aanmelding bereikt ook wie zich schaamt", action: "drie scholen", metric: "kinderen per dag",
                     successCriterion: "minstens 60 kinderen",
                     bounds: bounds(750, weeks: 6, harm: "kinderen met allergieën", safeguard: "ouders geven vooraf door wat niet mag",
                                    stop: "een kind ziek wordt van het eten")),
            owner: "Team Jeugd", reviewDate: DayDate(year: 2026, month: 5, day: 1)!))
        clock.set("2026-06-15")
        try move(breakfast, .stopped, "geen effect gemeten", .stop(.noEffect, learned: "de kinderen kwamen al ontbeten; de nood zit bij de lunch"))
        clock.set("2026-10-05")
        try move(calls, .experimenting, "veilig genoeg om te proberen", .experiment(
            TestCard(hypothesis: "dagelijks bellen vermindert eenzaamheid", action: "belcirkel van tien ouderen", metric: "deelnemers",
                     successCriterion: "minstens 8 deelnemers",
                     bounds: bounds(300, weeks: 8, harm: "ouderen die zich verplicht voelen", safeguard: "stoppen kan altijd, zonder reden",
                                    stop: "iemand zich onder druk gezet voelt")),
            owner: "Welzijn", reviewDate: DayDate(year: 2026, month: 11, day: 20)!))
        clock.set("2026-11-02")
        try database.addCaseNote(CaseNote(idea: kitchen, cycle: nil, date: DayDate(year: 2026, month: 4, day: 2)!,
                                          text: "Een vader met drie kinderen had twee afspraken gemist; thuis bleken acht schuldeisers.",
                                          shows: "Thuis komt alles op tafel.", publishable: true))
        try database.addCaseNote(CaseNote(idea: kitchen, cycle: nil, date: DayDate(year: 2026, month: 4, day: 9)!,
                                          text: "Interne casus die binnen het team blijft.", publishable: false))
        return try CouncilData.load(from: database, today: DayDate(year: 2026, month: 11, day: 30)!, calendarDay: utc)
    }

    func check(_ text: String, against name: String) throws {
        let url = Self.golden.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(text == expected, "\(name) differs from the golden file; if intended, regenerate with UPDATE_GOLDEN=1")
    }

    @Test func markdownDutch() throws {
        try check(CouncilMarkdownReport.render(try Self.data(), strings: Strings(.nl)), against: "council-nl.md")
    }

    @Test func markdownEnglish() throws {
        try check(CouncilMarkdownReport.render(try Self.data(), strings: Strings(.en)), against: "council-en.md")
    }

    @Test func htmlDutch() throws {
        try check(CouncilHTMLReport.render(try Self.data(), strings: Strings(.nl)), against: "council-nl.html")
    }

    @Test func noPersonalDataAndNoUnpublishableCase() throws {
        let data = try Self.data()
        for text in [CouncilMarkdownReport.render(data, strings: Strings(.nl)), CouncilHTMLReport.render(data, strings: Strings(.en))] {
            #expect(!text.contains("Fatima"))
            #expect(!text.contains("Amrani"))
            #expect(!text.contains("Vries"))
            #expect(!text.contains("Interne casus"), "a case note not marked publishable stays out")
            #expect(text.contains("Een vader met drie kinderen"), "a publishable one is shown")
            #expect(!text.contains("Team Schulden"), "no owners' names either")
        }
    }

    @Test func htmlIsSelfContainedPrintableAndFitsAPhone() throws {
        let html = CouncilHTMLReport.render(try Self.data(), strings: Strings(.nl))
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"nl\">"))
        #expect(!html.contains("<script"))
        #expect(!html.contains("src="))
        #expect(!html.contains("href="))
        #expect(html.contains("@page { size: A4"))
        #expect(html.contains("@media (max-width: 600px)"))
        #expect(html.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"))
        #expect(html.components(separatedBy: "<svg class=\"chart\"").count == 3, "two charts")
        #expect(html.contains("doel: 3 per kwartaal"))
        #expect(html.contains("class=\"axis-title\">kwartaal</text>"))
        #expect(html.contains("class=\"axis-title\">aandeel (%)</text>"))
    }

    @Test func declinedAndWaitingInboxIdeasAreNotWhatComesNext() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("proeftuin-council-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let clock = MovingClock()
        clock.set("2026-11-02")
        let database = try AppDatabase.open(DataDirectory(url: directory), actor: "Griffie", clock: { clock.now })
        let day = DayDate(year: 2026, month: 11, day: 2)!
        _ = try database.add(IdeaFields(title: "Eigen voorstel", theme: "Wonen"))
        let declined = try database.addToInbox(IdeaFields(title: "Afgewezen idee", theme: "Wonen"), receivedOn: day, replyTo: nil).id
        _ = try database.changeIntake(declined, .decline(reason: "bestaat al"), today: day)
        _ = try database.addToInbox(IdeaFields(title: "Wacht nog", theme: "Wonen"), receivedOn: day, replyTo: nil)
        let accepted = try database.addToInbox(IdeaFields(title: "Aangenomen idee", theme: "Wonen"), receivedOn: day, replyTo: nil).id
        _ = try database.changeIntake(accepted, .accept(theme: "Wonen"), today: day)
        let data = try CouncilData.load(from: database, today: DayDate(year: 2026, month: 11, day: 30)!, calendarDay: Self.utc)
        let text = CouncilMarkdownReport.render(data, strings: Strings(.nl))
        #expect(text.contains("Eigen voorstel: voorgesteld, nog niet geprobeerd."))
        #expect(text.contains("Aangenomen idee: voorgesteld, nog niet geprobeerd."))
        #expect(!text.contains("Afgewezen idee: voorgesteld"), "a declined idea is no proposal")
        #expect(!text.contains("Wacht nog: voorgesteld"), "an idea still in the inbox is not worked on yet")
    }
}
