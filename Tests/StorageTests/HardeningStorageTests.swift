import Domain
import Foundation
import GRDB
import PropertyBased
import Storage
import Testing

/// Data loss, erasure, strict reads of what no form accepts, and import rows at the storage boundary.
@Suite("Hardening: storage", .serialized)
struct HardeningStorageTests {
    let temporary = TemporaryDirectory()
    let clock = TestClock()

    func open(_ directory: DataDirectory? = nil) throws -> AppDatabase {
        let clock = clock
        return try AppDatabase.open(directory ?? temporary.dataDirectory, actor: "tester", clock: { clock.now })
    }

    /// The text of every file under a folder, as bytes read as UTF-8 (lossy), to look for a name.
    func bytes(under folder: URL) throws -> String {
        var text = ""
        let walker = FileManager.default.enumerator(atPath: folder.path)
        while let name = walker?.nextObject() as? String {
            let url = folder.appendingPathComponent(name)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            text += String(decoding: try Data(contentsOf: url), as: UTF8.self)
        }
        return text
    }

    // MARK: Data loss

    @Test func aDatabaseReplacedUnderAnOpenProgramRefusesItsWrites() throws {
        let board = try open()
        try board.add(IdeaFields(title: "Werk van vandaag"))
        let other = DataDirectory(url: temporary.url.appendingPathComponent("other"))
        try open(other).add(IdeaFields(title: "Van elders"))
        let copy = temporary.url.appendingPathComponent("copy.sqlite")
        try open(other).backup(to: copy)
        // A restore that got past the check for other programs (it cannot see this process's own connections, as it could
        // not see a board that opened the database a moment after the check) puts a different database in place.
        try Doctor.restore(temporary.dataDirectory, from: copy)
        #expect(throws: StorageError.databaseReplaced(path: temporary.dataDirectory.path)) { try board.add(IdeaFields(title: "Verloren?")) }
        #expect(throws: StorageError.databaseReplaced(path: temporary.dataDirectory.path)) { _ = try board.summaries() }
        #expect(try open().summaries().map(\.title) == ["Van elders"], "a program opened now sees the database in place")
    }

    @Test func aVanishedDatabaseBesideBackupsIsNotRecreatedEmpty() throws {
        try open().add(IdeaFields(title: "Kostbaar"))
        try open().rollingBackup(reason: "manual")
        try FileManager.default.removeItem(at: temporary.dataDirectory.databaseURL)
        #expect(throws: StorageError.databaseMissing(path: temporary.dataDirectory.path, backups: 1, setAside: 0)) { _ = try open() }
        #expect(!FileManager.default.fileExists(atPath: temporary.dataDirectory.databaseURL.path), "nothing was created")
        let kept = try #require(Doctor.backups(temporary.dataDirectory).first)
        try Doctor.restore(temporary.dataDirectory, from: kept)
        #expect(try open().summaries().map(\.title) == ["Kostbaar"])
    }

    @Test func aRestoreIsRefusedWhileThisProgramHoldsTheDatabaseOpenElsewhere() throws {
        try open().add(IdeaFields(title: "Open"))
        let backup = try #require(try open().rollingBackup(reason: "manual"))
        #expect(!DatabaseRestore.inUse(temporary.dataDirectory), "no other process has it open")
        #expect(try Doctor.restore(temporary.dataDirectory, from: backup) != nil)
    }

    @Test func aCopyThatNeverGotItsJournalIsDroppedAndAJournalledSwapIsFinished() throws {
        try open().add(IdeaFields(title: "Oud"))
        let directory = temporary.dataDirectory
        let other = DataDirectory(url: temporary.url.appendingPathComponent("other"))
        try open(other).add(IdeaFields(title: "Nieuw"))
        let staging = directory.url.appendingPathComponent("proeftuin.sqlite.restoring")
        // Cut short while copying: no journal yet, so the old database stays and the copy goes.
        try open(other).backup(to: staging)
        #expect(try open().summaries().map(\.title) == ["Oud"])
        #expect(!FileManager.default.fileExists(atPath: staging.path))
        // Cut short after the journal: the next open finishes the swap.
        try open(other).backup(to: staging)
        try Data(#"{"kept":"proeftuin.sqlite.damaged-test"}"#.utf8).write(to: directory.url.appendingPathComponent("proeftuin.restore-journal"))
        #expect(try open().summaries().map(\.title) == ["Nieuw"])
        #expect(FileManager.default.fileExists(atPath: directory.url.appendingPathComponent("proeftuin.sqlite.damaged-test").path))
        #expect(!FileManager.default.fileExists(atPath: directory.url.appendingPathComponent("proeftuin.restore-journal").path))
    }

    // MARK: Erasure

    @Test func forgetReachesEveryCopyAndMatchesNamesAsPeopleWriteThem() throws {
        let database = try open()
        let name = "Zoë O\"Brien/\\Ñandú"
        try database.add(IdeaFields(title: "Buurtkamer", submitter: name))
        try database.rollingBackup(reason: "manual")
        let outside = temporary.url.appendingPathComponent("elsewhere/copy.sqlite")
        try database.backup(to: outside)
        try database.add(IdeaFields(title: "Over zoe o\"brien/\\nandu", submitter: "ZOË O\"BRIEN/\\ÑANDÚ"))
        try Data("half".utf8).write(to: temporary.dataDirectory.backupsURL.appendingPathComponent(".proeftuin-x.sqlite.1.partial"))
        let report = try database.forget(submitter: "zoe o\"brien/\\nandu")
        #expect(report.ideasChanged == 2)
        #expect(report.eventsChanged == 2)
        #expect(report.stillMentioned.map(\.title) == ["Over zoe o\"brien/\\nandu"])
        #expect(report.copiesRewritten.count == 2)
        #expect(report.copiesNotRewritten.isEmpty)
        #expect(report.leftoversRemoved.count == 1)
        for folder in [temporary.dataDirectory.url, outside.deletingLastPathComponent()] {
            let text = try bytes(under: folder)
            #expect(!text.contains("Zoë") && !text.contains("ZOË") && !text.contains("Ñandú") && !text.contains("ÑANDÚ"), "\(folder.path)")
        }
    }

    @Test func copiesThatCannotBeRewrittenAreListedAndCanBeDeleted() throws {
        let database = try open()
        try database.add(IdeaFields(title: "Buurtkamer", submitter: "Ann"))
        let outside = temporary.url.appendingPathComponent("copy.sqlite")
        try database.backup(to: outside)
        let gone = temporary.url.appendingPathComponent("gone.sqlite")
        try database.backup(to: gone)
        try FileManager.default.removeItem(at: gone)
        let damaged = temporary.dataDirectory.url.appendingPathComponent("proeftuin.sqlite.damaged-2026-01-01T000000")
        try (Data("SQLite format 3\0".utf8) + Data(repeating: 0xAB, count: 8192)).write(to: damaged)
        let report = try database.forget(submitter: "ann")
        #expect(report.copiesRewritten == [outside.path])
        #expect(report.copiesNotRewritten.contains(UnrewritableCopy(path: damaged.path, problem: .damaged)))
        #expect(report.copiesNotRewritten.contains(UnrewritableCopy(path: gone.path, problem: .missing)))
        let deleted = try database.deleteCopies(report.copiesNotRewritten.map(\.path) + [temporary.url.path])
        #expect(Set(deleted) == [damaged.path, gone.path], "only copies forget listed are touched")
        #expect(!FileManager.default.fileExists(atPath: damaged.path))
        #expect(try database.forget(submitter: "ann").copiesNotRewritten.isEmpty)
    }

    @Test func interruptedBackupsLeaveNothingBehindAfterTheNextOne() throws {
        let database = try open()
        try database.add(IdeaFields(title: "Kopie"))
        let backups = temporary.dataDirectory.backupsURL
        try FileManager.default.createDirectory(at: backups, withIntermediateDirectories: true)
        for name in [".proeftuin-a.sqlite.partial", ".proeftuin-b.sqlite.99.partial", ".proeftuin-b.sqlite.99.partial-journal"] {
            try Data("cut short".utf8).write(to: backups.appendingPathComponent(name))
        }
        try database.rollingBackup(reason: "manual")
        let names = try FileManager.default.contentsOfDirectory(atPath: backups.path)
        #expect(names.count == 1 && names.allSatisfy { $0.hasPrefix("proeftuin-") && $0.hasSuffix("-manual.sqlite") }, "\(names)")
    }

    // MARK: Strict reads of what no form accepts

    @Test func aSessionWithoutParticipantsOrWithStrayScoresReadsAsDamaged() throws {
        let database = try open()
        let idea = try database.add(IdeaFields(title: "Gewogen")).id
        try database.saveCriteriaSet(CriteriaSet(name: "s", criteria: [Criterion(name: "impact", weight: 1)]), creating: true)
        let session = try database.createSession(WeighingSession(
            set: try database.criteriaSet("s"), ideas: [idea], participants: ["Ann"], createdAt: Date()))
        let id = try #require(session.id)
        let queue = try DatabaseQueue(path: temporary.dataDirectory.databaseURL.path)
        try queue.write { db in try db.execute(sql: "UPDATE session SET participants = '[]' WHERE id = ?", arguments: [id.rawValue]) }
        #expect(throws: StorageError.unreadableValue(table: "session", record: "session \(id.rawValue)", field: "participants", value: "[]")) {
            _ = try database.session(id)
        }
        #expect(try database.unreadableValues().contains { $0.field == "participants" })
        try queue.write { db in
            try db.execute(sql: "UPDATE session SET participants = '[\"Ann\"]' WHERE id = ?", arguments: [id.rawValue])
            try db.execute(sql: "INSERT INTO score (sessionId, participant, ideaId, criterion, value) VALUES (?, 7, ?, 0, 3)",
                           arguments: [id.rawValue, idea.rawValue])
        }
        #expect(throws: StorageError.self) { _ = try database.session(id) }
        #expect(try database.unreadableValues().contains { $0.field == "score" })
        try queue.close()
    }

    @Test func anOverflowedMeasurementReadsAsDamaged() throws {
        let database = try open()
        let id = try database.add(IdeaFields(title: "Meten")).id
        try database.apply(.move(MoveRequest(id: id, target: .experimenting, reason: "proberen", gate: .experiment(
            TestCard(hypothesis: "h", action: "a", metric: "m", successCriterion: "s"), owner: "o",
            reviewDate: DayDate(year: 2027, month: 1, day: 1)!))))
        #expect(throws: DomainError.numberOutOfRange(.measurement, "1e+300")) {
            try database.apply(.addMeasurement(id, MetricMeasurement(date: DayDate(year: 2026, month: 12, day: 1)!, value: 1e300)))
        }
        try database.apply(.addMeasurement(id, MetricMeasurement(date: DayDate(year: 2026, month: 12, day: 1)!, value: 4)))
        let queue = try DatabaseQueue(path: temporary.dataDirectory.databaseURL.path)
        try queue.write { db in try db.execute(sql: "UPDATE measurement SET value = 9e999") }  // SQLite keeps infinity
        try queue.close()
        #expect(throws: StorageError.self) { _ = try database.detail(id) }
        #expect(try database.unreadableValues().contains { $0.table == "measurement" && $0.field == "value" })
    }

    // MARK: Validation

    @Test func mergeRefusesCyclesAndChains() throws {
        let database = try open()
        let a = try database.add(IdeaFields(title: "A")).id
        let b = try database.add(IdeaFields(title: "B")).id
        let c = try database.add(IdeaFields(title: "C")).id
        try database.merge(a, into: b)
        #expect(throws: DomainError.mergeIntoMerged(a, into: b)) { try database.merge(b, into: a) }
        #expect(throws: DomainError.mergeIntoMerged(a, into: b)) { try database.merge(c, into: a) }
        try database.merge(c, into: b)
        #expect(try database.idea(b).stage == .proposed)
    }

    @Test func importedRowsNeverPassAHardLimit() throws {
        let database = try open()
        try database.setWipLimit(WipLimit(stage: .proposed, limit: 2, hard: true))
        try database.add(IdeaFields(title: "Al voorgesteld"))
        #expect(throws: DomainError.wipLimitPassedByImport(.proposed, limit: 2, countAfter: 3)) {
            try database.importIdeas([(IdeaFields(title: "Een"), .proposed), (IdeaFields(title: "Twee"), .scaling)])
        }
        #expect(try database.summaries().count == 1, "nothing was imported")
    }

    /// Random rows (hostile text, huge fields, any stage): an import stores every row as a clean, proposed idea within the
    /// forms' limits, or refuses with a domain error and stores nothing.
    @Test func anyImportRowIsCleanAndProposedOrRefused() async throws {
        let database = try open()
        let text = Gen.element(of: ["", " ", "Buurt", "\u{1B}[31m", "\u{1B}]8;;http://x\u{07}", "\u{202E}", "\n", "\t", "é", "中",
                                    String(repeating: "x", count: 250), String(repeating: "y ", count: 120_000), "123456782"])
            .map { $0 ?? "" }.array(of: 0...4).map { $0.joined() }
        let row = zip(text, text, text, text, Gen.element(of: Stage.allCases))
        var imported = 0
        await propertyCheck(count: 120, input: row.array(of: 1...3)) { rows in
            let batch = rows.map { (IdeaFields(title: $0.0, description: $0.1, submitter: $0.2, theme: $0.3, tags: [$0.3]), $0.4 ?? .proposed) }
            do {
                try database.importIdeas(batch)
                imported += batch.count
            } catch {
                #expect(error is DomainError)
            }
            let ideas = try database.ideas()
            #expect(ideas.count == imported, "all rows or none")
            for idea in ideas {
                #expect(idea.stage == .proposed)
                let fields = idea.fields
                #expect(fields.title.count <= TextLimit.line && fields.theme.count <= TextLimit.line)
                #expect(fields.description.count <= TextLimit.description)
                #expect(!(fields.title + fields.theme + fields.description + (fields.submitter ?? "")).unicodeScalars.contains {
                    $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x202E || $0.value == 0x09
                })
            }
        }
    }
}
