import Foundation
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
        #expect(refused.stderr.contains("line 4: the title is empty"))
        #expect(refused.stderr.contains("line 5: unknown stage 'klaar'"))
        #expect(refused.stderr.contains("line 6: unknown source 'alien'"))
        #expect(try binary.run(["list", "--format", "json"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "[\n\n]")
        let good = try write("\u{FEFF}title,description,theme,tags,stage,submitter\r\n\"Fietsmaatjes, samen\",\"twee\nregels\",Eenzaamheid,\"a, b\",experiment,Jan\r\nTaalcafé,,Werk,,,\r\n",
                             "good.csv", in: binary)
        let dry = try binary.run(["import", good, "--dry-run"])
        // A stage beyond proposed would skip its gate: the idea arrives as proposed, with a note.
        #expect(dry.stdout == "would import 2 ideas (2 proposed); nothing was changed\n")
        #expect(dry.stderr.contains("line 2: asked for stage experimenting; arrives as proposed"))
        #expect(try binary.run(["import", good]).stdout == "imported 2 ideas (2 proposed)\n")
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
        #expect(row(info.stdout, "actor", "Griffie Zuid"))
        #expect(row(info.stdout, "language", "nl"), "the config file wins over LANG")
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
