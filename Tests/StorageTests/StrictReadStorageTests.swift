import Domain
import Foundation
import GRDB
import Storage
import Testing

/// Stored values that cannot be read are refused by name, never replaced by a default.
@Suite("Storage: stored values are read strictly")
struct StrictReadStorageTests {
    let temporary = TemporaryDirectory()
    let clock = TestClock()

    func open() throws -> AppDatabase {
        let clock = clock
        return try AppDatabase.open(temporary.dataDirectory, actor: "tester", clock: { clock.now })
    }

    /// Changes the database behind Proeftuin's back, as another tool (or damage) could.
    func tamper(_ sql: String, _ arguments: StatementArguments = []) throws {
        let queue = try DatabaseQueue(path: temporary.dataDirectory.databaseURL.path)
        try queue.write { db in try db.execute(sql: sql, arguments: arguments) }
        try queue.close()
    }

    func unreadable(_ table: String, _ record: String, _ field: String, _ value: String) -> StorageError {
        .unreadableValue(table: table, record: record, field: field, value: value)
    }

    @Test func anUnknownStageIsNamedByEveryReadOfTheIdea() throws {
        let database = try open()
        for title in ["Een", "Twee", "Drie"] { try database.add(IdeaFields(title: title)) }
        try tamper("UPDATE idea SET stage = 'bogus' WHERE id = 2")
        let expected = unreadable("idea", "#2", "stage", "bogus")
        #expect(throws: expected) { try database.summaries() }
        #expect(throws: expected) { try database.idea(IdeaID(2)) }
        #expect(throws: expected) { try database.ideas() }
        #expect(throws: expected) { try database.detail(IdeaID(2)) }
        #expect(throws: expected) { try database.details() }
        #expect(throws: expected) { try database.countsByStage() }
        #expect(throws: expected) { try database.portfolio(today: DayDate(year: 2026, month: 1, day: 1)!, staleDays: 30) }
        #expect(throws: expected) { try database.apply(.edit(IdeaID(2), IdeaFields(title: "Nieuw"))) }
        #expect("\(expected)" == """
            idea #2: the stored stage 'bogus' cannot be read; run 'proeftuin doctor' to list damaged records, or restore a backup
            """)
        #expect(try database.idea(IdeaID(1)).fields.title == "Een", "the other ideas still read")
    }

    @Test func anUnreadableReviewDateIsNamed() throws {
        let database = try open()
        let id = try database.add(IdeaFields(title: "Pilot")).id
        try database.apply(.move(MoveRequest(id: id, target: .experimenting, reason: "start", gate: experimentGate, wipOverride: "test")))
        try tamper("UPDATE idea SET reviewDate = 'someday' WHERE id = ?", [id.rawValue])
        let expected = unreadable("idea", "#1", "reviewDate", "someday")
        #expect(throws: expected) { try database.reviews(today: DayDate(year: 2026, month: 1, day: 1)!, within: 30) }
        #expect(throws: expected) { try database.summaries() }
        #expect(throws: expected) { try database.detail(id) }
        try tamper("UPDATE idea SET reviewDate = NULL WHERE id = ?", [id.rawValue])
        #expect(try database.idea(id).reviewDate == nil, "an empty optional column stays empty")
        try tamper("UPDATE cycle SET reviewDate = '2026-13-45'")
        #expect(throws: unreadable("cycle", "cycle 1 of #1", "reviewDate", "2026-13-45")) { try database.detail(id) }
    }

    @Test func unreadableObjectionsNeverLetConsentPass() throws {
        let database = try open()
        let id = try database.add(IdeaFields(title: "Pilot")).id
        let proposal = ConsentDecision(ideaID: id, kind: .scale, proposal: "hele stad", responsible: "Sanne",
                                       reviewDate: DayDate(year: 2027, month: 3, day: 1)!,
                                       objections: [Objection(who: "Financiën", text: "dekking", qualified: true)])
        try database.apply(.saveDecision(proposal))
        let decision = try #require(try database.decisions().first)
        let broken = "[{\"who\":\"Financiën\",\"text\":\"dek"
        try tamper("UPDATE decision SET objections = ?", [broken])
        let expected = unreadable("decision", "D1", "objections", broken)
        #expect(throws: expected) { try database.decision(DecisionID(1)) }
        #expect(throws: expected) { try database.decisions(idea: id) }
        #expect(throws: expected) { try database.detail(id) }
        var consented = decision
        consented.objections = []
        consented.outcome = .consented
        #expect(throws: expected) { try database.apply(.saveDecision(consented)) }
        #expect(throws: expected) { try database.apply(.deleteDecision(DecisionID(1))) }
        #expect("\(expected)".hasPrefix("decision D1: the stored objections '[{\"who\":\"Financiën\",\"text\":\"dek' cannot be read"))
        try tamper("UPDATE decision SET objections = '[]', outcome = 'maybe'")
        #expect(throws: unreadable("decision", "D1", "outcome", "maybe")) { try database.decisions() }
    }

    @Test func anUnknownSessionMethodIsNamed() throws {
        let database = try open()
        let ideas = try (1...2).map { try database.add(IdeaFields(title: "Idee \($0)")).id }
        try database.saveCriteriaSet(.socialDomain, creating: true)
        let session = try database.createSession(WeighingSession(set: .socialDomain, ideas: ideas, participants: ["An"], createdAt: clock.now))
        let id = try #require(session.id)
        try tamper("UPDATE session SET method = 'magic'")
        #expect(throws: unreadable("session", "session 1", "method", "magic")) { try database.session(id) }
        #expect(throws: unreadable("session", "session 1", "method", "magic")) { try database.setScores(id, []) }
        try tamper("UPDATE session SET method = 'topsis', participants = 'An'")
        #expect(throws: unreadable("session", "session 1", "participants", "An")) { try database.sessions() }
        try tamper("UPDATE criteriaSet SET criteria = '{}'")
        #expect(throws: unreadable("criteriaSet", "criteria set '\(CriteriaSet.socialDomain.name)'", "criteria", "{}")) {
            try database.criteriaSets()
        }
    }

    @Test func aTamperedEventKindIsNamed() throws {
        let database = try open()
        let id = try database.add(IdeaFields(title: "Pilot")).id
        // The event log refuses UPDATE; a row can still be added behind Proeftuin's back.
        try tamper("INSERT INTO event (at, actor, ideaId, kind) VALUES (?, 'iemand', ?, 'teleported')", [clock.now, id.rawValue])
        let expected = unreadable("event", "event 2", "kind", "teleported")
        #expect(throws: expected) { try database.history(id) }
        #expect(throws: expected) { try database.detail(id) }
        #expect(throws: expected) { try database.details() }
        #expect(try database.summaries().count == 1, "the board does not read the event log")
    }

    @Test func anUnreadableStageInAMoveIsNamedByFlowMetrics() throws {
        let database = try open()
        let id = try database.add(IdeaFields(title: "Pilot")).id
        try tamper("INSERT INTO event (at, actor, ideaId, kind, before, after) VALUES (?, 'iemand', ?, 'moved', ?, ?)",
                   [clock.now, id.rawValue, "{\"position\":1,\"stage\":\"proposed\"}", "{\"position\":1,\"stage\":\"elsewhere\"}"])
        #expect(throws: unreadable("event", "event 2", "after", "{\"position\":1,\"stage\":\"elsewhere\"}")) {
            try database.stageChanges()
        }
    }

    @Test func tagsThatAreNotAJSONListOfStringsAreNamed() throws {
        let database = try open()
        let id = try database.add(IdeaFields(title: "Pilot", tags: ["ouderen", "wijk \"Noord\""])).id
        #expect(try database.idea(id).fields.tags == ["ouderen", "wijk \"Noord\""])
        // What other JSON writers produce reads the same as what Proeftuin writes.
        try tamper("UPDATE idea SET tags = '[ \"a\" , \"b\" ]'")
        #expect(try database.idea(id).fields.tags == ["a", "b"])
        #expect(try database.summaries().first?.tags == ["a", "b"])
        for broken in ["[\"a\"\"b\"]", "[\"a\",", "[\"a\" \"b\"]", "[\"a\",\"b\",\"]", "[\"]", "[1,2]", "ouderen", "[\"a\u{1}\"]"] {
            try tamper("UPDATE idea SET tags = ?", [broken])
            #expect(throws: unreadable("idea", "#1", "tags", broken)) { try database.summaries() }
            #expect(throws: unreadable("idea", "#1", "tags", broken)) { try database.idea(id) }
        }
    }

    @Test func escapeCodesInATamperedValueNeverReachTheMessage() throws {
        let database = try open()
        try database.add(IdeaFields(title: "Pilot"))
        let hostile = "\u{1B}]0;pwned\u{07}bog\u{1B}[2Jus\u{9B}31m" + String(repeating: "x", count: 100)
        try tamper("UPDATE idea SET stage = ?", [hostile])
        do {
            _ = try database.summaries()
            Issue.record("a hostile stage must not read")
        } catch {
            let message = "\(error)"
            #expect(!message.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
            #expect(message.hasPrefix("idea #1: the stored stage 'bogus" + String(repeating: "x", count: 54) + "…' cannot be read"))
            #expect(!message.contains("pwned"))
        }
    }

    @Test func theScanListsEveryUnreadableValueAndNothingElse() throws {
        let database = try open()
        #expect(try database.unreadableValues() == [])
        let first = try database.add(IdeaFields(title: "Een")).id
        try database.add(IdeaFields(title: "Twee"))
        try database.apply(.move(MoveRequest(id: first, target: .experimenting, reason: "start", gate: experimentGate, wipOverride: "test")))
        try database.apply(.saveDecision(ConsentDecision(ideaID: first, kind: .scale, proposal: "p", responsible: "r",
                                                         reviewDate: DayDate(year: 2027, month: 3, day: 1)!)))
        try database.saveCriteriaSet(.socialDomain, creating: true)
        _ = try database.createSession(WeighingSession(set: .socialDomain, ideas: [first], participants: ["An"], createdAt: clock.now))
        try database.setWipLimit(WipLimit(stage: .learning, limit: 3, hard: false))
        #expect(try database.unreadableValues() == [], "a portfolio written by Proeftuin reads back whole")
        try tamper("""
            UPDATE idea SET stage = 'bogus', source = 'alien' WHERE id = 2;
            UPDATE idea SET reviewDate = 'someday' WHERE id = 1;
            UPDATE decision SET objections = 'nee', kind = 'veto';
            UPDATE session SET method = 'magic';
            UPDATE wipLimit SET stage = 'nowhere';
            INSERT INTO event (at, actor, ideaId, kind) VALUES ('2026-01-01 00:00:00.000', 'iemand', 1, 'teleported');
            """)
        #expect(throws: StorageError.unreadableValue(table: "wipLimit", record: "WIP limit", field: "stage", value: "nowhere")) {
            try database.wipLimits()
        }
        let found = try database.unreadableValues()
        #expect(found.map(\.description) == [
            "idea #1: the stored reviewDate 'someday' cannot be read",
            "idea #2: the stored source 'alien' cannot be read",
            "idea #2: the stored stage 'bogus' cannot be read",
            "decision D1: the stored kind 'veto' cannot be read",
            "decision D1: the stored objections 'nee' cannot be read",
            "WIP limit: the stored stage 'nowhere' cannot be read",
            "session 1: the stored method 'magic' cannot be read",
            "event \(try database.eventCount()): the stored kind 'teleported' cannot be read",
        ])
        #expect(try Doctor.unreadableValues(database.directory) == found, "doctor reads the same through a read-only connection")
        #expect(found.first?.error == .unreadableValue(table: "idea", record: "#1", field: "reviewDate", value: "someday"))
    }
}
