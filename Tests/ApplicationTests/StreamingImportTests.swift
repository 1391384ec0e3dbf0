@testable import Application
import Domain
import Foundation
import GRDB
import Storage
import Testing

/// The streaming CSV import (one pass, one transaction, one duplicate index) against the row-by-row path it replaced:
/// the whole file parsed, every row checked, `importIdeas(rows)` with its encoder per row, then the duplicates with a
/// fresh `DuplicateIndex.matches` per row.
@Suite("Application: streaming CSV import")
struct StreamingImportTests {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("proeftuin-stream-\(UUID().uuidString)")
    static let moment = Date(timeIntervalSince1970: 1_790_000_000)

    /// Stored ideas the file's rows resemble, rows resembling each other, a held-back stage, cleaned text, a tag list,
    /// a BOM, CRLF line ends, a quoted field over two lines, escapes JSON must write, and a title too short to compare.
    static let file = "\u{FEFF}titel;omschrijving;thema;labels;bron;indiener;fase\r\n"
        + "Buurtmoestuin in de wijk;\"Samen \"\"tuinieren\"\" / oogsten \\\\ delen\";Wonen en wijk;groen, samen, Groen;inwoner;;\r\n"
        + "Buurtmoestuin in onze wijk;Nog een;Wonen;groen;;J. de Boer;experiment\r\n"
        + "\r\n"
        + "Fietsenstalling bij het station;\"twee\r\nregels\";;;professional;;\r\n"
        + "Fietsenstalling station;\u{1B}[31mrood;;a|b;;;gestopt\r\n"
        + "Ab;kort;;;;;\r\n"
        + "Maatje voor ouderen é😀;Met 123456782 erin;Eenzaamheid;;partner;;voorgesteld\r\n"

    func open(_ name: String) throws -> Workspace {
        let directory = DataDirectory(url: url.appendingPathComponent(name))
        let store = try AppDatabase.open(directory, actor: "tester", program: "cli", clock: { Self.moment })
        let workspace = Workspace(store: store)
        try workspace.add(IdeaFields(title: "Fietsenstalling bij station"))
        return workspace
    }

    /// Every idea and event row as stored, column by column.
    func rows(_ workspace: Workspace, _ name: String) throws -> [[String]] {
        let queue = try DatabaseQueue(path: url.appendingPathComponent(name).appendingPathComponent("proeftuin.sqlite").path)
        return try queue.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM idea ORDER BY id").map { row in row.map { "\($0.0)=\($0.1)" } }
                + Row.fetchAll(db, sql: "SELECT * FROM event ORDER BY id").map { row in row.map { "\($0.0)=\($0.1)" } }
        }
    }

    @Test func theSameIdeasEventsAndWarningsAsRowByRow() throws {
        defer { try? FileManager.default.removeItem(at: url) }
        // Streaming, fed seven bytes at a time: chunk ends fall inside characters, CRLF pairs and quotes.
        let streamed = try open("streamed")
        var bytes = Array(Self.file.utf8)[...]
        var drafts: [IdeaDraft] = []
        var duplicates: [ImportDuplicate] = []
        let count = try streamed.importCSV(reading: {
            guard !bytes.isEmpty else { return nil }
            defer { bytes = bytes.dropFirst(7) }
            return Array(bytes.prefix(7))
        }, dryRun: false) { draft, found in
            drafts.append(draft)
            duplicates += found
        }

        // Row by row, as before.
        let before = try open("before")
        let stored = try before.reader.ideaTitles()
        let expectedDrafts = try IdeaImport.csv(Self.file).get()
        try before.importIdeas(expectedDrafts.map { ($0.fields, $0.stage) })
        var index = DuplicateIndex(stored.map { (DuplicateSource.stored($0.0), $0.1) })
        var expectedDuplicates: [ImportDuplicate] = []
        for draft in expectedDrafts {
            expectedDuplicates += index.matches(for: draft.fields.title, limit: 1).map { ImportDuplicate(location: draft.location, match: $0) }
            index.insert(.row(draft.location), title: draft.fields.title)
        }

        #expect(count == 6)
        #expect(drafts == expectedDrafts)
        #expect(duplicates == expectedDuplicates)
        #expect(try rows(streamed, "streamed") == rows(before, "before"))
        // What the comparison stands on, literally.
        #expect(duplicates.map { "\($0.location) \($0.match.key) \($0.match.title)" } == [
            "line 3 row(line 2) Buurtmoestuin in de wijk",
            "line 5 stored(#1) Fietsenstalling bij station",
            "line 7 stored(#1) Fietsenstalling bij station",
        ])
        let events = try streamed.reader.history(IdeaID(2))
        #expect(events.map(\.kind) == [.imported])
        #expect(events.first?.after == #"{"createdAt":"2026-09-21T14:13:20Z","cycleCount":0,"fields":{"description":"Samen \"tuinieren\" \/ oogsten \\\\ delen","source":"resident","tags":["groen","samen"],"theme":"Wonen en wijk","title":"Buurtmoestuin in de wijk"},"id":2,"position":2,"stage":"proposed","updatedAt":"2026-09-21T14:13:20Z"}"#)
        #expect(try streamed.reader.history(IdeaID(3)).first?.reason
            == "the file asked for experimenting; imported as proposed: move it there through its gate (--hypothesis, --action, --metric, --success, --owner, --review-date, --budget, --max-duration, --harm, --safeguard, --stop-rule)")
    }

    @Test func aProblemAnywhereWritesNothingAndNamesEveryProblem() throws {
        defer { try? FileManager.default.removeItem(at: url) }
        let workspace = try open("refused")
        let text = "title;stage\nGoed idee;\n;\nNog een;klaar\n"
        var chunk: [UInt8]? = Array(text.utf8)
        #expect(throws: ImportFailure([
            ImportProblem(.line(3), field: "title", .rule(.emptyTitle)),
            ImportProblem(.line(4), field: "stage", .rule(.unknownStage("klaar"))),
        ])) {
            try workspace.importCSV(reading: { defer { chunk = nil }; return chunk }, dryRun: false) { _, _ in }
        }
        #expect(try workspace.reader.summaries().map(\.title) == ["Fietsenstalling bij station"])
        // A syntax error alone, and an error from the reader, also leave everything as it was.
        #expect(throws: ImportFailure([ImportProblem(.line(3), .syntax("a quoted field is never closed: add the closing quote"))])) {
            try workspace.importCSV(_: "title\nGoed idee\n\"open\n", dryRun: false)
        }
        // The rows' problems before a syntax error are named with it.
        #expect(throws: ImportFailure([
            ImportProblem(.line(3), field: "title", .rule(.emptyTitle)),
            ImportProblem(.line(5), .syntax("a quoted field is never closed: add the closing quote")),
        ])) {
            try workspace.importCSV(_: "title\nGoed idee\n \nNog een\n\"open\n", dryRun: false)
        }
        struct Unreadable: Error {}
        var calls = 0
        #expect(throws: Unreadable.self) {
            try workspace.importCSV(reading: {
                calls += 1
                if calls == 1 { return Array("title\nGoed idee\nNog een idee\n".utf8) }
                throw Unreadable()
            }, dryRun: false) { _, _ in }
        }
        #expect(try workspace.reader.summaries().count == 1)
    }

    /// A file of many batches is read on one thread and written on another: every row arrives once, in file order, and
    /// an error from the reader after several batches were written still leaves the portfolio as it was.
    @Test func manyBatchesArriveInFileOrderAndALateErrorKeepsNothing() throws {
        defer { try? FileManager.default.removeItem(at: url) }
        let workspace = try open("batches")
        let rows = 10 * 256 + 7
        let titles = (1...rows).map { "Idee nummer \($0) voor de wijk \($0 % 13)" }
        let text = "title\n" + titles.joined(separator: "\n") + "\n"
        var heard: [String] = []
        var chunks = Array(text.utf8).chunked(4096)
        let count = try workspace.importCSV(reading: { chunks.isEmpty ? nil : chunks.removeFirst() }, dryRun: false) { draft, _ in
            heard.append(draft.fields.title)
        }
        #expect(count == rows)
        #expect(heard == titles)
        #expect(try workspace.reader.summaries().map(\.title) == ["Fietsenstalling bij station"] + titles)

        struct Unreadable: Error {}
        var left = Array(text.utf8).chunked(4096)
        var given = 0
        #expect(throws: Unreadable.self) {
            try workspace.importCSV(reading: {
                given += 1
                guard given < left.count else { throw Unreadable() }
                return left.removeFirst()
            }, dryRun: false) { _, _ in }
        }
        #expect(try workspace.reader.summaries().count == rows + 1)
    }

    /// The writer giving up (a failed write) stops the reader, even while it waits to hand over a batch.
    @Test func theWriterGivingUpStopsTheReader() throws {
        let handOver = ImportHandOver<Int, Void>(ahead: 1)
        let stopped = DispatchSemaphore(value: 0)
        let outcome = Outcome()
        Thread {
            var handed = 0
            while handOver.put([handed]) { handed += 1 }
            outcome.set(handed)
            handOver.finish(.success(()))
            stopped.signal()
        }.start()
        #expect(try handOver.take() == [0])
        handOver.cancel()
        #expect(stopped.wait(timeout: .now() + 5) == .success)
        #expect((1...2).contains(outcome.value))
    }

    /// The reader's two threads (reading and checking; the duplicate search) hand rows over with their duplicates, and
    /// the writer giving up stops both: `run` returns, and the file is not read any further.
    @Test func theWriterGivingUpStopsBothReadingThreads() throws {
        let rows = 40 * CSVImportReader.batchSize
        let text = "title\n" + (1...rows).map { "Idee nummer \($0) voor de wijk" }.joined(separator: "\n") + "\n"
        let chunks = Array(text.utf8).chunked(1024)
        let calls = Outcome()
        let reader = CSVImportReader(
            storedTitles: [(IdeaID(7), "Idee nummer 1 voor de wijk")], catalog: ThemeCatalog(), today: DayDate(dayNumber: 20_000))
        let handOver = ImportHandOver<ImportStep, [String]>(ahead: 1)
        let finished = DispatchSemaphore(value: 0)
        Thread {
            reader.run({
                let call = calls.value
                calls.set(call + 1)
                return call < chunks.count ? chunks[call] : nil
            }, into: handOver)
            finished.signal()
        }.start()
        let first = try #require(try handOver.take())
        #expect(first.map(\.draft.fields.title) == Array((1...CSVImportReader.batchSize).map { "Idee nummer \($0) voor de wijk" }))
        #expect(first[0].duplicates.map(\.match.key) == [.stored(IdeaID(7))])
        #expect(first[0].duplicates.map(\.match.similarity) == [1])
        #expect(first[1].duplicates.map(\.match.similarity) == [Similarity.of("Idee nummer 2 voor de wijk", "Idee nummer 1 voor de wijk")])
        handOver.cancel()
        #expect(finished.wait(timeout: .now() + 5) == .success)
        let read = calls.value
        Thread.sleep(forTimeInterval: 0.05)
        #expect(calls.value == read)
        #expect(read < chunks.count / 2, "\(read) of \(chunks.count) chunks read")
    }
}

/// A value set on one thread and read on another.
private final class Outcome: @unchecked Sendable {
    private let lock = NSLock()
    private var stored = 0
    var value: Int { lock.withLock { stored } }
    func set(_ value: Int) { lock.withLock { stored = value } }
}

extension Array {
    /// The elements in pieces of `size` (the last one shorter).
    fileprivate func chunked(_ size: Int) -> [[Element]] {
        stride(from: 0, to: count, by: size).map { Array(self[$0..<Swift.min($0 + size, count)]) }
    }
}
