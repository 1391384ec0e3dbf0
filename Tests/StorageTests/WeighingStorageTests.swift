import Domain
import Foundation
import Storage
import Testing

@Suite("Storage: criteria sets and sessions")
struct WeighingStorageTests {
    let temporary = TemporaryDirectory()
    let clock = TestClock()

    func open() throws -> AppDatabase {
        let clock = clock
        return try AppDatabase.open(temporary.dataDirectory, actor: "tester", clock: { clock.now })
    }

    @Test func criteriaSetsAreVersioned() throws {
        let database = try open()
        try database.createCriteriaSet("set")
        #expect(throws: DomainError.criteriaSetExists("SET")) { try database.createCriteriaSet("SET") }
        let v2 = try database.criteriaSet("set").adding(Criterion(name: "impact", weight: 3))
        try database.saveCriteriaSet(v2)
        let v3 = try database.criteriaSet("Set").adding(Criterion(name: "kosten", weight: 1, direction: .cost, scaleMin: 1, scaleMax: 10))
        try database.saveCriteriaSet(v3)
        let stored = try database.criteriaSet("set")
        #expect(stored.version == 3)
        #expect(stored.criteria.map(\.name) == ["impact", "kosten"])
        #expect(stored.normalizedWeights == [0.75, 0.25])
        #expect(throws: DomainError.duplicateCriterion("Impact")) { try stored.adding(Criterion(name: "Impact", weight: 1)) }
        #expect(throws: DomainError.unknownCriteriaSet("nope")) { try database.criteriaSet("nope") }
    }

    @Test func sessionsSnapshotTheSetAndKeepScores() throws {
        let database = try open()
        let ideas = try (1...3).map { try database.add(IdeaFields(title: "Idee \($0)")).id }
        try database.createCriteriaSet("set")
        try database.saveCriteriaSet(try database.criteriaSet("set").adding(Criterion(name: "impact", weight: 1)))
        let session = try database.createSession(WeighingSession(set: try database.criteriaSet("set"), ideas: ideas,
                                                                 participants: ["An", "Bo"], createdAt: clock.now))
        let id = try #require(session.id)
        // Changing the set afterwards does not change the session's snapshot.
        try database.saveCriteriaSet(try database.criteriaSet("set").adding(Criterion(name: "kosten", weight: 1, direction: .cost)))
        try database.setScores(id, [(ScoreKey(participant: 0, idea: ideas[0], criterion: 0), 5),
                                    (ScoreKey(participant: 1, idea: ideas[0], criterion: 0), 3)])
        let loaded = try database.session(id)
        #expect(loaded.criteria.count == 1)
        #expect(loaded.setVersion == 2)
        #expect(loaded.scores[ScoreKey(participant: 1, idea: ideas[0], criterion: 0)] == 3)
        #expect(throws: DomainError.scoreOutOfScale(9, min: 1, max: 5)) {
            try database.setScores(id, [(ScoreKey(participant: 0, idea: ideas[1], criterion: 0), 4),
                                        (ScoreKey(participant: 0, idea: ideas[2], criterion: 0), 9)])
        }
        #expect(try database.session(id).scores.count == 2, "a batch with a bad score writes nothing")
        try database.setScores(id, [(ScoreKey(participant: 1, idea: ideas[0], criterion: 0), nil)])
        #expect(try database.session(id).scores.count == 1)
    }

    @Test func closingLocksAndGivesIdeasTheirBadge() throws {
        let database = try open()
        let ideas = try (1...2).map { try database.add(IdeaFields(title: "Idee \($0)")).id }
        try database.saveCriteriaSet(.socialDomain, creating: true)
        let session = try database.createSession(WeighingSession(set: .socialDomain, ideas: ideas, participants: ["An"], createdAt: clock.now))
        let id = try #require(session.id)
        try database.setScores(id, CriteriaSet.socialDomain.criteria.indices.flatMap { c in
            [(ScoreKey(participant: 0, idea: ideas[0], criterion: c), 4), (ScoreKey(participant: 0, idea: ideas[1], criterion: c), 2)]
        })
        var revealed = try database.session(id)
        revealed.status = .revealed
        revealed.method = .topsis
        try database.updateSession(revealed)
        #expect(try database.session(id).method == .topsis)
        try database.closeSession(id)
        #expect(try database.session(id).status == .closed)
        #expect(throws: DomainError.sessionClosed) {
            try database.setScores(id, [(ScoreKey(participant: 0, idea: ideas[0], criterion: 0), 1)])
        }
        #expect(throws: DomainError.sessionClosed) { try database.closeSession(id) }
        let badges = try database.summaries().map(\.weighing)
        #expect(badges.compactMap { $0?.rank }.sorted() == [1, 2])
        #expect(try database.sessions().first?.status == .closed)
    }

    @Test func sessionsRefuseUnknownIdeas() throws {
        let database = try open()
        try database.saveCriteriaSet(.socialDomain, creating: true)
        #expect(throws: DomainError.ideaNotFound(IdeaID(42))) {
            try database.createSession(WeighingSession(set: .socialDomain, ideas: [IdeaID(42)], participants: ["An"], createdAt: clock.now))
        }
        #expect(throws: DomainError.sessionNeeds(.participants)) {
            try database.createSession(WeighingSession(set: .socialDomain, ideas: [IdeaID(1)], participants: [], createdAt: clock.now))
        }
    }
}
