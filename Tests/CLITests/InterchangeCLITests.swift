import AppCore
import Domain
import Foundation
import Storage
import Testing

@Suite("CLI: reports, interchange, privacy, configuration", .serialized)
struct InterchangeCLITests {
    func write(_ text: String, _ name: String, in binary: Binary) throws -> String {
        let url = binary.files.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    @Test func csvImportChecksEverythingFirst() throws {
        let binary = Binary()
        defer { binary.cleanUp() }
        let bad = try write("titel;omschrijving;fase;bron\nGoed idee;\"met ; puntkomma\nen regel\";voorgesteld;inwoner\n;leeg;;\nMeer;x;klaar;\nNog;y;;alien\n",
                            "bad.csv", in: binary)
        let refused = try binary.run(["import", bad])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("3 errors; nothing was imported"))
        #expect(refused.stderr.contains("line 4, title: the title is empty"))
        #expect(refused.stderr.contains("line 5, stage: unknown stage 'klaar'"))
        #expect(refused.stderr.contains("line 6, source: unknown source 'alien'"))
        #expect(try binary.run(["list", "--format", "json"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "[\n\n]")
        let good = try write("\u{FEFF}title,description,theme,tags,stage,submitter\r\n\"Fietsmaatjes, samen\",\"twee\nregels\",Eenzaamheid,\"a, b\",experiment,Jan\r\nTaalcafé,,Werk,,,\r\n",
                             "good.csv", in: binary)
        let dry = try binary.run(["import", good, "--dry-run"])
        // A stage beyond proposed would skip its gate: the idea arrives as proposed, with a note.
        #expect(dry.stdout == "would import 2 ideas (1 proposed, 1 in the inbox); nothing was changed\n")
        #expect(dry.stderr.contains("line 2: asked for stage experimenting; arrives as proposed"))
        #expect(try binary.run(["import", good]).stdout == "imported 2 ideas (1 proposed, 1 in the inbox)\n")
        #expect(try binary.run(["history", "1", "--format", "json"]).stdout.contains("the file asked for experimenting; imported as proposed"))
        let shown = try binary.run(["show", "1", "--format", "json", "--include-personal"])
        #expect(shown.stdout.contains("\"title\" : \"Fietsmaatjes, samen\""))
        #expect(shown.stdout.contains("\"description\" : \"twee\\nregels\""))
        #expect(shown.stdout.contains("\"submitter\" : \"Jan\""))
        let again = try binary.run(["import", good, "--dry-run"])
        #expect(again.stderr.contains("likely duplicate of #1"))
    }

    @Test func jsonExportImportRoundTrip() throws {
        let binary = Binary()
        defer { binary.cleanUp() }
        try binary.run(["demo"])
        let first = try binary.run(["export", "--format", "json", "--include-personal"])
        let file = try write(first.stdout, "export.json", in: binary)
        let target = Binary()
        defer { target.cleanUp() }
        #expect(try target.run(["import", file]).status == 0)
        #expect(try target.run(["export", "--format", "json", "--include-personal"]).stdout == first.stdout)
        let refused = try target.run(["import", file])
        #expect(refused.stderr.contains("already holds data"))
    }

    /// The demo portfolio's JSON export, as text.
    func demoExport() throws -> String {
        let source = Binary()
        defer { source.cleanUp() }
        try source.run(["demo"])
        return try source.run(["export", "--format", "json", "--include-personal"]).stdout
    }

    /// Ideas and events in a data directory, as `info` counts them.
    func counts(_ binary: Binary) throws -> [String] {
        try binary.run(["info"]).stdout.split(separator: "\n").filter { $0.hasPrefix("ideas ") || $0.hasPrefix("events ") }.map(String.init)
    }

    @Test func anEditedExportIsRefusedWithEveryProblemNamedAndNothingImported() throws {
        var export = try JSONSerialization.jsonObject(with: Data(try demoExport().utf8)) as! [String: Any]
        var tables = export["tables"] as! [String: [[String: Any]]]
        tables["idea"]![0]["stage"] = "klaar\u{1B}[31m"
        tables["idea"]![1]["title"] = String(repeating: "x", count: 300)
        tables["idea"]![2]["reviewDate"] = "31-02-2027"
        tables["measurement"]![0]["value"] = "BIG"
        tables["measurement"]![1]["value"] = "NaN"
        tables["decision"]![0]["ideaId"] = 4_444
        export["tables"] = tables
        let text = String(decoding: try JSONSerialization.data(withJSONObject: export, options: [.sortedKeys]), as: UTF8.self)
            .replacingOccurrences(of: "\"BIG\"", with: "1e400")
        let target = Binary()
        defer { target.cleanUp() }
        let file = try write(text, "edited.json", in: target)
        let before = try counts(target)
        for arguments in [["import", file, "--dry-run"], ["import", file]] {
            let refused = try target.run(arguments)
            #expect(refused.status != 0)
            #expect(refused.stderr.contains("has 6 errors; nothing was imported"))
            #expect(refused.stderr.contains("idea record 1 (id 1), stage: unknown stage 'klaar': use proposed"))
            #expect(refused.stderr.contains("idea record 2 (id 2), title: the title is longer than 200 characters"))
            #expect(refused.stderr.contains("idea record 3 (id 3), reviewDate: '31-02-2027' is not a date: use YYYY-MM-DD"))
            #expect(refused.stderr.contains("measurement record 1 (id 1), value: the number is too large or too small to store"))
            #expect(refused.stderr.contains("measurement record 2 (id 2), value: expected a number, found 'NaN'"))
            #expect(refused.stderr.contains("decision record 1 (id 1), ideaId: there is no idea 4444 in the file"))
            #expect(!refused.stderr.contains("\u{1B}"), "escape codes from the file never reach the terminal")
            #expect(!refused.stderr.contains("Fatal error"))
        }
        #expect(try counts(target) == before)
        #expect(before == ["ideas            0", "events           0"])
    }

    @Test func csvAndJSONNameTheSameRowProblemInTheSameWords() throws {
        let long = String(repeating: "x", count: 300)
        let target = Binary()
        defer { target.cleanUp() }
        let csv = try target.run(["import", try write("title,stage,source\n\(long),klaar,alien\n", "rows.csv", in: target)])
        var export = try JSONSerialization.jsonObject(with: Data(try demoExport().utf8)) as! [String: Any]
        var tables = export["tables"] as! [String: [[String: Any]]]
        tables["idea"]![0]["title"] = long
        tables["idea"]![0]["stage"] = "klaar"
        tables["idea"]![0]["source"] = "alien"
        export["tables"] = tables
        let json = try target.run(["import", try write(String(decoding: try JSONSerialization.data(withJSONObject: export), as: UTF8.self),
                                                       "edited.json", in: target)])
        /// The problems after their location: `title: …`, `stage: …`.
        func reasons(_ stderr: String, after location: String) -> [String] {
            stderr.split(separator: "\n").compactMap { line in
                line.range(of: location + ", ").map { String(line[$0.upperBound...]) }
            }
        }
        let fromCSV = reasons(csv.stderr, after: "line 2")
        #expect(fromCSV.count == 3)
        #expect(fromCSV == reasons(json.stderr, after: "idea record 1 (id 1)"))
        #expect(try counts(target) == ["ideas            0", "events           0"])
    }

    @Test func duplicatesWithinOneCSVFileAreReported() throws {
        let binary = Binary()
        defer { binary.cleanUp() }
        try binary.run(["add", "Energiecoaches voor huurders"])
        let file = try write("title\nSchuldhulp aan de keukentafel\nGratis schoolontbijt\nSchuldhulp aan keukentafel thuis\nEnergiecoach voor huurders\n",
                             "rows.csv", in: binary)
        let imported = try binary.run(["import", file])
        #expect(imported.status == 0)
        let warnings = imported.stderr.split(separator: "\n").map(String.init)
        let inFile = Similarity.of("Schuldhulp aan keukentafel thuis", "Schuldhulp aan de keukentafel")
        let stored = Similarity.of("Energiecoach voor huurders", "Energiecoaches voor huurders")
        #expect(warnings == [
            "warning: line 4: likely duplicate of line 2 'Schuldhulp aan de keukentafel' (similarity \(String(format: "%.2f", inFile))) in the same file",
            "warning: line 5: likely duplicate of #1 'Energiecoaches voor huurders' (similarity \(String(format: "%.2f", stored))); merge with 'proeftuin merge'",
        ])
    }

    @Test func boardAndCommandLineReportTheSameDuplicates() throws {
        let binary = Binary()
        defer { binary.cleanUp() }
        for title in ["Schuldhulp aan de keukentafel", "Energiecoaches voor huurders", "Keukentafelgesprekken over schulden",
                      "Schuldhulp thuis aan tafel", "Buurtkamer met open tafel", "Schuldhulp aan de keukentafel in de wijk"] {
            try binary.run(["add", title])
        }
        let database = try AppDatabase.open(DataDirectory(url: binary.dataDirectory), actor: "test")
        var state = AppState(language: .en, size: Size(width: 120, height: 35))
        state.setCards(try database.summaries())
        for query in ["Schuldhulp aan keukentafel", "Energiecoach huurders", "Open buurtkamer", "Schuldhulp keukentafel thuis"] {
            let board = state.likelyDuplicates(of: query).map(\.id.description)
            let added = try binary.run(["add", query])
            let cli = added.stderr.split(separator: "\n").compactMap { line in
                line.range(of: "likely duplicate of ").map { String(line[$0.upperBound...].prefix { $0 != " " }) }
            }
            #expect(cli == board, "\(query)")
            #expect(!board.isEmpty || query == "Open buurtkamer", "\(query)")
            state.setCards(try database.summaries())
        }
    }

    @Test func excelDialectCSV() throws {
        let binary = Binary()
        defer { binary.cleanUp() }
        try binary.run(["add", "Eén; twee", "--description", "met \"quotes\"", "--submitter", "Geheim"])
        let excel = try binary.run(["export", "--format", "csv", "--csv-dialect", "excel-nl"])
        #expect(excel.stdout.hasPrefix("\u{FEFF}id;title;description;stage;theme;tags;source;position;reviewDate;cycle;createdAt;updatedAt\r\n"))
        #expect(excel.stdout.contains("1;\"Eén; twee\";\"met \"\"quotes\"\"\";proposed;"))
        #expect(!excel.stdout.contains("Geheim"))
        let rfc = try binary.run(["export", "--format", "csv", "--include-personal"])
        #expect(rfc.stdout.hasPrefix("id,title,description,stage,theme,tags,source,submitter,"))
        #expect(rfc.stdout.contains("Geheim"))
    }

    @Test func exportsAreAtomicAndNeverOverwriteWithoutForce() throws {
        let binary = Binary()
        defer { binary.cleanUp() }
        try binary.run(["add", "Idee"])
        let path = try write("keep me", "report.md", in: binary)
        let refused = try binary.run(["report", "--output", path])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("exists: add --force"))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "keep me")
        #expect(try binary.run(["report", "--output", path, "--force", "--now", "2026-11-30"]).status == 0)
        #expect(try String(contentsOfFile: path, encoding: .utf8).hasPrefix("# Portfolio report\n\nDate: 2026-11-30"))
        let html = try binary.run(["report", "--format", "html", "--now", "2026-11-30", "--lang", "nl"])
        #expect(html.stdout.hasPrefix("<!DOCTYPE html>\n<html lang=\"nl\">"))
    }

    @Test func bsnAndDuplicateWarningsOnAdd() throws {
        let binary = Binary()
        defer { binary.cleanUp() }
        try binary.run(["add", "Schuldhulp aan de keukentafel"])
        let added = try binary.run(["add", "Schuldhulp aan de keukentafel thuis", "--description", "klant 111222333 belde"])
        #expect(added.status == 0)
        #expect(added.stderr.contains("likely duplicate of #1"))
        #expect(added.stderr.contains("'111222333' looks like a citizen service number (BSN)"))
        let edited = try binary.run(["edit", "1", "--description", "bsn 123456782"])
        #expect(edited.stderr.contains("'123456782' looks like a citizen service number"))
        #expect(try binary.run(["merge", "2", "--into", "1"]).stdout == "#2 merged into #1\n")
        #expect(try binary.run(["show", "2", "--format", "json"]).stdout.contains("\"stopCategory\" : \"merged\""))
    }

    @Test func forgetReportsCounts() throws {
        let binary = Binary()
        defer { binary.cleanUp() }
        try binary.run(["add", "Bankje", "--submitter", "Henk de Vries"])
        try binary.run(["add", "Idee van Henk de Vries", "--submitter", "Henk de Vries"])
        let forgotten = try binary.run(["forget", "--submitter", "Henk de Vries"])
        #expect(forgotten.stdout.contains("erased from 2 ideas and 2 event-log records"))
        #expect(forgotten.stdout.contains("#2  Idee van Henk de Vries"))
        #expect(!(try binary.run(["show", "1", "--format", "json"]).stdout.contains("Henk")))
    }

    @Test func configurationIsReadAndShown() throws {
        let binary = Binary()
        defer { binary.cleanUp() }
        let config = binary.dataDirectory.appendingPathComponent("config/proeftuin")
        try FileManager.default.createDirectory(at: config, withIntermediateDirectories: true)
        try "name = \"Griffie Zuid\"\nlanguage = \"nl\"\nstale-days = 14\n[wip]\nexperimenting = 2\nhard = [\"experimenting\"]\n[keys]\nquit = \"Q\"\n"
            .write(to: config.appendingPathComponent("config.toml"), atomically: true, encoding: .utf8)
        let info = try binary.run(["info"], environment: ["LANG": "en_US.UTF-8"])
        func row(_ text: String, _ label: String, _ value: String) -> Bool {
            text.split(separator: "\n").contains { $0.hasPrefix(label + " ") && $0.hasSuffix(" " + value) }
        }
        #expect(row(info.stdout, "gebruiker", "Griffie Zuid"), "in Dutch, as configured")
        #expect(row(info.stdout, "taal", "nl"), "the config file wins over LANG")
        #expect(row(info.stdout, "  config", "wip.experimenting = 2 (hard)"))
        #expect(row(info.stdout, "  config", "keys.quit = Q"))
        #expect(row(try binary.run(["info", "--lang", "en"]).stdout, "language", "en"), "the flag wins over the config file")
        let wip = try binary.run(["wip", "show", "--format", "json"])
        #expect(wip.stdout.contains("\"hard\" : true"))
        try "[keys]\nquit = \"n\"\n".write(to: config.appendingPathComponent("config.toml"), atomically: true, encoding: .utf8)
        let collision = try binary.run([], environment: ["TERM": "xterm"])
        #expect(collision.status != 0)
        #expect(collision.stderr.contains("the key n would do two things on the board (new and quit)"))
    }
}
