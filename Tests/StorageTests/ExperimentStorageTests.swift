import Domain
import Foundation
import GRDB
import Storage
import Testing

@Suite("Storage: cycles, decisions, WIP, reviews")
struct ExperimentStorageTests {
    let temporary = TemporaryDirectory()
    let clock = TestClock()

    func open() throws -> AppDatabase {
        let clock = clock
        return try AppDatabase.open(temporary.dataDirectory, actor: "tester", clock: { clock.now })
    }

    func experimenting(_ database: AppDatabase, title: String = "Pilot") throws -> IdeaID {
        let id = try database.add(IdeaFields(title: title)).id
        try database.apply(.move(MoveRequest(id: id, target: .experimenting, reason: "start", gate: experimentGate, wipOverride: "test")))
        return id
    }

    @Test func enteringExperimentingStartsANumberedCycle() throws {
        let database = try open()
        let id = try experimenting(database)
        try database.apply(.move(MoveRequest(id: id, target: .learning, reason: "klaar",
                                             gate: .learning(LearningCard(observed: "o", learned: "l", therefore: "t")))))
        try database.apply(.move(MoveRequest(id: id, target: .experimenting, reason: "nog een ronde", gate: experimentGate)))
        let detail = try database.detail(id)
        #expect(detail.cycles.map(\.number) == [1, 2])
        #expect(detail.cycles[0].learningCard == LearningCard(observed: "o", learned: "l", therefore: "t"))
        #expect(detail.cycles[1].learningCard == nil)
        #expect(detail.idea.cycleCount == 2)
        #expect(detail.idea.reviewDate == DayDate(year: 2026, month: 12, day: 31))
        #expect(try database.summaries().first?.cycle == 2)
    }

    @Test func aGateThatDoesNotFitIsRefusedAndNothingChanges() throws {
        let database = try open()
        let id = try database.add(IdeaFields(title: "Zonder kaart")).id
        #expect(throws: DomainError.gateIncomplete(.experimenting, missing: GateDraft.fields(for: .experimenting))) {
            try database.apply(.move(MoveRequest(id: id, target: .experimenting, reason: "snel")))
        }
        #expect(try database.detail(id).cycles.isEmpty)
        #expect(try database.idea(id).stage == .proposed)
        #expect(try database.eventCount() == 1)
    }

    @Test func measurementsGoToTheCurrentCycleAndUndo() throws {
        let database = try open()
        let id = try experimenting(database)
        let measurement = MetricMeasurement(date: DayDate(year: 2026, month: 12, day: 1)!, value: 12.5, note: "eerste")
        let applied = try database.apply(.addMeasurement(id, measurement))
        #expect(try database.detail(id).currentCycle?.measurements == [measurement])
        try database.apply(applied.inverse)
        #expect(try database.detail(id).currentCycle?.measurements == [])
        let proposed = try database.add(IdeaFields(title: "Nog niet")).id
        #expect(throws: DomainError.noCycle(proposed)) { try database.apply(.addMeasurement(proposed, measurement)) }
    }

    @Test func scalingNeedsAConsentedDecisionOfTheSameIdea() throws {
        let database = try open()
        let id = try experimenting(database)
        try database.apply(.move(MoveRequest(id: id, target: .learning, reason: "klaar",
                                             gate: .learning(LearningCard(observed: "o", learned: "l", therefore: "t")))))
        let review = DayDate(year: 2027, month: 3, day: 1)!
        let proposal = ConsentDecision(ideaID: id, kind: .scale, proposal: "hele stad", responsible: "Sanne", reviewDate: review,
                                       objections: [Objection(who: "Financiën", text: "dekking")])
        let saved = try database.apply(.saveDecision(proposal))
        guard case .deleteDecision(let decisionID) = saved.inverse else {
            Issue.record("a new decision's undo deletes it")
            return
        }
        #expect(throws: DomainError.decisionNotConsented(decisionID)) {
            try database.apply(.move(MoveRequest(id: id, target: .scaling, reason: "effect", gate: .decision(decisionID))))
        }
        var stored = try database.decision(decisionID)
        #expect(throws: DomainError.openObjections(["Financiën"])) { try stored.consented() }
        stored.objections[0].qualified = true
        stored.objections[0].resolution = .amended
        stored.objections[0].resolutionNote = "evaluatie na een half jaar"
        stored.outcome = .consented
        try database.apply(.saveDecision(stored))
        let other = try database.add(IdeaFields(title: "Ander idee")).id
        #expect(throws: DomainError.decisionForAnotherIdea(decisionID, id)) {
            try database.apply(.move(MoveRequest(id: other, target: .stopped, reason: "x", gate: .stop(.other, learned: "x"))))
            try database.apply(.move(MoveRequest(id: other, target: .proposed, reason: "x")))
            throw DomainError.decisionForAnotherIdea(decisionID, id)
        }
        try database.apply(.move(MoveRequest(id: id, target: .scaling, reason: "effect", gate: .decision(decisionID))))
        let idea = try database.idea(id)
        #expect(idea.stage == .scaling)
        #expect(idea.reviewDate == review)
        #expect(try database.detail(id).decisions.first?.objections.first?.resolutionNote == "evaluatie na een half jaar")
    }

    @Test func inlineConsentIsStoredWithTheMoveAndUndoRemovesIt() throws {
        let database = try open()
        let id = try experimenting(database)
        try database.apply(.move(MoveRequest(id: id, target: .learning, reason: "klaar",
                                             gate: .learning(LearningCard(observed: "o", learned: "l", therefore: "t")))))
        let decision = try ConsentDecision(ideaID: id, kind: .scale, proposal: "p", responsible: "r",
                                           reviewDate: DayDate(year: 2027, month: 1, day: 1)!).consented()
        let applied = try database.apply(.move(MoveRequest(id: id, target: .scaling, reason: "go", gate: .inlineDecision(decision))))
        #expect(try database.decisions(idea: id).count == 1)
        try database.apply(applied.inverse)
        #expect(try database.decisions(idea: id).isEmpty)
        #expect(try database.idea(id).stage == .learning)
        #expect(try database.detail(id).cycles[0].learningCard != nil, "undo of scaling keeps the learning card")
    }

    @Test func undoOfLearningRestoresTheCycleWithoutLearningCard() throws {
        let database = try open()
        let id = try experimenting(database)
        let applied = try database.apply(.move(MoveRequest(id: id, target: .learning, reason: "klaar",
                                                           gate: .learning(LearningCard(observed: "o", learned: "l", therefore: "t")))))
        let undone = try database.apply(applied.inverse)
        #expect(try database.detail(id).cycles[0].learningCard == nil)
        #expect(try database.idea(id).stage == .experimenting)
        try database.apply(undone.inverse)
        #expect(try database.detail(id).cycles[0].learningCard?.observed == "o", "redo puts the learning card back")
        #expect(try database.idea(id).stage == .learning)
    }

    @Test func stoppingRecordsCategoryAndReopeningClearsIt() throws {
        let database = try open()
        let id = try experimenting(database)
        try database.apply(.move(MoveRequest(id: id, target: .stopped, reason: "geen effect", gate: .stop(.noEffect, learned: "te klein"))))
        var idea = try database.idea(id)
        #expect(idea.stopCategory == .noEffect)
        #expect(idea.stopLearned == "te klein")
        #expect(idea.reviewDate == nil)
        try database.apply(.move(MoveRequest(id: id, target: .proposed, reason: "nieuwe kans")))
        idea = try database.idea(id)
        #expect(idea.stopCategory == nil)
        #expect(idea.stage == .proposed)
    }

    @Test func wipLimitsSoftNeedAReasonHardRefuse() throws {
        let database = try open()
        try database.setWipLimit(WipLimit(stage: .experimenting, limit: 1))
        _ = try experimenting(database, title: "Eerste")
        let second = try database.add(IdeaFields(title: "Tweede")).id
        #expect(throws: DomainError.wipLimitReached(.experimenting, limit: 1, hard: false)) {
            try database.apply(.move(MoveRequest(id: second, target: .experimenting, reason: "ook", gate: experimentGate)))
        }
        try database.apply(.move(MoveRequest(id: second, target: .experimenting, reason: "ook", gate: experimentGate,
                                             wipOverride: "subsidie loopt af")))
        let event = try #require(try database.history(second).last)
        #expect(event.after?.contains("\"wipOverride\":\"subsidie loopt af\"") == true)
        try database.setWipLimit(WipLimit(stage: .experimenting, limit: 2, hard: true))
        let third = try database.add(IdeaFields(title: "Derde")).id
        #expect(throws: DomainError.wipLimitReached(.experimenting, limit: 2, hard: true)) {
            try database.apply(.move(MoveRequest(id: third, target: .experimenting, reason: "x", gate: experimentGate, wipOverride: "toch")))
        }
        #expect(try database.wipLimits()[.experimenting] == WipLimit(stage: .experimenting, limit: 2, hard: true))
        #expect(throws: DomainError.invalidLimit(0)) { try database.setWipLimit(WipLimit(stage: .learning, limit: 0)) }
    }

    @Test func reviewsSplitIntoOverdueAndUpcoming() throws {
        let database = try open()
        let late = try database.add(IdeaFields(title: "Te laat")).id
        let soon = try database.add(IdeaFields(title: "Binnenkort")).id
        let far = try database.add(IdeaFields(title: "Ver weg")).id
        for (id, date) in [(late, "2026-11-20"), (soon, "2026-12-03"), (far, "2027-05-01")] {
            let gate = StageGate.experiment(TestCard(hypothesis: "h", action: "a", metric: "m", successCriterion: "s"), owner: "o",
                                            reviewDate: DayDate(parsing: date)!)
            try database.apply(.move(MoveRequest(id: id, target: .experimenting, reason: "r", gate: gate)))
        }
        let reviews = try database.reviews(today: DayDate(year: 2026, month: 11, day: 30)!, within: 7)
        #expect(reviews.overdue.map(\.idea) == [late])
        #expect(reviews.upcoming.map(\.idea) == [soon])
        #expect(reviews.overdue.first?.kind == .experiment)
    }

    @Test func schemaV1DatabasesAreMigrated() throws {
        // A database created by the first schema only, then opened by this version.
        try makeVersion1Database(at: temporary.dataDirectory, insert: """
            INSERT INTO idea (title, stage, position, createdAt, updatedAt) VALUES ('Oud idee', 'learning', 1, '2026-01-01 10:00:00.000', '2026-01-01 10:00:00.000');
            """)
        let database = try open()
        let idea = try #require(try database.ideas().first)
        #expect(idea.fields.title == "Oud idee")
        #expect(idea.cycleCount == 0)
        #expect(try database.detail(idea.id).cycles.isEmpty)
    }
}
