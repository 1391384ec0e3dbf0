import Foundation
import Testing

@Suite("CLI: safe-to-try bounds, case notes, the council report", .serialized)
struct LearningCLITests {
    @Test func theBoundsAreShownAndAnExperimentPastItsMaximumIsDue() throws {
        let binary = Binary()
        defer { binary.cleanUp() }
        try binary.run(["add", "Buurtkamer"])
        let refused = try binary.run(["move", "1", "experimenting", "--reason", "start", "--hypothesis", "h", "--action", "a", "--metric", "m",
                                      "--success", "s", "--owner", "o", "--review-date", "2027-06-01", "--budget", "veel", "--max-duration", "6w",
                                      "--harm", "niemand", "--safeguard", "vrijwillig", "--stop-rule", "klachten"])
        #expect(refused.status != 0)
        #expect(refused.stderr == "Error: 'veel' is not a budget: give an amount in euros, e.g. 2500 or € 2.500\n")
        #expect(try startExperiment(binary).status == 0)
        let shown = try binary.run(["show", "1", "--lang", "nl"]).stdout
        #expect(shown.contains("  Budgetplafond (€): € 500\n"))
        #expect(shown.contains("  Maximale duur: 6 weken (loopt tot "))
        #expect(shown.contains("  Wie kan schade lijden: niemand\n"))
        #expect(shown.contains("  Hoe we dat voorkomen: vrijwillig\n"))
        #expect(shown.contains("  We stoppen direct als: er klachten komen\n"))
        let due = try binary.run(["due", "--now", "2099-01-01", "--format", "json"])
        let result = try #require(try JSONSerialization.jsonObject(with: Data(due.stdout.utf8)) as? [String: [[String: Any]]])
        #expect(result["pastMaxDuration"]?.first?["kind"] as? String == "max-duration")
        #expect(result["pastMaxDuration"]?.first?["id"] as? Int == 1)
        let text = try binary.run(["due", "--now", "2099-01-01"]).stdout
        #expect(text.contains("past their maximum duration (1):\n"))
        #expect(try binary.run(["due", "--format", "json"]).stdout.contains("\"pastMaxDuration\" : [\n\n  ]"), "not yet today")
    }

    @Test func aCaseNoteWithPersonalDataIsRefusedUntilMasked() throws {
        let binary = Binary()
        defer { binary.cleanUp() }
        try binary.run(["add", "Schuldhulp", "--submitter", "Fatima El Amrani"])
        let text = "Mevrouw El Amrani belde met 06-12345678 vanaf 1234 AB 12"
        let refused = try binary.run(["case", "add", "1", "--text", text, "--lang", "nl"])
        #expect(refused.status != 0)
        #expect(refused.stderr == """
              naam: El Amrani → [naam]
              telefoonnummer: 06-12345678 → [telefoon]
              postcode en huisnummer: 1234 AB 12 → [adres]
            Fout: De casus bevat persoonsgegevens (naam, telefoonnummer, postcode en huisnummer): maskeer ze eerst; er is niets opgeslagen

            """)
        #expect(try binary.run(["case", "list"]).stdout == "No case notes.\n", "nothing was saved")
        let masked = try binary.run(["case", "add", "1", "--text", text, "--shows", "bellen werkt", "--date", "2026-11-02", "--mask",
                                     "--lang", "nl"])
        #expect(masked.status == 0, "\(masked.stderr)")
        #expect(masked.stdout == "Casus 1 toegevoegd aan #1\n")
        try binary.run(["case", "add", "1", "--text", "Publiceerbaar verhaal", "--date", "2026-11-03", "--publishable"])
        #expect(try binary.run(["case", "list", "1", "--lang", "nl"]).stdout == """
            2026-11-02 #1: Mevrouw [naam] belde met [telefoon] vanaf [adres]
                laat zien: bellen werkt
            2026-11-03 #1: Publiceerbaar verhaal · publiceerbaar

            """)
        let export = try binary.run(["export", "--format", "json"]).stdout
        #expect(export.contains("Publiceerbaar verhaal"))
        #expect(!export.contains("bellen werkt"), "a case note not marked publishable stays out of exports")
        #expect(!export.contains("Mevrouw"), "not even through the event log")
    }

    @Test func theCouncilReportIsDutchByDefaultAndRefusesPersonalData() throws {
        let binary = Binary()
        defer { binary.cleanUp() }
        try binary.run(["add", "Buurtkamer", "--theme", "Eenzaamheid", "--submitter", "Piet Jansen", "--source", "resident"])
        #expect(try startExperiment(binary).status == 0)
        let dutch = try binary.run(["report", "--for", "council", "--now", "2026-11-30"])
        #expect(dutch.status == 0, "\(dutch.stderr)")
        #expect(dutch.stdout.hasPrefix("# Rapportage voor de raad — wat we probeerden en leerden\n\nDatum: 2026-11-30\n"))
        #expect(dutch.stdout.contains("## Lokale opgave: Eenzaamheid\n"))
        #expect(dutch.stdout.contains("grenzen: hoogstens € 500, 6 weken; direct stoppen als er klachten komen."))
        #expect(!dutch.stdout.contains("Jansen"))
        let english = try binary.run(["report", "--for", "council", "--lang", "en", "--format", "html", "--now", "2026-11-30"])
        #expect(english.stdout.contains("<h2>Local challenge: Eenzaamheid</h2>"))
        let personal = try binary.run(["report", "--for", "council", "--include-personal"])
        #expect(personal.status != 0)
        #expect(personal.stderr.contains("leave out --include-personal"))
    }
}
