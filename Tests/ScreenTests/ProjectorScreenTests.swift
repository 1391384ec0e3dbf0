import AppCore
import Domain
import Foundation
import Screen
import Testing

/// The projector at 100×30 with the issue's meeting (10 ideas × 5 criteria × 8 participants), in Dutch and English.
@Suite("Screen: the projector in the room")
struct ProjectorScreenTests {
    @Test func blindShowsWhoHasFinishedAndNoScoreAtAll() {
        let lines = Renderer().render(RoomFixture.state(revealed: false, projector: true)).lines()
        #expect(lines[0] == " Weging S2 · sociaal-domein v1 │ Deelnemer 8/8: Dirk │ blind", "it opens where work is left")
        #expect(lines[2] == "     impact   opgave   haalbaa. kosten   risico     Voortgang")
        #expect(lines[3] == "     30%↑     20%↑     20%↑     15%↓     15%↓       Wethouder       ██████████ 50/50 ✓")
        #expect(lines[4] == " #4     ●        ●        ●        ●        ●       Wijkteam Noord  ██████████ 50/50 ✓")
        #expect(lines[10] == " #13    ●        ●        ●        ●        ●       Dirk            ████████░░ 40/50")
        #expect(lines[12] == " #15    ●        ●        ●        ●        ●       Nu: #26 × impact")
        #expect(lines[13] == "                                                    #26 Taalmaatjes op de werkvloer")
        #expect(lines[20] == " #26    ·        ·        ·        ·        ·       #15 Huiswerkklas in de bibliotheek", "Dirk's empty cells")
        #expect(lines[29] == " 0-9 score · - onthouden · Tab deelnemer · r toon · p gewone weergave · ? hulp")
        // The grid shows marks, the pane counts: no score, neither one person's nor the group's.
        for line in lines[4...23] {
            let grid = String(line.prefix(50).dropFirst(5))
            #expect(!grid.contains { $0.isNumber }, "a score on the projector while blind: \(line)")
        }
        let text = lines.joined(separator: "\n")
        #expect(!text.contains("Rangschikking") && !text.contains("±") && !text.contains("Kendall"))
        #expect(!text.contains("…"), "nothing is cut")
    }

    @Test func afterTheRevealEverythingTheRoomNeedsFitsInDutch() {
        let lines = Renderer().render(RoomFixture.state(revealed: true, projector: true)).lines()
        #expect(Array(lines[0...14]) == [
            " Weging S2 · sociaal-domein v1 │ Groep: gemiddelde ± sd │ zichtbaar",
            "",
            "     impact   opgave   haalbaa. kosten   risico     Rangschikking · gewogen som · min-max ·",
            "     30%↑     20%↑     20%↑     15%↓     15%↓         gemiddelde",
            " #4  2,9±1,1  3,5±1,1  2,9±1,2  3,1±0,7  2,9±1,4    (niet volledig: 7 van de 8 deelnemers vulden",
            " #7  4,0±0,0  2,0±0,0  3,0±0,0  3,0±0,0  2,0±0,0      elke cel in)",
            " #11 4,0±0,0  2,0±0,0  3,0±0,0  3,0±0,0  2,0±0,0     1= 0,64 #7 Budgetcursus voor jongeren van 18",
            " #13 3,0±2,1  2,9±1,0  2,9±1,4  2,9±1,1  3,5±1,1     1= 0,64 #11 Jongerenwerk op straat na 22.00",
            " #15 3,5±1,1  2,9±1,2  2,9±1,0  2,9±1,4  2,9±1,1             uur",
            " #17 2,9±1,1  3,5±1,1  2,9±1,2  2,9±1,0  2,9±1,4     3. 0,57 #15 Huiswerkklas in de bibliotheek",
            " #21 2,9±1,4  2,9±1,1  3,5±1,1  2,9±1,2  4,5±0,5     4. 0,48 #17 Keukentafelgesprek door",
            " #23 2,9±1,0  2,9±1,4  2,9±1,1  3,5±1,1  2,9±1,2             ervaringsdeskundige",
            " #26 3,0±1,3  2,7±1,0  3,1±1,2  2,9±1,2  3,3±1,0     5. 0,46 #26 Taalmaatjes op de werkvloer",
            " #28 3,3±1,0  3,0±1,3  2,7±1,0  3,1±1,2  2,9±1,2     6. 0,42 #28 Participatieplek in",
            "                                                             sportverenigingen",
        ])
        #expect(lines[16] == " #13 Gezinscoach bij scheiding                               regelingen")
        #expect(lines[17] == "   impact: 1 1 1 1 5 5 5 5 · sd 2,1                  8. 0,40 #13 Gezinscoach bij scheiding")
        #expect(lines[20] == " #13 Gezinscoach bij scheiding                      10. 0,46 #21 Valpreventie bij 75-plussers ✗")
        #expect(lines[21] == "   haalbaarheid: 1 1 3 3 3 3 4 5 · sd 1,4                    veto: risico ≥ 4")
        #expect(lines[23] == "   kosten: 1 1 3 3 3 3 4 5 · sd 1,4                 Overeenstemming (Kendalls W): 0,11 over 6 van")
        #expect(lines[24] == " #17 Keukentafelgesprek door ervaringsdeskundige      de 8 deelnemers")
        #expect(lines[26] == "                                                    De top 3 blijft gelijk als een gewicht ±10 %")
        #expect(lines[27] == " haalbaa. = haalbaarheid                              verschuift")
        let text = lines.joined(separator: "\n")
        #expect(text.contains(" Bespreken (grootste verschil eerst)"))
        #expect(!text.contains("…") && !text.contains("▼"), "nothing is cut or left out")
        #expect(!text.contains("Wethouder") && !text.contains("Anne"), "no named person after the reveal")
    }

    @Test func afterTheRevealEverythingFitsInEnglishToo() {
        let lines = Renderer().render(RoomFixture.state(language: .en, revealed: true, projector: true)).lines()
        #expect(lines[0] == " Weighing S2 · sociaal-domein v1 │ Group: mean ± sd │ revealed")
        #expect(lines[2] == "     impact   opgave   haalbaa. kosten   risico     Ranking · weighted sum · min-max · mean")
        #expect(lines[6] == " #11 4.0±0.0  2.0±0.0  3.0±0.0  3.0±0.0  2.0±0.0     1= 0.64 #11 Jongerenwerk op straat na 22.00")
        #expect(lines[22] == " #15 Huiswerkklas in de bibliotheek                 Agreement (Kendall's W): 0.11 over 6 of 8")
        #expect(lines[25] == "   risico: 1 1 3 3 3 3 4 5 · sd 1.4                 The top 3 stays the same when any weight moves")
        #expect(lines[26] == "                                                      ±10 %")
        #expect(lines[15].hasPrefix(" Discuss (largest disagreement first) "))
        #expect(lines[16].hasPrefix(" #13 Gezinscoach bij scheiding "))
        #expect(lines[17].hasPrefix("   impact: 1 1 1 1 5 5 5 5 · sd 2.1 "))
        let text = lines.joined(separator: "\n")
        #expect(!text.contains("…") && !text.contains("▼"))
    }

    @Test func aRevoteShowsTheShiftAndTheRankingsMove() {
        var state = RoomFixture.state(size: Size(width: 100, height: 30), language: .en, revealed: true, projector: true)
        guard case .weighing(var room) = state.mode else { return }
        let cell = SessionCell(idea: IdeaID(13), criterion: 0)
        var session = try! room.session.applying(.startRevote([cell]))
        for participant in 0..<8 {
            session = try! session.applying(.enter([ScoreInput(ScoreKey(participant: participant, idea: IdeaID(13), criterion: 0), .score(5), channel: .board)]))
        }
        session.status = .revealed
        room.update { $0 = session }
        state.mode = .weighing(room)
        let text = Renderer().render(state).lines().joined(separator: "\n")
        #expect(text.contains(" Weighing S2 · sociaal-domein v1 │ round 2 │ Group: mean ± sd │ revealed"))
        #expect(text.contains("Re-vote: round 1 → round 2"))
        #expect(text.contains("#13 × impact: 3.0 → 5.0 (sd 2.1 → 0.0)"))
        #expect(text.contains("#13 Gezinscoach bij scheiding ↑"), "\(text)")
    }

    @Test func sharedRanksReadFiveIsEqual() {
        let text = Renderer().render(RoomFixture.state(language: .en, revealed: true, projector: false)).lines().joined(separator: "\n")
        #expect(text.contains(" 1= ") && !text.contains(" 2. "), "two ideas share rank 1, the next is 3")
        #expect(text.contains(" 3. "))
    }

    @Test func anIdeaEveryoneAbstainedOnHasNoRankOnTheProjector() {
        var state = RoomFixture.state(revealed: true, projector: true)
        guard case .weighing(let room) = state.mode else { Issue.record("expected the weighing screen"); return }
        var session = room.session
        for key in session.scores.keys where key.idea == IdeaID(28) {
            session.scores[key] = nil
            session.abstentions.insert(key)
        }
        _ = Reducer.reduce(&state, .sessionLoaded(session))
        let lines = Renderer().render(state).lines()
        guard let row = lines.firstIndex(where: { $0.contains("#28 Participatieplek") }) else { Issue.record("#28 is not ranked"); return }
        #expect(lines[row].hasSuffix("— #28 Participatieplek in sportverenigingen"), "\(lines.joined(separator: "\n"))")
        #expect(lines[row + 1].hasSuffix("(geen scores)"), "said in words, wrapped under the title")
        #expect(!lines[row].contains("0,") && !lines[row].contains(" 1= "), "no score or rank that could be read as one")
        #expect(lines.contains { $0.contains(" 1. ") || $0.contains(" 1= ") }, "the others keep their ranks")
    }
}
