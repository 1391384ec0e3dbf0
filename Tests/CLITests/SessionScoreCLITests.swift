import Domain
import Foundation
import Storage
import Testing

@Suite("CLI: entering one score", .serialized)
struct SessionScoreCLITests {
    /// Three ideas, the set `wijk` (impact 1–5, draagvlak 1–10) and session S1 on ideas 1 and 2 for Anne and Bram.
    func prepare() throws -> Binary {
        let binary = Binary()
        for title in ["Buurtkamer", "Schuldhulp", "Huiswerkklas"] { try binary.run(["add", title]) }
        try binary.run(["criteria", "create", "wijk"])
        try binary.run(["criteria", "add", "wijk", "impact", "--weight", "50"])
        try binary.run(["criteria", "add", "wijk", "draagvlak", "--weight", "50", "--scale", "1-10"])
        let created = try binary.run(["session", "new", "--set", "wijk", "--ideas", "1,2", "--participants", "Anne,Bram"])
        #expect(created.stdout == "1\n", "\(created.stderr)")
        return binary
    }

    /// The score table of S1 as the binary left it.
    func storedScores(_ binary: Binary) throws -> [ScoreKey: Int] {
        try AppDatabase.open(DataDirectory(url: binary.dataDirectory), actor: "test").session(SessionID(1)).scores
    }

    func results(_ binary: Binary) throws -> [[String: Any]] {
        let run = try binary.run(["session", "results", "1", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any], "\(run.stderr)")
        return try #require(object["cells"] as? [[String: Any]])
    }

    @Test func aScoreIsStoredReadBackAndCleared() throws {
        let binary = try prepare()
        defer { binary.cleanUp() }
        let scored = try binary.run(["session", "score", "1", "--participant", "anne", "--idea", "#2", "--criterion", "IMPACT", "--score", "4"])
        #expect(scored.status == 0, "\(scored.stderr)")
        #expect(scored.stdout == "Scored 4 for #2 on impact by Anne in S1\n")
        #expect(try binary.run(["session", "score", "S1", "--participant", "Bram", "--idea", "2", "--criterion", "impact", "--score", "2"])
            .status == 0)
        var cell = try #require(try results(binary).first { $0["idea"] as? Int == 2 && $0["criterion"] as? String == "impact" })
        #expect(cell["mean"] as? Double == 3)
        #expect(cell["range"] as? Double == 2)
        #expect(try storedScores(binary) == [ScoreKey(participant: 0, idea: IdeaID(2), criterion: 0): 4,
                                             ScoreKey(participant: 1, idea: IdeaID(2), criterion: 0): 2])

        let cleared = try binary.run(["session", "score", "1", "--participant", "Bram", "--idea", "2", "--criterion", "impact", "--clear"])
        #expect(cleared.status == 0, "\(cleared.stderr)")
        #expect(cleared.stdout == "Removed the score for #2 on impact by Bram in S1\n")
        cell = try #require(try results(binary).first { $0["idea"] as? Int == 2 && $0["criterion"] as? String == "impact" })
        #expect(cell["mean"] as? Double == 4)
        #expect(try storedScores(binary) == [ScoreKey(participant: 0, idea: IdeaID(2), criterion: 0): 4])
    }

    @Test("A refused score says why in the user's language and stores nothing", arguments: [
        (["2", "--participant", "Anne", "--idea", "1", "--criterion", "impact", "--score", "3"],
         "There is no session S2: see 'proeftuin session list'", "Er is geen sessie S2: zie 'proeftuin session list'"),
        (["1", "--participant", "Carla\u{1B}[31m", "--idea", "1", "--criterion", "impact", "--score", "3"],
         "'Carla' is not a participant of this session: choose from Anne, Bram",
         "'Carla' is geen deelnemer van deze sessie: kies uit Anne, Bram"),
        (["1", "--participant", "Anne", "--idea", "3", "--criterion", "impact", "--score", "3"],
         "Idea #3 is not weighed in this session", "Idee #3 wordt in deze sessie niet gewogen"),
        (["1", "--participant", "Anne", "--idea", "1", "--criterion", "smaak", "--score", "3"],
         "There is no criterion 'smaak' in this set", "Er is geen criterium 'smaak' in deze set"),
        (["1", "--participant", "Anne", "--idea", "1", "--criterion", "impact", "--score", "6"],
         "6 is outside the scale 1–5", "6 valt buiten de schaal 1–5"),
        (["1", "--participant", "Anne", "--idea", "1", "--criterion", "draagvlak", "--score", "-1"],
         "-1 is outside the scale 1–10", "-1 valt buiten de schaal 1–10"),
        (["1", "--participant", "Anne", "--idea", "9", "--criterion", "impact", "--clear"],
         "Idea #9 is not weighed in this session", "Idee #9 wordt in deze sessie niet gewogen"),
    ])
    func refusals(arguments: [String], english: String, dutch: String) throws {
        let binary = try prepare()
        defer { binary.cleanUp() }
        try binary.run(["session", "score", "1", "--participant", "Anne", "--idea", "1", "--criterion", "impact", "--score", "5"])
        let before = try storedScores(binary)
        #expect(before.count == 1)
        let refused = try binary.run(["session", "score"] + arguments)
        #expect(refused.status != 0)
        #expect(refused.stdout.isEmpty)
        #expect(refused.stderr == "Error: \(english)\n")
        let dutchRefusal = try binary.run(["session", "score"] + arguments + ["--lang", "nl"])
        #expect(dutchRefusal.status != 0)
        #expect(dutchRefusal.stderr == "Fout: \(dutch)\n")
        #expect(try storedScores(binary) == before)
    }

    @Test func aClosedSessionTakesNoScores() throws {
        let binary = try prepare()
        defer { binary.cleanUp() }
        try binary.run(["session", "score", "1", "--participant", "Anne", "--idea", "1", "--criterion", "impact", "--score", "5"])
        let incomplete = try binary.run(["session", "close", "1"])
        #expect(incomplete.status != 0)
        #expect(incomplete.stderr == "Error: Only 0 of 2 participants scored every cell: add --allow-incomplete to lock the session as it is\n")
        #expect(try binary.run(["session", "close", "1", "--allow-incomplete"]).status == 0)
        let before = try storedScores(binary)
        for extra in [["--score", "3"], ["--clear"]] {
            let refused = try binary.run(["session", "score", "1", "--participant", "Anne", "--idea", "1", "--criterion", "impact"] + extra
                + ["--lang", "nl"])
            #expect(refused.status != 0)
            #expect(refused.stderr == "Fout: De sessie is gesloten: de scores liggen vast\n")
        }
        let english = try binary.run(["session", "score", "1", "--participant", "Bram", "--idea", "2", "--criterion", "impact", "--score", "3"])
        #expect(english.stderr == "Error: The session is closed: its scores are locked\n")
        #expect(try storedScores(binary) == before)
    }

    @Test func scoreAbstainOrClearIsRequiredButOnlyOne() throws {
        let binary = try prepare()
        defer { binary.cleanUp() }
        let base = ["session", "score", "1", "--participant", "Anne", "--idea", "1", "--criterion", "impact"]
        for extra in [[], ["--score", "3", "--clear"], ["--abstain", "--clear"], ["--score", "3", "--abstain"]] {
            let refused = try binary.run(base + extra)
            #expect(refused.status != 0)
            #expect(refused.stderr.contains("give one of --score N, --abstain or --clear"))
        }
        #expect(try storedScores(binary).isEmpty)
    }
}
