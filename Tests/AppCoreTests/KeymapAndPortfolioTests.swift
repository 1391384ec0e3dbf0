import AppCore
import Domain
import Testing

@Suite("Key overrides and the portfolio view")
struct KeymapAndPortfolioTests {
    @Test func overridesRebindBoardCommands() throws {
        let keymap = try Keymap.standard.overriding(["quit": "Q", "new": "Ctrl-N"])
        #expect(keymap.command(for: .character("Q"), in: .board) == .quit)
        #expect(keymap.command(for: .character("q"), in: .board) == nil)
        #expect(keymap.command(for: .control("n"), in: .board) == .newIdea)
        #expect(keymap.command(for: .character("q"), in: .detail) == .back, "other contexts keep their keys")
        var state = sampleState()
        state.keymap = keymap
        #expect(Reducer.reduce(&state, .key(.character("Q"))) == [.quit])
    }

    @Test func badOverridesAreRefusedWithAClearMessage() {
        #expect(throws: KeymapError.collision("n", ["new", "quit"])) { try Keymap.standard.overriding(["quit": "n"]) }
        #expect(throws: KeymapError.unknownCommand("explode")) { try Keymap.standard.overriding(["explode": "x"]) }
        #expect(throws: KeymapError.unknownKey("quit", "Hyper-Q")) { try Keymap.standard.overriding(["quit": "Hyper-Q"]) }
        #expect(KeymapError.collision("n", ["new", "quit"]).description.contains("would do two things"))
    }

    @Test func keyNames() {
        #expect(Key(parsing: "Enter") == .enter)
        #expect(Key(parsing: "space") == .character(" "))
        #expect(Key(parsing: "PgDn") == .pageDown)
        #expect(Key(parsing: "ctrl-x") == .control("x"))
        #expect(Key(parsing: "ab") == nil)
    }

    @Test func portfolioLoadsAndScrolls() {
        var state = sampleState()
        #expect(Reducer.reduce(&state, .key(.character("p"))) == [.loadPortfolio])
        #expect(state.mode == .portfolio(PortfolioState()))
        _ = Reducer.reduce(&state, .key(.down))
        guard case .portfolio(let portfolio) = state.mode else {
            Issue.record("expected the portfolio")
            return
        }
        #expect(portfolio.scroll == 1)
        _ = Reducer.reduce(&state, .key(.escape))
        #expect(state.mode == .board)
    }
}
