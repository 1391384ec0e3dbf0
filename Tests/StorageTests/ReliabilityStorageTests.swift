import Domain
import Foundation
import GRDB
import Storage
import Testing

@Suite("Storage: reliability")
struct ReliabilityStorageTests {
    let temporary = TemporaryDirectory()
    let clock = TestClock()

    func open() throws -> AppDatabase {
        let clock = clock
        return try AppDatabase.open(temporary.dataDirectory, actor: "tester", clock: { clock.now })
    }

    @Test func concurrentEditsMergeFieldWiseOrSayWhy() throws {
        let board = try open()
        let cli = try open()
        let id = try board.add(IdeaFields(title: "Buurtkamer", description: "oud", theme: "Wijk")).id
        let base = try board.idea(id).fields
        var fromCLI = base
        fromCLI.theme = "Eenzaamheid"
        try cli.apply(.editFrom(id, base: base, edited: fromCLI))
        var fromBoard = base
        fromBoard.description = "nieuw"
        try board.apply(.editFrom(id, base: base, edited: fromBoard))
        let merged = try board.idea(id).fields
        #expect(merged.theme == "Eenzaamheid", "the other program's change is kept")
        #expect(merged.description == "nieuw")
        var clash = base
        clash.theme = "Jeugd"
        let refusal = #expect(throws: DomainError.self) { try board.apply(.editFrom(id, base: base, edited: clash)) }
        guard case .changedSince(id, ["theme"], let notice?, false)? = refusal else {
            Issue.record("expected a refusal naming the theme, got \(String(describing: refusal))")
            return
        }
        #expect(notice.kind == .edited)
        #expect(notice.program == "cli")
        #expect(try board.idea(id).fields.theme == "Eenzaamheid")
    }

    @Test func rollingBackupsAreDailyPrivateAndSevenAtMost() throws {
        let database = try open()
        try database.add(IdeaFields(title: "Bewaren"))
        let first = try #require(try database.rollingBackup())
        #expect(try database.rollingBackup() == nil, "at most once a day")
        let mode = try FileManager.default.attributesOfItem(atPath: first.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        for _ in 0..<9 {
            clock.advance(86_400)
            try database.rollingBackup()
        }
        #expect(database.backups().count == AppDatabase.backupsKept)
        let copy = try DatabaseQueue(path: try #require(database.backups().first).path)
        #expect(try copy.read { try String.fetchOne($0, sql: "SELECT title FROM idea") } == "Bewaren")
    }

    @Test func aBackupIsMadeBeforeMigratingAnOlderDatabase() throws {
        try makeVersion1Database(at: temporary.dataDirectory)
        let database = try open()
        #expect(database.backups().first?.lastPathComponent.hasSuffix("-before-migration.sqlite") == true)
    }

    @Test func aDatabaseFromANewerVersionIsRefusedUntouched() throws {
        do {
            let database = try open()
            try database.add(IdeaFields(title: "x"))
        }
        let path = temporary.dataDirectory.databaseURL.path
        let queue = try DatabaseQueue(path: path)
        try queue.write { try $0.execute(sql: "INSERT INTO grdb_migrations VALUES ('v99: from the future')") }
        try queue.close()
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(throws: StorageError.databaseFromNewerVersion(path: temporary.dataDirectory.path)) { try open() }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test func aTruncatedDatabaseIsReportedAndNotModified() throws {
        do {
            let database = try open()
            try database.seedDemo(now: clock.now)
        }
        let url = temporary.dataDirectory.databaseURL
        let whole = try Data(contentsOf: url)
        let truncated = whole.prefix(whole.count / 3)
        try truncated.write(to: url)
        #expect {
            let database = try open()
            _ = try database.summaries()
        } throws: { error in
            "\(error)".contains("damaged")
        }
        #expect(try Data(contentsOf: url) == truncated)
        #expect(Doctor.check(temporary.dataDirectory) != ["ok"])
    }

    @Test func aReadOnlyDirectoryIsNamed() throws {
        guard getuid() != 0 else { return }  // root can write anywhere; the CLI test covers the message
        try temporary.dataDirectory.create()
        try FileManager.default.setAttributes([.posixPermissions: 0o500], ofItemAtPath: temporary.dataDirectory.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: temporary.dataDirectory.path) }
        #expect(throws: StorageError.readOnly(path: temporary.dataDirectory.path)) { try open() }
    }

    @Test func bigAndOddInput() throws {
        let database = try open()
        let long = String(repeating: "lange omschrijving ", count: 5_300)
        let tags = (1...10_000).map { "tag\($0)" }
        let idea = try database.add(IdeaFields(title: "Groot", description: long, tags: tags))
        #expect(try database.idea(idea.id).fields.description.count == long.trimmingCharactersInWhitespace().count)
        #expect(try database.idea(idea.id).fields.tags.count == 10_000)
        #expect(throws: DomainError.emptyTitle) { try database.add(IdeaFields(title: "\u{200B}\u{1B}[0m  ")) }
    }
}
