import Foundation
import Testing

@Suite("CLI: criteria and sessions", .serialized)
struct WeighingCLITests {
    func json(_ run: Run) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any], "\(run.stdout)\(run.stderr)")
    }

    func makeSet(_ binary: Binary) throws {
        try binary.run(["criteria", "create", "wijk"])
        try binary.run(["criteria", "add", "wijk", "impact", "--weight", "50", "--description", "effect voor inwoners"])
        try binary.run(["criteria", "add", "wijk", "kosten", "--weight", "30", "--cost"])
        try binary.run(["criteria", "add", "wijk", "draagvlak", "--weight", "20", "--scale", "1-10", "--veto", "2"])
    }

    @Test func criteriaShowJSON() throws {
        let binary = Binary()
        defer { binary.cleanUp() }
        try makeSet(binary)
        let shown = try json(try binary.run(["criteria", "show", "wijk", "--format", "json"]))
        #expect(shown["name"] as? String == "wijk")
        let criteria = try #require(shown["criteria"] as? [[String: Any]])
        #expect(criteria.map { $0["name"] as? String } == ["impact", "kosten", "draagvlak"])
        #expect(criteria.map { $0["weight"] as? Double } == [50, 30, 20])
        #expect(criteria.map { $0["direction"] as? String } == ["benefit", "cost", "benefit"])
        #expect(criteria[2]["scaleMin"] as? Int == 1)
        #expect(criteria[2]["scaleMax"] as? Int == 10)
        let bad = try binary.run(["criteria", "add", "wijk", "x", "--weight", "1", "--scale", "5-1"])
        #expect(bad.status != 0 && bad.stderr.contains("The scale 5-1 is empty"))
    }

    @Test func rocAndAHPWeights() throws {
        let binary = Binary()
        defer { binary.cleanUp() }
        try makeSet(binary)
        #expect(try binary.run(["criteria", "roc", "wijk", "--order", "kosten,impact,draagvlak"]).status == 0)
        let roc = try json(try binary.run(["criteria", "show", "wijk", "--format", "json"]))
        let weights = try #require(roc["criteria"] as? [[String: Any]]).compactMap { $0["weight"] as? Double }
        #expect(abs(weights[1] - 0.6111) < 1e-4 && abs(weights[0] - 0.2778) < 1e-4 && abs(weights[2] - 0.1111) < 1e-4)
        let ahp = try json(try binary.run(["criteria", "ahp", "wijk", "--matrix", "1,3,5;1/3,1,3;1/5,1/3,1", "--apply", "--format", "json"]))
        let ahpWeights = try #require(ahp["weights"] as? [Double])
        #expect(abs(ahpWeights[0] - 0.637) < 1e-3)
        #expect(abs((ahp["lambdaMax"] as? Double ?? 0) - 3.0385) < 1e-3)
        #expect(abs((ahp["cr"] as? Double ?? 1) - 0.0332) < 1e-3)
        #expect(ahp["ci"] as? Double != nil)
        #expect(ahp["consistent"] as? Bool == true)
        let inconsistent = try binary.run(["criteria", "ahp", "wijk", "--matrix", "1,9,1/9;1/9,1,9;9,1/9,1", "--apply"])
        #expect(inconsistent.status != 0)
        #expect(inconsistent.stderr.contains("inconsistent"))
        let direct = try binary.run(["criteria", "weights", "wijk", "--percent", "impact=2,kosten=1,draagvlak=1"])
        #expect(direct.stdout.contains("impact=50.0%"))
        #expect(direct.stderr.contains("not 100"))
    }

    @Test func sessionImportResultsCloseMinutes() throws {
        let binary = Binary()
        defer { binary.cleanUp() }
        try makeSet(binary)
        for title in ["Buurtkamer", "Schuldhulp", "Huiswerkklas"] { try binary.run(["add", title]) }
        let created = try binary.run(["session", "new", "--set", "wijk", "--ideas", "1,2,3", "--participants", "Anne,Bram"])
        #expect(created.stdout == "1\n", "\(created.stderr)")
        let file = binary.dataDirectory.appendingPathComponent("scores.csv")
        var csv = "participant;idea;criterion;score\n"
        let rows: [(String, Int, [String])] = [
            ("Anne", 1, ["5", "2", "9"]), ("Anne", 2, ["3", "3", "5"]), ("Anne", 3, ["4", "1", "1"]),
            ("Bram", 1, ["4", "2", "8"]), ("Bram", 2, ["3,0", "4", "6"]), ("Bram", 3, ["5", "1", "2"]),
        ]
        for (who, idea, scores) in rows {
            for (criterion, score) in zip(["impact", "kosten", "draagvlak"], scores) { csv += "\(who);\(idea);\(criterion);\"\(score)\"\n" }
        }
        try csv.write(to: file, atomically: true, encoding: .utf8)
        let bad = binary.dataDirectory.appendingPathComponent("bad.csv")
        try "participant,idea,criterion,score\nAnne,1,impact,6\nCarla,1,impact,3\nAnne,9,impact,3\nAnne,1,smaak,3\nAnne,1,impact,2.5\n"
            .write(to: bad, atomically: true, encoding: .utf8)
        let refused = try binary.run(["session", "import", "1", bad.path])
        #expect(refused.status != 0)
        for line in ["line 2: 6 is outside the scale 1-5 of impact", "line 3: 'Carla' is not a participant", "line 4: idea '9' is not in S1",
                     "line 5: there is no criterion 'smaak'", "line 6: '2.5' is not a whole score"] {
            #expect(refused.stderr.contains(line), "\(refused.stderr)")
        }
        let imported = try binary.run(["session", "import", "1", file.path])
        #expect(imported.stdout == "Imported 18 scores into S1\n", "\(imported.stderr)")

        let results = try json(try binary.run(["session", "results", "1", "--format", "json"]))
        #expect(results["method"] as? String == "weighted-sum")
        #expect(results["normalization"] as? String == "min-max")
        #expect(results["aggregate"] as? String == "mean")
        let ranking = try #require(results["ranking"] as? [[String: Any]])
        #expect(ranking.map { $0["rank"] as? Int } == [1, 2, 3])
        #expect(ranking.last?["idea"] as? Int == 3)
        #expect(ranking.last?["vetoed"] as? Bool == true, "draagvlak mean 1.5 is at or below the veto of 2")
        let cells = try #require(results["cells"] as? [[String: Any]])
        let cell = try #require(cells.first { $0["idea"] as? Int == 1 && $0["criterion"] as? String == "impact" })
        #expect(cell["mean"] as? Double == 4.5)
        #expect(cell["median"] as? Double == 4.5)
        #expect(abs((cell["sd"] as? Double ?? 0) - 0.7071) < 1e-4)
        #expect(cell["iqr"] as? Double == 0.5)
        #expect(cell["range"] as? Double == 1)
        #expect(results["kendallW"] is Double)
        let topsis = try json(try binary.run(["session", "results", "1", "--method", "topsis", "--aggregate", "median", "--format", "json"]))
        #expect(topsis["method"] as? String == "topsis")
        #expect(topsis["normalization"] as? String == "vector")
        #expect(try #require(topsis["ranking"] as? [[String: Any]]).allSatisfy { ($0["score"] as? Double ?? -1) >= 0 })

        #expect(try binary.run(["session", "close", "1"]).status == 0)
        let again = try binary.run(["session", "import", "1", file.path])
        #expect(again.stderr.contains("Error: The session is closed"))
        let minutes = try binary.run(["session", "minutes", "1", "--format", "md", "--lang", "nl"])
        #expect(minutes.stdout.hasPrefix("# Besluitenlijst — weging S1"))
        #expect(minutes.stdout.contains("- Deelnemers (2): Anne, Bram"))
        #expect(minutes.stdout.contains("| impact | 50,0 % | hoger is beter | 1–5 |  |"))
        #expect(minutes.stdout.contains("| 3 | #3 Huiswerkklas |"))
        #expect(minutes.stdout.contains("## Besluiten"))
        let board = try binary.run(["list", "--format", "json"])
        #expect(board.status == 0)
    }
}
