import QRCode
import Testing

@Suite("QR codes")
struct QRSymbolTests {
    /// A finder pattern (7 × 7: dark ring, light ring, dark 3 × 3 core) with its top-left module at x, y.
    func hasFinder(_ symbol: QRSymbol, x: Int, y: Int) -> Bool {
        (0..<7).allSatisfy { dy in
            (0..<7).allSatisfy { dx in
                let ring = dx == 0 || dx == 6 || dy == 0 || dy == 6
                let core = (2...4).contains(dx) && (2...4).contains(dy)
                return symbol.isDark(x: x + dx, y: y + dy) == (ring || core)
            }
        }
    }

    @Test func aLinkBecomesAVersionFourSymbolWithFinderPatterns() throws {
        let link = "http://192.168.100.200:8470/p/AAECAwQFBgcICQoLDA0ODxAR"
        let symbol = try #require(QRSymbol(link))
        #expect(symbol.size == 33, "version 4 (33 × 33) holds a 54-character link at level M")
        #expect(hasFinder(symbol, x: 0, y: 0) && hasFinder(symbol, x: 26, y: 0) && hasFinder(symbol, x: 0, y: 26))
        #expect(!symbol.isDark(x: -1, y: 0) && !symbol.isDark(x: 33, y: 5), "outside is quiet")
        #expect(QRSymbol(link) == symbol, "the same text gives the same symbol")
        #expect(QRSymbol(link + "x") != symbol)
    }

    @Test func halfBlocksDrawTwoModuleRowsPerLineWithAQuietZoneOfFour() throws {
        let symbol = try #require(QRSymbol("http://127.0.0.1:8470/p/AAECAwQFBgcICQoLDA0ODxAR"))
        let lines = symbol.halfBlockLines()
        let side = symbol.size + 8
        #expect(lines.count == (side + 1) / 2)
        #expect(lines.allSatisfy { $0.count == side })
        #expect(lines[0] == String(repeating: " ", count: side), "four light rows on top: two lines")
        #expect(lines[1] == String(repeating: " ", count: side))
        // Read back: every module of the symbol is where the half blocks say.
        for y in -4..<(symbol.size + 4) {
            let line = Array(lines[(y + 4) / 2])
            for x in -4..<(symbol.size + 4) {
                let character = line[x + 4]
                let top = character == "█" || character == "▀"
                let bottom = character == "█" || character == "▄"
                #expect((y + 4) % 2 == 0 ? top == symbol.isDark(x: x, y: y) : bottom == symbol.isDark(x: x, y: y))
            }
        }
        #expect(lines[2].hasPrefix("    █▀▀▀▀▀█ "), "the top-left finder's first rows")
    }
}
