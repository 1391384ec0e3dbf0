import AppCore
import Domain
import Foundation
import Screen
import Testing

/// A small board for screen tests.
func boardState(size: Size, language: Language = .en, titles: [String]? = nil) -> AppState {
    var state = AppState(language: language, size: size, dataLabel: "/data")
    let proposed = titles ?? ["Buurtkamer met open tafel", "Schuldhulp thuis", "Huiswerkklas"]
    var cards = proposed.enumerated().map { index, title in
        IdeaSummary(id: IdeaID(Int64(index + 1)), title: title, theme: "Wijk", tags: [], stage: .proposed, position: Int64(index))
    }
    cards.append(IdeaSummary(id: IdeaID(7), title: "Energiecoach", theme: "", tags: [], stage: .learning, position: 1))
    state.setBoard(BoardData(cards: cards, wipLimits: [:], today: DayDate(year: 2026, month: 11, day: 30)!))
    return state
}

func render(_ state: AppState) -> [String] {
    Renderer(timeZone: TimeZone(identifier: "UTC")!).render(state).lines()
}

@Suite("Screen: board")
struct BoardScreenTests {
    @Test func wideBoardAt80x16() {
        let lines = render(boardState(size: Size(width: 80, height: 16)))
        #expect(lines == [
            " Proeftuin · 4 ideas │ #1 Buurtkamer met open tafel                       /data",
            "┌ Proposed 3 ──┐┌ Experimen… 0 ┐┌ Learning 1 ──┐┌ Scaling 0 ───┐┌ Stopped 0 ───┐",
            "│ Buurtkamer   ││ (empty)      ││ Energiecoach ││ (empty)      ││ (empty)      │",
            "│ met open taf…││              ││              ││              ││              │",
            "│ #1 · Wijk    ││              ││ #7           ││              ││              │",
            "│ Schuldhulp   ││              ││              ││              ││              │",
            "│ thuis        ││              ││              ││              ││              │",
            "│ #2 · Wijk    ││              ││              ││              ││              │",
            "│ Huiswerkklas ││              ││              ││              ││              │",
            "│              ││              ││              ││              ││              │",
            "│ #3 · Wijk    ││              ││              ││              ││              │",
            "│              ││              ││              ││              ││              │",
            "│              ││              ││              ││              ││              │",
            "│              ││              ││              ││              ││              │",
            "└──────────────┘└──────────────┘└──────────────┘└──────────────┘└──────────────┘",
            " ←↓↑→ select · Enter open · n new · e edit · H/L move · u undo · ? help · q quit",
        ])
    }

    @Test func selectedCardIsReversedOnlyInTheFocusedColumn() {
        var state = boardState(size: Size(width: 80, height: 16))
        _ = Reducer.reduce(&state, .key(.down))
        let grid = Renderer().render(state)
        #expect(grid[2, 5].style.reverse, "second card title, focused column")
        #expect(grid[2, 6].style.reverse, "its second title line")
        #expect(grid[2, 7].style.reverse, "its badge line")
        #expect(!grid[2, 2].style.reverse)
        #expect(!grid[34, 2].style.reverse, "learning column is not focused")
    }

    @Test func moreCardsThanFitShowMarkers() {
        var state = boardState(size: Size(width: 80, height: 15), titles: (1...9).map { "Idee \($0)" })
        for _ in 0..<5 { _ = Reducer.reduce(&state, .key(.down)) }
        let lines = render(state)
        #expect(lines[1] == "┌ Proposed 9 ▲3┐┌ Experimen… 0 ┐┌ Learning 1 ──┐┌ Scaling 0 ───┐┌ Stopped 0 ───┐")
        #expect(lines[2] == "│ Idee 4       ││ (empty)      ││ Energiecoach ││ (empty)      ││ (empty)      │")
        #expect(lines[8].hasPrefix("│ Idee 6       │"))
        #expect(lines[13] == "└──── ▼ 3 more ┘└──────────────┘└──────────────┘└──────────────┘└──────────────┘")
        let wide = render(boardState(size: Size(width: 120, height: 15), titles: (1...9).map { "Idee \($0)" }))
        #expect(wide[13].hasPrefix("└──────────── ▼ 6 more ┘└"))
        let roomy = render(boardState(size: Size(width: 160, height: 15), titles: (1...9).map { "Idee \($0)" }))
        #expect(roomy[13].hasPrefix("└──────────────────── ▼ 4 more ┘└"), "columns of 30 and more keep two-line cards")
    }

    /// A column title too long to leave room for the marker gives up room for "▲n": cards scrolled away above are always
    /// told, in Dutch at 80 columns too.
    @Test func aLongColumnTitleMakesRoomForTheMarkerAbove() {
        var state = boardState(size: Size(width: 80, height: 15), language: .nl, titles: (1...23).map { "Idee \($0)" })
        #expect(render(state)[1].hasPrefix("┌ Voorgest… 23 ┐"), "nothing scrolled away: the whole room for the title")
        for _ in 0..<5 { _ = Reducer.reduce(&state, .key(.down)) }
        let lines = render(state)
        #expect(lines[1].hasPrefix("┌ Voorge… 23 ▲3┐"))
        #expect(lines[2].hasPrefix("│ Idee 4       │"))
        for _ in 0..<14 { _ = Reducer.reduce(&state, .key(.down)) }
        #expect(render(state)[1].hasPrefix("┌ Voorg… 23 ▲17┐"))
    }

    /// The count and WIP limit are never cut for the marker: where the name would keep fewer than three letters, the
    /// bottom border tells the cards above beside those below.
    @Test func theMarkerAboveNeverCutsTheCountOrLimit() {
        var state = boardState(size: Size(width: 80, height: 15), language: .nl, titles: (1...2_000).map { "Idee \($0)" })
        state.wipLimits[.proposed] = WipLimit(stage: .proposed, limit: 5)
        for _ in 0..<400 { _ = Reducer.reduce(&state, .key(.down)) }
        var lines = render(state)
        #expect(lines[1].hasPrefix("┌ Voor… 2000/5 ┐"))
        #expect(lines[13].hasPrefix("└── ▲398 ▼1599 ┘"))
        state.wipLimits[.proposed] = nil
        lines = render(state)
        #expect(lines[1].hasPrefix("┌ Voorge… 2000 ┐"))
        #expect(lines[13].hasPrefix("└── ▲398 ▼1599 ┘"))
        // Near the top the short marker fits beside three letters of the name.
        for _ in 0..<390 { _ = Reducer.reduce(&state, .key(.up)) }
        lines = render(state)
        #expect(lines[1].hasPrefix("┌ Voo… 2000 ▲10┐"))
        #expect(lines[13].hasPrefix("└── ▼ nog 1987 ┘"))
    }

    @Test func narrowBoardShowsOneColumnWithTabs() {
        let lines = render(boardState(size: Size(width: 50, height: 12)))
        #expect(lines == [
            " Proeftuin · 4 ideas │ #1 Buurtkamer met open taf…",
            " Pro 3 │ Exp 0 │ Lea 1 │ Sca 0 │ Sto 0 │",
            "┌ Proposed 3 ────────────────────────────────────┐",
            "│ Buurtkamer met open tafel                      │",
            "│   #1 · Wijk                                    │",
            "│ Schuldhulp thuis                               │",
            "│   #2 · Wijk                                    │",
            "│ Huiswerkklas                                   │",
            "│   #3 · Wijk                                    │",
            "│                                                │",
            "└────────────────────────────────────────────────┘",
            " Enter open · n new · H/L move · ? help · q quit",
        ])
    }

    @Test func narrowBoardFollowsTheFocusedColumn() {
        var state = boardState(size: Size(width: 50, height: 12))
        _ = Reducer.reduce(&state, .key(.right))
        _ = Reducer.reduce(&state, .key(.right))
        let lines = render(state)
        #expect(lines[2] == "┌ Learning 1 ────────────────────────────────────┐")
        #expect(lines[3] == "│ Energiecoach                                   │")
        let grid = Renderer().render(state)
        #expect(grid[17, 1].style.reverse, "the Learning tab is highlighted")
    }

    @Test func tooSmallShowsAMessage() {
        let lines = render(boardState(size: Size(width: 39, height: 10))).map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(lines.contains("Terminal too small (need 40×10)"))
        #expect(lines.contains("39×10"))
        #expect(!lines.joined().contains("┌"))
    }

    @Test func tinySizesNeverCrash() {
        for (width, height) in [(1, 1), (0, 0), (2, 1), (40, 10), (59, 14), (60, 15), (300, 100)] {
            let grid = Renderer().render(boardState(size: Size(width: width, height: height)))
            #expect(grid.lines().count == max(0, height))
        }
    }

    @Test func dutchBoardWithDiacritics() {
        let state = boardState(size: Size(width: 100, height: 15), language: .nl, titles: ["Ruïne één café"])
        let lines = render(state)
        #expect(lines[0].hasPrefix(" Proeftuin · 2 ideeën"))
        #expect(lines[1] == "┌ Voorgesteld 1 ───┐┌ Experiment 0 ────┐┌ Leren 1 ─────────┐┌ Opschalen 0 ─────┐┌ Gestopt 0 ───────┐")
        #expect(lines[2] == "│ Ruïne één café   ││ (leeg)           ││ Energiecoach     ││ (leeg)           ││ (leeg)           │")
        #expect(lines[14] == " ←↓↑→ kies · Enter open · n nieuw · e wijzig · H/L verplaats · / filter · ? hulp · q afsluiten")
    }

    @Test func escapeCodesInTitlesNeverReachTheGrid() {
        let state = boardState(size: Size(width: 80, height: 16), titles: ["Evil\u{1B}]0;pwned\u{07}\u{1B}[2J title\u{9B}1m\u{0}"])
        let grid = Renderer().render(state)
        for cell in grid.cells {
            #expect(!cell.text.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
        }
        #expect(grid.lines()[2].hasPrefix("│ Evil title   │"), "cleaned before it is wrapped")
    }

    @Test func wideCharactersAreNeverCutInHalf() {
        let state = boardState(size: Size(width: 80, height: 16), titles: ["中文标题很长很长很长的", "🌱🌱🌱 groen"])
        let lines = render(state)
        #expect(lines[2] == "│ 中文标题很长 ││ (empty)      ││ Energiecoach ││ (empty)      ││ (empty)      │")
        #expect(lines[3] == "│ 很长很长的   ││              ││              ││              ││              │")
        #expect(lines[5] == "│ 🌱🌱🌱 groen ││              ││              ││              ││              │")
        let longer = render(boardState(size: Size(width: 80, height: 16), titles: ["中文标题很长很长很长的标题很长"]))
        #expect(longer[3] == "│ 很长很长的标…││              ││              ││              ││              │")
        for line in lines { #expect(DisplayWidth.of(line) <= 80) }
    }

    @Test func filterLineAndHeader() {
        var state = boardState(size: Size(width: 80, height: 16))
        _ = Reducer.reduce(&state, .key(.character("/")))
        for character in "werk" { _ = Reducer.reduce(&state, .key(.character(character))) }
        let grid = Renderer().render(state)
        let lines = grid.lines()
        #expect(lines[0].hasPrefix(" Proeftuin · 4 ideas · filter: werk"))
        #expect(lines[2] == "│ Huiswerkklas ││ (no match)   ││ (no match)   ││ (no match)   ││ (no match)   │")
        #expect(lines[15] == "/werk")
        #expect(grid.cursor == Point(x: 5, y: 15))
    }

    @Test func wipOverridePromptInFooter() {
        var state = boardState(size: Size(width: 100, height: 16))
        state.mode = .prompt(PromptState(purpose: .wipOverride(MoveRequest(id: IdeaID(1), target: .experimenting, reason: "r"), limit: 5)))
        for character in "pilot" { _ = Reducer.reduce(&state, .key(.character(character))) }
        #expect(render(state)[15] == "Reason to go over the WIP limit of Experimenting (5): pilot")
    }
}

@Suite("Screen: overlays and detail")
struct OverlayScreenTests {
    @Test func newIdeaForm() {
        var state = boardState(size: Size(width: 80, height: 16))
        _ = Reducer.reduce(&state, .key(.character("n")))
        for character in "Fietsmaatjes" { _ = Reducer.reduce(&state, .key(.character(character))) }
        let grid = Renderer().render(state)
        let lines = grid.lines()
        #expect(lines[2].contains("┌ New idea ───"))
        #expect(lines[4].contains("│ Title        Fietsmaatjes"))
        #expect(lines[5].contains("│ Description"))
        #expect(lines[8].contains("│ Source       ‹ — ›"))
        #expect(lines[15] == " Ctrl-S save · Enter/Tab next field · F1 help · Esc cancel", "the form's own keys, not the board's")
        #expect(grid.cursor == Point(x: 28, y: 4))
    }

    @Test func detailViewShowsFieldsDescriptionAndHistory() {
        var state = boardState(size: Size(width: 70, height: 20), language: .nl)
        _ = Reducer.reduce(&state, .key(.enter))
        let created = Date(timeIntervalSince1970: 1_790_000_000)
        let idea = Idea(id: IdeaID(1), fields: IdeaFields(title: "Buurtkamer met open tafel", description: "Elke dinsdag samen koken en eten in de buurtkamer.", source: .resident, theme: "Eenzaamheid", tags: ["ouderen"]), stage: .experimenting, position: 1, createdAt: created, updatedAt: created)
        let history = [
            HistoryEntry(at: created, actor: "anne", ideaID: IdeaID(1), kind: .created, reason: nil, before: nil, after: "{}"),
            HistoryEntry(at: created + 3600, actor: "anne", ideaID: IdeaID(1), kind: .moved, reason: "pilot in Noord",
                         before: #"{"position":1,"stage":"proposed"}"#, after: #"{"position":1,"stage":"experimenting"}"#),
        ]
        _ = Reducer.reduce(&state, .ideaLoaded(IdeaDetail(idea: idea, history: history), purpose: .detail))
        let lines = render(state)
        #expect(Array(lines.prefix(16)) == [
            " #1  Buurtkamer met open tafel",
            " Fase        Experiment",
            " Thema       Eenzaamheid",
            " Labels      ouderen",
            " Bron        inwoner",
            " Indiener    —",
            " Aangemaakt  2026-09-21 14:13",
            " Gewijzigd   2026-09-21 14:13",
            "",
            " Omschrijving",
            " Elke dinsdag samen koken en eten in de buurtkamer.",
            "",
            " Geschiedenis",
            " 2026-09-21 15:13 anne verplaatst Voorgesteld → Experiment: pilot in",
            "     Noord",
            " 2026-09-21 14:13 anne aangemaakt",
        ])
        #expect(lines[19] == " M meting · d besluit · D bezwaren · e wijzig · ? hulp · q terug")
    }

    @Test func helpIsGeneratedFromTheKeyTable() {
        var state = boardState(size: Size(width: 100, height: 30))
        _ = Reducer.reduce(&state, .key(.character("?")))
        let text = render(state).joined(separator: "\n")
        #expect(text.contains("┌ Help: keys"))
        for binding in KeyTable.bindings(in: .board).prefix(10) {
            #expect(text.contains(Strings(.en)[binding.help]))
        }
        _ = Reducer.reduce(&state, .key(.pageDown))
        let scrolled = render(state).joined(separator: "\n")
        #expect(!scrolled.contains("Select the card above"))
        #expect(scrolled.contains("Idea detail"))
    }

    /// A page of help ends where the next begins: no line is skipped between pages.
    @Test func helpPagesFollowOnWithoutSkippingALine() {
        var state = boardState(size: Size(width: 80, height: 24))
        _ = Reducer.reduce(&state, .key(.character("?")))
        let first = render(state)
        #expect(first[21].contains("1–19/"), "\(first[21])")
        let lastOfFirst = first[20]
        _ = Reducer.reduce(&state, .key(.pageDown))
        let second = render(state)
        #expect(second[21].contains("20–38/"), "\(second[21])")
        _ = Reducer.reduce(&state, .key(.pageUp))
        #expect(render(state)[20] == lastOfFirst)
        _ = Reducer.reduce(&state, .key(.pageDown))
        _ = Reducer.reduce(&state, .key(.up))
        #expect(render(state)[2] == lastOfFirst, "one line back from the second page shows the first page's last line")
    }

    @Test func moveMenuListsAllowedStages() {
        var state = boardState(size: Size(width: 80, height: 16))
        _ = Reducer.reduce(&state, .key(.character("m")))
        let text = render(state).joined(separator: "\n")
        #expect(text.contains("1  Experimenting"))
        #expect(text.contains("2  Stopped"))
        #expect(!text.contains("3  "))
    }
}

@Suite("Display width")
struct DisplayWidthTests {
    @Test("Widths", arguments: [
        ("abc", 3), ("één", 3), ("中文", 4), ("🌱", 2), ("e\u{301}", 1), ("a\u{200B}b", 2), ("👍🏽", 2), ("ｈ", 2),
    ])
    func widths(text: String, width: Int) {
        #expect(DisplayWidth.of(text) == width)
    }

    @Test func truncation() {
        #expect(DisplayWidth.truncate("abcdef", to: 4) == "abc…")
        #expect(DisplayWidth.truncate("中文字", to: 4) == "中…")
        #expect(DisplayWidth.truncate("abc", to: 3) == "abc")
        #expect(DisplayWidth.truncate("abc", to: 0) == "")
    }

    @Test func wrapping() {
        #expect(DisplayWidth.wrap("een twee drie vier", to: 9) == ["een twee", "drie vier"])
        #expect(DisplayWidth.wrap("abcdefghij", to: 4) == ["abcd", "efgh", "ij"])
        #expect(DisplayWidth.wrap("a\n\nb", to: 4) == ["a", "", "b"])
    }

    @Test func gridOverwritesHalfOfAWideCharacterCleanly() {
        var grid = CellGrid(width: 6, height: 1)
        grid.put("中文", x: 0, y: 0)
        grid.put("x", x: 1, y: 0)
        #expect(grid.line(0) == " x文  ")
        grid.put("ab", x: 2, y: 0)
        #expect(grid.line(0) == " xab  ")
    }
}

@Suite("Screen: rebound keys")
struct ReboundKeyTests {
    @Test func footerFollowsTheKeymap() throws {
        var state = boardState(size: Size(width: 120, height: 16))
        state.keymap = try Keymap.standard.overriding(["quit": "Q", "move-back": "B"])
        let footer = Renderer().render(state).lines()[15]
        #expect(footer.contains("B/L move"))
        #expect(footer.hasSuffix("Q quit"))
        let help = HelpLines.text(state)
        #expect(help.contains("Q                      Quit"))
    }
}

/// The help overlay's text, for tests.
enum HelpLines {
    static func text(_ state: AppState) -> String {
        var state = state
        _ = Reducer.reduce(&state, .key(.character("?")))
        state.size = Size(width: 120, height: 80)
        return Renderer().render(state).lines().joined(separator: "\n")
    }
}
