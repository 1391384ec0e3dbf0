import AppCore
import Domain
import PropertyBased
import Screen
import Testing
import TerminalUI

/// Bounded fuzzing: random input to the key decoder and the renderer never crashes and never lets a
/// control character into the grid.
@Suite("Fuzz: keys and rendering")
struct FuzzTests {
    @Test func keyDecoderAcceptsAnyCode() async {
        await propertyCheck(count: 2_000, input: Gen.uint32(in: 0...0x10FFFF)) { value in
            if let key = KeyDecoder.character(value), case .character(let character) = key {
                #expect(!character.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
            }
            _ = KeyDecoder.keyCode(value)
        }
    }

    @Test func anyTextRendersWithinTheGrid() async {
        let scalars = Gen.uint32(in: 0...0x1FFFF).compactMap { Unicode.Scalar($0) }
        let text = scalars.array(of: 0...60).map { String(String.UnicodeScalarView($0)) }
        await propertyCheck(count: 300, input: text, Gen.int(in: 1...120), Gen.int(in: 1...40)) { title, width, height in
            var state = AppState(language: .en, size: Size(width: width, height: height))
            state.setBoard(BoardData(cards: [IdeaSummary(id: IdeaID(1), title: title.isEmpty ? "x" : title, theme: title, tags: [],
                                                         stage: .proposed, position: 1)],
                                     today: DayDate(year: 2026, month: 11, day: 30)!))
            let grid = Renderer().render(state)
            #expect(grid.lines().count == height)
            for cell in grid.cells {
                #expect(!cell.text.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
            }
            for line in grid.lines() { #expect(DisplayWidth.of(line) <= width) }
        }
    }

    @Test func functionKeysAndCtrlCAreKeys() {
        #expect(KeyDecoder.keyCode(KeyDecoder.Code.f0 + 1) == .function(1), "F1: help")
        #expect(KeyDecoder.keyCode(KeyDecoder.Code.f0 + 10) == .function(10), "F10: quit")
        #expect(KeyDecoder.keyCode(KeyDecoder.Code.f0) == nil)
        #expect(KeyDecoder.character(3) == .control("c"), "Ctrl-C arrives as a key: it cancels a form instead of ending the program")
        #expect(KeyDecoder.character(19) == .control("s"), "Ctrl-S arrives as a key: it saves a form")
    }
}
