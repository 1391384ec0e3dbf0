import Domain
import Foundation
import GRDB
import Storage
import Testing

@Suite("Storage: participants' links and score channels")
struct ParticipantStorageTests {
    let temporary = TemporaryDirectory()
    let clock = TestClock()

    func open(program: String = "board") throws -> AppDatabase {
        let clock = clock
        return try AppDatabase.open(temporary.dataDirectory, actor: "tester", program: program, clock: { clock.now })
    }

    /// A session of two ideas on one criterion for Anne and Bram.
    func session(in database: AppDatabase) throws -> SessionID {
        let ideas = try (1...2).map { try database.add(IdeaFields(title: "Idee \($0)")).id }
        try database.createCriteriaSet("set")
        try database.saveCriteriaSet(try database.criteriaSet("set").adding(Criterion(name: "impact", weight: 1)))
        return try #require(try database.createSession(
            WeighingSession(set: try database.criteriaSet("set"), ideas: ideas, participants: ["Anne", "Bram"], createdAt: clock.now)).id)
    }

    static func token(_ seed: UInt8) -> ParticipantToken { ParticipantToken(bytes: (0..<18).map { seed &+ UInt8($0) }) }

    @Test func sharingGivesEachParticipantALinkAndKeepsLinksInUse() throws {
        let database = try open()
        let id = try session(in: database)
        let links = try database.shareSession(id, tokens: [Self.token(1), Self.token(50), Self.token(100)])
        #expect(links.map(\.participant) == [0, 1])
        #expect(links.map(\.token) == [Self.token(1), Self.token(50)])
        // Sharing again (a restarted board) keeps the links phones already have.
        #expect(try database.shareSession(id, tokens: [Self.token(150), Self.token(200)]) == links)
        #expect(try database.participantLinks(id) == links)
        #expect(try database.linkAccess(Self.token(50)).participant == 1)
        #expect(throws: DomainError.linkNotValid) { try database.linkAccess(Self.token(150)) }
        // Stopping ends them; sharing again gives new ones.
        clock.advance(60)
        #expect(try database.stopSharing(id) == 2)
        #expect(try database.stopSharing(id) == 0)
        #expect(throws: DomainError.linkEnded) { try database.linkAccess(Self.token(1)) }
        let again = try database.shareSession(id, tokens: [Self.token(150), Self.token(200)])
        #expect(again.map(\.token) == [Self.token(150), Self.token(200)])
        // The event log says who shared and stopped, never a token.
        let events = try DatabaseQueue(path: temporary.dataDirectory.databaseURL.path).read { db in
            try String.fetchAll(db, sql: "SELECT kind || ' ' || COALESCE(after, '') FROM event WHERE kind IN ('sessionShared', 'sharingStopped')")
        }
        #expect(events == ["sessionShared {\"session\":1,\"links\":2}", "sharingStopped {\"session\":1,\"ended\":2}",
                           "sessionShared {\"session\":1,\"links\":2}"])
        let everything = try DatabaseQueue(path: temporary.dataDirectory.databaseURL.path).read { db in
            try String.fetchAll(db, sql: "SELECT COALESCE(after, '') || COALESCE(before, '') FROM event").joined()
        }
        #expect(!everything.contains(Self.token(1).text))
    }

    @Test func scoresThroughALinkAreTheHoldersOwnCheckedAndRecordedAsWeb() throws {
        let database = try open(program: "web")
        let id = try session(in: database)
        let ideas = try database.session(id).ideas
        _ = try database.shareSession(id, tokens: [Self.token(1), Self.token(50)])
        let (stored, participant) = try database.enter(through: Self.token(50), [(idea: ideas[0], criterion: 0, entry: .score(4))], channel: .web)
        #expect(participant == 1)
        let key = ScoreKey(participant: 1, idea: ideas[0], criterion: 0)
        #expect(stored.scores == [key: 4] && stored.channels == [key: .web])
        #expect(try database.session(id).channels == [key: .web], "read back from the score's channel column")
        #expect(throws: DomainError.scoreOutOfScale(9, min: 1, max: 5)) {
            try database.enter(through: Self.token(50), [(idea: ideas[1], criterion: 0, entry: .score(9))], channel: .web)
        }
        #expect(throws: DomainError.sessionNeeds(.knownScore)) {
            try database.enter(through: Self.token(50), [(idea: IdeaID(99), criterion: 0, entry: .score(3))], channel: .web)
        }
        #expect(throws: DomainError.sessionNeeds(.knownScore)) {
            try database.enter(through: Self.token(50), [(idea: ideas[1], criterion: 7, entry: .score(3))], channel: .web)
        }
        #expect(throws: DomainError.linkNotValid) {
            try database.enter(through: Self.token(9), [(idea: ideas[1], criterion: 0, entry: .score(3))], channel: .web)
        }
        let abstained = try database.enter(through: Self.token(50), [(idea: ideas[1], criterion: 0, entry: .abstain)], channel: .web).session
        let abstainKey = ScoreKey(participant: 1, idea: ideas[1], criterion: 0)
        #expect(abstained.abstentions == [abstainKey] && abstained.channels[abstainKey] == .web)
        #expect(try database.session(id).channels[abstainKey] == .web, "read back from the abstention's channel column")
        _ = try database.enter(through: Self.token(50), [(idea: ideas[1], criterion: 0, entry: nil)], channel: .web)
        try database.changeSession(id, .excludeParticipant("Bram", reason: "left early"))
        #expect(throws: DomainError.participantExcluded("Bram")) {
            try database.enter(through: Self.token(50), [(idea: ideas[1], criterion: 0, entry: .score(3))], channel: .web)
        }
        #expect(throws: DomainError.participantExcluded("Bram")) { try database.linkAccess(Self.token(50)) }
        // Closing an incomplete session is what the facilitator confirms on the board.
        try database.closeSession(id, allowIncomplete: true)
        #expect(throws: DomainError.sessionClosed) {
            try database.enter(through: Self.token(50), [(idea: ideas[1], criterion: 0, entry: .score(3))], channel: .web)
        }
        #expect(throws: DomainError.sessionClosed) { try database.linkAccess(Self.token(50)) }
        #expect(throws: DomainError.sessionClosed) { try database.shareSession(id, tokens: [Self.token(7), Self.token(8)]) }
        #expect(try database.session(id).scores == [key: 4], "refusals stored nothing")
    }

    @Test func aScoreTypedWithoutAChannelOrWithAnUnknownOneIsReadStrictly() throws {
        let database = try open()
        let id = try session(in: database)
        let ideas = try database.session(id).ideas
        try database.setScores(id, [(ScoreKey(participant: 0, idea: ideas[0], criterion: 0), 3)], channel: .commandLine)
        let queue = try DatabaseQueue(path: temporary.dataDirectory.databaseURL.path)
        try queue.write { db in
            try db.execute(sql: "INSERT INTO score (sessionId, participant, ideaId, criterion, value) VALUES (1, 1, ?, 0, 2)", arguments: [ideas[0].rawValue])
        }
        let read = try database.session(id)
        #expect(read.channels == [ScoreKey(participant: 0, idea: ideas[0], criterion: 0): .commandLine], "NULL: entered before channels")
        #expect(read.scores.count == 2)
        try queue.write { db in try db.execute(sql: "UPDATE score SET channel = 'carrier pigeon' WHERE participant = 0") }
        #expect(throws: StorageError.unreadableValue(table: "score", record: "session 1", field: "channel", value: "carrier pigeon")) {
            try database.session(id)
        }
        #expect(try database.unreadableValues() == [UnreadableValue(table: "score", record: "session 1", field: "channel", value: "carrier pigeon")],
                "doctor lists it")
        try queue.write { db in
            try db.execute(sql: "UPDATE score SET channel = 'web'")
            try db.execute(sql: "INSERT INTO abstention (sessionId, participant, ideaId, criterion, channel) VALUES (1, 0, ?, 0, 'fax')",
                           arguments: [ideas[1].rawValue])
        }
        #expect(throws: StorageError.unreadableValue(table: "abstention", record: "session 1", field: "channel", value: "fax")) {
            try database.session(id)
        }
        #expect(try database.unreadableValues() == [UnreadableValue(table: "abstention", record: "session 1", field: "channel", value: "fax")],
                "doctor lists an abstention's too")
    }
}
