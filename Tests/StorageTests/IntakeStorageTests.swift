import Domain
import Foundation
import GRDB
import Storage
import Testing

/// The inbox, triage and replies in the database; the list of lokale opgaven and its migration; the values mark.
@Suite("Storage: intake and lokale opgaven")
struct IntakeStorageTests {
    let temporary = TemporaryDirectory()
    let clock = TestClock()

    func open() throws -> AppDatabase {
        let clock = clock
        return try AppDatabase.open(temporary.dataDirectory, actor: "tester", clock: { clock.now })
    }

    static func day(_ y: Int, _ m: Int, _ d: Int) -> DayDate { DayDate(year: y, month: m, day: d)! }

    @Test func freeTextThemesBecomeTheListWhenMigrated() throws {
        let at = "'2026-01-05 10:00:00.000'"
        try makeVersion1Database(at: temporary.dataDirectory, insert: """
            INSERT INTO idea (title, theme, stage, position, createdAt, updatedAt) VALUES
              ('Een', 'Armoede en schulden', 'proposed', 1, \(at), \(at)),
              ('Twee', 'Jeugd en gezin', 'proposed', 2, \(at), \(at)),
              ('Drie', 'armoede en schulden', 'proposed', 3, \(at), \(at)),
              ('Vier', '', 'proposed', 4, \(at), \(at)),
              ('Vijf', 'Eenzaamheid', 'stopped', 1, \(at), \(at));
            """)
        let database = try open()
        // First use first, the oldest idea's spelling; an empty theme is no opgave; ideas keep their text.
        #expect(try database.challenges() == [
            LocalChallenge(name: "Armoede en schulden"), LocalChallenge(name: "Jeugd en gezin"), LocalChallenge(name: "Eenzaamheid"),
        ])
        #expect(try database.ideas().map(\.fields.theme) == ["Armoede en schulden", "Jeugd en gezin", "armoede en schulden", "", "Eenzaamheid"])
        #expect(try database.intakes().isEmpty, "ideas from before the inbox are not in it")
    }

    /// A declined idea is off the board, so it no longer counts: not in the stage counts (`info`, `wip`) and not
    /// against a hard WIP limit of its column, as the board's column count shows.
    @Test func aDeclinedIdeaCountsNowhereOnTheBoardNorAgainstALimit() throws {
        let database = try open()
        try database.add(IdeaFields(title: "Van het team"))
        let declined = try database.addToInbox(IdeaFields(title: "Meldapp"), receivedOn: Self.day(2026, 11, 4), replyTo: nil)
        try database.changeIntake(declined.id, .decline(reason: "bestaat al"), today: Self.day(2026, 11, 5))
        #expect(try database.countsByStage() == [.proposed: 1])
        try database.setWipLimit(WipLimit(stage: .proposed, limit: 2, hard: true))
        try database.importIdeas(dryRun: false) { writer in
            try writer.add(IdeaDraft(location: .line(2), fields: IdeaFields(title: "Speelplek in het park"), stage: .proposed))
        }
        #expect(try database.countsByStage() == [.proposed: 2])
        // A full column refuses every way in alike: an import (a dry run too, telling the count it would reach), a new idea
        // and one arriving in the inbox.
        let oneMore = IdeaDraft(location: .line(2), fields: IdeaFields(title: "Nog een idee"), stage: .proposed)
        for dryRun in [true, false] {
            #expect(throws: DomainError.wipLimitPassedByImport(.proposed, limit: 2, countAfter: 3)) {
                try database.importIdeas(dryRun: dryRun) { writer in try writer.add(oneMore) }
            }
        }
        #expect(throws: DomainError.wipLimitReached(.proposed, limit: 2, hard: true)) { try database.add(IdeaFields(title: "Nieuw")) }
        #expect(throws: DomainError.wipLimitReached(.proposed, limit: 2, hard: true)) {
            try database.addToInbox(IdeaFields(title: "Van een inwoner"), receivedOn: Self.day(2026, 11, 6), replyTo: nil)
        }
        #expect(try database.countsByStage() == [.proposed: 2])
        // Off the board for good: not moved through a gate, reordered or merged, either way (the history keeps it).
        let onBoard = try #require(try database.summaries().first)
        #expect(throws: DomainError.ideaDeclined(declined.id)) {
            try database.apply(.move(MoveRequest(id: declined.id, target: .experimenting, reason: "toch", gate: experimentGate,
                                                 wipOverride: "test")))
        }
        #expect(throws: DomainError.ideaDeclined(declined.id)) { try database.apply(.swap(onBoard.id, declined.id)) }
        #expect(throws: DomainError.ideaDeclined(declined.id)) { try database.merge(declined.id, into: onBoard.id) }
        #expect(throws: DomainError.ideaDeclined(declined.id)) { try database.merge(onBoard.id, into: declined.id) }
        #expect(try database.idea(declined.id).stage == .proposed)
    }

    @Test func anInboxIdeaIsMarkedOnTheBoardUntilTriagedAndADeclinedOneLeavesIt() throws {
        let database = try open()
        try database.add(IdeaFields(title: "Van het team"))
        let waiting = try database.addToInbox(IdeaFields(title: "Speelplek", source: .resident), receivedOn: Self.day(2026, 11, 3),
                                              replyTo: "via wijkteam Oost")
        let other = try database.addToInbox(IdeaFields(title: "Meldapp", source: .resident), receivedOn: Self.day(2026, 11, 4), replyTo: nil)
        #expect(try database.summaries().map(\.inboxSince) == [nil, Self.day(2026, 11, 3), Self.day(2026, 11, 4)])
        try database.changeIntake(waiting.id, .accept(theme: "Wonen en wijk"), today: Self.day(2026, 11, 10))
        #expect(try database.idea(waiting.id).fields.theme == "Wonen en wijk")
        try database.changeIntake(other.id, .decline(reason: "Er is al een meldapp"), today: Self.day(2026, 11, 11))
        #expect(try database.summaries().map(\.title) == ["Van het team", "Speelplek"], "declined: off the board")
        #expect(try database.summaries().allSatisfy { $0.inboxSince == nil })
        // Still in the history and in the export, with its reason.
        let history = try database.history(other.id)
        #expect(history.last?.kind == .declined && history.last?.reason == "Er is al een meldapp")
        let export = try database.exportAll(includePersonal: false)
        let rows = try #require(export.tables["intake"])
        #expect(rows.map { $0["status"]?.string } == ["accepted", "declined"])
        #expect(rows.map { $0["declineReason"]?.string } == [nil, "Er is al een meldapp"])
        #expect(rows.allSatisfy { $0["replyTo"] == .null }, "the contact is personal data")
        #expect(try database.exportAll(includePersonal: true).tables["intake"]?.first?["replyTo"]?.string == "via wijkteam Oost")
        #expect(throws: DomainError.notInInbox(other.id, status: "declined")) {
            try database.changeIntake(other.id, .accept(theme: "x"), today: Self.day(2026, 11, 12))
        }
    }

    @Test func mergingAnInboxIdeaTriagesIt() throws {
        let database = try open()
        let target = try database.add(IdeaFields(title: "Buurtkamer met open tafel"))
        let duplicate = try database.addToInbox(IdeaFields(title: "Open tafel in de buurtkamer"), receivedOn: Self.day(2026, 11, 3), replyTo: nil)
        try database.merge(duplicate.id, into: target.id)
        let intake = try #require(try database.intake(duplicate.id))
        #expect(intake.status == .merged && intake.triagedOn == DayDate.local(clock.now))
    }

    @Test func aReplyCanBeRecordedForAnyIdea() throws {
        let database = try open()
        let idea = try database.add(IdeaFields(title: "Via de wijkagent"))
        try database.changeIntake(idea.id, .replyTo("wijkagent Zuid"), today: Self.day(2026, 11, 3))
        try database.changeIntake(idea.id, .replySent(Self.day(2026, 11, 5)), today: Self.day(2026, 11, 5))
        let intake = try #require(try database.intake(idea.id))
        #expect(intake.status == .accepted && intake.replyTo == "wijkagent Zuid" && intake.replySentOn == Self.day(2026, 11, 5))
        #expect(try database.history(idea.id).suffix(2).map(\.kind) == [.replyContact, .replied])
        #expect(try database.history(idea.id).contains { ($0.after ?? "").contains("wijkagent Zuid") } == false, "the contact is not logged")
    }

    @Test func theListOfLokaleOpgavenRefusesDoublesAndRemovingWhatIsInUse() throws {
        let database = try open()
        try database.addChallenges([LocalChallenge(name: "Eenzaamheid", summary: "Minder eenzaamheid")], skipExisting: false)
        #expect(throws: DomainError.challengeExists("eenzaamheid")) {
            try database.addChallenges([LocalChallenge(name: "eenzaamheid")], skipExisting: false)
        }
        let idea = try database.add(IdeaFields(title: "Belcirkel", theme: "Eenzaamheid"))
        #expect(throws: DomainError.challengeInUse("Eenzaamheid", ideas: 1)) { try database.removeChallenge("EENZAAMHEID") }
        // A new name goes to every idea that carried the old one, each with an edit in its history.
        try database.editChallenge("eenzaamheid", to: LocalChallenge(name: "Eenzaamheid en ontmoeting", summary: "Meer ontmoeting"))
        #expect(try database.idea(idea.id).fields.theme == "Eenzaamheid en ontmoeting")
        #expect(try database.history(idea.id).last?.kind == .edited)
        #expect(try database.challenges() == [LocalChallenge(name: "Eenzaamheid en ontmoeting", summary: "Meer ontmoeting")])
        #expect(throws: DomainError.challengeNotFound("Wonen", known: ["Eenzaamheid en ontmoeting"])) { try database.removeChallenge("Wonen") }
        try database.apply(.edit(idea.id, IdeaFields(title: "Belcirkel")))
        try database.removeChallenge("Eenzaamheid en ontmoeting")
        #expect(try database.challenges().isEmpty)
    }

    @Test func aCriteriaSetIsMarkedAsTheCouncilsValues() throws {
        let database = try open()
        #expect(try database.valuesSetName() == nil)
        #expect(throws: DomainError.unknownCriteriaSet("waarden")) { try database.markValuesSet("waarden") }
        try database.createCriteriaSet("Waarden")
        try database.markValuesSet("waarden")
        #expect(try database.valuesSetName() == "Waarden", "stored as the set is named")
        try database.saveCriteriaSet(try database.criteriaSet("Waarden").adding(Criterion(name: "eigen regie", weight: 1)), creating: false)
        #expect(try database.valuesSetName() == "Waarden", "a new version of the set keeps the mark")
    }

    @Test func forgetErasesTheReplyContactAndDeclinedIdeasLeaveTheFigures() throws {
        let database = try open()
        let named = try database.addToInbox(IdeaFields(title: "Speelplek", submitter: "Marieke Bakker"), receivedOn: Self.day(2026, 11, 3),
                                            replyTo: "Marieke Bakker, 06-12345678")
        let other = try database.addToInbox(IdeaFields(title: "Meldapp"), receivedOn: Self.day(2026, 11, 3), replyTo: "via wijkteam Oost")
        try database.changeIntake(other.id, .decline(reason: "bestaat al"), today: Self.day(2026, 11, 4))
        #expect(try database.portfolio(today: Self.day(2026, 11, 30), staleDays: 30).stageCounts[.proposed] == 1)
        let report = try database.forget(submitter: "marieke  bakker")
        #expect(report.ideasChanged == 1)
        #expect(try database.intake(named.id)?.replyTo == nil)
        #expect(try database.intake(other.id)?.replyTo == "via wijkteam Oost")
    }

    @Test func aDamagedIntakeIsNamedNeverReadAsADefault() throws {
        let database = try open()
        let idea = try database.addToInbox(IdeaFields(title: "Speelplek"), receivedOn: Self.day(2026, 11, 3), replyTo: nil)
        let queue = try DatabaseQueue(path: temporary.dataDirectory.databaseURL.path)
        try queue.write { db in
            try db.execute(sql: "UPDATE intake SET status = 'misschien', receivedOn = 'gisteren' WHERE ideaId = ?", arguments: [idea.id.rawValue])
        }
        try queue.close()
        #expect(throws: StorageError.unreadableValue(table: "intake", record: "intake of #1", field: "status", value: "misschien")) {
            try database.summaries()
        }
        // A window reads the inbox's days with its cards and counts the inbox: the damaged status is named there too.
        for status in ["misschien", "Inbox", "", "zzz", "b"] {
            let writer = try DatabaseQueue(path: temporary.dataDirectory.databaseURL.path)
            try writer.write { db in try db.execute(sql: "UPDATE intake SET status = ? WHERE ideaId = ?", arguments: [status, idea.id.rawValue]) }
            try writer.close()
            #expect(throws: StorageError.unreadableValue(table: "intake", record: "intake of #1", field: "status", value: status)) {
                try database.boardSlice(ranges: [.proposed: 0..<10], matching: [])
            }
        }
        let writer = try DatabaseQueue(path: temporary.dataDirectory.databaseURL.path)
        try writer.write { db in try db.execute(sql: "UPDATE intake SET status = 'misschien' WHERE ideaId = ?", arguments: [idea.id.rawValue]) }
        try writer.close()
        let unreadable = try database.unreadableValues()
        #expect(unreadable.contains(UnreadableValue(table: "intake", record: "intake of #1", field: "status", value: "misschien")))
        #expect(unreadable.contains(UnreadableValue(table: "intake", record: "intake of #1", field: "receivedOn", value: "gisteren")))
    }
}
