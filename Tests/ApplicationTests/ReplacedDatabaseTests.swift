import Application
import Domain
import Foundation
import Storage
import Testing

/// A board whose database was restored from under it: its writes are refused (never written into the file set aside),
/// and the watcher makes it say so once, without a reload loop.
@Suite("Hardening: a database replaced under an open board")
struct ReplacedDatabaseTests {
    @Test func theBoardRefusesToWriteIntoTheFileSetAsideAndSaysSoOnce() throws {
        let programs = try TwoPrograms()
        let directory = programs.board.reader.directory
        try programs.board.add(IdeaFields(title: "Voor de back-up"))
        let backup = try #require(try programs.cli.rollingBackup(reason: "manual"))
        try programs.board.add(IdeaFields(title: "Na de back-up"))
        let start = Date()
        var watcher = ChangeWatcher(workspace: programs.board, interval: 0.5, now: start)
        // A restore that could not see this board (it opened a moment after the check, or this process holds it).
        try Doctor.restore(directory, from: backup)
        let first = watcher.poll(now: start.addingTimeInterval(0.6))
        #expect(first, "the board looks again and finds out")
        #expect(throws: StorageError.databaseReplaced(path: directory.path)) { try programs.board.add(IdeaFields(title: "Verloren?")) }
        #expect(throws: StorageError.databaseReplaced(path: directory.path)) { _ = try programs.board.reader.summaries() }
        let second = watcher.poll(now: start.addingTimeInterval(1.2))
        #expect(!second, "said once, not in a loop")
        let reopened = try Workspace.open(directory, actor: "anna", program: "board")
        #expect(try reopened.reader.summaries().map(\.title) == ["Voor de back-up"])
        let kept = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasPrefix("proeftuin.sqlite.damaged-") }
        #expect(!kept.isEmpty, "the previous database is kept beside the restored one")
    }
}
