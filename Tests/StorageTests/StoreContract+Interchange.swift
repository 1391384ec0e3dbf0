import Domain
import Foundation
import Testing
@testable import Storage

/// Export and import on every store: a JSON export's round trip, the CSV import's writer, dry runs and refusals.
extension StoreContract {
    /// A portfolio with rows in every exported table, made the same way on every store (no refused change that could
    /// take an id from a PostgreSQL sequence): what the export tests compare.
    static func fillEveryTable(_ store: any ContractStore, clock: TestClock) throws {
        try store.addChallenges([LocalChallenge(name: "Wonen", summary: "betaalbaar", dataSource: "CBS"), LocalChallenge(name: "Armoede")],
                                skipExisting: false)
        let first = try store.add(fields)
        clock.advance(0.25)
        let second = try store.add(IdeaFields(title: "Tweede", description: "regel 1\nregel 2", theme: "Armoede", tags: ["ü", "\"", "wijk"]))
        try store.importIdeas(dryRun: false) { writer in
            try writer.add(IdeaDraft(location: .line(2), fields: IdeaFields(title: "Uit bestand", submitter: "Piet"), stage: .scaling))
            try writer.add(IdeaDraft(location: .line(3), fields: IdeaFields(title: "Van de balie", tags: ["loket"]), stage: .proposed),
                           arrival: Arrival(receivedOn: DayDate(year: 2026, month: 9, day: 1)!, replyTo: "balie@gemeente.nl"))
        }
        clock.advance(61.5)
        try store.apply(.move(MoveRequest(id: first.id, target: .experimenting, reason: "pilot", gate: experimentGate)))
        try store.apply(.addMeasurement(first.id, MetricMeasurement(date: DayDate(year: 2026, month: 10, day: 1)!, value: 2, note: "")))
        try store.apply(.addMeasurement(first.id, MetricMeasurement(date: DayDate(year: 2026, month: 10, day: 2)!, value: 0.1, note: "tweede")))
        _ = try store.addCaseNote(CaseNote(idea: first.id, cycle: nil, date: DayDate(year: 2026, month: 10, day: 3)!, text: "Een moeder belde",
                                       publishable: true))
        _ = try store.addCaseNote(CaseNote(idea: first.id, cycle: nil, date: DayDate(year: 2026, month: 10, day: 4)!, text: "Binnen het team"))
        try store.apply(.saveDecision(ConsentDecision(ideaID: first.id, kind: .scale, proposal: "Opschalen", responsible: "Sanne",
                                                      reviewDate: DayDate(year: 2027, month: 3, day: 1)!)))
        try store.createCriteriaSet("set")
        try store.createCriteriaSet("Zorg")
        // Saved again: SQLite replaces the row, which moves it to the end; a changed criterion updates it in place.
        try store.saveCriteriaSet(try store.criteriaSet("zorg").adding(Criterion(name: "kosten", weight: 1, direction: .cost)), creating: false)
        try store.saveCriteriaSet(try store.criteriaSet("set").adding(Criterion(name: "impact", weight: 2)), creating: false)
        _ = try store.changeCriteria("zorg", .edit("kosten", CriterionEdit(weight: 3)))
        try store.markValuesSet("ZORG")
        let session = try store.createSession(WeighingSession(set: try store.criteriaSet("set"), ideas: [first.id, second.id],
                                                              participants: ["An", "Bo"], createdAt: clock.now))
        let id = try #require(session.id)
        try store.setScores(id, [(ScoreKey(participant: 0, idea: first.id, criterion: 0), 4), (ScoreKey(participant: 1, idea: first.id, criterion: 0), 2)])
        try store.setScores(id, [(ScoreKey(participant: 0, idea: first.id, criterion: 0), 5)])
        _ = try store.changeSession(id, [.enter([ScoreInput(ScoreKey(participant: 1, idea: second.id, criterion: 0), .abstain, channel: .commandLine)]),
                                     .note(SessionCell(idea: second.id, criterion: 0), "twijfel")])
        try store.setWipLimit(WipLimit(stage: .learning, limit: 2, hard: true))
        try store.setWipLimit(WipLimit(stage: .proposed, limit: 40))
        try store.setWipLimit(WipLimit(stage: .learning, limit: 3, hard: true))
        let third = try store.addToInbox(IdeaFields(title: "Derde", tags: ["wijk"]), receivedOn: DayDate(year: 2026, month: 9, day: 20)!,
                                         replyTo: "balie")
        clock.advance(3_600)
        try store.merge(third.id, into: second.id)
    }

    func anExportImportedIntoAnEmptyStoreExportsTheSame() throws {
        let store = try open()
        try Self.fillEveryTable(store, clock: clock)
        var reported: [Int] = []
        let export = try store.exportAll(includePersonal: true) { reported.append($0) }
        #expect(reported == [], "fewer than 1,000 records")
        #expect(export.format == "proeftuin-export")
        #expect(export.schema == "v9-learning: safe-to-try bounds, case notes")
        #expect(PortfolioRows.exportedTables.filter { export.tables[$0]?.isEmpty ?? true } == [], "every table has rows")
        let tables = export.tables
        #expect(tables["idea"]?.map { $0["title"] } == ["Buurtkamer", "Tweede", "Uit bestand", "Van de balie", "Derde"].map(JSONValue.string))
        #expect(tables["idea"]?[1]["tags"] == .array(["ü", "\"", "wijk"].map(JSONValue.string)), "tags as an array")
        #expect(tables["idea"]?[0]["submitter"] == .string("Els"))
        #expect(tables["criteriaSet"]?.map { $0["name"] } == [.string("Zorg"), .string("set")], "in SQLite's rowid order")
        #expect(tables["wipLimit"]?.map { [$0["stage"], $0["limit"], $0["hard"]] }
                == [[.string("learning"), .int(3), .int(1)], [.string("proposed"), .int(40), .int(0)]])
        #expect(tables["score"]?.map { [$0["participant"], $0["value"], $0["channel"]] }
                == [[.int(1), .int(2), .string("board")], [.int(0), .int(5), .string("board")]], "a score set again comes last")
        #expect(tables["measurement"]?.map { $0["value"] } == [.double(2), .double(0.1)])
        #expect(tables["caseNote"]?.map { [$0["text"], $0["publishable"]] } == [[.string("Een moeder belde"), .int(1)]])
        #expect(tables["councilValues"] == [["id": .int(1), "setName": .string("Zorg")]])
        #expect(tables["intake"]?.map { $0["replyTo"] } == [.string("balie@gemeente.nl"), .string("balie")])
        #expect(Set(tables["event"]?.first?.keys.map { $0 } ?? []) == ["id", "at", "actor", "ideaId", "kind", "reason", "before", "after", "program"])

        let anonymous = try store.exportAll(includePersonal: false)
        #expect(anonymous.includesPersonalData == false)
        #expect(anonymous.tables["idea"]?.map { $0["submitter"] } == Array(repeating: .null, count: 5))
        #expect(anonymous.tables["intake"]?.map { $0["replyTo"] } == [.null, .null])
        #expect(anonymous.tables["event"]?.contains { $0["after"]?.string?.contains("Els") == true } == false)

        let other = opener.another()
        let copy = try other.open(actor: "tester", program: "cli", clock: clock)
        #expect(try copy.checkImport(export).map(\.fields.title) == ["Buurtkamer", "Tweede", "Uit bestand", "Van de balie", "Derde"])
        #expect(try copy.isEmpty(), "a check writes nothing")
        #expect(try copy.importAll(export).count == 5)
        #expect(try copy.exportAll(includePersonal: true) == export)
        #expect(try copy.exportAll(includePersonal: false) == anonymous)
        #expect(try copy.summaries() == store.summaries())
        #expect(try copy.history(IdeaID(1)) == store.history(IdeaID(1)))
        #expect(throws: InterchangeError.self) { try copy.importAll(export) }
        // The ids go on after the imported ones.
        #expect(try copy.add(IdeaFields(title: "Nieuw")).id == IdeaID(6))
        #expect(try copy.createSession(WeighingSession(set: try copy.criteriaSet("set"), ideas: [IdeaID(6)], participants: ["Cas"],
                                                       createdAt: clock.now)).id == SessionID(2))
        #expect(try copy.addCaseNote(CaseNote(idea: IdeaID(1), cycle: nil, date: DayDate(year: 2026, month: 10, day: 5)!, text: "Later")).id == 2)
        #expect(try copy.history(IdeaID(6)).first?.kind == .created)
    }

    func aCSVImportWritesIdeasEventsAndIntakesAndADryRunNothing() throws {
        let store = try open()
        try store.add(IdeaFields(title: "Al daar"))
        clock.advance(10)
        let drafts = [IdeaDraft(location: .line(2), fields: IdeaFields(title: "Een", theme: "Wonen", tags: ["a", "b"]), stage: .proposed),
                      IdeaDraft(location: .line(3), fields: IdeaFields(title: "Twee", source: .resident, submitter: "Jan"), stage: .scaling)]
        let arrival = Arrival(receivedOn: DayDate(year: 2026, month: 9, day: 1)!, replyTo: "jan@example.nl")
        func load(_ writer: IdeaImportWriter) throws -> Int {
            #expect(writer.storedTitles.map { "\($0.0) \($0.1)" } == ["#1 Al daar"])
            try writer.add(drafts[0])
            try writer.add(drafts[1], arrival: arrival)
            return writer.count
        }
        let version = try store.dataVersion()
        #expect(try store.importIdeas(dryRun: true, load) == 2)
        #expect(try store.eventCount() == 1, "a dry run writes nothing")
        #expect(try store.dataVersion() == version)
        #expect(try store.importIdeas(dryRun: false, load) == 2)
        #expect(try store.dataVersion() != version, "other programs see the import")
        let summaries = try store.summaries()
        #expect(summaries.map { "\($0.id) \($0.title) \($0.stage) \($0.position)" } == ["#1 Al daar proposed 1", "#2 Een proposed 2",
                                                                                         "#3 Twee proposed 3"])
        #expect(try store.idea(IdeaID(2)).fields == drafts[0].fields)
        #expect(try store.idea(IdeaID(3)).createdAt == clock.now)
        let een = try store.history(IdeaID(2))
        #expect(een.map(\.kind) == [.imported])
        #expect(een.first?.reason == nil)
        #expect(een.first?.at == clock.now)
        #expect(een.first?.after == #"{"createdAt":"2026-09-21T14:13:30Z","cycleCount":0,"fields":{"description":"","tags":["a","b"],"theme":"Wonen","title":"Een"},"id":2,"position":2,"stage":"proposed","updatedAt":"2026-09-21T14:13:30Z"}"#)
        let twee = try store.history(IdeaID(3))
        #expect(twee.first?.reason != nil, "the stage the file asked for is named")
        #expect(twee.first?.actor == "tester")
        #expect(twee.first?.program == "cli")
        #expect(try store.intakes().map(\.ideaID) == [IdeaID(3)])
        #expect(try store.intake(IdeaID(3))?.replyTo == "jan@example.nl")
        #expect(try store.intake(IdeaID(3))?.receivedOn == arrival.receivedOn)
        #expect(try store.eventCount() == 3)
        // A second import goes on after the first in the column.
        try store.importIdeas(dryRun: false) { writer in try writer.add(drafts[0]) }
        #expect(try store.summaries().map(\.position) == [1, 2, 3, 4])
    }

    func aRefusedImportLeavesNothing() throws {
        let store = try open()
        try store.setWipLimit(WipLimit(stage: .proposed, limit: 2, hard: true))
        try store.add(IdeaFields(title: "Al daar"))
        let drafts = ["Een", "Twee"].enumerated().map { IdeaDraft(location: .line($0.offset + 2), fields: IdeaFields(title: $0.element), stage: .proposed) }
        for dryRun in [true, false] {
            #expect(throws: DomainError.wipLimitPassedByImport(.proposed, limit: 2, countAfter: 3)) {
                try store.importIdeas(dryRun: dryRun) { writer in for draft in drafts { try writer.add(draft) } }
            }
        }
        struct Stopped: Error {}
        #expect(throws: Stopped.self) {
            try store.importIdeas(dryRun: false) { writer in
                try writer.add(drafts[0])
                throw Stopped()
            }
        }
        #expect(try store.summaries().map(\.title) == ["Al daar"])
        #expect(try store.eventCount() == 2)
        #expect(try store.intakes().isEmpty)

        let export = try store.exportAll(includePersonal: true)
        let other = opener.another()
        let empty = try other.open(actor: "tester", program: "cli", clock: clock)
        #expect(throws: InterchangeError.self) { try store.importAll(export) }
        do {
            _ = try store.checkImport(export)
            Issue.record("an import into a portfolio with ideas was allowed")
        } catch let error as InterchangeError {
            switch (opener.name, error) {
            case ("SQLite", .notEmpty), ("PostgreSQL", .serverNotEmpty): break
            default: Issue.record("\(opener.name): \(error)")
            }
        }
        var older = export
        older.schema = "v8-intake: inbox, replies, lokale opgaven, values sets"
        #expect(throws: InterchangeError.schemaMismatch(found: older.schema, expected: export.schema)) { try empty.importAll(older) }
        var foreign = export
        foreign.format = "iets anders"
        #expect(throws: InterchangeError.notAnExport) { try empty.checkImport(foreign) }
        var broken = export
        broken.tables["idea"]?[0]["title"] = .string("  ")
        broken.tables["idea"]?.append(["id": .int(1), "title": .string("Dubbel")])
        #expect(throws: ImportFailure.self) { try empty.importAll(broken) }
        #expect(try empty.isEmpty())
        #expect(try empty.eventCount() == 0)
        #expect(try empty.wipLimits()[.proposed]?.hard != true, "the stored limits are replaced only by a whole import")
    }
}
