import Foundation
import Testing

/// The result of running the real `proeftuin` binary.
struct Run {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// Runs the built `proeftuin` binary with a private data directory.
struct Binary {
    let dataDirectory: URL
    /// A folder beside the data directory for files a test reads or writes (exports may not go into the data directory).
    let files: URL

    init() {
        let name = "proeftuin-cli-\(UUID().uuidString)"
        dataDirectory = FileManager.default.temporaryDirectory.appendingPathComponent(name)
        files = FileManager.default.temporaryDirectory.appendingPathComponent(name + "-files")
        try? FileManager.default.createDirectory(at: files, withIntermediateDirectories: true)
    }

    static let url: URL = {
        let sibling = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("proeftuin")
        if FileManager.default.isExecutableFile(atPath: sibling.path) { return sibling }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return root.appendingPathComponent(".build/debug/proeftuin")
    }()

    @discardableResult
    func run(_ arguments: [String], environment extra: [String: String] = [:], removing: [String] = []) throws -> Run {
        let process = Process()
        process.executableURL = Self.url
        process.arguments = arguments + ["--data-dir", dataDirectory.path]
        var environment = ProcessInfo.processInfo.environment
        environment["LANG"] = "en_US.UTF-8"
        environment["LC_ALL"] = nil
        environment["XDG_CONFIG_HOME"] = dataDirectory.appendingPathComponent("config").path
        for (key, value) in extra { environment[key] = value }
        for key in removing { environment[key] = nil }
        process.environment = environment
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                   stderr: String(decoding: stderr, as: UTF8.self))
    }

    func cleanUp() {
        try? FileManager.default.removeItem(at: dataDirectory)
        try? FileManager.default.removeItem(at: files)
    }
}

@Suite("CLI", .serialized)
struct CLITests {
    @Test func addListShowMoveHistory() throws {
        let binary = Binary()
        defer { binary.cleanUp() }
        let added = try binary.run(["add", "Fietsmaatjes", "--description", "Samen fietsen", "--theme", "Eenzaamheid",
                                    "--tag", "ouderen", "--tag", "bewegen", "--source", "inwoner", "--submitter", "J. Jansen"])
        #expect(added.status == 0)
        #expect(added.stdout == "1\n")

        let list = try binary.run(["list", "--format", "json"])
        let ideas = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
        #expect(ideas.count == 1)
        #expect(ideas[0]["id"] as? Int == 1)
        #expect(ideas[0]["title"] as? String == "Fietsmaatjes")
        #expect(ideas[0]["stage"] as? String == "proposed")
        #expect(ideas[0]["theme"] as? String == "Eenzaamheid")
        #expect(ideas[0]["tags"] as? [String] == ["ouderen", "bewegen"])
        #expect(ideas[0]["source"] as? String == "resident")
        #expect(ideas[0]["position"] as? Int == 1)
        #expect(ideas[0]["submitter"] == nil, "personal data stays out of listings")

        let refused = try binary.run(["move", "1", "experiment", "--reason", "goed genoeg voor nu", "--owner", "Sanne"])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("Moving to Experimenting needs --hypothesis, --action, --metric, --success, --review-date"))
        let moved = try binary.run(["move", "1", "experiment", "--reason", "goed genoeg voor nu", "--hypothesis", "samen fietsen helpt",
                                    "--action", "pilot in Noord", "--metric", "deelnemers", "--success", "minstens 20",
                                    "--owner", "Sanne", "--review-date", "31-12-2026", "--budget", "500", "--max-duration", "6w", "--harm", "niemand", "--safeguard", "vrijwillig", "--stop-rule", "er klachten komen"])
        #expect(moved.status == 0, "\(moved.stderr)")
        let shown = try binary.run(["show", "#1", "--format", "json", "--include-personal"])
        let idea = try #require(try JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as? [String: Any])
        #expect(idea["stage"] as? String == "experimenting")
        #expect(idea["submitter"] as? String == "J. Jansen")

        let history = try binary.run(["history", "1", "--format", "json"])
        let events = try #require(try JSONSerialization.jsonObject(with: Data(history.stdout.utf8)) as? [[String: Any]])
        #expect(events.map { $0["kind"] as? String } == ["created", "moved"])
        #expect(events.last?["reason"] as? String == "goed genoeg voor nu")
        #expect(idea["reviewDate"] as? String == "2026-12-31")
        let cycles = try #require(idea["cycles"] as? [[String: Any]])
        #expect(cycles.count == 1)
        #expect((cycles.first?["testCard"] as? [String: Any])?["hypothesis"] as? String == "samen fietsen helpt")

        let text = try binary.run(["history", "1"])
        #expect(text.stdout.contains("Proposed → Experimenting: goed genoeg voor nu"))
    }

    @Test func editChangesOnlyGivenFields() throws {
        let binary = Binary()
        defer { binary.cleanUp() }
        try binary.run(["add", "Oud", "--theme", "Wijk"])
        let edited = try binary.run(["edit", "1", "--title", "Nieuw"])
        #expect(edited.status == 0)
        let shown = try binary.run(["show", "1", "--format", "json"])
        #expect(shown.stdout.contains("\"title\" : \"Nieuw\""))
        #expect(shown.stdout.contains("\"theme\" : \"Wijk\""))
        let history = try binary.run(["history", "1", "--lang", "nl"])
        let lines = history.stdout.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true).dropFirst(2).joined(separator: " ") }
        #expect(lines.last?.hasSuffix("(opdrachtregel) gewijzigd titel") == true, "the edit names the field it changed: \(history.stdout)")
    }

    @Test func listFiltersAndFormats() throws {
        let binary = Binary()
        defer { binary.cleanUp() }
        try binary.run(["add", "Een, met komma", "--theme", "Wijk"])
        try binary.run(["add", "Twee", "--theme", "Jeugd"])
        try binary.run(["move", "2", "gestopt", "--reason", "dubbel", "--category", "merged", "--learned", "zelfde als 1"])
        let csv = try binary.run(["list", "--format", "csv"])
        #expect(csv.stdout.split(separator: "\n").first == "id,title,stage,theme,tags,source,position,description")
        #expect(csv.stdout.contains("1,\"Een, met komma\",proposed,Wijk,,,1,"))
        let stopped = try binary.run(["list", "--stage", "stopped"])
        #expect(stopped.stdout.contains("Twee"))
        #expect(!stopped.stdout.contains("komma"))
        let theme = try binary.run(["list", "--theme", "wijk", "--format", "json"])
        #expect(theme.stdout.contains("komma") && !theme.stdout.contains("Twee"))
        let dutch = try binary.run(["list", "--lang", "nl"])
        #expect(dutch.stdout.contains("Gestopt"))
    }

    @Test("User errors give a message and a non-zero exit, never a backtrace", arguments: [
        (["show", "42"], "Error: There is no idea #42: check the id with 'proeftuin list'"),
        (["move", "1", "doing", "--reason", "x"], "Unknown stage 'doing': use proposed, experimenting"),
        (["move", "1", "scaling", "--reason", "x"], "Cannot move from Proposed to Scaling"),
        (["move", "1", "stopped", "--reason", " ", "--category", "other", "--learned", "x"], "needs a reason"),
        (["move", "1", "stopped", "--reason", "x", "--category", "boredom", "--learned", "x"], "Unknown stop category 'boredom': use no-effect"),
        (["move", "1", "stopped", "--reason", "x"], "Moving to Stopped needs --category, --learned"),
        (["add", "   "], "The title is empty"),
        (["list", "--lang", "fr"], "unknown language 'fr'"),
    ])
    func userErrors(arguments: [String], message: String) throws {
        let binary = Binary()
        defer { binary.cleanUp() }
        try binary.run(["add", "Bestaat"])
        let result = try binary.run(arguments)
        #expect(result.status != 0)
        #expect(result.stderr.contains(message), "stderr was: \(result.stderr)")
        #expect(!result.stderr.contains("Fatal error") && !result.stderr.contains("Backtrace"))
    }

    @Test func demoFillsAnEmptyDirectoryAndRefusesAFullOne() throws {
        let binary = Binary()
        defer { binary.cleanUp() }
        let first = try binary.run(["demo"])
        #expect(first.status == 0)
        #expect(first.stdout.contains("Added 53 demo ideas"))
        let again = try binary.run(["demo"])
        #expect(again.status != 0)
        #expect(again.stderr.contains("already holds a portfolio"))
        let forced = try binary.run(["demo", "--force"])
        #expect(forced.status == 0)
        let info = try binary.run(["info"])
        // Two demos: 106 ideas, of which 4 were declined at intake and are off the board (counted apart, as the board does).
        #expect(info.stdout.contains("ideas            102\n"))
        #expect(info.stdout.contains("declined         4\n"))
    }

    @Test func damagedDatabaseIsReportedAndKept() throws {
        let binary = Binary()
        defer { binary.cleanUp() }
        try FileManager.default.createDirectory(at: binary.dataDirectory, withIntermediateDirectories: true)
        let file = binary.dataDirectory.appendingPathComponent("proeftuin.sqlite")
        let garbage = Data(repeating: 0x42, count: 4096)
        try garbage.write(to: file)
        let result = try binary.run(["list"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("is damaged"))
        #expect(try Data(contentsOf: file) == garbage)
    }

    @Test func boardWithoutATerminalExplainsAndPrintsNothing() throws {
        let binary = Binary()
        defer { binary.cleanUp() }
        let result = try binary.run([], environment: ["TERM": "xterm-256color"])
        #expect(result.status != 0)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("needs a terminal"))
        #expect(result.stderr.split(separator: "\n").count == 1)
    }

    @Test func keysPrintsTheCommittedDoc() throws {
        let binary = Binary()
        defer { binary.cleanUp() }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let doc = try String(contentsOf: root.appendingPathComponent("docs/keybindings.md"), encoding: .utf8)
        #expect(try binary.run(["keys", "--lang", "en"]).stdout == doc)
    }

    @Test func infoNamesThePaths() throws {
        let binary = Binary()
        defer { binary.cleanUp() }
        let info = try binary.run(["info"], environment: ["USER": "anne"])
        #expect(info.stdout.contains("data directory   \(binary.dataDirectory.path)"))
        #expect(info.stdout.contains("config.toml (not present)"))
        #expect(info.stdout.contains("actor            anne"))
    }
}
