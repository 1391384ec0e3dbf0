import AppCore
import Application
import Domain
import Foundation
import Storage
import Testing

@Suite("Application: the day's backup in the background")
struct DailyBackupTests {
    /// A backup that cannot be made says so in the user's language, and that the work itself is saved.
    @Test func aFailedBackupSaysSoAndThatTheWorkIsSaved() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("proeftuin-daily-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: url) }
        let workspace = try Workspace.open(DataDirectory(url: url), actor: "anna", program: "board")
        _ = try workspace.add(IdeaFields(title: "Bewaard"))
        // The backups folder cannot be made: a file stands in its place.
        try? FileManager.default.removeItem(at: DataDirectory(url: url).backupsURL)
        try Data("geen map".utf8).write(to: DataDirectory(url: url).backupsURL)
        let backup = DailyBackup()
        #expect(!backup.hasStarted)
        backup.start(workspace, language: .nl)
        #expect(backup.hasStarted)
        backup.wait()
        #expect(!backup.isRunning)
        let failure = try #require(backup.takeFailure())
        #expect(failure.hasPrefix("De dagelijkse back-up is niet gemaakt (uw werk is bewaard): "), "\(failure)")
        #expect(backup.takeFailure() == nil, "said once")
        #expect(try workspace.reader.summaries().map(\.title) == ["Bewaard"])
    }

    /// The backup is made once, whole, and the program can wait for it.
    @Test func theBackupIsMadeOnceAndWaitedFor() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("proeftuin-daily-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: url) }
        let workspace = try Workspace.open(DataDirectory(url: url), actor: "anna", program: "board")
        _ = try workspace.add(IdeaFields(title: "Bewaard"))
        let backup = DailyBackup()
        backup.start(workspace, language: .en)
        backup.start(workspace, language: .en)
        backup.wait()
        #expect(backup.takeFailure() == nil)
        let names = try FileManager.default.contentsOfDirectory(atPath: DataDirectory(url: url).backupsURL.path)
        #expect(names.filter { $0.hasSuffix("-daily.sqlite") }.count == 1, "\(names)")
    }
}
