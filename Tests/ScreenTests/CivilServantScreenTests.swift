import AppCore
import Domain
import Foundation
import Screen
import Testing

/// A Dutch board at 80×24 as a civil servant sees it on a Monday: long titles, themes, a full experiment column (9 of
/// (10 of 10) and a scaling column over it (4 of 3).
func civilServantBoard(size: Size = Size(width: 80, height: 24)) -> AppState {
    var state = AppState(language: .nl, size: size, dataLabel: "/data")
    let titles = ["Schuldhulp aan de keukentafel", "Eén loket voor alle toeslagen", "Huiswerkklas in de bibliotheek"]
    var cards = titles.enumerated().map { index, title in
        IdeaSummary(id: IdeaID(Int64(index + 1)), title: title, theme: "Armoede en schulden", tags: [], stage: .proposed,
                    position: Int64(index))
    }
    cards += (1...10).map {
        IdeaSummary(id: IdeaID(Int64(10 + $0)), title: "Proef \($0)", theme: "Jeugd en gezin", tags: [], stage: .experimenting,
                    position: Int64($0), reviewDate: DayDate(year: 2026, month: 11, day: $0)!, cycle: 1)
    }
    cards += (1...4).map {
        IdeaSummary(id: IdeaID(Int64(30 + $0)), title: "Opschalen \($0)", theme: "Wonen", tags: [], stage: .scaling, position: Int64($0))
    }
    let limits: [Stage: WipLimit] = [.experimenting: WipLimit(stage: .experimenting, limit: 10),
                                     .learning: WipLimit(stage: .learning, limit: 8), .scaling: WipLimit(stage: .scaling, limit: 3)]
    state.setBoard(BoardData(cards: cards, wipLimits: limits, today: november30))
    return state
}

/// The detail of an idea whose history holds a move over a WIP limit, its undo and its redo, and a measurement with
/// a decimal.
func detailWithHistory(language: Language = .nl) -> AppState {
    var state = civilServantBoard()
    state.language = language
    _ = Reducer.reduce(&state, .key(.enter))
    let at = Date(timeIntervalSince1970: 1_790_000_000)
    let idea = Idea(id: IdeaID(1), fields: IdeaFields(title: "Schuldhulp aan de keukentafel", theme: "Armoede en schulden"),
                    stage: .experimenting, position: 1, createdAt: at, updatedAt: at, reviewDate: DayDate(year: 2027, month: 1, day: 11)!,
                    cycleCount: 1)
    let placed = #"{"position":1,"stage":"proposed"}"#
    let over = #"{"position":4,"stage":"experimenting","wipOverride":"wethouder wil het nu"}"#
    let history = [
        HistoryEntry(at: at, actor: "anne", ideaID: IdeaID(1), kind: .moved, reason: "pilot", before: placed, after: over),
        HistoryEntry(at: at + 60, actor: "anne", ideaID: IdeaID(1), kind: .moved, reason: "undo",
                     before: #"{"position":4,"stage":"experimenting"}"#, after: #"{"position":1,"stage":"proposed","takeBack":"undo"}"#),
        HistoryEntry(at: at + 120, actor: "anne", ideaID: IdeaID(1), kind: .moved, reason: "pilot", before: placed,
                     after: #"{"position":4,"stage":"experimenting","takeBack":"redo","wipOverride":"wethouder wil het nu"}"#),
    ]
    let cycle = Cycle(number: 1, testCard: TestCard(hypothesis: "h", action: "a", metric: "m", successCriterion: "minstens 12"),
                      owner: "Sanne", reviewDate: DayDate(year: 2027, month: 1, day: 11)!,
                      measurements: [MetricMeasurement(date: november30, value: 9.5)])
    _ = Reducer.reduce(&state, .ideaLoaded(IdeaDetail(idea: idea, cycles: [cycle], history: history), purpose: .detail))
    return state
}

@Suite("Screen: the civil servant's board at 80×24")
struct CivilServantScreenTests {
    let utc = Renderer(timeZone: TimeZone(identifier: "UTC")!)

    @Test func aDutchBoardKeepsCountsTitlesAndThemes() {
        let grid = utc.render(civilServantBoard())
        #expect(grid.lines() == [
            " Proeftuin · 17 ideeën │ #1 Schuldhulp aan de keukentafel                 /data",
            "┌ Voorgeste… 3 ┐┌ Exper… 10/10 ┐┌ Leren 0/8 ───┐┌ Opschal… 4/3 ┐┌ Gestopt 0 ───┐",
            "│ Schuldhulp   ││ Proef 1      ││ (leeg)       ││ Opschalen 1  ││ (leeg)       │",
            "│ aan de keuke…││              ││              ││              ││              │",
            "│ #1 · Armoede…││ #11 ⚠ · Jeug…││              ││ #31 · Wonen  ││              │",
            "│ Eén loket    ││ Proef 2      ││              ││ Opschalen 2  ││              │",
            "│ voor alle to…││              ││              ││              ││              │",
            "│ #2 · Armoede…││ #12 ⚠ · Jeug…││              ││ #32 · Wonen  ││              │",
            "│ Huiswerkklas ││ Proef 3      ││              ││ Opschalen 3  ││              │",
            "│ in de biblio…││              ││              ││              ││              │",
            "│ #3 · Armoede…││ #13 ⚠ · Jeug…││              ││ #33 · Wonen  ││              │",
            "│              ││ Proef 4      ││              ││ Opschalen 4  ││              │",
            "│              ││              ││              ││              ││              │",
            "│              ││ #14 ⚠ · Jeug…││              ││ #34 · Wonen  ││              │",
            "│              ││ Proef 5      ││              ││              ││              │",
            "│              ││              ││              ││              ││              │",
            "│              ││ #15 ⚠ · Jeug…││              ││              ││              │",
            "│              ││ Proef 6      ││              ││              ││              │",
            "│              ││              ││              ││              ││              │",
            "│              ││ #16 ⚠ · Jeug…││              ││              ││              │",
            "│              ││              ││              ││              ││              │",
            "│              ││              ││              ││              ││              │",
            "└──────────────┘└───── ▼ nog 4 ┘└──────────────┘└──────────────┘└──────────────┘",
            " Enter open · n nieuw · e wijzig · H/L verplaats · ? hulp · q afsluiten",
        ])
        #expect(grid[21, 1].style == Palette.warning, "10/10: at the limit, yellow")
        #expect(grid[60, 1].style == Palette.error, "4/3: over the limit, red")
        #expect((2...4).allSatisfy { grid[5, $0].style.reverse }, "the selected card is reversed on all three rows")
        #expect(grid[7, 4].style == Palette.selected, "its theme too")
        #expect(grid[23, 4].style == Palette.error, "the overdue mark is red")
        #expect(grid[27, 4].style == Palette.theme, "themes keep their colour")
        #expect(grid[2, 23].style == Palette.footer)
    }

    @Test func theFooterAlwaysKeepsHelpAndQuit() {
        for width in [60, 80, 120, 200] {
            let lines = utc.render(civilServantBoard(size: Size(width: width, height: 24))).lines()
            #expect(lines[23].hasSuffix("? hulp · q afsluiten"), "at \(width) columns: \(lines[23])")
        }
        let narrow = utc.render(civilServantBoard(size: Size(width: 50, height: 14))).lines()
        #expect(narrow[13] == " Enter open · n nieuw · ? hulp · q afsluiten")
    }

    @Test func anEmptyBoardSaysWhatToDo() {
        var state = AppState(language: .nl, size: Size(width: 80, height: 24), dataLabel: "/data")
        state.setBoard(BoardData(cards: [], today: november30))
        let grid = utc.render(state)
        let lines = grid.lines()
        #expect(lines[0] == " Proeftuin · 0 ideeën                                                     /data")
        #expect(lines[11] == "│              ││  ┌────────────────────────────────────────┐  ││              │")
        #expect(lines[12] == "│              ││  │ Nog geen ideeën — n nieuw idee, ? hulp │  ││              │")
        #expect(lines[13] == "│              ││  └────────────────────────────────────────┘  ││              │")
        #expect(grid[21, 12].style == Palette.info)
        #expect(lines[23] == " ←↓↑→ kies · n nieuw · / filter · u ongedaan maken · ? hulp · q afsluiten",
                "no keys for a card that is not there")
        var one = state
        one.setBoard(BoardData(cards: [IdeaSummary(id: IdeaID(1), title: "Eerste", theme: "", tags: [], stage: .proposed, position: 1)],
                               today: november30))
        #expect(utc.render(one).lines()[0].hasPrefix(" Proeftuin · 1 idee │"), "one idea, not one ideas")
    }

    @Test func leavingAChangedFormAsksInTheMiddleOfTheScreen() {
        var state = civilServantBoard()
        _ = Reducer.reduce(&state, .key(.character("n")))
        for character in "Inloop" { _ = Reducer.reduce(&state, .key(.character(character))) }
        _ = Reducer.reduce(&state, .key(.escape))
        let grid = utc.render(state)
        let lines = grid.lines()
        #expect(lines[8] == "││ Titel          Inloop                                                      ││", "the form stays visible")
        #expect(lines[10] == "││ Thema                 ┌────────────────────────────┐                       ││")
        #expect(lines[11] == "││ Labels (a, b)         │ Wijzigingen weggooien? j/n │                       ││")
        #expect(lines[12] == "││ Bron           ‹ — ›  └────────────────────────────┘                       ││")
        #expect(lines[23] == " j ja · n nee")
        #expect(grid[27, 11].style == Palette.warning)
        #expect(grid.cursor == nil)
    }

    @Test func aGateFormAnnouncesTheWipLimitWhenItOpens() {
        var state = civilServantBoard()
        _ = Reducer.reduce(&state, .ideaLoaded(IdeaDetail(idea: Idea(
            id: IdeaID(1), fields: IdeaFields(title: "Schuldhulp"), stage: .proposed, position: 1, createdAt: Date(timeIntervalSince1970: 0),
            updatedAt: Date(timeIntervalSince1970: 0))), purpose: .gate(.experimenting)))
        let grid = utc.render(state)
        let lines = grid.lines()
        #expect(lines[2] == "│┌ #1 naar Experiment ────────────────────────────────────────────────────────┐│")
        #expect(lines[9] == "││ Evaluatiedatum             2027-01-11                                      ││")
        #expect(lines[10] == "││ Budgetplafond (€)                                                          ││")
        #expect(lines[15] == "││ Reden                                                                      ││", "every field fits at 80×24")
        #expect(lines[19] == "││ Experiment zit aan de WIP-grens (10/10): bij opslaan vragen we een reden   ││")
        #expect(grid[4, 19].style == Palette.warning)
        #expect(lines[23] == " Ctrl-S opslaan · Enter/Tab volgend veld · F1 hulp · Esc annuleren")
    }

    @Test func prefilledTextIsShownSelected() {
        var state = civilServantBoard()
        _ = Reducer.reduce(&state, .ideaLoaded(IdeaDetail(idea: Idea(
            id: IdeaID(1), fields: IdeaFields(title: "Schuldhulp", theme: "Armoede en schulden"), stage: .proposed, position: 1,
            createdAt: Date(timeIntervalSince1970: 0), updatedAt: Date(timeIntervalSince1970: 0))), purpose: .edit(returnToDetail: false)))
        let grid = utc.render(state)
        #expect(grid.lines()[8] == "││ Titel          Schuldhulp                                                  ││")
        #expect(grid[18, 8].style == Palette.selection, "typing will replace it")
        #expect(grid[30, 8].style == Palette.focusedField)
        #expect(grid.cursor == Point(x: 28, y: 8), "the cursor after the selection")
    }

    @Test func themesAreOfferedWhileTyping() {
        var state = civilServantBoard()
        _ = Reducer.reduce(&state, .key(.character("n")))
        for key: Key in [.tab, .tab, .character("j"), .character("e")] { _ = Reducer.reduce(&state, .key(key)) }
        let grid = utc.render(state)
        let lines = grid.lines()
        #expect(lines[10] == "││ Thema          jeugd en gezin                                              ││", "the rest shown faintly")
        #expect(grid[18, 10].style == Palette.focusedField)
        #expect(grid[20, 10].style == Palette.completion)
        #expect(lines[16] == "││ Thema's: Jeugd en gezin  (Tab of → neemt de eerste)                        ││")
    }

    @Test func helpFitsAndWrapsLongDescriptions() {
        var state = civilServantBoard()
        _ = Reducer.reduce(&state, .key(.character("n")))
        _ = Reducer.reduce(&state, .key(.function(1)))
        let lines = utc.render(state).lines()
        #expect(lines[1] == "┌┌ Hulp: toetsen ─────────────────────────────────────────────────────────────┐┐")
        #expect(lines[2] == "││ Ideeformulier                                                              ││", "the form's keys first")
        #expect(lines[3] == "││ Ctrl-S                 Opslaan                                             ││")
        #expect(lines[4] == "││ Enter                  Volgend veld; op het laatste veld: opslaan          ││")
        #expect(lines[5] == "││ Esc Ctrl-C             Annuleren (vraagt eerst als er iets getypt is)      ││")
        for line in lines[1...22] { #expect(DisplayWidth.of(line) == 80) }
        var pages = ""
        for _ in 0..<20 {
            pages += utc.render(state).lines().dropFirst(2).prefix(19).joined(separator: "\n") + "\n"
            _ = Reducer.reduce(&state, .key(.pageDown))
        }
        #expect(pages.contains("││ F10 Ctrl-C             Afsluiten (vraagt eerst als een formulier           ││\n"
            + "││                        wijzigingen heeft)                                  ││"), "wrapped, not cut")
        #expect(!pages.contains("…"), "no description is cut")
    }

    @Test func theTooSmallMessageIsReadWhole() {
        let lines = utc.render(civilServantBoard(size: Size(width: 30, height: 8))).lines()
        #expect(lines == [
            "",
            " Terminal te klein (minimaal",
            "            40×10)",
            "             30×8",
            " Maak het venster groter, of",
            "   druk q om af te sluiten.",
            "",
            "",
        ])
    }

    @Test func historyTellsOfUndoRedoAndWipOverrides() {
        let lines = utc.render(detailWithHistory()).lines()
        #expect(lines[19] == "     2026-11-30  9,5", "a decimal comma in Dutch")
        #expect(lines[23] == " M meting · d besluit · D bezwaren · e wijzig · C casus · ? hulp · q terug")
        var scrolled = detailWithHistory()
        for _ in 0..<10 { _ = Reducer.reduce(&scrolled, .key(.down)) }
        let history = utc.render(scrolled).lines().joined(separator: "\n")
        #expect(history.contains(" 2026-09-21 14:15 anne opnieuw gedaan Voorgesteld → Experiment: pilot (over de\n     WIP-grens: wethouder wil het nu)"))
        #expect(history.contains(" 2026-09-21 14:14 anne ongedaan gemaakt Experiment → Voorgesteld\n"), "no reason 'undo' in English")
        #expect(history.contains(" 2026-09-21 14:13 anne verplaatst Voorgesteld → Experiment: pilot (over de"))
    }

    /// A history entry that wraps keeps every character: its further lines are indented within the width, not cut.
    @Test func aLongHistoryEntryWrapsWithoutLosingText() {
        var state = detailWithHistory()
        let reason = "Dit is een lange reden die over meerdere regels loopt zodat we kunnen zien of het einde van elke "
            + "vervolgregel wordt afgeknipt door de inspringing van vier spaties ENDMARK"
        guard case .detail(var detail) = state.mode, var loaded = detail.detail else {
            Issue.record("expected the detail view")
            return
        }
        loaded.history = [HistoryEntry(at: Date(timeIntervalSince1970: 1_790_000_000), actor: "anne", ideaID: IdeaID(1), kind: .moved,
                                       reason: reason, before: #"{"position":1,"stage":"proposed"}"#,
                                       after: #"{"position":4,"stage":"experimenting"}"#)]
        detail.detail = loaded
        detail.scroll = 10
        state.mode = .detail(detail)
        let lines = utc.render(state).lines()
        guard let first = lines.firstIndex(where: { $0.hasPrefix(" 2026-09-21 14:13 anne verplaatst") }) else {
            Issue.record("no history line in \(lines)")
            return
        }
        let entry = lines[first...].prefix { !$0.trimmingCharacters(in: .whitespaces).isEmpty && !$0.hasPrefix(" M meting") }
        #expect(entry.dropFirst().allSatisfy { $0.hasPrefix("     ") && $0.count <= 80 })
        let words = entry.joined(separator: " ").split(separator: " ").joined(separator: " ")
        #expect(words.hasSuffix(reason), "every word of the reason is there: \(words)")
    }

    @Test func anAmendedObjectionIsReadWholeAt80Columns() {
        var state = civilServantBoard()
        let context = GateContext(id: IdeaID(3), title: "Buurtkamer", from: .learning, to: .scaling)
        var screen = DecisionState(purpose: .gate(context), form: EntryForm(purpose: .gate(context), title: "Consent om #3 op te schalen",
                                                                            fields: GateFlow_decisionFields()))
        screen.objections = [Objection(who: "Team Financiën", text: "dekking na dit jaar onzeker", qualified: true, resolution: .amended,
                                       resolutionNote: "evaluatie toegevoegd", previousProposal: "uitbreiden naar twee wijken")]
        screen.listFocus = true
        state.mode = .decision(screen)
        let lines = utc.render(state).lines()
        #expect(lines[10] == "││   1. Team Financiën: dekking na dit jaar onzeker [overwegend,              ││")
        #expect(lines[11] == "││      aangepast: evaluatie toegevoegd, voorstel was: uitbreiden naar twee   ││")
        #expect(lines[12] == "││      wijken]                                                               ││")
        #expect(lines[23] == " Enter consent · y overwegend · n niet · a aangepast · F1 hulp · Esc annuleren")
    }
}
