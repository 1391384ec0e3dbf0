import Foundation
import Testing

/// Moves idea 1 into experimenting with a complete test card.
func startExperiment(_ binary: Binary, _ id: String = "1", extra: [String] = []) throws -> Run {
    try binary.run(["move", id, "experimenting", "--reason", "start", "--hypothesis", "h", "--action", "a", "--metric", "m",
                    "--success", "minstens 20", "--owner", "Sanne", "--review-date", "2026-12-31", "--budget", "500", "--max-duration", "6w", "--harm", "niemand", "--safeguard", "vrijwillig", "--stop-rule", "er klachten komen"] + extra)
}

@Suite("CLI: experiments, decisions, WIP, reviews", .serialized)
struct ExperimentCLITests {
    @Test func fullCycleToScalingWithInlineConsent() throws {
        let binary = Binary()
        defer { binary.cleanUp() }
        try binary.run(["add", "Buurtkamer"])
        #expect(try startExperiment(binary).status == 0)
        #expect(try binary.run(["measure", "1", "--date", "01-12-2026", "--value", "12,5", "--note", "eerste"]).status == 0)
        let learning = try binary.run(["move", "1", "leren", "--reason", "klaar", "--observed", "o", "--learned", "l", "--therefore", "t"])
        #expect(learning.status == 0, "\(learning.stderr)")
        let noConsent = try binary.run(["move", "1", "scaling", "--reason", "go", "--proposal", "hele stad", "--responsible", "Sanne",
                                        "--review-date", "2027-06-01"])
        #expect(noConsent.status != 0)
        #expect(noConsent.stderr.contains("--consent"))
        let scaled = try binary.run(["move", "1", "scaling", "--reason", "go", "--proposal", "hele stad", "--responsible", "Sanne",
                                     "--review-date", "2027-06-01", "--consent"])
        #expect(scaled.status == 0, "\(scaled.stderr)")
        let shown = try binary.run(["show", "1", "--format", "json"])
        let idea = try #require(try JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as? [String: Any])
        #expect(idea["stage"] as? String == "scaling")
        #expect(idea["reviewDate"] as? String == "2027-06-01")
        let cycles = try #require(idea["cycles"] as? [[String: Any]])
        #expect(cycles.first?["number"] as? Int == 1)
        let measurements = try #require(cycles.first?["measurements"] as? [[String: Any]])
        #expect(measurements.first?["value"] as? Double == 12.5)
        #expect(measurements.first?["date"] as? String == "2026-12-01")
        #expect((cycles.first?["learningCard"] as? [String: Any])?["therefore"] as? String == "t")
        let decisions = try #require(idea["decisions"] as? [[String: Any]])
        #expect(decisions.first?["outcome"] as? String == "consented")
        #expect(decisions.first?["kind"] as? String == "scale")
    }

    @Test func decisionRoundThenScaleByDecisionID() throws {
        let binary = Binary()
        defer { binary.cleanUp() }
        try binary.run(["add", "Pilot"])
        _ = try startExperiment(binary)
        try binary.run(["move", "1", "learning", "--reason", "klaar", "--observed", "o", "--learned", "l", "--therefore", "t"])
        let created = try binary.run(["decision", "new", "1", "--kind", "scale", "--proposal", "hele stad", "--responsible", "Sanne",
                                      "--review-date", "2027-06-01"])
        #expect(created.stdout == "1\n")
        #expect(try binary.run(["decision", "object", "1", "--who", "Financiën", "--text", "dekking"]).stdout == "1\n")
        try binary.run(["decision", "concern", "1", "--who", "Wijkteam", "--text", "zomer"])
        let early = try binary.run(["move", "1", "scaling", "--reason", "go", "--decision", "1"])
        #expect(early.status != 0)
        #expect(early.stderr.contains("Decision D1 has no consent yet"))
        let blocked = try binary.run(["decision", "consent", "1"])
        #expect(blocked.status != 0)
        #expect(blocked.stderr.contains("(open: Financiën)"))
        #expect(try binary.run(["decision", "judge", "1", "1", "--qualified"]).status == 0)
        let unamended = try binary.run(["decision", "resolve", "1", "1", "--amended", "evaluatie na zes maanden"])
        #expect(unamended.status != 0, "amending means changing the proposal: --proposal is needed")
        #expect(unamended.stderr.contains("--amended needs --proposal"))
        let amended = try binary.run(["decision", "resolve", "1", "1", "--amended", "evaluatie na zes maanden",
                                      "--proposal", "hele stad, met evaluatie na zes maanden"])
        #expect(amended.stdout == "objection 1: amended\n")
        #expect(try binary.run(["decision", "consent", "1"]).status == 0)
        let moved = try binary.run(["move", "1", "scaling", "--reason", "go", "--decision", "D1"])
        #expect(moved.status == 0, "\(moved.stderr)")
        let shown = try binary.run(["decision", "show", "1", "--format", "json"])
        #expect(shown.stdout.contains("\"outcome\" : \"consented\""))
        #expect(shown.stdout.contains("\"resolutionNote\" : \"evaluatie na zes maanden\""))
        #expect(shown.stdout.contains("\"proposal\" : \"hele stad, met evaluatie na zes maanden\""), "the proposal is amended")
        #expect(shown.stdout.contains("\"previousProposal\" : \"hele stad\""), "the old text stays with the objection")
        let text = try binary.run(["decision", "show", "1"])
        #expect(text.stdout.contains("objection 1 — Financiën: dekking [qualified, amended: evaluatie na zes maanden; proposal was: hele stad]"))
        let history = try binary.run(["history", "1"])
        #expect(history.stdout.contains("proposal amended, was: hele stad"), "\(history.stdout)")
        #expect(text.stdout.contains("concern — Wijkteam: zomer"))
    }

    @Test func wipLimitsInTheCLI() throws {
        let binary = Binary()
        defer { binary.cleanUp() }
        #expect(try binary.run(["wip", "set", "experimenting", "1"]).status == 0)
        try binary.run(["add", "Een"])
        try binary.run(["add", "Twee"])
        _ = try startExperiment(binary)
        let refused = try startExperiment(binary, "2")
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("Experimenting is at its WIP limit of 1"))
        #expect(refused.stderr.contains("--override"))
        let over = try startExperiment(binary, "2", extra: ["--override", "subsidie loopt af"])
        #expect(over.status == 0)
        let history = try binary.run(["history", "2", "--format", "json"])
        #expect(history.stdout.contains("subsidie loopt af"))
        let shown = try binary.run(["wip", "show", "--format", "json"])
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as? [[String: Any]])
        let experimenting = try #require(rows.first { $0["stage"] as? String == "experimenting" })
        #expect(experimenting["limit"] as? Int == 1)
        #expect(experimenting["count"] as? Int == 2)
        #expect(experimenting["hard"] as? Bool == false)
        try binary.run(["wip", "set", "learning", "2", "--hard"])
        #expect(try binary.run(["wip", "show"]).stdout.contains("Learning       0      2      hard"))
        #expect(try binary.run(["wip", "show", "--lang", "nl"]).stdout.contains("Leren       0       2      hard"))
    }

    @Test func dueListsOverdueAndUpcoming() throws {
        let binary = Binary()
        defer { binary.cleanUp() }
        try binary.run(["add", "Laat"])
        try binary.run(["add", "Straks"])
        _ = try startExperiment(binary)  // review 2026-12-31
        try binary.run(["move", "2", "experimenting", "--reason", "start", "--hypothesis", "h", "--action", "a", "--metric", "m",
                        "--success", "s", "--owner", "o", "--review-date", "2027-01-05", "--budget", "500", "--max-duration", "6w", "--harm", "niemand", "--safeguard", "vrijwillig", "--stop-rule", "er klachten komen"])
        let due = try binary.run(["due", "--within", "7", "--now", "2027-01-02", "--format", "json"])
        let result = try #require(try JSONSerialization.jsonObject(with: Data(due.stdout.utf8)) as? [String: [[String: Any]]])
        #expect(result["overdue"]?.map { $0["id"] as? Int } == [1])
        #expect(result["upcoming"]?.map { $0["id"] as? Int } == [2])
        #expect(result["overdue"]?.first?["kind"] as? String == "experiment")
        #expect(result["overdue"]?.first?["reviewDate"] as? String == "2026-12-31")
        #expect(result["overdue"]?.first?["stage"] as? String == "experimenting")
        #expect(result["overdue"]?.first?["title"] as? String == "Laat")
    }

    @Test func measurementImportIsAllOrNothing() throws {
        let binary = Binary()
        defer { binary.cleanUp() }
        try binary.run(["add", "Meten"])
        _ = try startExperiment(binary)
        let bad = binary.dataDirectory.appendingPathComponent("bad.csv")
        try FileManager.default.createDirectory(at: binary.dataDirectory, withIntermediateDirectories: true)
        try "date;value;note\n01-12-2026;12,5;goed\n2026-13-01;3;maand 13\n2026-12-08;veel;\n".write(to: bad, atomically: true, encoding: .utf8)
        let refused = try binary.run(["measure", "import", "1", bad.path])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("line 3: '2026-13-01' is not a date"))
        #expect(refused.stderr.contains("line 4: 'veel' is not a number"))
        #expect(!(try binary.run(["show", "1", "--format", "json"]).stdout.contains("\"value\"")), "nothing imported")
        let good = binary.dataDirectory.appendingPathComponent("good.csv")
        try "\u{FEFF}date,value,note\r\n2026-12-01,\"12,5\",\"met, komma\"\r\n08-12-2026,14,\r\n".write(to: good, atomically: true, encoding: .utf8)
        let imported = try binary.run(["measure", "import", "1", good.path])
        #expect(imported.stdout == "Imported 2 measurements into #1\n")
        let shown = try binary.run(["show", "1"])
        #expect(shown.stdout.contains("2026-12-01  12.5  met, komma"))
        #expect(shown.stdout.contains("2026-12-08  14"))
    }

    @Test func measuringWithoutACycleIsExplained() throws {
        let binary = Binary()
        defer { binary.cleanUp() }
        try binary.run(["add", "Nog niet"])
        let result = try binary.run(["measure", "1", "--date", "2026-12-01", "--value", "3"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("has no experiment cycle yet"))
    }
}
