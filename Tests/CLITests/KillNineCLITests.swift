import Foundation
import GRDB
import Testing

/// `kill -9` in the middle of the commands that rewrite files: at every named step (`PROEFTUIN_TEST_KILL_AT`) and at
/// random moments. Afterwards the database is whole and holds either the old or the new state, never a mix or nothing.
@Suite("Hardening: kill -9 in the middle", .serialized)
struct KillNineCLITests {
    /// Runs the binary and kills it with SIGKILL after `delay` seconds (if it is still running); true when it was killed.
    static func runAndKill(_ binary: Binary, _ arguments: [String], after delay: TimeInterval) throws -> Bool {
        let process = Process()
        process.executableURL = Binary.url
        process.arguments = arguments + ["--data-dir", binary.dataDirectory.path]
        var environment = ProcessInfo.processInfo.environment
        environment["XDG_CONFIG_HOME"] = binary.dataDirectory.appendingPathComponent("config").path
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        Thread.sleep(forTimeInterval: delay)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        return process.terminationReason == .uncaughtSignal
    }

    static func titles(_ binary: Binary) throws -> [String] {
        let listed = try binary.run(["list", "--format", "json"])
        #expect(listed.status == 0, "\(listed.stderr)")
        let ideas = try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]] ?? []
        return ideas.compactMap { $0["title"] as? String }.sorted()
    }

    static func checkWhole(_ binary: Binary) throws {
        let doctor = try binary.run(["doctor"])
        #expect(doctor.stdout.contains("integrity: ok"), "\(doctor.stdout)\(doctor.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: binary.dataDirectory.path)
        #expect(!names.contains("proeftuin.sqlite.restoring") && !names.contains("proeftuin.restore-journal"), "\(names)")
    }

    /// A data directory with "Oud" in its latest backup and "Oud" and "Later" in the database.
    static func portfolioWithBackup() throws -> Binary {
        let binary = Binary()
        try binary.run(["add", "Oud"])
        try binary.run(["backup"])
        try binary.run(["add", "Later"])
        return binary
    }

    @Test("A restore killed at each step leaves the old or the new database", arguments: [
        ("restore-copied", false), ("restore-prepared", false), ("restore-journal-written", true), ("restore-side-files-moved", true),
        ("restore-old-kept", true), ("restore-swapped", true),
    ])
    func restoreKilledAtAStep(point: String, finishes: Bool) throws {
        let binary = try Self.portfolioWithBackup()
        defer { binary.cleanUp() }
        let killed = try binary.run(["doctor", "--restore"], environment: ["PROEFTUIN_TEST_KILL_AT": point])
        #expect(killed.status == 9, "killed at \(point)")
        #expect(try Self.titles(binary) == (finishes ? ["Oud"] : ["Later", "Oud"]), "at \(point)")
        try Self.checkWhole(binary)
    }

    @Test func restoresKilledAtRandomMomentsLeaveTheOldOrTheNewDatabase() throws {
        var outcomes: [String: Int] = [:]
        for run in 0..<20 {
            let binary = try Self.portfolioWithBackup()
            defer { binary.cleanUp() }
            _ = try Self.runAndKill(binary, ["doctor", "--restore"], after: Double(run % 10) * 0.012)
            let titles = try Self.titles(binary)
            #expect(titles == ["Oud"] || titles == ["Later", "Oud"], "run \(run): \(titles)")
            outcomes[titles.joined(separator: ","), default: 0] += 1
            try Self.checkWhole(binary)
        }
        #expect(outcomes.values.reduce(0, +) == 20)
    }

    @Test func aBackupKilledMidwayLeavesNoPartialFileAfterTheNextBackup() throws {
        let binary = Binary()
        defer { binary.cleanUp() }
        try binary.run(["add", "Kopie"])
        for run in 0..<10 { _ = try Self.runAndKill(binary, ["backup"], after: Double(run) * 0.01) }
        #expect(try binary.run(["backup"], environment: ["PROEFTUIN_TEST_KILL_AT": "backup-copied"]).status == 9)
        let backups = binary.dataDirectory.appendingPathComponent("backups")
        #expect(try FileManager.default.contentsOfDirectory(atPath: backups.path).contains { $0.contains(".partial") }, "the kill left one")
        #expect(try binary.run(["backup"]).status == 0)
        let names = try FileManager.default.contentsOfDirectory(atPath: backups.path)
        #expect(!names.contains { $0.hasPrefix(".") }, "\(names)")
        #expect(try binary.run(["doctor"]).stdout.contains("integrity: ok"))
    }

    @Test("forget killed at each step: the name is gone from the database, and running it again reaches every byte", arguments: [
        "forget-live-erased", "forget-live-compacted", "forget-copy-erased",
    ])
    func forgetKilledAtAStep(point: String) throws {
        let binary = Binary()
        defer { binary.cleanUp() }
        try binary.run(["add", "Buurtkamer", "--submitter", "Henk Geheimzinnig"])
        try binary.run(["backup"])
        #expect(try binary.run(["forget", "--submitter", "henk geheimzinnig"], environment: ["PROEFTUIN_TEST_KILL_AT": point]).status == 9)
        #expect(!(try binary.run(["show", "1", "--include-personal"]).stdout.contains("Geheimzinnig")), "the erasure was committed")
        try Self.checkWhole(binary)
        #expect(try binary.run(["forget", "--submitter", "Henk Geheimzinnig"]).status == 0)
        #expect(try PrivacyCLITests.filesHolding("Geheimzinnig", under: binary.dataDirectory).isEmpty)
    }

    @Test func mergesAndImportsKilledAtRandomMomentsAreAllOrNothing() throws {
        let binary = Binary()
        defer { binary.cleanUp() }
        let rows = (1...500).map { "Idee \($0),omschrijving \($0)" }.joined(separator: "\n")
        let file = binary.files.appendingPathComponent("ideas.csv")
        try ("title,description\n" + rows + "\n").write(to: file, atomically: true, encoding: .utf8)
        try binary.run(["add", "A"])
        try binary.run(["add", "B"])
        for run in 0..<10 {
            _ = try Self.runAndKill(binary, ["import", file.path], after: 0.02 + Double(run) * 0.02)
            let count = try Self.titles(binary).count
            #expect((count - 2) % 500 == 0, "run \(run): \(count) ideas")
        }
        _ = try Self.runAndKill(binary, ["merge", "1", "--into", "2"], after: 0.02)
        try Self.checkWhole(binary)
    }
}
