import Domain
import Foundation
import Storage
import Testing

@Suite("Storage: export, import, merge, forget")
struct InterchangeStorageTests {
    let temporary = TemporaryDirectory()
    let clock = TestClock()

    func open(_ name: String = "data") throws -> AppDatabase {
        let clock = clock
        return try AppDatabase.open(DataDirectory(url: temporary.url.appendingPathComponent(name)), actor: "tester", clock: { clock.now })
    }

    func encoded(_ export: PortfolioExport) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(export)
    }

    @Test func jsonRoundTripsWithoutLoss() throws {
        let source = try open("source")
        try source.seedDemo(now: clock.now)
        try source.add(IdeaFields(title: "Met indiener", submitter: "J. de Boer", tags: ["één", "twee"]))
        let first = try source.exportAll(includePersonal: true)
        let target = try open("target")
        try target.importAll(first)
        let second = try target.exportAll(includePersonal: true)
        #expect(try encoded(first) == encoded(second))
        #expect(try target.summaries().count == (try source.summaries().count))
        #expect(throws: InterchangeError.notEmpty(path: target.directory.path)) { try target.importAll(first) }
    }

    @Test func exportsLeaveOutPersonalDataUnlessAsked() throws {
        let database = try open()
        try database.add(IdeaFields(title: "Idee", submitter: "Fatima Bakker"))
        let without = String(decoding: try encoded(try database.exportAll(includePersonal: false)), as: UTF8.self)
        #expect(!without.contains("Fatima"))
        let with = String(decoding: try encoded(try database.exportAll(includePersonal: true)), as: UTF8.self)
        #expect(with.contains("Fatima Bakker"))
    }

    @Test func forgetErasesTheNameFromTheDatabaseFiles() throws {
        let database = try open()
        let id = try database.add(IdeaFields(title: "Bankje bij de bushalte", submitter: "Klaas Vaak-Zandman")).id
        try database.add(IdeaFields(title: "Tweede idee", submitter: "Klaas Vaak-Zandman"))
        var fields = try database.idea(id).fields
        fields.theme = "Wijk"
        try database.apply(.edit(id, fields))  // the submitter is also in this event's before and after
        let report = try database.forget(submitter: "klaas vaak-zandman")
        #expect(report.ideasChanged == 2)
        #expect(report.eventsChanged == 3)
        #expect(try database.idea(id).fields.submitter == nil)
        let files = try FileManager.default.contentsOfDirectory(atPath: database.directory.path).filter { $0.hasPrefix("proeftuin.sqlite") }
        #expect(files.contains("proeftuin.sqlite"))
        for file in files {
            let bytes = try Data(contentsOf: database.directory.url.appendingPathComponent(file))
            #expect(bytes.range(of: Data("Vaak-Zandman".utf8)) == nil, "\(file) still holds the name")
        }
        #expect(try database.history(id).last?.kind != .forgotten, "the erasure is logged without an idea")
    }

    @Test func forgetListsFreeTextMentions() throws {
        let database = try open()
        try database.add(IdeaFields(title: "Idee van Anna Smit", submitter: "Anna Smit"))
        let report = try database.forget(submitter: "Anna Smit")
        #expect(report.stillMentioned.map(\.title) == ["Idee van Anna Smit"])
    }

    @Test func mergeMovesTagsSessionsAndHistory() throws {
        let database = try open()
        let keep = try database.add(IdeaFields(title: "Buurtkamer", tags: ["ouderen"])).id
        let duplicate = try database.add(IdeaFields(title: "Buurtkamer met eten", tags: ["eten"])).id
        try database.saveCriteriaSet(.socialDomain, creating: true)
        let session = try database.createSession(WeighingSession(set: .socialDomain, ideas: [duplicate], participants: ["An"], createdAt: clock.now))
        try database.setScores(session.id!, [(ScoreKey(participant: 0, idea: duplicate, criterion: 0), 4)])
        try database.merge(duplicate, into: keep)
        #expect(try database.idea(keep).fields.tags == ["ouderen", "eten"])
        let merged = try database.idea(duplicate)
        #expect(merged.stage == .stopped)
        #expect(merged.stopCategory == .merged)
        #expect(merged.stopLearned == "merged into \(keep)")
        #expect(try database.session(session.id!).ideas == [keep])
        #expect(try database.session(session.id!).scores[ScoreKey(participant: 0, idea: keep, criterion: 0)] == 4)
        #expect(try database.history(keep).contains { $0.ideaID == duplicate && $0.kind == .created }, "history follows")
        #expect(throws: DomainError.alreadyMerged(duplicate, keep)) { try database.merge(duplicate, into: keep) }
        #expect(throws: DomainError.mergeIntoItself) { try database.merge(keep, into: keep) }
    }

    @Test func ideaTitlesFeedTheDuplicateFormula() throws {
        let database = try open()
        try database.add(IdeaFields(title: "Schuldhulp aan de keukentafel", description: "thuis langs"))
        try database.add(IdeaFields(title: "Energiecoaches"))
        let titles = try database.ideaTitles()
        #expect(titles.map(\.0) == [IdeaID(1), IdeaID(2)])
        let found = DuplicateIndex(titles).matches(for: "Schuldhulp aan keukentafel")
        #expect(found.map(\.key) == [IdeaID(1)])
        #expect(found.map(\.similarity) == [Similarity.of("Schuldhulp aan keukentafel", "Schuldhulp aan de keukentafel")])
    }

    @Test func theImportChecksKnowEveryTableAndColumnOfTheExport() throws {
        let database = try open()
        try database.seedDemo(now: clock.now)
        let ideas = try database.summaries().prefix(2).map(\.id)
        let session = try database.createSession(WeighingSession(
            set: try database.criteriaSets()[0], ideas: ideas, participants: ["Anne", "Bram"], createdAt: clock.now))
        _ = try database.changeSession(session.id!, [
            .enter([ScoreInput(ScoreKey(participant: 0, idea: ideas[0], criterion: 0), .abstain, channel: .board)]),
            .note(SessionCell(idea: ideas[0], criterion: 0), "eerst navragen"),
        ])
        let export = try database.exportAll(includePersonal: true)
        #expect(Set(export.tables.keys) == Set(PortfolioImport.tables.map(\.name)))
        for (table, fields) in PortfolioImport.tables {
            let row = try #require(export.tables[table]?.first, "the demo has a \(table) row")
            #expect(Set(row.keys) == Set(fields), "\(table)")
        }
    }

    @Test func aRefusedExportChangesNothingAndNamesEveryProblem() throws {
        let source = try open("source")
        try source.seedDemo(now: clock.now)
        var export = try source.exportAll(includePersonal: true)
        export.tables["idea"]![0]["stage"] = .string("klaar")
        export.tables["idea"]![1]["title"] = .string(String(repeating: "x", count: 300))
        export.tables["measurement"]![0]["value"] = .unrepresentableNumber
        export.tables["cycle"]![0]["ideaId"] = .int(9_999)
        let target = try open("target")
        let before = try target.exportAll(includePersonal: true)
        #expect(throws: ImportFailure.self) { try target.checkImport(export) }
        do {
            try target.importAll(export)
            Issue.record("the import should be refused")
        } catch let failure as ImportFailure {
            #expect(failure.problems.map(\.field) == ["stage", "title", "ideaId", "value"])
        }
        #expect(try encoded(target.exportAll(includePersonal: true)) == encoded(before), "nothing was written")
    }

    @Test func importedIdeasGetTheirCheckedFields() throws {
        let source = try open("source")
        try source.add(IdeaFields(title: "Buurtkamer", source: .resident))
        var export = try source.exportAll(includePersonal: true)
        export.tables["idea"]![0]["title"] = .string("  Buurt\u{1B}[31mkamer ")
        export.tables["idea"]![0]["stage"] = .string("Voorgesteld")
        export.tables["idea"]![0]["source"] = .string("inwoner")
        let target = try open("target")
        let drafts = try target.importAll(export)
        #expect(drafts.map(\.wasCleaned) == [true])
        let idea = try target.idea(IdeaID(1))
        #expect(idea.fields.title == "Buurtkamer")
        #expect(idea.stage == .proposed)
        #expect(idea.fields.source == .resident)
    }

    @Test func importIdeasIsOneTransaction() throws {
        let database = try open()
        try database.importIdeas([(IdeaFields(title: "Een"), .proposed), (IdeaFields(title: "Twee"), .stopped)])
        #expect(try database.countsByStage() == [.proposed: 2], "no gate is skipped: a row asking for stopped arrives as proposed")
        #expect(throws: DomainError.emptyTitle) {
            try database.importIdeas([(IdeaFields(title: "Drie"), .proposed), (IdeaFields(title: " "), .proposed)])
        }
        #expect(try database.summaries().count == 2, "nothing from a failing batch")
        #expect(try database.history(IdeaID(1)).first?.kind == .imported)
    }
}
