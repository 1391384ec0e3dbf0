import Domain
import Foundation
import GRDB
import Storage
import Testing

/// Values of the wrong type (text in a number or time column) and numbers at the edge of their range are named
/// errors, never a crash; `doctor`'s scan lists them.
@Suite("Storage: wrong types and out-of-range values")
struct WrongTypeStorageTests {
    let temporary = TemporaryDirectory()

    func open() throws -> AppDatabase { try AppDatabase.open(temporary.dataDirectory, actor: "tester") }

    func tamper(_ sql: String) throws {
        let queue = try DatabaseQueue(path: temporary.dataDirectory.databaseURL.path)
        try queue.write { db in try db.execute(sql: sql) }
        try queue.close()
    }

    func weighedPortfolio(_ database: AppDatabase) throws -> SessionID {
        let ideas = [try database.add(IdeaFields(title: "Een")).id, try database.add(IdeaFields(title: "Twee")).id]
        try database.createCriteriaSet("snel")
        try database.saveCriteriaSet(try database.criteriaSet("snel").adding(Criterion(name: "impact", weight: 1)))
        let session = try database.createSession(
            WeighingSession(set: try database.criteriaSet("snel"), ideas: ideas, participants: ["Anne"], createdAt: Date()))
        try database.setScores(session.id!, [(ScoreKey(participant: 0, idea: ideas[0], criterion: 0), 4)])
        return session.id!
    }

    @Test func textInAScoreIsNamedNotACrash() throws {
        let database = try open()
        let id = try weighedPortfolio(database)
        try tamper("UPDATE score SET value = 'x'")
        #expect(throws: StorageError.unreadableValue(table: "score", record: "session \(id.rawValue)", field: "value", value: "x")) {
            try database.session(id)
        }
        #expect(try database.unreadableValues().map(\.description) == ["score 1: the stored value 'x' cannot be read"])
    }

    @Test func scoresThatDoNotFitTheirSessionAreNamed() throws {
        let database = try open()
        let id = try weighedPortfolio(database)
        try tamper("UPDATE score SET value = 999999")
        #expect(throws: StorageError.unreadableValue(table: "score", record: "session \(id.rawValue)", field: "value", value: "999999")) {
            try database.session(id)
        }
        try tamper("UPDATE score SET value = 3, participant = 77")
        #expect(throws: StorageError.unreadableValue(table: "score", record: "session \(id.rawValue)", field: "participant", value: "77")) {
            try database.session(id)
        }
    }

    @Test func anUnreadableTimeIsNamedWithItsRecord() throws {
        let database = try open()
        let idea = try database.add(IdeaFields(title: "Een")).id
        try tamper("INSERT INTO event (at, actor, ideaId, kind, program) VALUES ('never', 'x', \(idea.rawValue), 'edited', 'cli')")
        #expect(throws: StorageError.unreadableValue(table: "event", record: "event 2", field: "at", value: "never")) {
            try database.details()
        }
        #expect(try database.unreadableValues().map(\.description) == ["event 2: the stored at 'never' cannot be read"])
    }

    @Test func aPositionAtTheTopOfTheRangeIsNamedInsteadOfOverflowing() throws {
        let database = try open()
        let idea = try database.add(IdeaFields(title: "Een")).id
        try tamper("UPDATE idea SET position = 9223372036854775807")
        #expect(throws: StorageError.unreadableValue(table: "idea", record: "#\(idea.rawValue)", field: "position",
                                                    value: "9223372036854775807")) {
            try database.add(IdeaFields(title: "Twee"))
        }
        #expect(try database.summaries().count == 1, "nothing was added")
        #expect(try database.unreadableValues().map(\.field) == ["position"])
    }

    @Test func aCleanPortfolioHasNoWrongTypes() throws {
        let database = try open()
        _ = try weighedPortfolio(database)
        try database.seedDemo(now: Date())
        #expect(try database.unreadableValues().isEmpty)
    }
}
