import Foundation
import Testing

@Suite("CLI: errors in the user's language", .serialized)
struct LanguageCLITests {
    func expectCleanFailure(_ result: Run) {
        #expect(result.status != 0)
        #expect(result.stdout.isEmpty)
        #expect(!result.stderr.contains("Fatal error") && !result.stderr.contains("Backtrace"))
    }

    @Test func domainErrorInDutch() throws {
        let binary = Binary()
        defer { binary.cleanUp() }
        let result = try binary.run(["--lang", "nl", "show", "99"])
        expectCleanFailure(result)
        #expect(result.stderr == "Fout: Er is geen idee #99: zoek het nummer op met 'proeftuin list'\n")
    }

    @Test func domainErrorInEnglish() throws {
        let binary = Binary()
        defer { binary.cleanUp() }
        let result = try binary.run(["show", "99"])
        expectCleanFailure(result)
        #expect(result.stderr == "Error: There is no idea #99: check the id with 'proeftuin list'\n")
    }

    @Test func languageComesFromTheConfigurationAndTheEnvironmentLikeForCommands() throws {
        let binary = Binary()
        defer { binary.cleanUp() }
        let dutch = "Fout: Er is geen idee #99: zoek het nummer op met 'proeftuin list'\n"
        #expect(try binary.run(["show", "99"], environment: ["LANG": "nl_NL.UTF-8"]).stderr == dutch)
        #expect(try binary.run(["show", "99"], environment: ["LC_ALL": "en_GB.UTF-8", "LANG": "nl_NL.UTF-8"]).stderr.hasPrefix("Error: "))
        let config = binary.dataDirectory.appendingPathComponent("config/proeftuin")
        try FileManager.default.createDirectory(at: config, withIntermediateDirectories: true)
        try "language = \"nl\"\n".write(to: config.appendingPathComponent("config.toml"), atomically: true, encoding: .utf8)
        #expect(try binary.run(["show", "99"]).stderr == dutch)
        #expect(try binary.run(["show", "99", "--lang", "en"]).stderr.hasPrefix("Error: There is no idea #99"))
    }

    @Test func storageErrorInDutch() throws {
        let binary = Binary()
        defer { binary.cleanUp() }
        try FileManager.default.createDirectory(at: binary.dataDirectory, withIntermediateDirectories: true)
        let file = binary.dataDirectory.appendingPathComponent("proeftuin.sqlite")
        let garbage = Data(repeating: 0x42, count: 4096)
        try garbage.write(to: file)
        let result = try binary.run(["list", "--lang", "nl"])
        expectCleanFailure(result)
        #expect(result.stderr.hasPrefix("Fout: De database in \(binary.dataDirectory.path) is beschadigd ("), "\(result.stderr)")
        #expect(result.stderr.hasSuffix("er is niets gewijzigd. Zet een back-up terug uit de map backups, of zet het bestand opzij om opnieuw te beginnen\n"))
        #expect(try Data(contentsOf: file) == garbage)
        let english = try binary.run(["list"])
        #expect(english.stderr.hasPrefix("Error: The database in \(binary.dataDirectory.path) is damaged ("), "\(english.stderr)")
    }

    @Test func demoRefusalInDutch() throws {
        let binary = Binary()
        defer { binary.cleanUp() }
        try binary.run(["demo"])
        let again = try binary.run(["demo", "--lang", "nl"])
        #expect(again.status != 0)
        #expect(again.stderr == "Fout: De gegevensmap \(binary.dataDirectory.path) bevat al een portfolio: "
            + "gebruik --force om de demo eraan toe te voegen, of kies een lege map\n")
    }

    @Test func fileErrorsInDutchWithTheFileNameCleaned() throws {
        let binary = Binary()
        defer { binary.cleanUp() }
        try binary.run(["add", "Buurtkamer"])
        let hostile = binary.dataDirectory.appendingPathComponent("metingen\u{1B}[2J\u{7}.csv").path
        let missing = try binary.run(["measure", "import", "1", hostile, "--lang", "nl"])
        expectCleanFailure(missing)
        #expect(missing.stderr == "Fout: \(binary.dataDirectory.path)/metingen.csv bestaat niet\n")
        let bad = binary.dataDirectory.appendingPathComponent("metingen.csv")
        try "date,value\nveel\n".write(to: bad, atomically: true, encoding: .utf8)
        let refused = try binary.run(["measure", "import", "1", bad.path, "--lang", "nl"])
        #expect(refused.stderr.hasPrefix("Fout: \(bad.path) bevat 1 fout; er is niets geïmporteerd:\n  line 2: "), "\(refused.stderr)")
    }

    @Test func usageErrorsStayArgumentParsers() throws {
        let binary = Binary()
        defer { binary.cleanUp() }
        let result = try binary.run(["--lang", "nl", "show"])
        #expect(result.status != 0)
        #expect(result.stderr.hasPrefix("Error: Missing expected argument '<id>'"))
        #expect(result.stderr.contains("Usage: proeftuin show"))
    }
}
