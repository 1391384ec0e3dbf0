import Foundation
import Testing

@Suite("CLI: one language per screen", .serialized)
struct OneLanguageCLITests {
    /// Two ideas: #1 experimenting (review 2026-12-31), #2 experimenting over the WIP limit (review 2027-01-05).
    func portfolio() throws -> Binary {
        let binary = Binary()
        try binary.run(["add", "Laat", "--theme", "Jeugd"])
        try binary.run(["add", "Straks", "--theme", "Wijk"])
        try binary.run(["wip", "set", "experimenting", "1"])
        _ = try startExperiment(binary)
        try binary.run(["move", "2", "experimenting", "--reason", "start", "--hypothesis", "h", "--action", "a", "--metric", "m",
                        "--success", "s", "--owner", "o", "--review-date", "2027-01-05", "--budget", "500", "--max-duration", "6w", "--harm", "niemand", "--safeguard", "vrijwillig", "--stop-rule", "er klachten komen", "--override", "subsidie loopt af"])
        return binary
    }

    @Test func dueInDutch() throws {
        let binary = try portfolio()
        defer { binary.cleanUp() }
        let due = try binary.run(["--lang", "nl", "due", "--within", "7", "--now", "2027-01-02"])
        #expect(due.stdout == """
            verlopen:
              2026-12-31  #1  Experiment  Laat
            binnenkort (7 dagen):
              2027-01-05  #2  Experiment  Straks

            """)
        let one = try binary.run(["--lang", "nl", "due", "--within", "1", "--now", "2026-12-01"])
        #expect(one.stdout == "verlopen:\n  —\nbinnenkort (1 dag):\n  —\n")
        let english = try binary.run(["due", "--within", "7", "--now", "2027-01-02"])
        #expect(english.stdout.hasPrefix("overdue:\n  2026-12-31  #1  Experimenting  Laat\nupcoming (7 days):\n"))
        let json = try binary.run(["--lang", "nl", "due", "--within", "7", "--now", "2027-01-02", "--format", "json"])
        #expect(json.stdout.contains("\"overdue\"") && json.stdout.contains("\"stage\" : \"experimenting\""), "JSON keeps English keys")
    }

    @Test func listInDutch() throws {
        let binary = try portfolio()
        defer { binary.cleanUp() }
        try binary.run(["add", "Nieuw"])
        let list = try binary.run(["list", "--lang", "nl"])
        #expect(list.stdout == """
            nr  fase         thema  titel
            #3  Voorgesteld         Nieuw
            #1  Experiment   Jeugd  Laat
            #2  Experiment   Wijk   Straks

            """)
        #expect(try binary.run(["list", "--lang", "nl", "--format", "csv"]).stdout.hasPrefix("id,title,stage,theme,"), "CSV keeps its keys")
    }

    @Test func anErrorInDutch() throws {
        let binary = try portfolio()
        defer { binary.cleanUp() }
        let refused = try binary.run(["--lang", "nl", "move", "3", "opschalen", "--reason", "snel"])
        #expect(refused.status != 0)
        #expect(refused.stdout.isEmpty)
        #expect(refused.stderr == "Fout: Er is geen idee #3: zoek het nummer op met 'proeftuin list'\n")
        let forbidden = try binary.run(["--lang", "nl", "move", "1", "voorgesteld", "--reason", "terug"])
        #expect(forbidden.stderr == "Fout: Kan niet van Experiment naar Voorgesteld; vanuit Experiment kan een idee naar: Leren, Gestopt\n")
    }

    @Test func decisionListInDutch() throws {
        let binary = try portfolio()
        defer { binary.cleanUp() }
        try binary.run(["decision", "new", "1", "--kind", "scale", "--proposal", "hele stad", "--responsible", "Sanne",
                        "--review-date", "2027-06-01"])
        try binary.run(["decision", "object", "1", "--who", "Financiën", "--text", "dekking"])
        #expect(try binary.run(["--lang", "nl", "decision", "judge", "1", "1", "--qualified"]).stdout == "bezwaar 1: overwegend\n")
        let list = try binary.run(["decision", "list", "--lang", "nl"])
        #expect(list.stdout == """
            nr  idee  soort      uitkomst  evaluatie   voorstel
            D1  #1    opschalen  open      2027-06-01  hele stad

            """)
        let shown = try binary.run(["decision", "show", "1", "--lang", "nl"])
        #expect(shown.stdout.contains("D1  opschalen #1  [open]\nVoorstel: hele stad\n"))
        #expect(shown.stdout.contains("  bezwaar 1 — Financiën: dekking [overwegend]"))
    }

    @Test func historyDemoNumbersAndPluralsInDutch() throws {
        let binary = try portfolio()
        defer { binary.cleanUp() }
        let history = try binary.run(["history", "2", "--lang", "nl"])
        #expect(history.stdout.contains("verplaatst  Voorgesteld → Experiment: start (over de WIP-grens: subsidie loopt af)"),
                "\(history.stdout)")
        let measured = try binary.run(["measure", "1", "--date", "2026-11-01", "--value", "9,5", "--lang", "nl"])
        #expect(measured.stdout == "#1 2026-11-01 9,5\n")
        #expect(try binary.run(["show", "1", "--lang", "nl"]).stdout.contains("  2026-11-01  9,5"))
        let file = binary.dataDirectory.appendingPathComponent("een.csv")
        try "2026-11-08,10\n".write(to: file, atomically: true, encoding: .utf8)
        #expect(try binary.run(["measure", "import", "1", file.path, "--lang", "nl"]).stdout == "1 meting geïmporteerd in #1\n")
        #expect(try binary.run(["edit", "1", "--title", "Later", "--lang", "nl"]).stdout == "#1 opgeslagen\n")
        #expect(try binary.run(["wip", "set", "learning", "4", "--lang", "nl"]).stdout == "Leren: 4 (zacht)\n")
        let other = Binary()
        defer { other.cleanUp() }
        #expect(try other.run(["demo", "--lang", "nl"]).stdout == "53 demo-ideeën toegevoegd aan \(other.dataDirectory.path)\n")
    }

    @Test func unusualDatesAreNamedInTheUsersLanguage() throws {
        let binary = try portfolio()
        defer { binary.cleanUp() }
        let past = try binary.run(["decision", "new", "1", "--kind", "continue", "--proposal", "p", "--responsible", "r",
                                   "--review-date", "2020-01-01", "--lang", "nl"])
        #expect(past.status == 0)
        #expect(past.stderr == "waarschuwing: de evaluatiedatum 2020-01-01 ligt in het verleden: klopt dat?\n")
        let future = try binary.run(["measure", "1", "--date", "2099-01-01", "--value", "3"])
        #expect(future.stderr == "warning: the measurement date 2099-01-01 is in the future: is that right?\n")
    }
}
