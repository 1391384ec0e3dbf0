import Domain
import Foundation
import GRDB
import Storage
import Testing

/// The room's data on disk: abstentions, exclusions, notes and the re-vote survive a reopen; scoring writes one history
/// line per idea per session; criteria change as new versions; damaged values are named.
@Suite("Storage: the weighing room")
struct WeighingRoomStorageTests {
    let temporary = TemporaryDirectory()
    let clock = TestClock()

    func open() throws -> AppDatabase {
        let clock = clock
        return try AppDatabase.open(temporary.dataDirectory, actor: "tester", clock: { clock.now })
    }

    /// Two ideas, the set `s` (impact, kosten as a cost) and a session for An and Bo.
    func prepare(_ database: AppDatabase) throws -> (SessionID, [IdeaID]) {
        let ideas = try (1...2).map { try database.add(IdeaFields(title: "Idee \($0)")).id }
        try database.createCriteriaSet("s")
        try database.saveCriteriaSet(try database.criteriaSet("s").adding(Criterion(name: "impact", weight: 1)))
        try database.saveCriteriaSet(try database.criteriaSet("s").adding(Criterion(name: "kosten", weight: 1, direction: .cost)))
        let session = try database.createSession(WeighingSession(set: try database.criteriaSet("s"), ideas: ideas, participants: ["An", "Bo"],
                                                                 createdAt: clock.now))
        return (try #require(session.id), ideas)
    }

    func tamper(_ sql: String) throws {
        let queue = try DatabaseQueue(path: temporary.dataDirectory.databaseURL.path)
        try queue.write { db in try db.execute(sql: sql) }
        try queue.close()
    }

    @Test func theRoomSurvivesAReopen() throws {
        let (id, ideas) = try prepare(try open())
        let database = try open()
        let cell = SessionCell(idea: ideas[0], criterion: 0)
        try database.changeSession(id, [
            .enter([ScoreInput(ScoreKey(participant: 0, idea: ideas[0], criterion: 0), .score(1), channel: .board),
                    ScoreInput(ScoreKey(participant: 1, idea: ideas[0], criterion: 0), .score(5), channel: .board),
                    ScoreInput(ScoreKey(participant: 0, idea: ideas[0], criterion: 1), .abstain, channel: .board)]),
            .addParticipant("Carla"), .excludeParticipant("Bo", reason: "moest weg"), .note(cell, "verschil van inzicht"),
        ])
        try database.changeSession(id, .startRevote([cell]))
        try database.changeSession(id, .enter([ScoreInput(ScoreKey(participant: 0, idea: ideas[0], criterion: 0), .score(3), channel: .board)]))
        let read = try open().session(id)
        #expect(read.participants == ["An", "Bo", "Carla"])
        #expect(read.excluded == [1: "moest weg"])
        #expect(read.abstentions == [ScoreKey(participant: 0, idea: ideas[0], criterion: 1)])
        #expect(read.notes == [cell: "verschil van inzicht"])
        #expect(read.revote == Revote(cells: [cell], firstRound: [ScoreKey(participant: 0, idea: ideas[0], criterion: 0): 1,
                                                                  ScoreKey(participant: 1, idea: ideas[0], criterion: 0): 5],
                                      participantsAtStart: 3, excludedAtStart: [1: "moest weg"]), "who took part in round 1 is kept")
        #expect(read.scores == [ScoreKey(participant: 0, idea: ideas[0], criterion: 0): 3])
        #expect(read.status == .open && read.round == 2)
    }

    @Test func aBatchWithOneRefusedChangeWritesNothing() throws {
        let database = try open()
        let (id, ideas) = try prepare(database)
        #expect(throws: DomainError.duplicateParticipant("an")) {
            try database.changeSession(id, [.addParticipant("Carla"), .enter([ScoreInput(ScoreKey(participant: 2, idea: ideas[0], criterion: 0), .score(4), channel: .board)]),
                                            .addParticipant("an")])
        }
        let read = try database.session(id)
        #expect(read.participants == ["An", "Bo"] && read.scores.isEmpty)
    }

    @Test func scoringWritesOneHistoryLinePerIdeaPerSession() throws {
        let database = try open()
        let (id, ideas) = try prepare(database)
        for participant in 0..<2 {
            for criterion in 0..<2 {
                try database.setScores(id, [(ScoreKey(participant: participant, idea: ideas[0], criterion: criterion), 3 + criterion)])
            }
        }
        try database.setScores(id, [(ScoreKey(participant: 0, idea: ideas[0], criterion: 0), nil)])
        #expect(try database.history(ideas[0]).filter { $0.kind == .scored }.count == 1, "five score changes, one line")
        #expect(try database.history(ideas[1]).filter { $0.kind == .scored }.isEmpty)
        let second = try database.createSession(WeighingSession(set: try database.criteriaSet("s"), ideas: ideas, participants: ["An"],
                                                                createdAt: clock.now))
        try database.setScores(try #require(second.id), [(ScoreKey(participant: 0, idea: ideas[0], criterion: 0), 2)])
        #expect(try database.history(ideas[0]).filter { $0.kind == .scored }.count == 2, "one more for the next session")
    }

    @Test func criteriaChangeAsNewVersionsAndSessionsKeepTheirSnapshot() throws {
        let database = try open()
        let (id, _) = try prepare(database)
        let edited = try database.changeCriteria("S", .edit("Kosten", CriterionEdit(weight: 3, veto: .set(4, nil))))
        #expect(edited.version == 4 && edited.criteria[1].veto == Veto(4, .atLeast))
        #expect(try database.criteriaSet("s") == edited)
        let removed = try database.changeCriteria("s", .remove("impact"))
        #expect(removed.version == 5 && removed.criteria.map(\.name) == ["kosten"])
        #expect(throws: DomainError.unknownCriterion("impact")) { try database.changeCriteria("s", .remove("impact")) }
        #expect(throws: DomainError.unknownCriteriaSet("x")) { try database.changeCriteria("x", .remove("impact")) }
        let session = try database.session(id)
        #expect(session.setVersion == 3 && session.criteria.map(\.name) == ["impact", "kosten"] && session.criteria[1].veto == nil)
    }

    @Test func closingAnIncompleteSessionNeedsConsent() throws {
        let database = try open()
        let (id, ideas) = try prepare(database)
        try database.setScores(id, [(ScoreKey(participant: 0, idea: ideas[0], criterion: 0), 4)])
        #expect(throws: DomainError.sessionIncomplete(complete: 0, total: 2)) { try database.closeSession(id) }
        #expect(try database.session(id).status == .open)
        try database.closeSession(id, allowIncomplete: true)
        #expect(try database.session(id).status == .closed)
    }

    @Test func damagedRoomValuesAreNamed() throws {
        let (id, _) = try prepare(try open())
        let record = "session \(id.rawValue)"
        try tamper("UPDATE session SET excluded = '[{\"participant\":7,\"reason\":\"weg\"}]'")
        #expect(throws: StorageError.unreadableValue(table: "session", record: record, field: "excluded",
                                                     value: "[{\"participant\":7,\"reason\":\"weg\"}]")) { try open().session(id) }
        try tamper("UPDATE session SET excluded = '[]', revote = 'soon'")
        #expect(throws: StorageError.unreadableValue(table: "session", record: record, field: "revote", value: "soon")) { try open().session(id) }
        #expect(try open().unreadableValues().map(\.field) == ["revote"])
        try tamper("UPDATE session SET revote = NULL")
        try tamper("INSERT INTO cellNote (sessionId, ideaId, criterion, text) VALUES (1, 1, 9, 'x')")
        #expect(throws: StorageError.self) { try open().session(id) }
    }
}
