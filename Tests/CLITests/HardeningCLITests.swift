import Foundation
import GRDB
import Testing

/// The real binary against a bad day and an attacker: restores, hostile files and arguments, numbers and limits.
@Suite("Hardening: the command line", .serialized)
struct HardeningCLITests {
    static func isSafe(_ text: String) -> Bool {
        !text.unicodeScalars.contains { ($0.value < 0x20 && $0.value != 0x0A) || (0x7F...0x9F).contains($0.value)
            || (0x202A...0x202E).contains($0.value) || $0.value == 0xFFFD }
    }

    // MARK: Data loss

    @Test func aRestoreChecksItsSourceFirst() throws {
        let binary = Binary()
        defer { binary.cleanUp() }
        try binary.run(["add", "Kostbaar"])
        let database = binary.dataDirectory.appendingPathComponent("proeftuin.sqlite").path
        let text = binary.files.appendingPathComponent("notities.txt")
        try "geen database".write(to: text, atomically: true, encoding: .utf8)
        let other = binary.files.appendingPathComponent("ander.sqlite")
        let queue = try DatabaseQueue(path: other.path)
        try queue.write { try $0.execute(sql: "CREATE TABLE t (x)") }
        try queue.close()
        let link = binary.files.appendingPathComponent("link.sqlite")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: database)
        let newer = Binary()
        defer { newer.cleanUp() }
        try newer.run(["add", "Van later"])
        let newerBackup = binary.files.appendingPathComponent("nieuwer.sqlite")
        try newer.run(["backup", "--output", newerBackup.path])
        let future = try DatabaseQueue(path: newerBackup.path)
        try future.write { try $0.execute(sql: "INSERT INTO grdb_migrations VALUES ('v99: from the future')") }
        try future.close()
        let damaged = binary.files.appendingPathComponent("stuk.sqlite")
        var bytes = try Data(contentsOf: newerBackup)
        bytes.replaceSubrange(4096..<bytes.count, with: Data(repeating: 0xFF, count: bytes.count - 4096))
        try bytes.write(to: damaged)
        for (source, reason) in [(database, "it is the database in use itself"), (link.path, "it is the database in use itself"),
                                 (text.path, "it is not an SQLite database"), (binary.files.path, "it is not a regular file"),
                                 (other.path, "it is not a Proeftuin database"), (newerBackup.path, "it was written by a newer version"),
                                 (damaged.path, "it is damaged"), ("/dev/zero", "it is not a regular file")] {
            let refused = try binary.run(["doctor", "--restore", "--from", source])
            #expect(refused.status != 0, "\(source)")
            #expect(refused.stderr.contains("cannot be restored: \(reason)"), "\(source): \(refused.stderr)")
            #expect(Self.isSafe(refused.stderr))
            #expect(try binary.run(["list"]).stdout.contains("Kostbaar"), "\(source) changed nothing")
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: binary.dataDirectory.path)
        #expect(!names.contains { $0.contains("damaged") || $0.contains("restoring") }, "\(names)")
    }

    @Test func aRestoreWaitsUntilNoOtherProgramHasTheDatabaseOpen() throws {
        let binary = Binary()
        defer { binary.cleanUp() }
        try binary.run(["add", "Open"])
        try binary.run(["backup"])
        // This test process plays the board that still has the database open.
        let board = try DatabasePool(path: binary.dataDirectory.appendingPathComponent("proeftuin.sqlite").path)
        _ = try board.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM idea") }
        let refused = try binary.run(["doctor", "--restore"], environment: ["LANG": "nl_NL.UTF-8"])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("Een ander programma (een bord of een opdracht) heeft de database in"))
        #expect(!(try FileManager.default.contentsOfDirectory(atPath: binary.dataDirectory.path)).contains { $0.contains("damaged") })
        try board.close()
        #expect(try binary.run(["doctor", "--restore"]).status == 0)
    }

    @Test func aVanishedDatabaseIsNotRecreatedEmpty() throws {
        let binary = Binary()
        defer { binary.cleanUp() }
        try binary.run(["add", "Kostbaar"])
        try binary.run(["backup"])
        try FileManager.default.removeItem(at: binary.dataDirectory.appendingPathComponent("proeftuin.sqlite"))
        for command in [["list"], ["add", "Nieuw"], ["demo", "--force"]] {
            let refused = try binary.run(command)
            #expect(refused.status != 0, "\(command)")
            #expect(refused.stderr.contains("is missing, but the folder holds 1 backup(s)"), "\(command): \(refused.stderr)")
            #expect(refused.stderr.contains("proeftuin doctor --restore"))
        }
        #expect(!FileManager.default.fileExists(atPath: binary.dataDirectory.appendingPathComponent("proeftuin.sqlite").path))
        #expect(try binary.run(["doctor", "--restore"]).status == 0)
        #expect(try binary.run(["list"]).stdout.contains("Kostbaar"))
    }

    @Test func exportsNeverOverwriteTheDataDirectory() throws {
        let binary = Binary()
        defer { binary.cleanUp() }
        try binary.run(["add", "Kostbaar"])
        try binary.run(["backup"])
        let database = binary.dataDirectory.appendingPathComponent("proeftuin.sqlite")
        let backup = try #require(try FileManager.default.contentsOfDirectory(atPath: binary.dataDirectory.appendingPathComponent("backups").path).first)
        let hardLink = binary.files.appendingPathComponent("hard.sqlite")
        try FileManager.default.linkItem(at: database, to: hardLink)
        let folderLink = binary.files.appendingPathComponent("map")
        try FileManager.default.createSymbolicLink(at: folderLink, withDestinationURL: binary.dataDirectory)
        for target in [database.path, database.path + "-wal", binary.dataDirectory.appendingPathComponent("backups/\(backup)").path,
                       binary.dataDirectory.appendingPathComponent("nieuw.json").path, hardLink.path, folderLink.appendingPathComponent("proeftuin.sqlite").path] {
            for command in [["export"], ["export", "--format", "csv"], ["report"], ["session", "minutes", "1"]] {
                let refused = try binary.run(command + ["--output", target, "--force"])
                #expect(refused.status != 0, "\(command) \(target)")
                #expect(command.first == "session" || refused.stderr.contains("is in the data directory (or is one of its files)"), "\(refused.stderr)")
            }
        }
        #expect(try binary.run(["list"]).stdout.contains("Kostbaar"))
        #expect(try binary.run(["doctor"]).stdout.contains("integrity: ok"))
        let full = try binary.run(["export", "--output", "/dev/full", "--force", "--lang", "nl"])
        #expect(full.stderr.contains("De schijf met /dev/full is vol: er is niets opgeslagen"))
        #expect(FileManager.default.fileExists(atPath: "/dev/full"), "a device is written to, never replaced")
    }

    @Test func aReadOnlyDataDirectoryStillListsAndExports() throws {
        let binary = Binary()
        defer { binary.cleanUp() }
        try binary.run(["add", "Alleen lezen"])
        let data = binary.dataDirectory.path
        let root = getuid() == 0
        guard !root || FileManager.default.isExecutableFile(atPath: "/usr/sbin/runuser") || FileManager.default.isExecutableFile(atPath: "/sbin/runuser") else {
            return  // root may write anywhere and there is no way to run as another user here
        }
        func run(_ arguments: [String]) throws -> Run {
            guard root else { return try binary.run(arguments) }
            let runuser = FileManager.default.isExecutableFile(atPath: "/usr/sbin/runuser") ? "/usr/sbin/runuser" : "/sbin/runuser"
            let process = Process()
            process.executableURL = URL(fileURLWithPath: runuser)
            process.arguments = ["-u", "nobody", "--", "env", "HOME=/nonexistent", "XDG_CONFIG_HOME=/nonexistent", "LANG=en_US.UTF-8",
                                 Binary.url.path] + arguments + ["--data-dir", data]
            let out = Pipe()
            let err = Pipe()
            process.standardOutput = out
            process.standardError = err
            try process.run()
            let stdout = out.fileHandleForReading.readDataToEndOfFile()
            let stderr = err.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
        }
        try FileManager.default.setAttributes([.posixPermissions: root ? 0o755 : 0o500], ofItemAtPath: data)
        try FileManager.default.setAttributes([.posixPermissions: root ? 0o644 : 0o400], ofItemAtPath: data + "/proeftuin.sqlite")
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: binary.files.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: data) }
        if root { guard (try? run(["keys"]))?.status == 0 else { return } }  // the binary is not reachable for nobody
        let listed = try run(["list"])
        #expect(listed.status == 0, "\(listed.stderr)")
        #expect(listed.stdout.contains("Alleen lezen"))
        #expect(try run(["export", "--format", "csv"]).stdout.contains("Alleen lezen"))
        #expect(try run(["show", "1"]).status == 0)
        let refused = try run(["add", "Schrijven"])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("is read-only: make it writable or choose another with --data-dir"))
        // The lock file that serialises opening was made with the database, while the directory was still writable.
        #expect(try FileManager.default.contentsOfDirectory(atPath: data).filter { $0 != ".proeftuin.lock" } == ["proeftuin.sqlite"],
                "reading wrote nothing")
    }

    @Test func infoCreatesNothing() throws {
        let binary = Binary()
        defer { binary.cleanUp() }
        let info = try binary.run(["info"])
        #expect(info.status == 0)
        #expect(info.stdout.contains("(not created yet)"))
        #expect(!FileManager.default.fileExists(atPath: binary.dataDirectory.path))
    }

    // MARK: Crashes and hangs

    @Test func hugeCountsAreRefusedNotCrashedOn() throws {
        let binary = Binary()
        defer { binary.cleanUp() }
        for (arguments, message) in [
            (["due", "--within", "999999999999"], "'999999999999' cannot be used as a number of days: give a number from 0 to 36500"),
            (["due", "--within=-3"], "'-3' cannot be used as a number of days"),
            (["demo", "--ideas", "99999999999999999"], "'99999999999999999' cannot be used as a number of ideas: give a number from 1 to 100000"),
            (["demo", "--ideas", "0"], "'0' cannot be used as a number of ideas"),
            (["bench", "--ideas", "9999999999"], "cannot be used as a number of ideas"),
            (["wip", "set", "learning", "99999999999"], "cannot be used as a WIP limit"),
        ] {
            let refused = try binary.run(arguments)
            #expect(refused.status == 1, "\(arguments): \(refused.stderr)")
            #expect(refused.stderr.contains(message), "\(arguments): \(refused.stderr)")
            #expect(!refused.stderr.contains("Fatal error") && !refused.stderr.contains("SQL"))
        }
        #expect(try binary.run(["demo", "--ideas", "3"]).status == 0, "a small generated set works (no UNIQUE error)")
        #expect(try binary.run(["due", "--within", "36500", "--format", "json"]).status == 0)
    }

    @Test func extremeValuesInAFileReachNoReportOrScreenAsACrash() throws {
        let binary = Binary()
        defer { binary.cleanUp() }
        try binary.run(["add", "Meten"])
        try binary.run(["move", "1", "experiment", "--reason", "r", "--hypothesis", "h", "--action", "a", "--metric", "m",
                        "--success", "meer dan " + String(repeating: "9", count: 400), "--owner", "o", "--review-date", "2027-01-01", "--budget", "500", "--max-duration", "6w", "--harm", "niemand", "--safeguard", "vrijwillig", "--stop-rule", "er klachten komen"])
        let file = binary.files.appendingPathComponent("metingen.csv")
        try "date,value\n2026-12-01,\(String(repeating: "9", count: 310))\n2026-12-02,1e308\n2026-12-03,-1.7976931348623157e308\n"
            .write(to: file, atomically: true, encoding: .utf8)
        let refused = try binary.run(["measure", "import", "1", file.path])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("line 2: '\(String(repeating: "9", count: 40))' is not usable as measurement"), "\(refused.stderr)")
        #expect(refused.stderr.contains("line 3: '1e308' is not a number"))
        for value in ["nan", "inf", "1" + String(repeating: "0", count: 20)] {
            #expect(try binary.run(["measure", "1", "--date", "2026-12-01", "--value", value]).status == 1, "\(value)")
        }
        #expect(try binary.run(["measure", "1", "--date", "2026-12-01", "--value", "1000000000000000"]).status == 0)
        #expect(try binary.run(["report", "--format", "html"]).status == 0)
        #expect(try binary.run(["show", "1"]).status == 0)
    }

    @Test func aSessionWithoutParticipantsIsNamedNotCrashedOn() throws {
        let binary = Binary()
        defer { binary.cleanUp() }
        try binary.run(["demo"])
        let queue = try DatabaseQueue(path: binary.dataDirectory.appendingPathComponent("proeftuin.sqlite").path)
        try queue.write { try $0.execute(sql: "UPDATE session SET participants = '[]'") }
        try queue.close()
        let results = try binary.run(["session", "results", "1"])
        #expect(results.status == 1)
        #expect(results.stderr.contains("session 1: the stored participants '[]' cannot be read"), "\(results.stderr)")
        let doctor = try binary.run(["doctor"])
        #expect(doctor.stdout.contains("session 1: the stored participants '[]' cannot be read"))
    }

    // MARK: Injection

    /// A JSON export whose texts carry escape codes, formulas and bidirectional overrides.
    static func hostileExport(_ binary: Binary, title: String) throws -> String {
        try binary.run(["add", "Schoon"])
        try binary.run(["criteria", "create", "set"])
        try binary.run(["criteria", "add", "set", "impact", "--weight", "1"])
        try binary.run(["session", "new", "--set", "set", "--ideas", "1", "--participants", "Ann"])
        var text = try binary.run(["export", "--include-personal"]).stdout
        let escaped = String(decoding: try JSONEncoder().encode(title), as: UTF8.self)
        text = text.replacingOccurrences(of: "\"title\" : \"Schoon\"", with: "\"title\" : \(escaped)")
        text = text.replacingOccurrences(of: "\"setName\" : \"set\"", with: "\"setName\" : \(escaped)")
        text = text.replacingOccurrences(of: "\"theme\" : \"\"", with: "\"theme\" : \(escaped)")
        let file = binary.files.appendingPathComponent("vijandig.json")
        try text.write(to: file, atomically: true, encoding: .utf8)
        return file.path
    }

    @Test("Text from a JSON import reaches no terminal raw", arguments: [
        "=HYPERLINK(\"http://evil.example\";\"klik\")\u{1B}]0;gekaapt\u{07}",
        "\u{1B}[2J\u{1B}[31mrood\u{9B}1m\u{202E}gnirts",
        "+cmd|' /C calc'!A0\r\n@SUM(1)",
        "\t-2+3\u{1B}P+q\u{1B}\\",
    ])
    func hostileImportIsCleanedEverywhere(title: String) throws {
        let source = Binary()
        defer { source.cleanUp() }
        let file = try Self.hostileExport(source, title: title)
        let binary = Binary()
        defer { binary.cleanUp() }
        let imported = try binary.run(["import", file])
        // The import path belongs to the import validation; whatever it lets in, no output below may carry it raw.
        guard imported.status == 0 else {
            #expect(Self.isSafe(imported.stderr))
            return
        }
        for arguments in [["list"], ["list", "--format", "csv"], ["list", "--format", "json"], ["show", "1", "--format", "json"], ["export"],
                          ["history", "1", "--format", "json"], ["export", "--format", "csv"], ["export", "--format", "csv", "--csv-dialect", "excel-nl"],
                          ["session", "list"], ["show", "1"], ["history", "1"], ["criteria", "list"], ["session", "results", "1"],
                          ["session", "minutes", "1"], ["due"], ["report"], ["export", "--format", "md"]] {
            let output = try binary.run(arguments)
            #expect(Self.isSafe(output.stdout.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\t", with: " ")),
                    "\(arguments): \(output.stdout.debugDescription)")
            #expect(Self.isSafe(output.stderr), "\(arguments)")
            // JSON stays exact: there the sequence is written as \u001b escapes, harmless on a terminal; elsewhere it is gone.
            let json = arguments.contains("json") || arguments == ["export"]
            #expect(json || !output.stdout.contains("gekaapt"), "\(arguments)")
        }
        for dialect in ["rfc4180", "excel-nl"] {
            let csv = try binary.run(["export", "--format", "csv", "--csv-dialect", dialect]).stdout
            let separator = dialect == "excel-nl" ? ";" : ","
            for line in csv.split(separator: "\r\n").dropFirst() {
                for start in ["=", "+", "-", "@"] {
                    #expect(!line.contains("\(separator)\(start)") && !line.contains("\(separator)\"\(start)"), "\(dialect): \(line)")
                }
            }
        }
    }

    @Test func formulasAreNeutralisedInCSVWhileJSONStaysExact() throws {
        let binary = Binary()
        defer { binary.cleanUp() }
        try binary.run(["add", "=1+1", "--description", "@SUM(A1)", "--theme=-wijk", "--tag", "+x"])
        let csv = try binary.run(["export", "--format", "csv"]).stdout
        #expect(csv.contains("1,\"'=1+1\",\"'@SUM(A1)\",proposed,\"'-wijk\",\"'+x\","), "\(csv)")
        let excel = try binary.run(["export", "--format", "csv", "--csv-dialect", "excel-nl"]).stdout
        #expect(excel.contains("1;\"'=1+1\";\"'@SUM(A1)\";proposed;\"'-wijk\";\"'+x\";"), "\(excel)")
        #expect(try binary.run(["list", "--format", "csv"]).stdout.contains("1,\"'=1+1\",proposed,\"'-wijk\",\"'+x\","))
        let json = try binary.run(["export"]).stdout
        #expect(json.contains("\"title\" : \"=1+1\"") && json.contains("\"description\" : \"@SUM(A1)\""), "JSON stays exact")
    }

    @Test func errorMessagesNeverEchoFileContentsRaw() throws {
        let binary = Binary()
        defer { binary.cleanUp() }
        try binary.run(["add", "Sessie"])
        try binary.run(["move", "1", "experiment", "--reason", "r", "--hypothesis", "h", "--action", "a", "--metric", "m", "--success", "s",
                        "--owner", "o", "--review-date", "2027-01-01", "--budget", "500", "--max-duration", "6w", "--harm", "niemand", "--safeguard", "vrijwillig", "--stop-rule", "er klachten komen"])
        try binary.run(["criteria", "create", "set"])
        try binary.run(["criteria", "add", "set", "impact", "--weight", "1"])
        try binary.run(["session", "new", "--set", "set", "--ideas", "1", "--participants", "Ann"])
        let evil = "\u{1B}]0;gekaapt\u{07}\u{1B}[2J\u{9B}31m"
        let files: [(String, String, [String])] = [
            ("ideas.csv", "title,stage,source\nGoed,\(evil),x\n", ["import"]),
            ("scores.csv", "participant,idea,criterion,score\n\(evil),1,impact,3\nAnn,\(evil),impact,3\nAnn,1,\(evil),3\nAnn,1,impact,\(evil)\n",
             ["session", "import", "1"]),
            ("metingen.csv", "date,value,note\n\(evil),3,x\n2026-01-01,\(evil),y\n", ["measure", "import", "1"]),
            ("export.json", "{\"format\":\"proeftuin-export\",\"schema\":\"\(evil.replacingOccurrences(of: "\u{1B}", with: "\\u001b").replacingOccurrences(of: "\u{07}", with: "\\u0007"))\",\"includesPersonalData\":false,\"tables\":{}}",
             ["import"]),
        ]
        for (name, content, command) in files {
            let file = binary.files.appendingPathComponent(name)
            try content.write(to: file, atomically: true, encoding: .utf8)
            let refused = try binary.run(command + [file.path])
            #expect(refused.status != 0, "\(name)")
            #expect(Self.isSafe(refused.stderr), "\(name): \(refused.stderr.debugDescription)")
            #expect(!refused.stderr.contains("gekaapt"), "\(name)")
        }
        for argument in [["show", evil], ["criteria", "weights", "set", "--percent", evil], ["session", "new", "--set", "set", "--ideas", evil]] {
            let refused = try binary.run(argument)
            #expect(refused.status != 0)
            #expect(Self.isSafe(refused.stderr), "\(argument): \(refused.stderr.debugDescription)")
        }
    }

    @Test func configurationValuesAreCleanedWhereTheyEnterAndWhereTheyArePrinted() throws {
        let binary = Binary()
        defer { binary.cleanUp() }
        let config = binary.dataDirectory.appendingPathComponent("config/proeftuin")
        try FileManager.default.createDirectory(at: config, withIntermediateDirectories: true)
        try "name = \"Anne\\u001b]0;gekaapt\\u0007\\u001b[2J\"\nlanguage = \"nl\\u001b[31m\"\n"
            .write(to: config.appendingPathComponent("config.toml"), atomically: true, encoding: .utf8)
        try binary.run(["add", "Idee"])
        for arguments in [["info"], ["history", "1"], ["history", "1", "--format", "json"]] {
            let output = try binary.run(arguments)
            #expect(output.status == 0, "\(arguments)")
            #expect(Self.isSafe(output.stdout) && !output.stdout.contains("gekaapt"), "\(arguments): \(output.stdout.debugDescription)")
        }
        try "[keys]\nquit = \"\\u001b[2J\"\n".write(to: config.appendingPathComponent("config.toml"), atomically: true, encoding: .utf8)
        let refused = try binary.run(["info"])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("keys.quit must be a string such as"))
        try "stale-days = -5\n".write(to: config.appendingPathComponent("config.toml"), atomically: true, encoding: .utf8)
        let negative = try binary.run(["info"])
        #expect(negative.status != 0)
        #expect(negative.stderr.contains("stale-days must be a whole number of days from 0 to 36500"), "\(negative.stderr)")
    }

    // MARK: Validation

    @Test func mergeRefusesCyclesAndMergedTargets() throws {
        let binary = Binary()
        defer { binary.cleanUp() }
        for title in ["A", "B", "C"] { try binary.run(["add", title]) }
        #expect(try binary.run(["merge", "1", "--into", "2"]).status == 0)
        let cycle = try binary.run(["merge", "2", "--into", "1"])
        #expect(cycle.status == 1)
        #expect(cycle.stderr.contains("Idea #1 was itself merged into #2: merge into #2 instead"), "\(cycle.stderr)")
        #expect(try binary.run(["merge", "3", "--into", "1"]).status == 1)
        #expect(try binary.run(["merge", "1", "--into", "3"]).stderr.contains("already merged into #2"))
    }

    @Test func participantsAndScoresAreRefusedTwice() throws {
        let binary = Binary()
        defer { binary.cleanUp() }
        try binary.run(["add", "Idee"])
        try binary.run(["criteria", "create", "set"])
        try binary.run(["criteria", "add", "set", "impact", "--weight", "1"])
        for (participants, message) in [("Ann,Ann,Bob", "'Ann' already takes part in this session"), ("ann, Ánn", "already takes part in this session"),
                                        ("0", "'0' cannot be used as a number of participants: give a number from 1 to 50"),
                                        ("51", "'51' cannot be used as a number of participants"), ("-2", "'-2' cannot be used")] {
            let refused = try binary.run(["session", "new", "--set", "set", "--ideas", "1", "--participants=\(participants)"])
            #expect(refused.status == 1, "\(participants)")
            #expect(refused.stderr.contains(message), "\(participants): \(refused.stderr)")
        }
        #expect(try binary.run(["session", "new", "--set", "set", "--ideas", "1", "--participants", "Ann,Bob"]).stdout == "1\n")
        let file = binary.files.appendingPathComponent("scores.csv")
        try "participant,idea,criterion,score\nAnn,1,impact,3\nBob,1,impact,4\nann,#1,IMPACT,5\n".write(to: file, atomically: true, encoding: .utf8)
        let refused = try binary.run(["session", "import", "1", file.path])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("line 4: a second score by Ann for #1 on impact; line 2 already gives one"), "\(refused.stderr)")
        #expect(try binary.run(["session", "results", "1", "--format", "json"]).stdout.contains("\"complete\" : false"), "nothing was imported")
    }

    @Test func weightsAreFiniteNonNegativeAndWithinRange() throws {
        let binary = Binary()
        defer { binary.cleanUp() }
        try binary.run(["criteria", "create", "set"])
        try binary.run(["criteria", "add", "set", "impact", "--weight", "40"])
        try binary.run(["criteria", "add", "set", "kosten", "--weight", "60", "--cost"])
        let huge = String(repeating: "9", count: 300)
        for (arguments, message) in [
            (["criteria", "weights", "set", "--percent", "impact=\(huge),kosten=1"], "cannot be used as a weight: give a number from 0 to 1000000"),
            (["criteria", "weights", "set", "--percent", "impact=-5,kosten=105"], "'-5' cannot be used as a weight"),
            (["criteria", "weights", "set", "--percent", "impact=nan,kosten=1"], "'nan' is not a number"),
            (["criteria", "add", "set", "risico", "--weight", "inf"], "'inf' is not a number"),
            (["criteria", "add", "set", "risico", "--weight", huge], "cannot be used as a weight"),
            (["criteria", "add", "set", "risico", "--weight", "1", "--scale", "1-99999"], "cannot be used as the end of a scale"),
        ] {
            let refused = try binary.run(arguments)
            #expect(refused.status == 1, "\(arguments)")
            #expect(refused.stderr.contains(message), "\(arguments): \(refused.stderr)")
        }
        let shown = try binary.run(["criteria", "show", "set", "--format", "json"])
        #expect(shown.stdout.contains("\"weight\" : 40") && shown.stdout.contains("\"weight\" : 60"), "the set is unchanged")
    }

    @Test func ahpShapeErrorsCountRowsAndEntries() throws {
        let binary = Binary()
        defer { binary.cleanUp() }
        try binary.run(["criteria", "create", "set"])
        for name in ["a", "b", "c"] { try binary.run(["criteria", "add", "set", name, "--weight", "1"]) }
        for (matrix, message) in [
            ("1,3;1/3,1", "The pairwise matrix has 2 rows, but the set has 3 criteria: give 3 rows of 3 entries"),
            ("1,3,5;1/3,1;1/5,1/3,1", "row 2 has 2 entries, but there are 3 rows, so each row needs 3"),
            ("1,3,5;1/3,,3;1/5,1/3,1", "entry 2,2 is empty"),
            ("1,3,5000;1/3,1,3;1/5000,1/3,1", "'5000' cannot be used as an entry of the matrix"),
        ] {
            let refused = try binary.run(["criteria", "ahp", "set", "--matrix", matrix])
            #expect(refused.status == 1, "\(matrix)")
            #expect(refused.stderr.contains(message), "\(matrix): \(refused.stderr)")
        }
    }

    @Test func aDamagedDatabaseIsNamedWithoutItsBytes() throws {
        let binary = Binary()
        defer { binary.cleanUp() }
        try binary.run(["add", "Kostbaar"])
        let file = binary.dataDirectory.appendingPathComponent("proeftuin.sqlite")
        var bytes = try Data(contentsOf: file)
        var generator = SystemRandomNumberGenerator()
        for index in 100..<bytes.count { bytes[index] = UInt8.random(in: 0...255, using: &generator) }
        try bytes.write(to: file)
        for arguments in [["list"], ["doctor"], ["show", "1"], ["export"]] {
            let output = try binary.run(arguments)
            #expect(output.status != 0, "\(arguments)")
            #expect(Self.isSafe(output.stdout + output.stderr), "\(arguments): \((output.stdout + output.stderr).debugDescription)")
        }
    }

    @Test func aFullDiskIsNamedAsSuch() throws {
        let binary = Binary()
        defer { binary.cleanUp() }
        try binary.run(["add", "Eerste"])
        // Room for two more pages, not for a 95 KB description.
        try binary.run(["doctor"])  // checkpoints the WAL into the file, so its size counts every page
        let size = try FileManager.default.attributesOfItem(atPath: binary.dataDirectory.appendingPathComponent("proeftuin.sqlite").path)[.size] as? Int ?? 0
        let pages = String(size / 4096 + 2)
        let long = String(repeating: "lange omschrijving ", count: 5_000)
        for language in ["en", "nl"] {
            let full = try binary.run(["add", "Te groot", "--description", long, "--lang", language],
                                      environment: ["PROEFTUIN_TEST_MAX_PAGES": pages])
            #expect(full.status == 1)
            #expect(full.stderr.contains(language == "en" ? "is full: nothing was saved; free some space and try again"
                                                          : "is vol: er is niets opgeslagen"), "\(full.stderr)")
            #expect(!full.stderr.contains("not an error"))
        }
        #expect(try binary.run(["list"]).stdout.contains("Eerste"))
        #expect(!(try binary.run(["list"]).stdout.contains("Te groot")), "nothing was saved")
    }

    @Test func aTerminalThatCannotPlaceTheCursorIsRefused() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else { return }
        let binary = Binary()
        defer { binary.cleanUp() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-qec", "'\(Binary.url.path)' --data-dir '\(binary.dataDirectory.path)'", "/dev/null"]
        var environment = ProcessInfo.processInfo.environment
        environment["TERM"] = "dumb"
        environment["XDG_CONFIG_HOME"] = binary.files.path
        process.environment = environment
        let out = Pipe()
        process.standardOutput = out
        process.standardInput = Pipe()
        try process.run()
        let output = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 1, "\(output)")
        #expect(output.contains("The terminal type 'dumb' (TERM) cannot place the cursor"), "\(output)")
    }
}
