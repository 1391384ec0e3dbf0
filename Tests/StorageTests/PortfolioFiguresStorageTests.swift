import Domain
import Foundation
import Storage
import Testing

/// The portfolio's figures read lean (only the columns they use, one transaction) equal their definitions in Domain,
/// computed over every idea read whole.
@Suite("Storage: the portfolio's figures read lean")
struct PortfolioFiguresStorageTests {
    let temporary = TemporaryDirectory()
    let clock = TestClock()

    func open() throws -> AppDatabase {
        let clock = clock
        return try AppDatabase.open(temporary.dataDirectory, actor: "tester", clock: { clock.now })
    }

    /// Generated ideas, the demo (cycles, decisions, inbox arrivals), a merge and an undone move.
    func filled() throws -> AppDatabase {
        let database = try open()
        try database.generateBenchmarkData(BenchmarkDataSet(ideas: 400), now: clock.now)  // numbers its ideas from 1
        try database.seedDemo(now: clock.now)
        let ideas = try database.ideas()
        let proposed = ideas.filter { $0.stage == .proposed }
        try database.merge(proposed[0].id, into: proposed[1].id)
        let moved = try database.apply(.move(MoveRequest(id: proposed[2].id, target: .stopped, reason: "past",
                                                         gate: .stop(.noEffect, learned: "niets"))))
        try database.apply(moved.inverse, undoing: true)
        #expect(try database.stageChanges().contains { $0.isUndo }, "an undone move to leave out")
        #expect(!(try database.declinedIdeas()).isEmpty, "a declined idea to leave out")
        return database
    }

    /// `PortfolioMetrics.compute` over every idea read whole and every stage change, declined ideas left out.
    func defined(_ database: AppDatabase, today: DayDate, theme: String?) throws -> PortfolioMetrics {
        let declined = try database.declinedIdeas()
        let ideas = try database.ideas(theme: theme).filter { !declined.contains($0.id) }
        let ids = Set(ideas.map(\.id))
        return PortfolioMetrics.compute(
            ideas: ideas.map { ($0.id, $0.fields.title, $0.fields.theme, $0.stage, DayDate.local($0.updatedAt), $0.reviewDate) },
            changes: try database.stageChanges().filter { ids.contains($0.idea) }, today: today, staleDays: 30, calendarDay: DayDate.local)
    }

    @Test func theMetricsEqualTheirDefinition() throws {
        let database = try filled()
        let today = DayDate.local(clock.now).adding(days: 60)
        let lean = try database.portfolio(today: today, staleDays: 30)
        #expect(lean == (try defined(database, today: today, theme: nil)))
        #expect(lean.stageCounts.values.reduce(0, +) > 400, "the generated ideas are counted")
        #expect(!lean.stale.isEmpty && !lean.overdue.isEmpty && !lean.medianLeadTime.isEmpty, "every part has something to compare")
        let theme = try #require(lean.themes.first { $0 != "—" })
        #expect(try database.portfolio(today: today, staleDays: 30, theme: theme.uppercased())
                == (try defined(database, today: today, theme: theme.uppercased())))
    }

    @Test func theLearningFiguresEqualTheirDefinition() throws {
        let database = try filled()
        for today in [DayDate.local(clock.now), DayDate.local(clock.now).adding(days: 200)] {
            for triageDays in [3, 14] {
                let lean = try database.learningCapacity(today: today, triageDays: triageDays)
                #expect(lean == LearningCapacity.measure(try database.details(), today: today, triageDays: triageDays, day: DayDate.local))
                #expect(lean.cyclesWithLearningCard.whole > 0 && lean.intakeAnsweredInTime.whole > 0 && !lean.startsPerQuarter.isEmpty)
            }
        }
        let theme = try #require(try database.portfolio(today: DayDate.local(clock.now), staleDays: 30).themes.first { $0 != "—" })
        #expect(try database.learningCapacity(today: DayDate.local(clock.now), triageDays: 14, theme: theme)
                == LearningCapacity.measure(try database.details(theme: theme), today: DayDate.local(clock.now), triageDays: 14,
                                            day: DayDate.local))
    }

    @Test func theDataVersionMovesWithEveryWriteAndOnlyThen() throws {
        let database = try open()
        let first = try database.dataVersion()
        #expect(try database.dataVersion() == first)
        try database.add(IdeaFields(title: "Nieuw"))
        #expect(try database.dataVersion() > first)
    }
}
