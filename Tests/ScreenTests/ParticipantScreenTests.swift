import AppCore
import Domain
import Foundation
import Screen
import Testing

/// Bram's own screen: two ideas × impact (1–5, benefit) and kosten (1–10, cost); Anne has scored too.
func bramsScreen(size: Size = Size(width: 80, height: 16), language: Language = .en, scored: [Int] = []) -> ParticipantState {
    let set = CriteriaSet(name: "snel", criteria: [
        Criterion(name: "impact", description: "Wat levert het inwoners op?", weight: 1),
        Criterion(name: "kosten", weight: 1, direction: .cost, scaleMin: 1, scaleMax: 10),
    ])
    var session = WeighingSession(set: set, ideas: [IdeaID(3), IdeaID(5)], participants: ["Anne", "Bram"], createdAt: Date(timeIntervalSince1970: 0))
    session.id = SessionID(2)
    session.scores[ScoreKey(participant: 0, idea: IdeaID(3), criterion: 0)] = 1
    var state = ParticipantState(language: language, size: size, session: session, participant: 1,
                                 titles: [IdeaID(3): "Buurtkamer", IdeaID(5): "Huiswerkklas"])
    for value in scored { _ = ParticipantReducer.reduce(&state, .key(.character(Character(String(value))))) }
    return state
}

@Suite("Screen: participants")
struct ParticipantScreenTests {
    /// Long titles are shown whole first (up to half the screen), then criterion names as far as the cells allow: at 100
    /// columns the titles are whole, at 120 the names are too.
    @Test func longCriterionNamesAndTitlesAreWholeWhenThereIsRoom() {
        let names = ["impact", "haalbaarheid", "draagvlak", "kosten", "risico"]
        let set = CriteriaSet(name: "sociaal-domein", criteria: names.map { Criterion(name: $0, weight: 1) })
        var session = WeighingSession(set: set, ideas: [IdeaID(4), IdeaID(11)], participants: ["Anne"], createdAt: Date(timeIntervalSince1970: 0))
        session.id = SessionID(3)
        let state = ParticipantState(language: .nl, size: Size(width: 100, height: 20), session: session, participant: 0,
                                     titles: [IdeaID(4): "Eén loket voor alle toeslagen", IdeaID(11): "Jongerenwerk op straat na 22.00 uur"])
        let lines = ParticipantView.render(state).lines()
        #expect(lines[5].hasPrefix(" #4 Eén loket voor alle toeslagen "))
        #expect(lines[6].hasPrefix(" #11 Jongerenwerk op straat na 22.00 uur "))
        var wide = state
        wide.size = Size(width: 120, height: 20)
        let wider = ParticipantView.render(wide).lines()
        #expect(wider[4].contains("impact       haalbaarheid draagvlak    kosten       risico"))
        #expect(!wider[4...6].joined().contains("…"))
    }

    @Test func theParticipantSeesOnlyTheirOwnGridAndWhereTheyAre() {
        var state = bramsScreen(scored: [4])
        state.message = nil
        let lines = ParticipantView.render(state).lines()
        #expect(lines[0] == " Weighing S2 · you score as Bram                                     1/4 scored")
        #expect(lines[2] == " Only you see your scores; the facilitator sees how far you are.")
        #expect(lines[4] == "                                impact  kosten")
        #expect(lines[5] == " #3 Buurtkamer                     4       ·")
        #expect(lines[6] == " #5 Huiswerkklas                   ·       ·")
        #expect(lines[12] == " kosten: 1–10, a higher score counts against the idea")
        #expect(lines[15] == " 0-9 score · - abstain · arrows move · Backspace clear · q leave")
        #expect(!lines.joined().contains("Anne"), "blind to everyone else")
    }

    @Test func doneIsClearAndInDutch() {
        let state = bramsScreen(language: .nl, scored: [4, 7, 2, 1, 0])
        let lines = ParticipantView.render(state).lines()
        #expect(lines[0].hasSuffix("4/4 gescoord"))
        #expect(lines[2] == " Klaar ✓ Al je 4 scores zijn opgeslagen. Je kunt ze nog wijzigen tot de")
        #expect(lines[3] == " facilitator de weging sluit.")
        #expect(lines[7] == " #5 Huiswerkklas                   2      10")
        #expect(lines[15] == " Opgeslagen: 10 op kosten voor #5")
    }

    @Test func aClosedSessionAndTheCriterionDescription() {
        var state = bramsScreen()
        state.session.status = .closed
        let lines = ParticipantView.render(state).lines()
        #expect(lines[2] == " The session is closed: your scores are saved and locked.")
        #expect(lines[12] == " impact: 1–5, higher is better")
        #expect(lines[13] == " Wat levert het inwoners op?")
    }

    @Test func theFacilitatorsBlindGridHidesParticipantsOwnScoresAndNamesTheirDevice() {
        var state = weighingScreen(size: Size(width: 110, height: 20))
        guard case .weighing(var weighing) = state.mode else { return }
        weighing.update { session in
            for key in session.scores.keys where key.participant == 0 { session.channels[key] = .web }
            for key in session.scores.keys where key.participant == 1 && key.idea == IdeaID(1) { session.channels[key] = .terminal }
        }
        state.mode = .weighing(weighing)
        let lines = Renderer().render(state).lines()
        #expect(lines[3] == "                            50%↑   30%↓   20%↑     Anne  9/9 ✓  phone")
        #expect(lines[4] == " #1 Buurtkamer                ●      ●      ●      Bram  9/9 ✓  terminal")
        _ = Reducer.reduce(&state, .key(.tab))
        let bram = Renderer().render(state).lines()
        #expect(bram[4].hasPrefix(" #1 Buurtkamer                ●      ●      ●"), "Bram's own scores on his terminal: hidden")
        #expect(bram[5].hasPrefix(" #2 Schuldhulp thuis          3      4      3"), "scores the facilitator typed: shown as before")
        _ = Reducer.reduce(&state, .key(.character("r")))
        #expect(Renderer().render(state).lines()[4].hasPrefix(" #1 Buurtkamer              3.0±2.8 2.0±0.0 4.0±0.0"),
                "revealed: the group's results, from every score however it was entered")
        _ = Reducer.reduce(&state, .key(.character("i")))
        #expect(Renderer().render(state).lines()[4].hasPrefix(" #1 Buurtkamer                1      2      4"), "and Bram's own scores")
    }

    @Test func anExcludedParticipantAndTheReVoteRoundOnTheirOwnScreen() throws {
        var state = bramsScreen(scored: [4, 7, 2, 1, 0])
        state.message = nil
        var revote = state.session
        revote.status = .revealed
        revote = try revote.applying(.startRevote([SessionCell(idea: IdeaID(5), criterion: 1)]))
        state.session = revote
        let lines = ParticipantView.render(state).lines()
        #expect(lines[0].hasSuffix("0/1 scored"), "progress over the re-voted cells only")
        #expect(lines[3] == " Round 2: only the marked cells are scored again; the others stay as they were.")
        #expect(lines[7] == " #5 Huiswerkklas                   2       ·")
        state.session.excluded[1] = "left early"
        let excluded = ParticipantView.render(state).lines()
        #expect(excluded[2] == " The facilitator excluded you from this session (left early): your scores no")
        #expect(excluded[3] == " longer count. q leaves.")
    }

    @Test func theSharingOverlayListsLinksWithProgressAndOneQRCodeAtATime() {
        var state = weighingScreen(size: Size(width: 100, height: 30))
        let qr = ["█▀▀▀█", "█▄▄▄█"]
        _ = Reducer.reduce(&state, .key(.character("s")))
        _ = Reducer.reduce(&state, .sharingStarted(ShareInfo(session: SessionID(4), address: "0.0.0.0:8470", localOnly: false, entries: [
            ShareInfo.Entry(participant: 0, name: "Anne", url: "http://192.168.1.20:8470/p/AAAAAAAAAAAAAAAAAAAAAAAA", qr: qr),
            ShareInfo.Entry(participant: 1, name: "Bram", url: "http://192.168.1.20:8470/p/BBBBBBBBBBBBBBBBBBBBBBBB", qr: ["▄▄▄▄▄"]),
        ])))
        let grid = Renderer().render(state)
        let lines = grid.lines()
        #expect(lines[0].hasPrefix(" Weighing S4"), "the weighing screen stays beneath")
        #expect(lines[1] == " ┌ Share S4: each participant their own link " + String(repeating: "─", count: 53) + "┐")
        #expect(lines[2] == " │ Serving on 0.0.0.0:8470: reachable from the local network, without encryption                  │")
        #expect(lines[4] == " │ QR code for Anne (1/2)                                                                         │")
        #expect(lines[5] == " │ █▀▀▀█   ▶ Anne    9/9 ✓  http://192.168.1.20:8470/p/AAAAAAAAAAAAAAAAAAAAAAAA                   │")
        #expect(lines[6] == " │ █▄▄▄█     Bram    9/9 ✓  http://192.168.1.20:8470/p/BBBBBBBBBBBBBBBBBBBBBBBB                   │")
        #expect(lines[27] == " │ Tab next QR · x stop sharing · Esc back (sharing goes on)                                      │")
        #expect(grid.row(5).first(where: { $0.text == "█" })?.style == Style(foreground: .black, background: .white),
                "drawn black on white for the phones' cameras")
        _ = Reducer.reduce(&state, .key(.tab))
        let next = Renderer().render(state).lines()
        #expect(next[4].hasPrefix(" │ QR code for Bram (2/2)  "))
        #expect(next[5].hasPrefix(" │ ▄▄▄▄▄     Anne    9/9"))
        #expect(next[6].hasPrefix(" │         ▶ Bram    9/9"))
    }
}
