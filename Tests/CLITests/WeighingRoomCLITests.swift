import Foundation
import Testing

/// The room from the command line: editable criteria with directed vetoes, participants who come and go, abstentions,
/// shared ranks in JSON, closing incomplete sessions, and minutes entirely in the session's language.
@Suite("CLI: the weighing room", .serialized)
struct WeighingRoomCLITests {
    func json(_ run: Run) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any], "\(run.stdout)\(run.stderr)")
    }

    /// Ideas 1–3, the set `wijk` (impact; risico as a cost with a veto at ≥ 4) and session S1 for Anne and Bram.
    func prepare() throws -> Binary {
        let binary = Binary()
        for title in ["Buurtkamer", "Schuldhulp", "Huiswerkklas"] { try binary.run(["add", title]) }
        try binary.run(["criteria", "create", "wijk"])
        try binary.run(["criteria", "add", "wijk", "impact", "--weight", "60"])
        let risk = try binary.run(["criteria", "add", "wijk", "risico", "--weight", "40", "--cost", "--veto", "4"])
        #expect(risk.status == 0, "\(risk.stderr)")
        #expect(try binary.run(["session", "new", "--set", "wijk", "--ideas", "1,2,3", "--participants", "Anne,Bram"]).stdout == "1\n")
        return binary
    }

    func score(_ binary: Binary, _ who: String, _ table: [[Int]]) throws {
        for (index, row) in table.enumerated() {
            for (criterion, value) in zip(["impact", "risico"], row) {
                let run = try binary.run(["session", "score", "1", "--participant", who, "--idea", "\(index + 1)", "--criterion", criterion,
                                          "--score", "\(value)"])
                #expect(run.status == 0, "\(run.stderr)")
            }
        }
    }

    @Test func criteriaAreEditedWithDirectedVetoesAndRemoved() throws {
        let binary = try prepare()
        defer { binary.cleanUp() }
        let everything = try binary.run(["criteria", "add", "wijk", "kosten", "--weight", "10", "--cost", "--veto", "1"])
        #expect(everything.status != 0)
        #expect(everything.stderr == "Error: A veto at ≥ 1 vetoes every score on 1–5: choose a threshold that leaves scores to choose from\n")
        var shown = try json(try binary.run(["criteria", "show", "wijk", "--format", "json"]))
        var criteria = try #require(shown["criteria"] as? [[String: Any]])
        #expect(criteria[1]["veto"] as? Int == 4 && criteria[1]["vetoDirection"] as? String == "at-least")
        #expect(criteria[0]["veto"] == nil && criteria[0]["vetoDirection"] == nil)
        let edited = try binary.run(["criteria", "edit", "wijk", "RISICO", "--rename", "risico voor inwoners", "--weight", "20", "--scale", "1-10",
                                     "--veto", ">=8"])
        #expect(edited.stdout == "wijk v4: risico voor inwoners (20, less is better, 1–10, veto ≥ 8)\n", "\(edited.stderr)")
        let dutch = try binary.run(["criteria", "edit", "wijk", "impact", "--veto", "<=1", "--lang", "nl"])
        #expect(dutch.stdout == "wijk v5: impact (60, hoger is beter, 1–5, veto ≤ 1)\n")
        #expect(try binary.run(["criteria", "edit", "wijk", "impact", "--veto", "none"]).stdout == "wijk v6: impact (60, more is better, 1–5)\n")
        #expect(try binary.run(["criteria", "edit", "wijk", "impact", "--cost", "--benefit"]).stderr.contains("give --cost or --benefit, not both"))
        #expect(try binary.run(["criteria", "edit", "wijk", "impact"]).stderr.contains("nothing to change"))
        let bad = try binary.run(["criteria", "edit", "wijk", "impact", "--veto", "=>3"])
        #expect(bad.stderr == "Error: '=>3' is not a veto: write <=N, >=N, N or none\n")
        #expect(try binary.run(["criteria", "edit", "wijk", "risico voor inwoners", "--scale", "1-5"]).stderr
            == "Error: The veto threshold 8 lies outside the scale\n")
        #expect(try binary.run(["criteria", "remove", "wijk", "Impact"]).stdout == "wijk v7: Impact removed, 1 criterion left\n")
        shown = try json(try binary.run(["criteria", "show", "wijk", "--format", "json"]))
        criteria = try #require(shown["criteria"] as? [[String: Any]])
        #expect(shown["version"] as? Int == 7 && criteria.map { $0["name"] as? String } == ["risico voor inwoners"])
        // The session started before keeps its snapshot.
        let results = try json(try binary.run(["session", "results", "1", "--format", "json"]))
        #expect(try #require(results["cells"] as? [[String: Any]]).prefix(2).map { $0["criterion"] as? String } == ["impact", "risico"])
    }

    @Test func theSafestIdeaIsNotVetoedAndTiesShareARank() throws {
        let binary = try prepare()
        defer { binary.cleanUp() }
        // Idea 1 safest (risk 1), idea 3 riskiest (5 and 4); ideas 1 and 2 come out equal.
        try score(binary, "anne", [[3, 1], [3, 1], [5, 5]])
        try score(binary, "bram", [[3, 1], [3, 1], [5, 4]])
        for aggregate in ["mean", "median"] {
            let results = try json(try binary.run(["session", "results", "1", "--aggregate", aggregate, "--format", "json"]))
            let ranking = try #require(results["ranking"] as? [[String: Any]])
            #expect(ranking.map { $0["idea"] as? Int } == [1, 2, 3])
            #expect(ranking.map { $0["rank"] as? Int } == [1, 1, 3], "a tie shares the rank")
            #expect(ranking.map { $0["vetoed"] as? Bool } == [false, false, true], "\(aggregate): only the riskiest is vetoed")
            #expect(results["participantsComplete"] as? Int == 2 && results["participantsTotal"] as? Int == 2)
        }
        let text = try binary.run(["session", "results", "1"])
        #expect(text.stdout.contains("\n1=  0.400        #1  Buurtkamer\n1=  0.400        #2  Schuldhulp\n3.  0.600  veto  #3  Huiswerkklas\n"),
                "\(text.stdout)")
    }

    @Test func participantsJoinLeaveAndAbstain() throws {
        let binary = try prepare()
        defer { binary.cleanUp() }
        try score(binary, "anne", [[3, 1], [4, 2], [5, 5]])
        let late = try binary.run(["session", "participant", "add", "1", "Carla", "--lang", "nl"])
        #expect(late.stdout == "Carla doet mee aan S1 als deelnemer 3\n", "\(late.stderr)")
        let file = binary.dataDirectory.appendingPathComponent("dirk.csv")
        try "participant,idea,criterion,score\nDirk,1,impact,4\nDirk,1,risico,onthouden\n".write(to: file, atomically: true, encoding: .utf8)
        let unknown = try binary.run(["session", "import", "1", file.path])
        #expect(unknown.status != 0)
        #expect(unknown.stderr.contains("line 2: 'Dirk' is not a participant of S1 (Anne, Bram, Carla); add late arrivals with --add-participants"))
        let joined = try binary.run(["session", "import", "1", file.path, "--add-participants"])
        #expect(joined.stdout == "Imported 2 scores into S1\nJoined: Dirk\n", "\(joined.stderr)")
        let abstained = try binary.run(["session", "score", "1", "--participant", "carla", "--idea", "2", "--criterion", "impact", "--abstain"])
        #expect(abstained.stdout == "Carla abstains on #2 × impact in S1\n")
        let leaving = try binary.run(["session", "participant", "exclude", "1", "bram", "--reason", "moest om 11 uur weg"])
        #expect(leaving.stdout == "Bram excluded from S1: moest om 11 uur weg\n")
        #expect(try binary.run(["session", "participant", "exclude", "1", "anne", "--reason", " "]).stderr
            == "Error: Excluding a participant needs a reason for the minutes\n")
        let refused = try binary.run(["session", "score", "1", "--participant", "Bram", "--idea", "1", "--criterion", "impact", "--score", "2"])
        #expect(refused.stderr == "Error: Bram was excluded from this session: their scores no longer count\n")
        let results = try json(try binary.run(["session", "results", "1", "--format", "json"]))
        #expect(results["participantsTotal"] as? Int == 3 && results["participantsComplete"] as? Int == 1)
        #expect(results["abstentions"] as? Int == 2 && results["kendallParticipants"] as? Int == 1)
        let cells = try #require(results["cells"] as? [[String: Any]])
        #expect(cells.first?["mean"] as? Double == 3.5, "Anne's 3 and Dirk's 4; Bram left")
        let close = try binary.run(["session", "close", "1", "--lang", "nl"])
        #expect(close.stderr == "Fout: Maar 1 van de 3 deelnemers scoorde elke cel: voeg --allow-incomplete toe om de sessie zo vast te leggen\n")
    }

    @Test func theMinutesAreEntirelyInTheSessionsLanguageWithBothRounds() throws {
        let binary = try prepare()
        defer { binary.cleanUp() }
        try binary.run(["session", "participant", "add", "1", "Carla"])
        try score(binary, "anne", [[1, 1], [3, 1], [5, 5]])
        try score(binary, "bram", [[5, 1], [3, 1], [5, 4]])
        try score(binary, "carla", [[1, 2], [3, 2], [4, 4]])
        try binary.run(["session", "score", "1", "--participant", "carla", "--idea", "2", "--criterion", "impact", "--abstain"])
        try binary.run(["session", "note", "1", "--idea", "1", "--criterion", "impact", "--text", "Bram kent de proef in Zwolle"])
        let revote = try binary.run(["session", "revote", "1", "--cell", "1:impact", "--lang", "nl"])
        #expect(revote.stdout == "Ronde 2: 1 cel opnieuw stemmen, blind; ronde 1 blijft bewaard\n", "\(revote.stderr)")
        #expect(try binary.run(["session", "score", "1", "--participant", "anne", "--idea", "2", "--criterion", "impact", "--score", "2"]).stderr
            == "Error: #2 × impact is not part of the re-vote: only its cells can be scored now\n")
        for who in ["anne", "bram"] {
            try binary.run(["session", "score", "1", "--participant", who, "--idea", "1", "--criterion", "impact", "--score", "4"])
        }
        try binary.run(["session", "participant", "exclude", "1", "carla", "--reason", "moest weg"])
        #expect(try binary.run(["session", "close", "1"]).status == 0, "everyone who counts is complete")
        let minutes = try binary.run(["session", "minutes", "1", "--format", "md", "--lang", "nl"]).stdout
        for line in [
            "# Besluitenlijst — weging S1",
            "- Status: gesloten",
            "- Deelnemers (2): Anne, Bram",
            "- Uitgesloten: Carla (moest weg), uitgesloten tijdens de herstemming: de rangschikking na ronde 1 telt hun scores mee; "
                + "elk ander cijfer laat ze weg",
            "- Volledig: alle deelnemers vulden elke cel in",
            "- Onthoudingen: geen",
            "- Methode: gewogen som · min-max · gemiddelde",
            "- Overeenstemming (Kendalls W): 1,00",
            "- Rondes: 2 (een herstemming over 1 cel)",
            "| criterium | gewicht | richting | schaal | veto |",
            "| impact | 60,0 % | hoger is beter | 1–5 |  |",
            "| risico | 40,0 % | lager is beter | 1–5 | ≥ 4 |",
            "| 1 | #1 Buurtkamer | 0,700 |  |",
            "| 3 | #3 Huiswerkklas | 0,600 | ✗ |",
            "## Rangschikking na ronde 1",
            // Round 1 as it was recorded, Carla's scores included (#1 impact 1 5 1, #2 impact 3 3 and her abstention).
            "| 1 | #2 Schuldhulp | 0,571 |  |",
            "| 2 | #1 Buurtkamer | 0,400 |  |",
            "| 3 | #3 Huiswerkklas | 0,600 | ✗ |",
            "## Herstemming (ronde 1 → ronde 2)",
            // Round 1 as recorded holds Carla's 1; round 2 leaves her out.
            "- #1 Buurtkamer × impact: ronde 1: 1 1 5 (gemiddelde 2,3, sd 2,31) → ronde 2: 4 4 (gemiddelde 4,0, sd 0,00)",
            "## Notities",
            "- #1 Buurtkamer × impact: Bram kent de proef in Zwolle",
            "Geen besluiten vastgelegd.",
        ] {
            #expect(minutes.contains(line + "\n"), "missing: \(line)\n\(minutes)")
        }
        for english in ["closed", "weighted", "benefit", "cost", "mean", "median", "Round", "Participants", "Agreement", "abstain"] {
            #expect(!minutes.contains(english), "English in the Dutch minutes: \(english)")
        }
        let english = try binary.run(["session", "minutes", "1", "--format", "md", "--lang", "en"]).stdout
        #expect(english.contains("- Excluded: Carla (moest weg), excluded during the re-vote: the round-1 ranking includes their scores; "
                                 + "every other figure leaves them out\n") && english.contains("- Method: weighted sum · min-max · mean\n"))
    }

    @Test func incompletenessAndAbstentionsAreInTheMinutes() throws {
        let binary = try prepare()
        defer { binary.cleanUp() }
        try score(binary, "anne", [[3, 1], [4, 2], [5, 5]])
        try binary.run(["session", "score", "1", "--participant", "bram", "--idea", "1", "--criterion", "impact", "--abstain"])
        #expect(try binary.run(["session", "close", "1", "--allow-incomplete"]).status == 0)
        let minutes = try binary.run(["session", "minutes", "1", "--format", "md", "--lang", "nl"]).stdout
        #expect(minutes.contains("- Niet volledig: 1 van de 2 deelnemers vulde elke cel in; lege cellen: Bram 5\n"), "\(minutes)")
        #expect(minutes.contains("- Onthoudingen: 1 (Bram 1)\n"))
        #expect(minutes.contains("- Overeenstemming (Kendalls W): — (vraagt twee deelnemers die elke cel scoorden; 1 van de 2 deed dat)\n"))
    }
}
