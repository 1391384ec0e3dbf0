import Domain
import Foundation
import GRDB
import Storage
import Testing

@Suite("Storage: the daily backup from a snapshot")
struct SnapshotBackupTests {
    let temporary = TemporaryDirectory()

    /// The board's daily backup runs on a thread of its own while changes are written: the copy must be whole, and
    /// hold the portfolio as it was at one moment (every idea with its creation event, nothing half-written).
    @Test func writesDuringTheBackupNeitherWaitNorReachTheCopyHalfWritten() throws {
        let database = try AppDatabase.open(temporary.dataDirectory, actor: "tester")
        for number in 0..<2_000 { try database.add(IdeaFields(title: "Idee \(number)")) }
        let writer = try AppDatabase.open(temporary.dataDirectory, actor: "collega")
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var copy: URL?
        nonisolated(unsafe) var failure: (any Error)?
        Thread {
            do { copy = try database.rollingBackup(snapshot: true) } catch { failure = error }
            done.signal()
        }.start()
        var written = 0
        while done.wait(timeout: .now()) == .timedOut {
            try writer.add(IdeaFields(title: "Tijdens de kopie \(written)"))
            written += 1
        }
        #expect(failure == nil)
        let url = try #require(copy)
        let queue = try DatabaseQueue(path: url.path)
        try queue.read { db in
            #expect(try String.fetchAll(db, sql: "PRAGMA integrity_check") == ["ok"])
            let ideas = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM idea") ?? 0
            let created = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM event WHERE kind = 'created'") ?? 0
            #expect(ideas >= 2_000 && ideas <= 2_000 + written, "the ideas at one moment: \(ideas) of \(2_000 + written)")
            #expect(created == ideas, "each idea in the copy with its event, none without")
        }
        #expect(try database.countsByStage()[.proposed] == 2_000 + written, "every write while copying was kept")
    }
}
