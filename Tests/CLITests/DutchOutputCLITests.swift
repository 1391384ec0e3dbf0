import Foundation
import Testing

/// Every human-readable line of the criteria, session, import, merge, forget, doctor and backup commands follows
/// `--lang` and the configured language; JSON keeps its English keys.
@Suite("CLI: Dutch output of the weighing, interchange and maintenance commands", .serialized)
struct DutchOutputCLITests {
    /// A data directory whose configuration file chooses Dutch.
    func dutchByConfiguration() throws -> Binary {
        let binary = Binary()
        let config = binary.dataDirectory.appendingPathComponent("config/proeftuin")
        try FileManager.default.createDirectory(at: config, withIntermediateDirectories: true)
        try "language = \"nl\"\n".write(to: config.appendingPathComponent("config.toml"), atomically: true, encoding: .utf8)
        return binary
    }

    @Test func criteriaCommandsSpeakDutch() throws {
        let binary = try dutchByConfiguration()
        defer { binary.cleanUp() }
        #expect(try binary.run(["criteria", "create", "wijk"]).stdout == "criteriaset wijk aangemaakt\n")
        #expect(try binary.run(["criteria", "add", "wijk", "impact", "--weight", "2,5"]).stdout == "wijk v2: 1 criterium\n")
        #expect(try binary.run(["criteria", "add", "wijk", "kosten", "--weight", "1,5", "--cost", "--veto", "4"]).stdout
            == "wijk v3: 2 criteria\n")
        let shown = try binary.run(["criteria", "show", "wijk"])
        #expect(shown.stdout == """
            wijk (versie 3)
            criterium  gewicht  richting        schaal  veto  omschrijving
            impact     62,5 %   hoger is beter  1-5           
            kosten     37,5 %   lager is beter  1-5     ≥ 4   

            """, "\(shown.stdout)")
        let english = try binary.run(["criteria", "show", "wijk", "--lang", "en"])
        #expect(english.stdout.hasPrefix("wijk (version 3)\ncriterion  weight  direction       scale  veto  description\n"), "\(english.stdout)")
        #expect(english.stdout.contains("impact     62.5 %  more is better  1-5"), "\(english.stdout)")
        let weights = try binary.run(["criteria", "weights", "wijk", "--percent", "impact=2,kosten=1"])
        #expect(weights.stdout == "impact=66,7%; kosten=33,3%\n")
        #expect(weights.stderr == "let op: de percentages tellen op tot 3, niet 100; ze zijn herschaald\n")
        #expect(try binary.run(["criteria", "roc", "wijk", "--order", "kosten,impact"]).stdout == "impact=0,2500; kosten=0,7500\n")
        let ahp = try binary.run(["criteria", "ahp", "wijk", "--matrix", "1,3;1/3,1"])
        #expect(ahp.stdout == "impact  0,7500\nkosten  0,2500\nλmax 2,0000  CI 0,0000  CR 0,0000  consistent\n", "\(ahp.stdout)")
        let edited = try binary.run(["criteria", "edit", "wijk", "kosten", "--weight", "2"])
        #expect(edited.stdout.contains("2, lager is beter, 1–5"), "\(edited.stdout)")
        let removed = try binary.run(["criteria", "remove", "wijk", "kosten"])
        #expect(removed.stdout.hasSuffix(": kosten verwijderd, nog 1 criterium\n"), "\(removed.stdout)")
        let json = try binary.run(["criteria", "show", "wijk", "--format", "json"])
        #expect(json.stdout.contains("\"direction\" : \"benefit\"") && json.stdout.contains("\"normalizedWeight\""), "JSON keeps English keys and values")
    }

    @Test func sessionCommandsSpeakDutch() throws {
        let binary = Binary()
        defer { binary.cleanUp() }
        for title in ["Buurtkamer", "Schuldhulp", "Huiswerkklas"] { try binary.run(["add", title]) }
        try binary.run(["criteria", "create", "wijk"])
        try binary.run(["criteria", "add", "wijk", "impact", "--weight", "60"])
        try binary.run(["criteria", "add", "wijk", "risico", "--weight", "40", "--cost"])
        try binary.run(["session", "new", "--set", "wijk", "--ideas", "1,2,3", "--participants", "Anne,Bram"])
        let scored = try binary.run(["--lang", "nl", "session", "score", "1", "--participant", "anne", "--idea", "1", "--criterion", "impact",
                                     "--score", "4"])
        #expect(scored.stdout == "Score 4 voor #1 op impact door Anne in S1\n")
        let cleared = try binary.run(["--lang", "nl", "session", "score", "1", "--participant", "anne", "--idea", "1", "--criterion", "impact",
                                      "--clear"])
        #expect(cleared.stdout == "Score voor #1 op impact door Anne in S1 verwijderd\n")
        let file = binary.dataDirectory.appendingPathComponent("scores.csv")
        var csv = "participant,idea,criterion,score\n"
        for (who, values) in [("Anne", [4, 1, 2, 2]), ("Bram", [5, 2, 3, 1])] {
            for (index, value) in values.enumerated() { csv += "\(who),\(index / 2 + 1),\(["impact", "risico"][index % 2]),\(value)\n" }
        }
        try csv.write(to: file, atomically: true, encoding: .utf8)
        #expect(try binary.run(["--lang", "nl", "session", "import", "1", file.path]).stdout == "8 scores geïmporteerd in S1\n")
        let wrong = binary.dataDirectory.appendingPathComponent("wrong.csv")
        try "participant,idea,criterion,score\nDirk,1,impact,4\nAnne,1,impact,9\n".write(to: wrong, atomically: true, encoding: .utf8)
        let refused = try binary.run(["--lang", "nl", "session", "import", "1", wrong.path])
        #expect(refused.stderr.contains("regel 2: 'Dirk' is geen deelnemer van S1 (Anne, Bram)"), "\(refused.stderr)")
        #expect(refused.stderr.contains("regel 3: 9 valt buiten de schaal 1-5 van impact"), "\(refused.stderr)")
        let results = try binary.run(["--lang", "nl", "session", "results", "1"])
        #expect(results.stdout == """
            gewogen som · min-max · gemiddelde (onvolledig)
            1.  1,000          #1  Buurtkamer
            2.  0,400          #2  Schuldhulp
            —   geen scores    #3  Huiswerkklas
            Overeenstemming (Kendalls W): — (vraagt twee deelnemers die elke cel scoorden; 0 van de 2 deden dat)
            De top 3 blijft gelijk als een gewicht ±10 % verschuift

            """, "\(results.stdout)")
        let list = try binary.run(["--lang", "nl", "session", "list"])
        #expect(list.stdout.hasPrefix("S1  blind  wijk  3 ideeën  2 deelnemers  "), "\(list.stdout)")
        let closing = try binary.run(["--lang", "nl", "session", "close", "1", "--allow-incomplete"])
        #expect(closing.stdout == "S1 gesloten\n")
        #expect(try binary.run(["session", "list"]).stdout.hasPrefix("S1  closed  wijk  3 ideas  2 participants  "))
    }

    @Test func anIdeaWithoutScoresHasNoRank() throws {
        let binary = Binary()
        defer { binary.cleanUp() }
        for title in ["Buurtkamer", "Schuldhulp"] { try binary.run(["add", title]) }
        try binary.run(["criteria", "create", "wijk"])
        try binary.run(["criteria", "add", "wijk", "impact", "--weight", "1"])
        try binary.run(["session", "new", "--set", "wijk", "--ideas", "1,2", "--participants", "Anne,Bram"])
        for who in ["anne", "bram"] {
            for idea in ["1", "2"] {
                try binary.run(["session", "score", "1", "--participant", who, "--idea", idea, "--criterion", "impact", "--abstain"])
            }
        }
        let json = try binary.run(["session", "results", "1", "--format", "json"])
        let ranking = try #require((try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])?["ranking"] as? [[String: Any]])
        #expect(ranking.map { $0["rank"] is NSNull } == [true, true], "no rank when everyone abstained: \(json.stdout)")
        #expect(ranking.map { $0["unscored"] as? Bool } == [true, true])
        #expect(!json.stdout.contains("\"rank\" : 1"))
        let text = try binary.run(["--lang", "nl", "session", "results", "1"])
        #expect(text.stdout.contains("—  geen scores    #1  Buurtkamer\n—  geen scores    #2  Schuldhulp\n"), "\(text.stdout)")
        try binary.run(["session", "close", "1"])
        let minutes = try binary.run(["--lang", "nl", "session", "minutes", "1"]).stdout
        #expect(minutes.contains("| — | #1 Buurtkamer | geen scores | |\n| — | #2 Schuldhulp | geen scores | |\n"), "\(minutes)")
        #expect(!minutes.contains("| 1= |"))
    }

    @Test func importMergeAndForgetSpeakDutch() throws {
        let binary = Binary()
        defer { binary.cleanUp() }
        let file = binary.dataDirectory.appendingPathComponent("ideas.csv")
        try FileManager.default.createDirectory(at: binary.dataDirectory, withIntermediateDirectories: true)
        try "title,stage,submitter\nInloop,proposed,Piet Jansen\nFietsmaatjes,experimenting,\n".write(to: file, atomically: true, encoding: .utf8)
        let dry = try binary.run(["--lang", "nl", "import", file.path, "--dry-run"])
        #expect(dry.stdout == "zou 2 ideeën importeren (2 voorgesteld); er is niets veranderd\n", "\(dry.stdout)")
        #expect(dry.stderr.contains("vroeg om fase experiment; komt binnen als voorgesteld"), "\(dry.stderr)")
        #expect(!dry.stderr.contains("asked for"), "\(dry.stderr)")
        #expect(try binary.run(["--lang", "nl", "import", file.path]).stdout == "2 ideeën geïmporteerd (2 voorgesteld)\n")
        let bad = binary.dataDirectory.appendingPathComponent("bad.csv")
        try "title,stage,source\n,voorgesteld,\nMeer,klaar,\n".write(to: bad, atomically: true, encoding: .utf8)
        let refused = try binary.run(["--lang", "nl", "import", bad.path])
        #expect(refused.stderr.contains("\n  regel 2, title: de titel is leeg"), "\(refused.stderr)")
        #expect(refused.stderr.contains("\n  regel 3, stage: onbekende fase 'klaar'"), "\(refused.stderr)")
        #expect(!refused.stderr.contains("line "), "\(refused.stderr)")
        #expect(try binary.run(["--lang", "nl", "merge", "2", "--into", "1"]).stdout == "#2 samengevoegd met #1\n")
        let forgotten = try binary.run(["--lang", "nl", "forget", "--submitter", "Piet Jansen"])
        #expect(forgotten.stdout.hasPrefix("gewist uit 1 idee en 1 regel in het logboek\n"), "\(forgotten.stdout)")
        let csv = binary.dataDirectory.deletingLastPathComponent().appendingPathComponent("ideas-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: csv) }
        let written = try binary.run(["--lang", "nl", "export", "--format", "csv", "--output", csv.path])
        #expect(written.stderr == "\(csv.path) geschreven\n", "\(written.stderr)")
        let export = try binary.run(["export", "--format", "json"])
        let target = Binary()
        defer { target.cleanUp() }
        let exported = target.dataDirectory.appendingPathComponent("export.json")
        try FileManager.default.createDirectory(at: target.dataDirectory, withIntermediateDirectories: true)
        try export.stdout.write(to: exported, atomically: true, encoding: .utf8)
        let restored = try target.run(["--lang", "nl", "import", exported.path])
        #expect(restored.stdout.hasPrefix("2 ideeën en ") && restored.stdout.hasSuffix(" gebeurtenissen geïmporteerd\n"), "\(restored.stdout)")
    }

    @Test func doctorAndBackupSpeakDutch() throws {
        let binary = Binary()
        defer { binary.cleanUp() }
        let empty = try binary.run(["--lang", "nl", "doctor"])
        #expect(empty.stdout.contains("integriteit: nog geen database\n"), "\(empty.stdout)")
        try binary.run(["add", "Inloop"])
        let backup = try binary.run(["--lang", "nl", "backup"])
        #expect(backup.status == 0)
        let healthy = try binary.run(["--lang", "nl", "doctor"])
        #expect(healthy.stdout.contains("\nintegriteit: ok\nonleesbare waarden: geen\nback-ups: "), "\(healthy.stdout)")
        #expect(healthy.stdout.contains(", laatste "), "\(healthy.stdout)")
        let restored = try binary.run(["--lang", "nl", "doctor", "--restore"])
        #expect(restored.stdout.contains(" teruggezet; het vorige bestand is bewaard als "), "\(restored.stdout)")
        #expect(restored.stdout.contains("integriteit nu: ok\nonleesbare waarden nu: geen\n"), "\(restored.stdout)")
        for english in ["integrity", "backups:", "restored", "unreadable"] { #expect(!restored.stdout.contains(english)) }
    }

    @Test func argumentsThatDoNotGoTogetherAreRefusedInDutch() throws {
        let binary = try dutchByConfiguration()
        defer { binary.cleanUp() }
        try binary.run(["add", "Inloop"])
        try binary.run(["criteria", "create", "wijk"])
        try binary.run(["criteria", "add", "wijk", "impact", "--weight", "1"])
        try binary.run(["session", "new", "--set", "wijk", "--ideas", "1", "--participants", "Anne"])
        let both = try binary.run(["criteria", "edit", "wijk", "impact", "--cost", "--benefit"])
        #expect(both.stderr == "Fout: geef --cost of --benefit, niet allebei\n")
        let none = try binary.run(["session", "score", "1", "--participant", "anne", "--idea", "1", "--criterion", "impact"])
        #expect(none.stderr == "Fout: geef één van --score N, --abstain of --clear\n")
        #expect(try binary.run(["criteria", "add", "wijk", "kosten", "--weight", "1", "--scale", "laag"]).stderr
            == "Fout: de schaal 'laag' is geen MIN-MAX, bijvoorbeeld 1-5 of 1-10\n")
        #expect(try binary.run(["list", "--lang", "fr"]).stderr == "Fout: onbekende taal 'fr': gebruik nl of en\n",
                "the configured Dutch still speaks when --lang is unknown")
        #expect(try binary.run(["criteria", "edit", "wijk", "impact", "--lang", "en"]).stderr
            == "Error: nothing to change: give --rename, --weight, --scale, --cost, --benefit, --veto or --description\n")
    }

    /// Options that do not go together on `reply` and `add --inbox` are refused in the user's language.
    @Test func intakeUsageErrorsInDutch() throws {
        let binary = Binary()
        defer { binary.cleanUp() }
        #expect(try binary.run(["--lang", "nl", "reply", "1"]).stderr == "Fout: zeg wat er vastgelegd wordt: --to CONTACT, --sent of --not-sent\n")
        #expect(try binary.run(["--lang", "nl", "reply", "1", "--sent", "--not-sent"]).stderr
                == "Fout: --sent en --not-sent sluiten elkaar uit: geef er één\n")
        #expect(try binary.run(["--lang", "nl", "add", "Z", "--contact", "x"]).stderr
                == "Fout: --contact en --received horen bij een idee van buiten: voeg --inbox toe\n")
        #expect(try binary.run(["reply", "1", "--on", "2026-11-30"]).stderr == "Error: --on is the day the reply was sent: give it with --sent\n")
    }
}
