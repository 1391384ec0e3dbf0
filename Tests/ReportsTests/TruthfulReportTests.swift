import AppCore
import Domain
import Foundation
import Reports
import Storage
import Testing

@Suite("Reports: what really happened")
struct TruthfulReportTests {
    let moment = Date(timeIntervalSince1970: 1_796_040_000)  // 2026-11-30 12:00 UTC

    func report(staleDays: Int = 30, _ steps: (AppDatabase) throws -> Void) throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("proeftuin-truth-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let moment = moment
        let database = try AppDatabase.open(DataDirectory(url: directory), actor: "Griffie", clock: { moment })
        try steps(database)
        let utc: @Sendable (Date) -> DayDate = { DayDate(dayNumber: Int(($0.timeIntervalSince1970 / 86_400).rounded(.down))) }
        let data = try ReportData.load(from: database, today: DayDate(year: 2026, month: 11, day: 30)!, since: nil, theme: nil,
                                       includePersonal: false, staleDays: staleDays, calendarDay: utc)
        return MarkdownReport.render(data, strings: Strings(.nl))
    }

    @Test func theConfiguredStaleDaysAreTheOnesNamed() throws {
        let text = try report(staleDays: 14) { _ in }
        #expect(text.contains("- Meer dan 14 dagen onaangeroerd: 0"))
        #expect(!text.contains("30 dagen"))
    }

    @Test func anUndoneMoveIsNotReportedAndARedoOnce() throws {
        let undone = try report { database in
            let id = try database.add(IdeaFields(title: "Per ongeluk")).id
            let moved = try database.apply(.move(MoveRequest(id: id, target: .stopped, reason: "verkeerde kaart", gate: .stop(.other, learned: "-"))))
            try database.apply(moved.inverse, undoing: true)
        }
        #expect(!undone.contains("verkeerde kaart"), "a move taken back did not happen")
        #expect(!undone.contains("— undo"))
        let redone = try report { database in
            let id = try database.add(IdeaFields(title: "Toch wel")).id
            let moved = try database.apply(.move(MoveRequest(id: id, target: .stopped, reason: "dubbel", gate: .stop(.merged, learned: "-"))))
            let back = try database.apply(moved.inverse, undoing: true)
            try database.apply(back.inverse, undoing: true)
        }
        #expect(redone.components(separatedBy: "Voorgesteld → Gestopt — dubbel").count == 2, "listed once")
    }

    @Test func aWipOverrideReasonIsReported() throws {
        let text = try report { database in
            try database.setWipLimit(WipLimit(stage: .experimenting, limit: 1))
            for title in ["Een", "Twee"] {
                let id = try database.add(IdeaFields(title: title)).id
                let card = TestCard(hypothesis: "h", action: "a", metric: "m", successCriterion: "s")
                try database.apply(.move(MoveRequest(id: id, target: .experimenting, reason: "start",
                                                     gate: .experiment(card, owner: "o", reviewDate: DayDate(year: 2027, month: 1, day: 1)!),
                                                     wipOverride: title == "Twee" ? "subsidie loopt af" : nil)))
            }
        }
        #expect(text.contains("Voorgesteld → Experiment — start (over de WIP-grens: subsidie loopt af)"))
    }
}
