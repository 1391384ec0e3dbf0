import Foundation
import Testing

/// The inbox on the command line: adding, listing, triage, replies, the reply list, `due`, CSV import, lokale opgaven
/// and the council's values in the report.
@Suite("CLI: intake, replies and lokale opgaven", .serialized)
struct IntakeCLITests {
    /// A portfolio with one lokale opgave, an idea of the team's own and three from outside.
    func inbox(_ binary: Binary) throws {
        #expect(try binary.run(["opgave", "add", "Armoede en schulden", "--description", "Minder problematische schulden",
                                "--data-source", "Armoedemonitor"]).status == 0)
        #expect(try binary.run(["add", "Eigen idee", "--theme", "armoede en schulden"]).stdout == "1\n")
        #expect(try binary.run(["add", "Speelplek Oosterpark", "--inbox", "--source", "inwoner", "--received", "2026-11-03",
                                "--contact", "m.bakker@voorbeeld.nl"]).stdout == "2\n")
        #expect(try binary.run(["add", "Samen koken", "--inbox", "--source", "partner", "--received", "10-11-2026",
                                "--contact", "via Vluchtelingenwerk"]).stdout == "3\n")
        #expect(try binary.run(["add", "Meldapp", "--inbox", "--source", "inwoner", "--received", "2026-11-01"]).stdout == "4\n")
    }

    @Test func theInboxIsListedTriagedAndAnswered() throws {
        let binary = Binary()
        defer { binary.cleanUp() }
        try inbox(binary)
        #expect(try binary.run(["list", "--inbox"]).stdout == """
            id  stage     theme  title
            #2  Proposed         Speelplek Oosterpark
            #3  Proposed         Samen koken
            #4  Proposed         Meldapp

            """)
        let unknown = try binary.run(["accept", "2", "--theme", "Wijk", "--lang", "nl"])
        #expect(unknown.status != 0)
        #expect(unknown.stderr.contains("'Wijk' is geen van de lokale opgaven (thema's): kies uit Armoede en schulden"))
        #expect(try binary.run(["accept", "2", "--theme", "ARMOEDE EN SCHULDEN"]).stdout
            == "Accepted #2 onto the board (lokale opgave: Armoede en schulden)\n")
        let noReason = try binary.run(["decline", "4", "--reason", " "])
        #expect(noReason.status != 0 && noReason.stderr.contains("Declining an idea needs a reason"))
        #expect(try binary.run(["decline", "4", "--reason", "Er is al een meldapp"]).status == 0)
        #expect(try binary.run(["accept", "4", "--theme", "Armoede en schulden"]).stderr.contains("is not in the inbox (it is declined)"))
        #expect(try binary.run(["list", "--inbox"]).stdout.contains("#3  Proposed         Samen koken"))
        #expect(!(try binary.run(["list"]).stdout.contains("Meldapp")), "a declined idea leaves the board's listing")
        #expect(try binary.run(["list", "--declined", "--format", "csv"]).stdout.contains("4,Meldapp,proposed,"))
        #expect(try binary.run(["history", "4"]).stdout.contains("declined  Er is al een meldapp"))
        #expect(try binary.run(["reply", "2", "--sent", "--on", "2026-11-12"]).stdout == "Reply to #2 recorded as sent on 2026-11-12\n")

        // Owed first (earliest deadline first), then sent; no contacts unless asked.
        let text = try binary.run(["reply-list", "--now", "2026-11-20", "--lang", "nl"])
        #expect(text.stdout == """
            Nog te beantwoorden (2)
              nr  status       ontvangen   antwoord uiterlijk  verstuurd  titel
              #4  afgewezen    2026-11-01  2026-11-15 ⚠        —          Meldapp
              #3  in de inbox  2026-11-10  2026-11-24          —          Samen koken
            Beantwoord (1)
              nr  status      ontvangen   antwoord uiterlijk  verstuurd   titel
              #2  aangenomen  2026-11-03  2026-11-17          2026-11-12  Speelplek Oosterpark

            """)
        #expect(!text.stdout.contains("voorbeeld.nl"))
        let csv = try binary.run(["reply-list", "--now", "2026-11-20", "--format", "csv"])
        #expect(csv.stdout == """
            id,title,source,status,received,due,sent,overdue
            4,Meldapp,resident,declined,2026-11-01,2026-11-15,,yes
            3,Samen koken,partner,inbox,2026-11-10,2026-11-24,,no
            2,Speelplek Oosterpark,resident,accepted,2026-11-03,2026-11-17,2026-11-12,no

            """)
        let contacts = try binary.run(["reply-list", "--now", "2026-11-20", "--format", "csv", "--with-contacts"])
        #expect(contacts.stdout.split(separator: "\n").map(String.init) == [
            "id,title,source,status,received,due,sent,overdue,contact",
            "4,Meldapp,resident,declined,2026-11-01,2026-11-15,,yes,",
            "3,Samen koken,partner,inbox,2026-11-10,2026-11-24,,no,via Vluchtelingenwerk",
            "2,Speelplek Oosterpark,resident,accepted,2026-11-03,2026-11-17,2026-11-12,no,m.bakker@voorbeeld.nl",
        ])
    }

    @Test func triageDaysSetsTheDeadlineThatDueFlags() throws {
        let binary = Binary()
        defer { binary.cleanUp() }
        try inbox(binary)
        // With the default 14 days: #4 (1 Nov) was due on the 15th and #2 (3 Nov) on the 17th, both overdue on the 20th;
        // #3 (10 Nov) is due on the 24th.
        let due = try binary.run(["due", "--now", "2026-11-20"])
        #expect(due.stdout.hasSuffix("""
            inbox past its answer deadline (14 days):
              2026-11-15  #4  Meldapp
              2026-11-17  #2  Speelplek Oosterpark

            """))
        #expect(try binary.run(["due", "--now", "2026-11-15"]).stdout.contains("Inbox past") == false, "the due day is still on time")
        let config = binary.dataDirectory.appendingPathComponent("config/proeftuin")
        try FileManager.default.createDirectory(at: config, withIntermediateDirectories: true)
        try "triage-days = 7\n".write(to: config.appendingPathComponent("config.toml"), atomically: true, encoding: .utf8)
        // With 7 days: #2 (3 Nov) due 10 Nov, #4 (1 Nov) due 8 Nov, #3 (10 Nov) due 17 Nov: all three overdue.
        let late = try binary.run(["due", "--now", "2026-11-20", "--lang", "nl"])
        #expect(late.stdout.hasSuffix("""
            inbox over de antwoordtermijn (7 dagen):
              2026-11-08  #4  Meldapp
              2026-11-10  #2  Speelplek Oosterpark
              2026-11-17  #3  Samen koken

            """))
        let json = try binary.run(["due", "--now", "2026-11-20", "--format", "json"])
        #expect(json.stdout.contains("\"kind\" : \"triage\""))
        #expect(try binary.run(["info"]).stdout.contains("triage-days = 7"))
    }

    @Test func aFormToolsCSVLandsInTheInbox() throws {
        let binary = Binary()
        defer { binary.cleanUp() }
        let file = binary.files.appendingPathComponent("formulier.csv")
        try """
            titel;omschrijving;bron;contact;ontvangen
            Speelplek Oosterpark;Toegankelijk speeltoestel;inwoner;via wijkteam Oost;03-11-2026
            Repaircafé;Samen repareren;inwoner;;
            """.write(to: file, atomically: true, encoding: .utf8)
        #expect(try binary.run(["import", file.path]).status == 0)
        #expect(try binary.run(["list", "--inbox", "--format", "csv"]).stdout.split(separator: "\n").count == 3)
        let lines = try binary.run(["reply-list", "--format", "csv", "--with-contacts", "--now", "2026-11-04"]).stdout
        #expect(lines.contains("1,Speelplek Oosterpark,resident,inbox,2026-11-03,2026-11-17,,no,via wijkteam Oost"))
    }

    @Test func lokaleOpgavenAreManagedAndTheirNamesCarryOver() throws {
        let binary = Binary()
        defer { binary.cleanUp() }
        try inbox(binary)
        #expect(try binary.run(["theme", "list", "--lang", "nl"]).stdout == """
            lokale opgave        aantal  gegevensbron    omschrijving
            Armoede en schulden  1       Armoedemonitor  Minder problematische schulden

            """)
        let double = try binary.run(["opgave", "add", "armoede en schulden"])
        #expect(double.status != 0 && double.stderr.contains("The lokale opgave 'armoede en schulden' already exists"))
        let inUse = try binary.run(["opgave", "remove", "Armoede en schulden"])
        #expect(inUse.status != 0 && inUse.stderr.contains("Ideas still carry the lokale opgave 'Armoede en schulden' (1)"))
        #expect(try binary.run(["opgave", "edit", "armoede en schulden", "--rename", "Bestaanszekerheid"]).status == 0)
        #expect(try binary.run(["list", "--format", "csv"]).stdout.contains("1,Eigen idee,proposed,Bestaanszekerheid,"))
        let json = try binary.run(["opgave", "list", "--format", "json"]).stdout
        #expect(json.contains("\"name\" : \"Bestaanszekerheid\"") && json.contains("\"dataSource\" : \"Armoedemonitor\""))
    }

    @Test func theReportShowsHowIdeasScoreOnTheCouncilsValues() throws {
        let binary = Binary()
        defer { binary.cleanUp() }
        try inbox(binary)
        #expect(try binary.run(["criteria", "create", "waarden", "--values", "--lang", "nl"]).stdout
            == "criteriaset waarden aangemaakt\nwaarden is nu de set met de waarden van de raad\n")
        for name in ["eigen regie", "dichtbij"] {
            #expect(try binary.run(["criteria", "add", "waarden", name, "--weight", "1"]).status == 0)
        }
        #expect(try binary.run(["session", "new", "--set", "waarden", "--ideas", "1,2", "--participants", "Raad"]).stdout == "1\n")
        for (idea, scores) in [("1", ["5", "4"]), ("2", ["2", "3"])] {
            for (criterion, score) in zip(["eigen regie", "dichtbij"], scores) {
                #expect(try binary.run(["session", "score", "1", "--participant", "Raad", "--idea", idea, "--criterion", criterion,
                                        "--score", score]).status == 0)
            }
        }
        #expect(try binary.run(["session", "close", "1"]).status == 0)
        let report = try binary.run(["report", "--format", "md", "--now", "2026-11-30"]).stdout
        // Min-max per criterion over two ideas: #1 is best on both (score 100), #2 worst on both (0).
        #expect(report.contains("""
            ## The council's values

            How ideas and experiments score on the values in "waarden" (eigen regie, dichtbij), from the latest closed weighing session per idea; score 0–100, higher is closer to the values.

            | idea | stage | score | rank | session |
            | --- | --- | ---: | ---: | --- |
            | #1 Eigen idee | Proposed | 100 | 1 | S1 |
            | #2 Speelplek Oosterpark | Proposed | 0 | 2 | S1 |
            """))
    }

    @Test func forgetErasesAReplyContactThatNamesThePersonEverywhere() throws {
        let binary = Binary()
        defer { binary.cleanUp() }
        #expect(try binary.run(["add", "Speelplek", "--inbox", "--contact", "Piet Privé, 06-12345678"]).status == 0)
        #expect(try binary.run(["add", "Meldapp", "--inbox", "--contact", "via het KCC"]).status == 0)
        let json = binary.files.appendingPathComponent("export.json")
        #expect(try binary.run(["export", "--include-personal", "--output", json.path]).status == 0)
        #expect(try String(contentsOf: json, encoding: .utf8).contains("Piet Privé, 06-12345678"))
        #expect(!(try binary.run(["export", "--format", "json"]).stdout.contains("Piet")), "without --include-personal: no contacts")
        #expect(try binary.run(["forget", "--submitter", "piet prive"]).status == 0)
        let contacts = try binary.run(["reply-list", "--format", "csv", "--with-contacts"]).stdout
        #expect(!contacts.contains("Piet") && contacts.contains("via het KCC"))
        let rewritten = try String(contentsOf: json, encoding: .utf8)
        #expect(!rewritten.contains("Piet") && rewritten.contains("via het KCC"), "the export made with personal data is rewritten too")
    }
}
