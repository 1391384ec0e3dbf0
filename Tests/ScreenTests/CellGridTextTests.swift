import AppCore
import Domain
import PropertyBased
@testable import Screen
import Testing

/// Text reaches the grid the same way whether it takes the printable-ASCII path or the general one: a character-by-
/// character model of `put` and `putPadded` (clean, cut to the columns with `…`, wide characters in two cells, padding
/// in the same style) agrees with the grid for any mix of ASCII, accents, combining marks, wide characters and escapes.
@Suite struct CellGridTextTests {
    private static let gridWidth = 16
    private static let style = Style(foreground: .red, bold: true)

    /// What the grid's row 1 should hold after drawing `text` at `x` in `columns` columns, by the model.
    private func model(_ text: String, x: Int, columns: Int, padded: Bool) -> [Cell] {
        var row = Array(repeating: Cell.blank, count: Self.gridWidth)
        let clean = TextSanitizer.singleLine(text)
        let shown = padded ? DisplayWidth.truncate(clean, to: columns) : clean
        let limit = min(columns, Self.gridWidth - x)
        var column = x
        for character in shown {
            let width = DisplayWidth.of(character)
            if width == 0 { continue }
            if column - x + width > limit { break }
            row[column] = Cell(String(character), style: Self.style)
            if width == 2 { row[column + 1] = .continuation(Self.style) }
            column += width
        }
        if padded { for pad in column..<min(Self.gridWidth, x + max(columns, column - x)) { row[pad] = Cell(" ", style: Self.style) } }
        return row
    }

    private func drawn(_ text: String, x: Int, columns: Int, padded: Bool) -> [Cell] {
        var grid = CellGrid(width: Self.gridWidth, height: 3)
        if padded {
            grid.putPadded(text, x: x, y: 1, width: columns, style: Self.style)
        } else {
            grid.put(text, x: x, y: 1, maxWidth: columns, style: Self.style)
        }
        return Array(grid.row(1))
    }

    @Test func printableTextIsCutWithAnEllipsisAndPadded() {
        var grid = CellGrid(width: 12, height: 2)
        grid.putPadded("Buurtkamer Oost", x: 1, y: 0, width: 8)
        grid.putPadded("Tuin", x: 1, y: 1, width: 8, style: Self.style)
        #expect(grid.lines() == [" Buurtka…", " Tuin"])
        #expect(grid[5, 1] == Cell(" ", style: Self.style), "padding takes the text's style")
        #expect(grid[9, 1] == .blank, "nothing past the width")
    }

    @Test func aCombiningMarkAfterTheLastColumnStillJoinsItsLetter() {
        #expect(drawn("abce\u{301}", x: 0, columns: 4, padded: false).prefix(4).map(\.text) == ["a", "b", "c", "e\u{301}"])
        #expect(drawn("abce\u{301}", x: 0, columns: 4, padded: true).prefix(4).map(\.text) == ["a", "b", "c", "e\u{301}"])
    }

    @Test func anyTextDrawsAsTheModelSays() async {
        let piece = Gen.element(of: ["a", "Z", " ", "~", "é", "e\u{301}", "中", "\t", "\u{1B}[31m", "…", "\u{200B}", "ab"])
            .map { $0 ?? "" }
        let input = zip(piece.array(of: 0...14).map { $0.joined() }, Gen.int(in: 0...10), Gen.int(in: -1...14), Gen.bool)
        await propertyCheck(count: 600, input: input) { text, x, columns, padded in
            #expect(drawn(text, x: x, columns: columns, padded: padded) == model(text, x: x, columns: columns, padded: padded),
                    "\(padded ? "putPadded" : "put") \(text.debugDescription) at \(x) in \(columns)")
        }
    }
}
