import Domain
import Foundation
import GRDB
import Storage
import Testing

@Suite("Storage: bounds, case notes, past the maximum duration")
struct LearningStorageTests {
    let temporary = TemporaryDirectory()
    let clock = TestClock()

    func open() throws -> AppDatabase {
        let clock = clock
        return try AppDatabase.open(temporary.dataDirectory, actor: "tester", clock: { clock.now })
    }

    func tamper(_ sql: String) throws {
        let queue = try DatabaseQueue(path: temporary.dataDirectory.databaseURL.path)
        try queue.write { db in try db.execute(sql: sql) }
        try queue.close()
    }

    static let bounds = SafeBounds(budgetCap: 1250.5, maxDuration: MaxDuration(count: 30, unit: .days), harm: "buren",
                                   safeguard: "vooraf gevraagd", stopRule: "iemand klaagt")

    func started(_ database: AppDatabase) throws -> IdeaID {
        let id = try database.add(IdeaFields(title: "Pilot", submitter: "Fatima El Amrani")).id
        try database.apply(.move(MoveRequest(id: id, target: .experimenting, reason: "start", gate: .experiment(
            TestCard(hypothesis: "h", action: "a", metric: "m", successCriterion: "s", bounds: Self.bounds), owner: "o",
            reviewDate: DayDate(year: 2027, month: 6, day: 1)!))))
        return id
    }

    @Test func boundsAreStoredWithTheCycleAndTheLastDayIsKnown() throws {
        let database = try open()
        let id = try started(database)
        let start = DayDate.local(clock.now)
        let cycle = try #require(try database.detail(id).currentCycle)
        #expect(cycle.testCard.bounds == Self.bounds)
        #expect(cycle.startedOn == start)
        #expect(try database.summaries().first?.lastAllowedDay == start.adding(days: 30))
        #expect(try database.pastMaxDuration(today: start.adding(days: 30)).isEmpty)
        #expect(try database.pastMaxDuration(today: start.adding(days: 31)).map(\.idea) == [id])
        #expect(try database.pastMaxDuration(today: start.adding(days: 31)).first?.kind == .maxDuration)
    }

    @Test func halfStoredBoundsAreRefusedByName() throws {
        let database = try open()
        let id = try started(database)
        try tamper("UPDATE cycle SET stopRule = NULL")
        #expect(throws: StorageError.unreadableValue(table: "cycle", record: "cycle 1 of #1", field: "stopRule", value: "NULL")) {
            try database.detail(id)
        }
        try tamper("UPDATE cycle SET stopRule = 'x', maxDuration = 'lang'")
        #expect(throws: StorageError.unreadableValue(table: "cycle", record: "cycle 1 of #1", field: "maxDuration", value: "lang")) {
            try database.detail(id)
        }
    }

    @Test func aCaseNoteGoesToTheCurrentCycleOnlyWithoutPersonalData() throws {
        let database = try open()
        let id = try started(database)
        let day = DayDate(year: 2026, month: 11, day: 2)!
        #expect(throws: DomainError.personalDataInCase([.name])) {
            try database.addCaseNote(CaseNote(idea: id, cycle: nil, date: day, text: "fatima el amrani belde"))
        }
        #expect(try database.caseNotes(idea: id).isEmpty)
        let saved = try database.addCaseNote(CaseNote(idea: id, cycle: nil, date: day, text: "Een moeder belde", publishable: false))
        #expect(saved.cycle == 1)
        #expect(try database.detail(id).cases == [saved])
        let event = try #require(try database.history(id).last)
        #expect(event.kind == .caseNoted)
        #expect(!(event.after ?? "").contains("moeder"), "the log names the note, not its text")
        #expect(try database.exportAll(includePersonal: true).tables["caseNote"]?.isEmpty == true, "not publishable: not exported")
    }
}
