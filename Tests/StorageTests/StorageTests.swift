import Domain
import Foundation
import GRDB
import Storage
import Testing

/// A fresh data directory per test, removed afterwards.
final class TemporaryDirectory {
    let url: URL

    init() {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("proeftuin-test-\(UUID().uuidString)")
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    var dataDirectory: DataDirectory { DataDirectory(url: url.appendingPathComponent("data")) }
}

/// A database as the first schema version left it, to test migrations and the backup before them.
func makeVersion1Database(at directory: DataDirectory, insert: String = "") throws {
    try directory.create()
    let queue = try DatabaseQueue(path: directory.databaseURL.path)
    try queue.write { db in
        try db.execute(sql: """
            CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY);
            INSERT INTO grdb_migrations VALUES ('v1: ideas and event log');
            CREATE TABLE idea (id INTEGER PRIMARY KEY AUTOINCREMENT, title TEXT NOT NULL, description TEXT NOT NULL DEFAULT '',
              source TEXT, submitter TEXT, theme TEXT NOT NULL DEFAULT '', tags TEXT NOT NULL DEFAULT '[]', stage TEXT NOT NULL,
              position INTEGER NOT NULL, createdAt DATETIME NOT NULL, updatedAt DATETIME NOT NULL);
            CREATE TABLE event (id INTEGER PRIMARY KEY AUTOINCREMENT, at DATETIME NOT NULL, actor TEXT NOT NULL, ideaId INTEGER,
              kind TEXT NOT NULL, reason TEXT, before TEXT, after TEXT);
            """ + insert)
    }
    try queue.close()
}

/// A clock tests can move.
final class TestClock: @unchecked Sendable {
    var now = Date(timeIntervalSince1970: 1_790_000_000)
    func advance(_ seconds: TimeInterval) { now += seconds }
}

/// A complete experiment gate for tests.
let experimentGate = StageGate.experiment(
    TestCard(hypothesis: "buren helpen elkaar", action: "pilot in Noord", metric: "deelnemers", successCriterion: "minstens 20"),
    owner: "Sanne", reviewDate: DayDate(year: 2026, month: 12, day: 31)!)

@Suite("Storage")
struct StorageTests {
    let temporary = TemporaryDirectory()
    let clock = TestClock()

    func open() throws -> AppDatabase {
        let clock = clock
        return try AppDatabase.open(temporary.dataDirectory, actor: "tester", clock: { clock.now })
    }

    @Test func createsPrivateDirectoryAndDatabase() throws {
        let database = try open()
        let directoryMode = try FileManager.default.attributesOfItem(atPath: database.directory.path)[.posixPermissions] as? Int
        let fileMode = try FileManager.default.attributesOfItem(atPath: database.directory.databaseURL.path)[.posixPermissions] as? Int
        #expect(directoryMode == 0o700)
        #expect(fileMode == 0o600)
    }

    @Test func addWritesIdeaAndEventTogether() throws {
        let database = try open()
        let idea = try database.add(IdeaFields(title: "Buurtkamer", description: "Samen eten", source: .resident, theme: "Eenzaamheid", tags: ["ouderen"]))
        #expect(idea.stage == .proposed)
        #expect(idea.fields.title == "Buurtkamer")
        let history = try database.history(idea.id)
        #expect(history.count == 1)
        #expect(history[0].kind == .created)
        #expect(history[0].actor == "tester")
        #expect(history[0].after?.contains("\"title\":\"Buurtkamer\"") == true)
        #expect(try database.eventCount() == 1)
    }

    @Test func newIdeasGoToTheEndOfProposed() throws {
        let database = try open()
        let first = try database.add(IdeaFields(title: "Eerste"))
        let second = try database.add(IdeaFields(title: "Tweede"))
        #expect(second.position > first.position)
        #expect(try database.summaries().map(\.title) == ["Eerste", "Tweede"])
    }

    @Test func moveRecordsReasonAndBeforeAfter() throws {
        let database = try open()
        let idea = try database.add(IdeaFields(title: "Pilot"))
        clock.advance(60)
        try database.apply(.move(MoveRequest(id: idea.id, target: .experimenting, reason: "goed genoeg voor nu", gate: experimentGate)))
        let moved = try database.idea(idea.id)
        #expect(moved.stage == .experimenting)
        #expect(moved.updatedAt == clock.now)
        let event = try #require(try database.history(idea.id).last)
        #expect(event.kind == .moved)
        #expect(event.reason == "goed genoeg voor nu")
        #expect(event.before?.contains("\"stage\":\"proposed\"") == true)
        #expect(event.after?.contains("\"stage\":\"experimenting\"") == true)
    }

    @Test func forbiddenMoveChangesNothing() throws {
        let database = try open()
        let idea = try database.add(IdeaFields(title: "Pilot"))
        #expect(throws: DomainError.transitionNotAllowed(from: .proposed, to: .scaling, allowed: [.experimenting, .stopped])) {
            try database.apply(.move(MoveRequest(id: idea.id, target: .scaling, reason: "waarom niet")))
        }
        #expect(throws: DomainError.reasonRequired) {
            try database.apply(.move(MoveRequest(id: idea.id, target: .experimenting, reason: "  ", gate: experimentGate)))
        }
        #expect(try database.idea(idea.id).stage == .proposed)
        #expect(try database.eventCount() == 1)
    }

    @Test func unknownIdeaIsNamed() throws {
        let database = try open()
        #expect(throws: DomainError.ideaNotFound(IdeaID(99))) { try database.idea(IdeaID(99)) }
        #expect(throws: DomainError.ideaNotFound(IdeaID(99))) {
            try database.apply(.move(MoveRequest(id: IdeaID(99), target: .stopped, reason: "x", gate: .stop(.other, learned: "x"))))
        }
    }

    @Test func inverseOfMoveRestoresStageAndPosition() throws {
        let database = try open()
        let idea = try database.add(IdeaFields(title: "Pilot"))
        let applied = try database.apply(.move(MoveRequest(id: idea.id, target: .experimenting, reason: "start", gate: experimentGate)))
        #expect(try database.detail(idea.id).cycles.count == 1)
        try database.apply(applied.inverse)
        let back = try database.idea(idea.id)
        #expect(back.stage == .proposed)
        #expect(back.position == idea.position)
        #expect(back.reviewDate == nil)
        #expect(try database.detail(idea.id).cycles.isEmpty, "undo removes the cycle the move started")
        #expect(try database.history(idea.id).map(\.kind) == [.created, .moved, .moved])
    }

    @Test func inverseOfEditRestoresFields() throws {
        let database = try open()
        let idea = try database.add(IdeaFields(title: "Oud", theme: "A"))
        var fields = idea.fields
        fields.title = "Nieuw"
        let applied = try database.apply(.edit(idea.id, fields))
        #expect(try database.idea(idea.id).fields.title == "Nieuw")
        try database.apply(applied.inverse)
        #expect(try database.idea(idea.id).fields == idea.fields)
    }

    @Test func createUndoAndRedoKeepTheId() throws {
        let database = try open()
        let created = try database.apply(.create(IdeaFields(title: "Terug")))
        let id = try #require(created.focus)
        let undone = try database.apply(created.inverse)
        #expect(throws: DomainError.ideaNotFound(id)) { try database.idea(id) }
        try database.apply(undone.inverse)
        #expect(try database.idea(id).fields.title == "Terug")
        #expect(try database.history(id).map(\.kind) == [.created, .deleted, .restored])
    }

    @Test func swapReordersWithinColumn() throws {
        let database = try open()
        let first = try database.add(IdeaFields(title: "A"))
        let second = try database.add(IdeaFields(title: "B"))
        try database.apply(.swap(second.id, first.id))
        #expect(try database.summaries().map(\.title) == ["B", "A"])
    }

    @Test func eventLogIsAppendOnly() throws {
        let database = try open()
        try database.add(IdeaFields(title: "A"))
        // A raw connection that tries to rewrite history is stopped by the triggers.
        let raw = try DatabaseQueue(path: database.directory.databaseURL.path)
        #expect(throws: DatabaseError.self) { try raw.write { try $0.execute(sql: "DELETE FROM event") } }
        #expect(throws: DatabaseError.self) { try raw.write { try $0.execute(sql: "UPDATE event SET actor = 'x'") } }
        #expect(try raw.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM event") } == 1)
    }

    @Test func demoPortfolioIsRealistic() throws {
        let database = try open()
        let count = try database.seedDemo(now: clock.now)
        #expect(count >= 40)
        let ideas = try database.ideas()
        #expect(Set(ideas.map(\.fields.theme)).count >= 5)
        #expect(Set(ideas.map(\.stage)) == Set(Stage.allCases))
        #expect(ideas.allSatisfy { !$0.fields.description.isEmpty && $0.fields.source != nil })
        let scaled = try #require(ideas.first { $0.stage == .scaling })
        let detail = try database.detail(scaled.id)
        #expect(detail.cycles.count == 1)
        #expect(detail.cycles[0].learningCard != nil)
        #expect(detail.cycles[0].measurements.count == 4)
        #expect(detail.decisions.first?.outcome == .consented)
        #expect(detail.history.filter { $0.kind == .moved }.count == 3)
        let overdue = try database.reviews(today: DayDate.local(clock.now), within: 14).overdue
        #expect(!overdue.isEmpty, "the demo shows overdue reviews")
    }

    @Test func garbageFileIsRefusedAndLeftAlone() throws {
        try temporary.dataDirectory.create()
        let path = temporary.dataDirectory.databaseURL.path
        let garbage = Data("this is not a database, just some text that someone saved here".utf8)
        #expect(FileManager.default.createFile(atPath: path, contents: garbage))
        #expect {
            try open()
        } throws: { error in
            guard case StorageError.databaseDamaged = error else { return false }
            return "\(error)".contains("damaged")
        }
        #expect(FileManager.default.contents(atPath: path) == garbage)
    }

    @Test func reopenSeesEarlierWork() throws {
        do {
            let database = try open()
            try database.add(IdeaFields(title: "Blijft"))
        }
        let again = try open()
        #expect(try again.summaries().map(\.title) == ["Blijft"])
    }

    @Test func outsideChangesAreSeenAndOwnWritesAreNot() throws {
        let board = try open()
        #expect(try board.outsideChange() == false)
        try board.add(IdeaFields(title: "Van het bord"))
        #expect(try board.outsideChange() == false, "the board's own write is not a change made elsewhere")
        let cli = try open()
        try cli.add(IdeaFields(title: "Van elders"))
        #expect(try board.outsideChange() == true)
        #expect(try board.outsideChange() == false, "seen once")
    }

    @Test func everyCountedTableMovesTheCounter() throws {
        let board = try open()
        let cli = try open()
        let idea = try cli.add(IdeaFields(title: "Teller"))
        _ = try board.outsideChange()
        let checks: [(String, () throws -> Void)] = [
            ("WIP limit", { try cli.setWipLimit(WipLimit(stage: .learning, limit: 2)) }),
            ("criteria set", { try cli.createCriteriaSet("Waarden") }),
            ("decision", {
                try cli.apply(.saveDecision(ConsentDecision(ideaID: idea.id, kind: .continue, proposal: "Door", responsible: "An",
                                                            reviewDate: DayDate(year: 2027, month: 1, day: 1)!)))
            }),
            ("edit", { try cli.apply(.edit(idea.id, IdeaFields(title: "Teller 2"))) }),
        ]
        for (name, write) in checks {
            try write()
            #expect(try board.outsideChange() == true, "\(name) written by another program is noticed")
        }
    }
}

@Suite("Data directory and configuration")
struct LocationTests {
    @Test func dataDirectoryPrecedence() {
        let env = ["PROEFTUIN_DATA_DIR": "/env", "XDG_DATA_HOME": "/xdg", "HOME": "/home/u"]
        #expect(DataDirectory.resolve(flag: "/flag", environment: env).path == "/flag")
        #expect(DataDirectory.resolve(flag: nil, environment: env).path == "/env")
        #expect(DataDirectory.resolve(flag: nil, environment: ["XDG_DATA_HOME": "/xdg"]).path == "/xdg/proeftuin")
        #expect(DataDirectory.resolve(flag: nil, environment: ["HOME": "/home/u"]).path == "/home/u/.local/share/proeftuin")
        #expect(DataDirectory.resolve(flag: "~/p", environment: ["HOME": "/home/u"]).path == "/home/u/p")
    }

    @Test func configNameBecomesTheActor() throws {
        let temporary = TemporaryDirectory()
        let configDirectory = temporary.url.appendingPathComponent("proeftuin")
        try FileManager.default.createDirectory(at: configDirectory, withIntermediateDirectories: true)
        try "name = \"Anne de Vries\"\nlanguage = \"nl\"\n".write(
            to: configDirectory.appendingPathComponent("config.toml"), atomically: true, encoding: .utf8)
        let env = ["XDG_CONFIG_HOME": temporary.url.path, "USER": "anne"]
        let configuration = try UserConfiguration.load(environment: env)
        #expect(configuration.exists)
        #expect(configuration.language == "nl")
        #expect(configuration.actor(environment: env) == "Anne de Vries")
        #expect(UserConfiguration(path: "").actor(environment: env) == "anne")
    }

    @Test func brokenConfigIsNamed() throws {
        let temporary = TemporaryDirectory()
        let configDirectory = temporary.url.appendingPathComponent("proeftuin")
        try FileManager.default.createDirectory(at: configDirectory, withIntermediateDirectories: true)
        try "name = [unclosed".write(to: configDirectory.appendingPathComponent("config.toml"), atomically: true, encoding: .utf8)
        #expect {
            try UserConfiguration.load(environment: ["XDG_CONFIG_HOME": temporary.url.path])
        } throws: { error in
            "\(error)".contains("config.toml") && "\(error)".contains("not valid TOML")
        }
    }

    @Test func configMayFixTheListOfThemes() throws {
        let temporary = TemporaryDirectory()
        let configDirectory = temporary.url.appendingPathComponent("proeftuin")
        try FileManager.default.createDirectory(at: configDirectory, withIntermediateDirectories: true)
        let file = configDirectory.appendingPathComponent("config.toml")
        try "themes = [\"Armoede en schulden\", \"Jeugd en gezin\"]\n".write(to: file, atomically: true, encoding: .utf8)
        let configuration = try UserConfiguration.load(environment: ["XDG_CONFIG_HOME": temporary.url.path])
        #expect(configuration.themes == ["Armoede en schulden", "Jeugd en gezin"])
        #expect(configuration.summary.contains("themes = Armoede en schulden, Jeugd en gezin"))
        #expect(try UserConfiguration.load(environment: ["XDG_CONFIG_HOME": temporary.url.path + "/none"]).themes == nil)
        for bad in ["themes = \"Wijk\"", "themes = []", "themes = [\"Wijk\", 3]", "themes = [\" \"]"] {
            try (bad + "\n").write(to: file, atomically: true, encoding: .utf8)
            #expect {
                try UserConfiguration.load(environment: ["XDG_CONFIG_HOME": temporary.url.path])
            } throws: { error in
                "\(error)".contains("themes must be a list of names")
            }
        }
    }
}
