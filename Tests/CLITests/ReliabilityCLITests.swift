import Foundation
import Testing

@Suite("CLI: reliability", .serialized)
struct ReliabilityCLITests {
    @Test func doctorFindsDamageAndRestoresTheLatestBackup() throws {
        let binary = Binary()
        defer { binary.cleanUp() }
        try binary.run(["add", "Kostbaar"])
        let backup = try binary.run(["backup"])
        #expect(backup.stdout.contains("/backups/proeftuin-"))
        let healthy = try binary.run(["doctor"])
        #expect(healthy.status == 0)
        #expect(healthy.stdout.contains("integrity: ok"))
        #expect(healthy.stdout.contains("backups: 1"))
        let file = binary.dataDirectory.appendingPathComponent("proeftuin.sqlite")
        var bytes = try Data(contentsOf: file)
        bytes.replaceSubrange(4096..<bytes.count, with: Data(repeating: 0xFF, count: bytes.count - 4096))
        try bytes.write(to: file)
        let damaged = try binary.run(["list"])
        #expect(damaged.status != 0)
        #expect(damaged.stderr.contains("damaged"))
        #expect(damaged.stderr.contains("Restore a backup"))
        let diagnosis = try binary.run(["doctor"])
        #expect(diagnosis.status != 0)
        #expect(!diagnosis.stdout.contains("integrity: ok"))
        let restored = try binary.run(["doctor", "--restore"])
        #expect(restored.stdout.contains("restored proeftuin-"))
        #expect(restored.stdout.contains("integrity now: ok"))
        #expect(try binary.run(["list"]).stdout.contains("Kostbaar"))
        let kept = try FileManager.default.contentsOfDirectory(atPath: binary.dataDirectory.path).filter { $0.contains(".damaged-") }
        #expect(!kept.isEmpty, "the damaged file is kept for inspection")
    }

    @Test func aHugeFileIsRefusedQuickly() throws {
        let binary = Binary()
        defer { binary.cleanUp() }
        let huge = binary.files.appendingPathComponent("huge.csv")
        _ = FileManager.default.createFile(atPath: huge.path, contents: nil)
        let handle = try FileHandle(forWritingTo: huge)
        try handle.truncate(atOffset: 1_073_741_824)  // a sparse 1 GiB file
        try handle.close()
        let started = Date()
        let result = try binary.run(["import", huge.path])
        #expect(result.status != 0)
        #expect(result.stderr.contains("larger than 64 MiB"))
        #expect(Date().timeIntervalSince(started) < 10)
    }

    @Test func invalidUTF8IsNamedByLine() throws {
        let binary = Binary()
        defer { binary.cleanUp() }
        let file = binary.files.appendingPathComponent("latin1.csv")
        var data = Data("title\nGoed\n".utf8)
        data.append(contentsOf: [0x43, 0x61, 0x66, 0xE9, 0x0A])  // "Café" in Latin-1
        try data.write(to: file)
        let result = try binary.run(["import", file.path])
        #expect(result.status != 0)
        #expect(result.stderr.contains("line 3: not valid UTF-8 text"))
        #expect(try binary.run(["list", "--format", "csv"]).stdout.split(separator: "\n").count == 1)
    }

    @Test func filesArePrivate() throws {
        let binary = Binary()
        defer { binary.cleanUp() }
        try binary.run(["add", "Privé"])
        try binary.run(["backup"])
        let directory = try FileManager.default.attributesOfItem(atPath: binary.dataDirectory.path)[.posixPermissions] as? Int
        #expect(directory == 0o700)
        let backups = binary.dataDirectory.appendingPathComponent("backups")
        for name in try FileManager.default.contentsOfDirectory(atPath: backups.path) {
            let mode = try FileManager.default.attributesOfItem(atPath: backups.appendingPathComponent(name).path)[.posixPermissions] as? Int
            #expect(mode == 0o600, "\(name)")
        }
        let export = binary.files.appendingPathComponent("export.json")
        try binary.run(["export", "--output", export.path])
        #expect(try FileManager.default.attributesOfItem(atPath: export.path)[.posixPermissions] as? Int == 0o600)
    }
}

@Suite("CLI: bench")
struct BenchCLITests {
    /// The bench works end to end on a small data set and reports every budgeted figure (timings are not asserted).
    @Test func benchReportsEveryFigure() throws {
        let binary = Binary()
        defer { binary.cleanUp() }
        let result = try binary.run(["bench", "--ideas", "300", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(json["ideas"] as? Int == 300)
        let figures = try #require(json["figures"] as? [[String: Any]])
        let names = figures.compactMap { $0["name"] as? String }
        #expect(names == [
            "start to first board frame (new process)", "first start of the day (daily backup) to first frame",
            "navigation key to updated frame", "a change (reorder) key to redrawn frame", "portfolio view key to frame",
            "portfolio figures after a change (background)", "peak memory of a board process", "move a card (committed with its event)",
            "weighing recompute 30×8×20 (TOPSIS, spread, W)",
            "import 300 ideas from CSV (the command, new process)", "report of the whole portfolio (md + html)",
        ])
        #expect(figures.allSatisfy { ($0["median"] as? Double ?? -1) >= 0 && ($0["budget"] as? Double ?? 0) > 0 })
    }
}
