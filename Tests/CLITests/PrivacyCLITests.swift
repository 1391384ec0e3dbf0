import Foundation
import Testing

/// Erasure that reaches every copy, personal data opt-in on every output, BSN warnings on every free-text field.
@Suite("Hardening: privacy", .serialized)
struct PrivacyCLITests {
    /// The files under a folder whose bytes hold the text.
    static func filesHolding(_ text: String, under folder: URL) throws -> [String] {
        var found: [String] = []
        let walker = FileManager.default.enumerator(atPath: folder.path)
        while let name = walker?.nextObject() as? String {
            let url = folder.appendingPathComponent(name)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            if try Data(contentsOf: url).range(of: Data(text.utf8)) != nil { found.append(name) }
        }
        return found
    }

    @Test func forgetReachesBackupsCopiesFilesSetAsideAndLeftovers() throws {
        let binary = Binary()
        defer { binary.cleanUp() }
        let name = "Ĳsbrand \"de Bakker\" / van \\ Ōmen"
        try binary.run(["add", "Bankje", "--submitter", name])
        try binary.run(["backup"])
        let outside = binary.files.appendingPathComponent("handmatig.sqlite")
        #expect(try binary.run(["backup", "--output", outside.path]).status == 0)
        try binary.run(["backup", "--output", binary.dataDirectory.appendingPathComponent("backups/extra.sqlite").path])
        // A damaged database set aside by doctor, whose name was in it too: the restore keeps it beside the new one.
        #expect(try binary.run(["doctor", "--restore"]).status == 0)
        let backups = binary.dataDirectory.appendingPathComponent("backups")
        try Data("cut short: Ōmen".utf8).write(to: backups.appendingPathComponent(".proeftuin-x.sqlite.4242.partial"))
        #expect(try Self.filesHolding("Ōmen", under: binary.dataDirectory).count >= 4)

        let forgotten = try binary.run(["forget", "--submitter", "ijsbrand \"DE BAKKER\" / VAN \\ omen"])
        #expect(forgotten.status == 0, "\(forgotten.stderr)")
        #expect(forgotten.stdout.contains("erased from 1 idea"))
        #expect(forgotten.stdout.contains("also erased from 4 copies"))
        #expect(forgotten.stdout.contains("removed 1 left-over files"))
        #expect(try Self.filesHolding("Ōmen", under: binary.dataDirectory).isEmpty)
        #expect(try Self.filesHolding("Ōmen", under: binary.files).isEmpty)
    }

    @Test func copiesThatCannotBeRewrittenAreListedAndDeletedOnRequest() throws {
        let binary = Binary()
        defer { binary.cleanUp() }
        try binary.run(["add", "Bankje", "--submitter", "Ann Geheim"])
        let moved = binary.files.appendingPathComponent("verplaatst.sqlite")
        try binary.run(["backup", "--output", moved.path])
        try FileManager.default.removeItem(at: moved)
        let damaged = binary.dataDirectory.appendingPathComponent("proeftuin.sqlite.damaged-2026-01-01T000000")
        try (Data("SQLite format 3\0".utf8) + Data("Ann Geheim".utf8) + Data(repeating: 0x55, count: 4096)).write(to: damaged)

        let listed = try binary.run(["forget", "--submitter", "ann geheim"])
        #expect(listed.status != 0, "copies that may still hold the name are an error to act on")
        #expect(listed.stdout.contains("these copies could not be rewritten and may still hold the name:"))
        #expect(listed.stdout.contains("\(damaged.path)  (damaged)"))
        #expect(listed.stdout.contains("\(moved.path)  (not found: if it was moved, delete or erase it there)"))
        #expect(listed.stderr.contains("2 copies may still hold the name: delete them with --delete-unrewritable-copies"))
        #expect(FileManager.default.fileExists(atPath: damaged.path))

        let deleted = try binary.run(["forget", "--submitter", "Ann Geheim", "--delete-unrewritable-copies", "--lang", "nl"])
        #expect(deleted.status == 0, "\(deleted.stderr)")
        #expect(deleted.stdout.contains("2 kopieën verwijderd"))
        #expect(!FileManager.default.fileExists(atPath: damaged.path))
        #expect(try Self.filesHolding("Geheim", under: binary.dataDirectory).isEmpty)
        #expect(try binary.run(["forget", "--submitter", "Ann Geheim"]).status == 0, "nothing is left to list")
    }

    @Test func exportsWithPersonalDataAreRewrittenOrOfferedForDeletion() throws {
        let binary = Binary()
        defer { binary.cleanUp() }
        try binary.run(["add", "Bankje", "--submitter", "Wim Wisbaar"])
        let json = binary.files.appendingPathComponent("alles.json")
        let csv = binary.files.appendingPathComponent("ideeen.csv")
        let plain = binary.files.appendingPathComponent("zonder.csv")
        #expect(try binary.run(["export", "--include-personal", "--output", json.path]).status == 0)
        #expect(try binary.run(["export", "--format", "csv", "--include-personal", "--output", csv.path]).status == 0)
        #expect(try binary.run(["export", "--format", "csv", "--output", plain.path]).status == 0)
        let listed = try binary.run(["forget", "--submitter", "wim wisbaar"])
        #expect(listed.stdout.contains("also erased from 1 copies"), "the JSON export is rewritten")
        #expect(listed.stdout.contains("\(csv.path)  (a CSV export or a report: delete it, or remove the name by hand)"))
        #expect(!listed.stdout.contains(plain.path), "an export without personal data is no copy of it")
        #expect(try Self.filesHolding("Wisbaar", under: binary.files) == ["ideeen.csv"])
        let target = Binary()
        defer { target.cleanUp() }
        #expect(try target.run(["import", json.path]).status == 0, "the rewritten export still imports")
        #expect(try binary.run(["forget", "--submitter", "Wim Wisbaar", "--delete-unrewritable-copies"]).status == 0)
        #expect(try Self.filesHolding("Wisbaar", under: binary.files).isEmpty)
        #expect(FileManager.default.fileExists(atPath: plain.path))
    }

    @Test func personalDataIsOptInOnEveryOutput() throws {
        let binary = Binary()
        defer { binary.cleanUp() }
        try binary.run(["add", "Bankje", "--submitter", "Piet Privé"])
        try binary.run(["edit", "1", "--title", "Bankje bij de bieb"])
        for arguments in [["show", "1"], ["show", "1", "--format", "json"], ["history", "1", "--format", "json"], ["history", "1"],
                          ["list", "--format", "json"], ["list", "--format", "csv"], ["export", "--format", "csv"], ["export"],
                          ["export", "--format", "md"], ["report"]] {
            let output = try binary.run(arguments)
            #expect(output.status == 0, "\(arguments)")
            #expect(!output.stdout.contains("Piet"), "\(arguments) shows the submitter without --include-personal")
        }
        #expect(try binary.run(["show", "1"]).stdout.contains("(personal data: add --include-personal)"))
        for arguments in [["show", "1"], ["show", "1", "--format", "json"], ["history", "1", "--format", "json"]] {
            #expect(try binary.run(arguments + ["--include-personal"]).stdout.contains("Piet Privé"), "\(arguments)")
        }
    }

    @Test func bsnWarningsCoverEveryFreeTextField() throws {
        let binary = Binary()
        defer { binary.cleanUp() }
        let bsn = "111222333"
        func warns(_ arguments: [String]) throws {
            let result = try binary.run(arguments)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            #expect(result.stderr.contains("'\(bsn)' looks like a citizen service number (BSN)"), "\(arguments)")
        }
        try warns(["add", "Bankje", "--theme", "wijk \(bsn)"])
        try warns(["add", "Bankje twee", "--tag", bsn])
        try warns(["add", "Bankje drie", "--submitter", "Jan \(bsn)"])
        try warns(["edit", "1", "--theme", "nummer \(bsn)"])
        try warns(["move", "1", "experiment", "--reason", "belde \(bsn)", "--hypothesis", "h", "--action", "a", "--metric", "m",
                   "--success", "minstens 3", "--owner", "o", "--review-date", "2027-01-01", "--budget", "500", "--max-duration", "6w", "--harm", "niemand", "--safeguard", "vrijwillig", "--stop-rule", "er klachten komen"])
        try warns(["measure", "1", "--date", "2026-12-01", "--value", "3", "--note", "van \(bsn)"])
        try warns(["decision", "new", "1", "--kind", "scale", "--proposal", "voor \(bsn)", "--responsible", "r", "--review-date", "2027-02-01"])
        try warns(["decision", "object", "1", "--who", "w", "--text", "bezwaar \(bsn)"])
        try warns(["decision", "concern", "1", "--who", "w \(bsn)", "--text", "zorg"])
        try binary.run(["criteria", "create", "s"])
        try warns(["criteria", "add", "s", "impact", "--weight", "1", "--description", "zie \(bsn)"])
        try warns(["session", "new", "--set", "s", "--ideas", "1", "--participants", "Ann \(bsn),Bob"])
        let csv = binary.files.appendingPathComponent("rijen.csv")
        try "title,theme,tags,submitter\nBankje vier,,,\nBankje vijf,,\"a, \(bsn)\",\n".write(to: csv, atomically: true, encoding: .utf8)
        let imported = try binary.run(["import", csv.path])
        #expect(imported.stderr.contains("line 3: '\(bsn)' looks like a citizen service number"))
    }
}
