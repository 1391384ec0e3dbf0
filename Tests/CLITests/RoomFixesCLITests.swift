import Foundation
import Testing

/// A facilitator's review of the room: empty cells are null in JSON, a late joiner in a re-vote is complete when the
/// re-voted cells are filled, and Dutch verbs follow the count.
@Suite("CLI: the room's fixes", .serialized)
struct RoomFixesCLITests {
    func json(_ run: Run) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any], "\(run.stdout)\(run.stderr)")
    }

    /// Ideas 1–2, the set `wijk` (impact, bereik) and session S1 for Anne and Bram.
    func prepare() throws -> Binary {
        let binary = Binary()
        for title in ["Buurtkamer", "Schuldhulp"] { try binary.run(["add", title]) }
        try binary.run(["criteria", "create", "wijk"])
        try binary.run(["criteria", "add", "wijk", "impact", "--weight", "60"])
        try binary.run(["criteria", "add", "wijk", "bereik", "--weight", "40"])
        #expect(try binary.run(["session", "new", "--set", "wijk", "--ideas", "1,2", "--participants", "Anne,Bram"]).stdout == "1\n")
        return binary
    }

    func enter(_ binary: Binary, _ who: String, _ idea: Int, _ criterion: String, _ value: Int?) throws {
        let entry = value.map { ["--score", "\($0)"] } ?? ["--abstain"]
        let run = try binary.run(["session", "score", "1", "--participant", who, "--idea", "\(idea)", "--criterion", criterion] + entry)
        #expect(run.status == 0, "\(run.stderr)")
    }

    @Test func aCellNobodyScoredHasNullFigures() throws {
        let binary = try prepare()
        defer { binary.cleanUp() }
        for who in ["anne", "bram"] {
            try enter(binary, who, 1, "impact", nil)
            try enter(binary, who, 1, "bereik", 3)
            try enter(binary, who, 2, "impact", 4)
            try enter(binary, who, 2, "bereik", 2)
        }
        let run = try binary.run(["session", "results", "1", "--format", "json"])
        #expect(run.stdout.contains(#""mean" : null"#) && run.stdout.contains(#""sd" : null"#), "\(run.stdout)")
        let cells = try #require(try json(run)["cells"] as? [[String: Any]])
        #expect(cells[0]["mean"] is NSNull && cells[0]["median"] is NSNull && cells[0]["sd"] is NSNull && cells[0]["count"] as? Int == 0)
        #expect(cells[1]["mean"] as? Double == 3 && cells[1]["sd"] as? Double == 0 && cells[1]["count"] as? Int == 2)
    }

    @Test func aLateJoinerInTheRevoteIsCompleteWithTheRevotedCells() throws {
        let binary = try prepare()
        defer { binary.cleanUp() }
        for who in ["anne", "bram"] {
            for (idea, criterion, value) in [(1, "impact", 2), (1, "bereik", 3), (2, "impact", 4), (2, "bereik", 5)] {
                try enter(binary, who, idea, criterion, value)
            }
        }
        try binary.run(["session", "revote", "1", "--cell", "1:impact"])
        try binary.run(["session", "participant", "add", "1", "Carla"])
        var results = try json(try binary.run(["session", "results", "1", "--format", "json"]))
        #expect(results["participantsComplete"] as? Int == 0 && results["participantsTotal"] as? Int == 3)
        let early = try binary.run(["session", "minutes", "1", "--format", "md", "--lang", "nl"]).stdout
        #expect(early.contains("- Niet volledig: 0 van de 3 deelnemers vulden elke cel in; lege cellen: Anne 1, Bram 1, Carla 1\n"), "\(early)")
        for who in ["anne", "bram", "carla"] { try enter(binary, who, 1, "impact", 4) }
        results = try json(try binary.run(["session", "results", "1", "--format", "json"]))
        #expect(results["participantsComplete"] as? Int == 3 && results["complete"] as? Bool == true)
        #expect(results["kendallParticipants"] as? Int == 2, "Carla never ranked every idea, so W compares Anne and Bram")
        let minutes = try binary.run(["session", "minutes", "1", "--format", "md", "--lang", "nl"]).stdout
        #expect(minutes.contains("- Volledig: alle deelnemers vulden elke cel in\n"), "\(minutes)")
        #expect(try binary.run(["session", "close", "1"]).status == 0)
    }

    @Test func oneCompleteParticipantIsSingularInDutch() throws {
        let binary = try prepare()
        defer { binary.cleanUp() }
        for (idea, criterion, value) in [(1, "impact", 2), (1, "bereik", 3), (2, "impact", 4), (2, "bereik", 5)] {
            try enter(binary, "anne", idea, criterion, value)
        }
        let minutes = try binary.run(["session", "minutes", "1", "--format", "md", "--lang", "nl"]).stdout
        #expect(minutes.contains("- Niet volledig: 1 van de 2 deelnemers vulde elke cel in; lege cellen: Bram 4\n"), "\(minutes)")
        #expect(try binary.run(["session", "close", "1", "--lang", "nl"]).stderr
            == "Fout: Maar 1 van de 2 deelnemers scoorde elke cel: voeg --allow-incomplete toe om de sessie zo vast te leggen\n")
    }
}
