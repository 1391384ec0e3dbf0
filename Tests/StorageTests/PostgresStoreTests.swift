import Domain
import Foundation
import GRDB
import PostgresNIO
@testable import Storage
import Testing

/// What only the PostgreSQL store has: its schema's migrations, the server's guard of the event log, many programs
/// writing at once, and the same bytes as the SQLite store.
@Suite("PostgreSQL store", .enabled(if: PostgresTestDatabase.available, "no PostgreSQL (set PROEFTUIN_TEST_DATABASE_URL, see scripts/pg-test-cluster.sh)"))
struct PostgresStoreTests {
    let opener = PostgresOpener()

    @Test func migratesOnceWhileManyProgramsOpenAtOnce() throws {
        let results = ResultBox()
        DispatchQueue.concurrentPerform(iterations: 6) { _ in
            do { _ = try opener.openStore() } catch { results.add("\(error)") }
        }
        #expect(results.all == [])
        let store = try opener.openStore()
        let rows = try store.session.query("SELECT id, version FROM proeftuin_schema")
        #expect(rows.count == 1)
        #expect(try rows.first?[1].decode(Int.self) == PostgresSchema.version)
        #expect(try store.session.query("SELECT value FROM changeCounter").count == 1)
    }

    @Test func refusesASchemaNewerThanTheProgramAndChangesNothing() throws {
        let store = try opener.openStore()
        try store.add(IdeaFields(title: "Blijft"))
        try store.session.execute("UPDATE proeftuin_schema SET version = \(PostgresSchema.version + 1)")
        #expect(throws: PostgresStoreError.schemaFromNewerVersion(server: try PostgresTestDatabase.location().redacted,
                                                             found: PostgresSchema.version + 1, known: PostgresSchema.version)) {
            try opener.openStore()
        }
        #expect(try store.session.query("SELECT version FROM proeftuin_schema").first?[0].decode(Int.self) == PostgresSchema.version + 1)
        #expect(try store.summaries().map(\.title) == ["Blijft"])
    }

    @Test func aSchemaVersionBelowOneIsUnreadableNeverACrash() throws {
        let store = try opener.openStore()
        try store.add(IdeaFields(title: "Blijft"))
        for version in [-5, 0] {
            try store.session.execute("UPDATE proeftuin_schema SET version = \(version)")
            #expect(throws: PostgresStoreError.schemaVersionUnreadable(server: try PostgresTestDatabase.location().redacted,
                                                                  detail: "version \(version)")) {
                try opener.openStore()
            }
        }
        #expect(try store.summaries().map(\.title) == ["Blijft"])
    }

    @Test func theServerKeepsTheEventLogAppendOnly() throws {
        let store = try opener.openStore()
        try store.add(IdeaFields(title: "Spoor"))
        let server = try PostgresTestDatabase.location().redacted
        let refusal = PostgresStoreError.serverError(server: server, code: "P0001", detail: "the event log is append-only")
        #expect(throws: refusal) { try store.session.execute("UPDATE event SET actor = 'iemand anders'") }
        #expect(throws: refusal) { try store.session.execute("DELETE FROM event") }
        #expect(throws: refusal) { try store.session.execute("TRUNCATE event") }
        #expect(try store.history(IdeaID(1)).map(\.actor) == ["tester"])
    }

    @Test func manyProgramsAddingAtOnceLoseNothing() throws {
        let stores = try (0..<4).map { try opener.openStore(actor: "schrijver \($0)") }
        let results = ResultBox()
        DispatchQueue.concurrentPerform(iterations: stores.count) { writer in
            for number in 0..<25 {
                do { try stores[writer].add(IdeaFields(title: "Idee \(writer)-\(number)")) } catch { results.add("\(error)") }
            }
        }
        #expect(results.all == [])
        let summaries = try stores[0].summaries()
        #expect(summaries.count == 100)
        #expect(summaries.map(\.position) == Array(1...100))
        #expect(Set(summaries.map(\.title)).count == 100)
        #expect(try stores[0].eventCount() == 100)
    }

    @Test func writesTheSameBytesAsTheSQLiteStore() throws {
        let sqlite = SQLiteOpener()
        let clock = TestClock()
        let stores: [any ContractStore] = [try sqlite.open(actor: "anna", program: "board", clock: clock),
                                           try opener.openStore(actor: "anna", program: "board", clock: clock)]
        let start = clock.now
        for store in stores {
            clock.now = start
            let first = try store.add(StoreContract.fields)
            clock.advance(0.5)
            let second = try store.add(IdeaFields(title: "Tweede", description: "regel 1\nregel 2", theme: "Wonen", tags: ["ü", "\""]))
            clock.advance(61.25)
            let moved = try store.apply(.move(MoveRequest(id: first.id, target: .experimenting, reason: "pilot", gate: experimentGate)))
            try store.apply(.addMeasurement(first.id, MetricMeasurement(date: DayDate(year: 2026, month: 10, day: 2)!, value: 0.1, note: "")))
            try store.apply(.swap(second.id, second.id))
            var edited = StoreContract.fields
            edited.tags = []
            edited.submitter = nil
            try store.apply(.edit(first.id, edited))
            #expect(throws: DomainError.self) { try store.undo(moved.inverse) }
            try store.setWipLimit(WipLimit(stage: .learning, limit: 2, hard: true))
            let third = try store.addToInbox(IdeaFields(title: "Derde", tags: ["wijk"]), receivedOn: DayDate(year: 2026, month: 9, day: 20)!,
                                             replyTo: "balie")
            try store.merge(third.id, into: second.id)
        }
        let today = DayDate(year: 2026, month: 12, day: 1)!
        #expect(try stores[1].portfolio(today: today, staleDays: 14, theme: nil) == stores[0].portfolio(today: today, staleDays: 14, theme: nil))
        #expect(try stores[1].learningCapacity(today: today, triageDays: 7, theme: nil)
                == stores[0].learningCapacity(today: today, triageDays: 7, theme: nil))
        #expect(try stores[1].details(theme: nil) == stores[0].details(theme: nil))
        #expect(try stores[1].stageChanges() == stores[0].stageChanges())
        #expect(try stores[1].ideas(stage: nil, theme: nil) == stores[0].ideas(stage: nil, theme: nil))
        #expect(try stores[1].summaries() == stores[0].summaries())
        #expect(try stores[1].countsByStage() == stores[0].countsByStage())
        let everyColumn = Dictionary(uniqueKeysWithValues: Stage.allCases.map { ($0, 0..<10) })
        for words in [[], ["wijk"], ["tweede"]] {
            let expected = try stores[0].slice(everyColumn, words: words, focus: IdeaID(2), around: 1, keep: [.proposed: IdeaID(2)],
                                               marked: [IdeaID(1), IdeaID(3)])
            #expect(expected.windows.values.map(\.cards.count).reduce(0, +) > 0)
            #expect(try stores[1].slice(everyColumn, words: words, focus: IdeaID(2), around: 1, keep: [.proposed: IdeaID(2)],
                                        marked: [IdeaID(1), IdeaID(3)]) == expected)
        }
        #expect(try stores[1].wipLimits() == stores[0].wipLimits())
        #expect(try stores[1].eventCount() == stores[0].eventCount())
        for id in [IdeaID(1), IdeaID(2), IdeaID(3)] {
            let expected = try stores[0].history(id)
            #expect(expected.count >= 2)
            #expect(try stores[1].history(id) == expected)
        }
    }
}

extension PostgresStoreTests {
    @Test(arguments: [("stage", "doing"), ("createdAt", "gisteren"), ("tags", "[kapot"), ("reviewDate", "2026-13-01")])
    func aDamagedValueIsNamedAsOnSQLite(column: String, value: String) throws {
        let sqlite = SQLiteOpener()
        let clock = TestClock()
        let stores: [any ContractStore] = [try sqlite.open(actor: "t", program: "cli", clock: clock), try opener.openStore(clock: clock)]
        for store in stores { try store.add(IdeaFields(title: "Beschadigd")) }
        let queue = try DatabaseQueue(path: sqlite.temporary.dataDirectory.databaseURL.path)
        try queue.write { db in try db.execute(sql: "UPDATE idea SET \(column) = ?", arguments: [value]) }
        try queue.close()
        try opener.openStore().session.execute(PostgresQuery(unsafeSQL: "UPDATE idea SET \(column) = $1", binds: {
            var binds = PostgresBindings()
            binds.append(value)
            return binds
        }()))
        var errors: [String] = []
        for store in stores {
            do {
                _ = try store.idea(IdeaID(1))
                Issue.record("a damaged \(column) was read")
            } catch {
                errors.append("\(error)")
            }
        }
        #expect(errors.count == 2)
        #expect(errors.first?.contains("\(column)") == true, "\(errors)")
        #expect(errors.first == errors.last)
    }
}

extension PostgresStoreTests {
    @Test func aLostConnectionIsACleanErrorNeverAHangAndTheNextStepConnectsAgain() throws {
        let store = try opener.openStore()
        try store.add(IdeaFields(title: "Bewaard"))
        let admin = try opener.openStore()
        try admin.session.execute("SELECT pg_terminate_backend(\(store.session.backendPID))")
        let started = Date()
        var failures: [PostgresStoreError] = []
        var added = false
        // The first write may go out before the client has seen the connection end (then it is a clean error); the
        // next one connects again.
        for _ in 0..<2 where !added {
            do {
                _ = try store.add(IdeaFields(title: "Na het verbreken"))
                added = true
            } catch let error as PostgresStoreError {
                failures.append(error)
            }
        }
        #expect(Date().timeIntervalSince(started) < 5)
        #expect(added)
        let server = try PostgresTestDatabase.location().redacted
        for failure in failures {
            if case .cannotConnect(let named, _) = failure { #expect(named == server) } else { Issue.record("unexpected \(failure)") }
        }
        #expect(failures.count <= 1)
        #expect(try admin.summaries().map(\.title) == ["Bewaard", "Na het verbreken"], "nothing half-written, nothing twice")
    }

    @Test func afterALostConnectionTheNextCallWorksAndReportsAChange() throws {
        let store = try opener.openStore()
        try store.add(IdeaFields(title: "Eerste"))
        let other = try opener.openStore()
        let before = store.session.backendPID
        try other.session.execute("SELECT pg_terminate_backend(\(before))")
        #expect(try Self.eventually(seconds: 5) { !store.session.isConnected })
        // Made while the store had no connection (and no listener): only the reconnection can tell it.
        try other.add(IdeaFields(title: "Intussen"))
        #expect(try store.outsideChange(), "a connection made again reports a change: changes may have been missed")
        #expect(store.session.isConnected)
        #expect(store.session.backendPID != before)
        #expect(try !store.outsideChange())
        #expect(try store.summaries().map(\.title) == ["Eerste", "Intussen"])
        // Listening again: another program's change is notified on the new connection, its own is not.
        try other.add(IdeaFields(title: "Daarna"))
        #expect(try StoreContract.eventually { try store.outsideChange() })
        try store.add(IdeaFields(title: "Zelf"))
        #expect(try !store.outsideChange())
        // The next query, too, connects again.
        try other.session.execute("SELECT pg_terminate_backend(\(store.session.backendPID))")
        #expect(try Self.eventually(seconds: 5) { !store.session.isConnected })
        #expect(try store.countsByStage() == [.proposed: 4])
        #expect(try store.outsideChange())
    }

    @Test func aServerDatabaseIsBackedUpWithPgDumpNotOnThisMachine() throws {
        let store = try opener.openStore()
        try store.add(IdeaFields(title: "Gegevens"))
        let server = try PostgresTestDatabase.location().redacted
        let target = opener.temporary.url.appendingPathComponent("kopie.sqlite")
        #expect(throws: PostgresStoreError.backupOnServer(server: server)) { try store.backup(to: target) }
        #expect(throws: PostgresStoreError.backupOnServer(server: server)) { try store.backup(to: target) { _, _ in } }
        #expect(!FileManager.default.fileExists(atPath: target.path))
        #expect(try store.rollingBackup(reason: "daily", snapshot: false) == nil)
        #expect(try store.rollingBackup(reason: "before-import") { _, _ in } == nil)
        #expect(store.backups() == [])
        #expect(!FileManager.default.fileExists(atPath: store.directory.backupsURL.path))
        #expect(try store.health() == HealthReport(integrity: ["ok"], ideas: 1, events: 1, backups: []))
        try store.session.execute("UPDATE idea SET stage = 'bogus' WHERE id = 1")
        #expect(try store.health() == HealthReport(
            integrity: [StorageError.unreadableValue(table: "idea", record: "#1", field: "stage", value: "bogus").description],
            ideas: 1, events: 1, backups: []))
    }

    /// A window reads the inbox days of its own cards and counts the inbox; a damaged status or day is still named.
    @Test func aWindowReadsItsCardsInboxDaysAndNamesADamagedIntake() throws {
        let store = try opener.openStore()
        try store.add(IdeaFields(title: "Op het bord"))
        let waiting = try store.addToInbox(IdeaFields(title: "Bankje"), receivedOn: DayDate(year: 2026, month: 9, day: 1)!, replyTo: nil)
        let slice = try store.boardSlice(ranges: [.proposed: 0..<10], matching: [])
        #expect(slice.inboxCount == 1)
        #expect(slice.windows[.proposed]?.cards.map(\.inboxSince) == [nil, DayDate(year: 2026, month: 9, day: 1)!])
        #expect(try store.boardSlice(ranges: [.proposed: 0..<10], matching: [], inboxOnly: true).windows[.proposed]?.cards.map(\.title) == ["Bankje"])
        for status in ["misschien", "Inbox", "", "zzz"] {
            try store.session.execute("UPDATE intake SET status = \(status) WHERE ideaId = \(waiting.id.rawValue)")
            #expect(throws: StorageError.unreadableValue(table: "intake", record: "intake of #\(waiting.id.rawValue)", field: "status", value: status)) {
                try store.boardSlice(ranges: [.proposed: 0..<10], matching: [])
            }
        }
        try store.session.execute("UPDATE intake SET status = 'inbox', receivedOn = 'gisteren' WHERE ideaId = \(waiting.id.rawValue)")
        #expect(throws: StorageError.unreadableValue(table: "intake", record: "intake of #\(waiting.id.rawValue)", field: "receivedOn", value: "gisteren")) {
            try store.boardSlice(ranges: [.proposed: 0..<10], matching: [])
        }
    }

    @Test func forgetLeavesNoTraceInTheServersTableFiles() throws {
        let store = try opener.openStore()
        let name = "Zwaantje Quist"
        let idea = try store.add(IdeaFields(title: "Soep", submitter: name))
        try store.apply(.edit(idea.id, IdeaFields(title: "Soep op woensdag", submitter: name)))
        _ = try store.addToInbox(IdeaFields(title: "Bankje"), receivedOn: DayDate(year: 2026, month: 9, day: 1)!, replyTo: name)
        #expect(try fileHolds(name, store: store) == ["event", "idea", "intake"], "the check sees the bytes")
        _ = try store.forget(submitter: name)
        let holding = try fileHolds(name, store: store)
        #expect(holding == [])
        #expect(try store.history(idea.id).map(\.kind) == [.created, .edited])
        let refusal = PostgresStoreError.serverError(server: try PostgresTestDatabase.location().redacted, code: "P0001",
                                                     detail: "the event log is append-only")
        #expect(throws: refusal) { try store.session.execute("UPDATE event SET actor = 'iemand anders'") }
        #expect(throws: refusal) {
            try store.session.transaction(.serializable) {
                try store.session.execute("SET LOCAL proeftuin.erasing = 'on'")
                try store.session.execute("DELETE FROM event")
            }
        }
    }

    @Test func aServerOutOfReachIsCannotConnectUntilItIsBack() throws {
        let (proxy, location) = try throughProxy()
        let other = try opener.openStore()
        let store = try PostgresStore.open(location, directory: opener.temporary.dataDirectory, actor: "tester", schema: opener.schema)
        defer { store.close() }
        try store.add(IdeaFields(title: "Eerste"))
        proxy.refuse(true)
        proxy.cutAll()
        #expect(try Self.eventually(seconds: 5) { !store.session.isConnected })
        let started = Date()
        #expect(Self.cannotConnect { _ = try store.summaries() } == location.redacted)
        #expect(Self.cannotConnect { _ = try store.outsideChange() } == location.redacted)
        #expect(Self.cannotConnect { try store.add(IdeaFields(title: "Niet nu")) } == location.redacted)
        #expect(Date().timeIntervalSince(started) < 10, "each call tries once, briefly")
        let again = Date()
        for _ in 0..<20 { #expect(Self.cannotConnect { _ = try store.summaries() } == location.redacted) }
        #expect(Date().timeIntervalSince(again) < 0.5, "right after a failed try, calls fail at once instead of trying again")
        try other.add(IdeaFields(title: "Intussen"))
        proxy.refuse(false)
        usleep(UInt32(PostgresSession.retryPause * 1_000_000))
        #expect(try store.outsideChange(), "back: what happened meanwhile is reported")
        #expect(try store.summaries().map(\.title) == ["Eerste", "Intussen"])
    }

    @Test func aChangeWhoseCommitWasCutIsNeitherSaidDoneNorTriedAgain() throws {
        let (proxy, location) = try throughProxy()
        let other = try opener.openStore()
        let store = try PostgresStore.open(location, directory: opener.temporary.dataDirectory, actor: "tester", schema: opener.schema)
        defer { store.close() }
        try store.add(IdeaFields(title: "Eerste"))
        proxy.cutAtNextCommit()
        #expect(throws: PostgresStoreError.commitUnknown(server: location.redacted)) { try store.add(IdeaFields(title: "Misschien")) }
        // Here the server did commit it: the message could not have said "nothing was changed", nor may it be made twice.
        #expect(try Self.eventually(seconds: 5) { try other.summaries().map(\.title) == ["Eerste", "Misschien"] })
        #expect(try store.summaries().map(\.title) == ["Eerste", "Misschien"], "the next call connects again")
        #expect(try store.eventCount() == 2)
    }

    /// The test server through a proxy that can lose connections.
    func throughProxy() throws -> (FlakyProxy, PostgresLocation) {
        let direct = try PostgresTestDatabase.location()
        let proxy = try FlakyProxy(targetPort: direct.port)
        let url = (PostgresTestDatabase.url ?? "").replacingOccurrences(of: ":\(direct.port)/", with: ":\(proxy.port)/")
        return (proxy, try PostgresLocation.parse(url, environment: ProcessInfo.processInfo.environment))
    }

    /// The server a call's `cannotConnect` names; nil when it threw something else or nothing.
    static func cannotConnect(_ body: () throws -> Void) -> String? {
        do {
            try body()
        } catch let PostgresStoreError.cannotConnect(server, _) {
            return server
        } catch {
            return nil
        }
        return nil
    }

    /// The erased tables whose files on the server (flushed by a checkpoint) hold `text`'s bytes.
    func fileHolds(_ text: String, store: PostgresStore) throws -> [String] {
        try store.session.execute("CHECKPOINT")
        var holding: [String] = []
        for table in PostgresStore.erasedTables.sorted() {
            let rows = try store.session.query("SELECT pg_read_binary_file(pg_relation_filepath(\(table)::regclass))")
            let bytes = try rows.first?[0].decode(Data.self) ?? Data()
            if bytes.range(of: Data(text.utf8)) != nil { holding.append(table) }
        }
        return holding
    }

    /// Whether `condition` holds within `seconds`.
    static func eventually(seconds: Double, _ condition: () throws -> Bool) throws -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        repeat {
            if try condition() { return true }
            usleep(10_000)
        } while Date() < deadline
        return false
    }
}

/// Errors collected from several threads.
final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [String] = []
    func add(_ item: String) { lock.withLock { items.append(item) } }
    var all: [String] { lock.withLock { items } }
}
