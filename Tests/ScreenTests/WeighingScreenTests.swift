import AppCore
import Domain
import Foundation
import Screen
import Testing

func weighingScreen(size: Size, language: Language = .en, revealed: Bool = false, projector: Bool = false) -> AppState {
    var state = AppState(language: language, size: size)
    state.setBoard(BoardData(cards: [
        IdeaSummary(id: IdeaID(1), title: "Buurtkamer", theme: "", tags: [], stage: .proposed, position: 1),
        IdeaSummary(id: IdeaID(2), title: "Schuldhulp thuis", theme: "", tags: [], stage: .proposed, position: 2),
        IdeaSummary(id: IdeaID(3), title: "Huiswerkklas", theme: "", tags: [], stage: .proposed, position: 3),
    ], today: november30))
    let set = CriteriaSet(name: "sociaal", criteria: [
        Criterion(name: "impact", weight: 50), Criterion(name: "kosten", weight: 30, direction: .cost),
        Criterion(name: "haalbaarheid", weight: 20, veto: 1),
    ])
    var session = WeighingSession(set: set, ideas: [IdeaID(1), IdeaID(2), IdeaID(3)], participants: ["Anne", "Bram"],
                                  createdAt: Date(timeIntervalSince1970: 0))
    session.id = SessionID(4)
    let table: [[[Int]]] = [[[5, 2, 4], [3, 3, 3], [4, 1, 1]], [[1, 2, 4], [3, 4, 3], [4, 2, 1]]]
    for (p, rows) in table.enumerated() {
        for (i, row) in rows.enumerated() {
            for (c, value) in row.enumerated() { session.scores[ScoreKey(participant: p, idea: session.ideas[i], criterion: c)] = value }
        }
    }
    if revealed { session.status = .revealed }
    _ = Reducer.reduce(&state, .sessionLoaded(session))
    if projector { _ = Reducer.reduce(&state, .key(.character("p"))) }
    return state
}

@Suite("Screen: weighing")
struct WeighingScreenTests {
    /// More ideas than the set-up lists: the last line says how many more, over the whole line.
    @Test func theSetUpSaysHowManyMoreIdeasOverAWholeLine() {
        var state = AppState(language: .nl, size: Size(width: 80, height: 24))
        let cards = (1...20).map {
            IdeaSummary(id: IdeaID(Int64($0)), title: "Een lang idee over de buurt nummer \($0)", theme: "", tags: [], stage: .proposed,
                        position: $0)
        }
        state.setBoard(BoardData(cards: cards, today: november30))
        state.mode = .weighingSetup(SetupState(ideas: cards, sets: [CriteriaSet(name: "sociaal", criteria: [Criterion(name: "impact", weight: 1)])]))
        let lines = Renderer().render(state).lines()
        #expect(lines.contains { $0.contains("Ideeën (20)") })
        #expect(lines.contains { $0.contains("#5 Een lang idee over de buurt nummer 5") })
        #expect(!lines.contains { $0.contains("nummer 6") }, "the sixth line says how many more instead")
        let more = lines.first { $0.contains("… +") } ?? ""
        #expect(more.contains("  … +15 "), "\(more)")
        #expect(!more.contains("Idee"), "nothing of an idea's title is left on that line: \(more)")
    }
    @Test func blindGridShowsOnlyTheCurrentParticipantAndProgress() {
        let lines = Renderer().render(weighingScreen(size: Size(width: 110, height: 20))).lines()
        #expect(lines[0].hasPrefix(" Weighing S4 · sociaal v1 │ Participant 1/2: Anne │ blind"))
        #expect(lines[2] == "                            impact kosten haalb.   Progress")
        #expect(lines[3] == "                            50%↑   30%↓   20%↑     Anne  9/9 ✓")
        #expect(lines[4] == " #1 Buurtkamer                5      2      4      Bram  9/9 ✓")
        #expect(lines[5] == " #2 Schuldhulp thuis          3      3      3")
        #expect(!lines.joined().contains("Ranking"), "blind: no results that would give others' scores away")
    }

    @Test func revealedShowsTheGroupGridRankingVetoAgreementAndDiscussion() {
        var state = weighingScreen(size: Size(width: 120, height: 22), revealed: true)
        _ = Reducer.reduce(&state, .key(.down))  // the cursor leaves the cell under test
        let grid = Renderer().render(state)
        let lines = grid.lines()
        #expect(lines[0].hasPrefix(" Weighing S4 · sociaal v1 │ Group: mean ± sd │ revealed"))
        #expect(lines[4] == " #1 Buurtkamer              3.0±2.8 2.0±0.0 4.0±0.0   2. █░░░░░ 0.13 #2 Schuldhulp thuis",
                "the group's mean ± SD, never Anne's 5")
        let text = lines.joined(separator: "\n")
        #expect(text.contains("Ranking · weighted sum · min-max · mean"))
        #expect(lines[3].hasSuffix(" 1. ███░░░ 0.42 #1 Buurtkamer"))
        #expect(lines[5].hasSuffix(" 3. █████░ 0.80 #3 Huiswerkklas ✗ veto: haalbaarheid ≤ 1"), "vetoed, so last despite its score")
        #expect(text.contains("Agreement (Kendall's W): "))
        #expect(text.contains("Discuss (largest disagreement first)\n"), "\(text)")
        #expect(text.contains("  impact: 1 5 · sd 2.8"))
        #expect(grid[30, 4].style == Palette.warning, "the disagreement cell stands out")
        #expect(grid[38, 4].style == .plain)
        press(.character("i"), &state)
        #expect(Renderer().render(state).lines()[4].hasPrefix(" #1 Buurtkamer                5      2      4 "), "i opens Anne's own")
    }

    @Test func narrowScreensPutResultsBelowTheGrid() throws {
        let lines = Renderer().render(weighingScreen(size: Size(width: 70, height: 24), revealed: true)).lines()
        let gridRow = try #require(lines.firstIndex { $0 == " #3 Huiswerkklas" + String(repeating: " ", count: 28) + "4.0±0.0 1.5±0.7 1.0±0.0" },
                                   "with the results below, the titles get the width")
        let rankingRow = try #require(lines.firstIndex { $0.contains("Ranking") })
        #expect(rankingRow > gridRow)
    }

    @Test func setupOverlayListsIdeasSetsAndParticipants() {
        var state = boardState(size: Size(width: 100, height: 24))
        _ = Reducer.reduce(&state, .key(.character("w")))
        _ = Reducer.reduce(&state, .criteriaSetsLoaded([CriteriaSet.socialDomain]))
        for character in "Anne, Bram" { _ = Reducer.reduce(&state, .key(.character(character))) }
        let text = Renderer().render(state).lines().joined(separator: "\n")
        #expect(text.contains("┌ New weighing session"))
        #expect(text.contains("Ideas (3)"))
        #expect(text.contains("sociaal-domein v1: impact, opgave, haalbaarheid, kosten, risico"))
        #expect(text.contains("Participants (names, or a number) Anne, Bram"))
    }

    private func press(_ key: Key, _ state: inout AppState) { _ = Reducer.reduce(&state, .key(key)) }
}
