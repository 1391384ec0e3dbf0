import AppCore
import Domain
import Screen
import Testing

@Suite("Screen: hostile and international text")
struct HostileTextTests {
    @Test("The layout holds for every kind of text", arguments: [
        "e\u{301}e\u{301}e\u{301} combining accents",
        "zero\u{200B}width\u{200D}joiner\u{FEFF}",
        "\u{202E}reversed\u{202C} and \u{05E9}\u{05DC}\u{05D5}\u{05DD} Hebrew",
        "مرحبا بالعالم Arabic",
        "中文标题很长很长很长很长很长的标题",
        "👩‍👩‍👧‍👦 family 🇳🇱 flag 🌱",
        "\u{1B}]8;;https://evil.example\u{07}link\u{1B}]8;;\u{07}",
        "C1\u{85}\u{9B}31m text",
    ])
    func layoutHolds(title: String) {
        var state = AppState(language: .en, size: Size(width: 100, height: 15))
        let cards = (1...3).map { IdeaSummary(id: IdeaID(Int64($0)), title: title, theme: title, tags: [], stage: .proposed, position: Int64($0)) }
        state.setBoard(BoardData(cards: cards, today: DayDate(year: 2026, month: 11, day: 30)!))
        let grid = Renderer().render(state)
        let lines = grid.lines()
        for line in lines { #expect(DisplayWidth.of(line) <= 100, "\(line)") }
        // Every column border stays where it belongs: the second column's left edge is at x = 20.
        for y in 2..<13 { #expect(grid[20, y].text == "│", "row \(y) lost its border") }
        for cell in grid.cells {
            #expect(!cell.text.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) || (0x202A...0x202E).contains($0.value) })
        }
    }
}
