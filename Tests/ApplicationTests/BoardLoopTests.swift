import AppCore
import Application
import Domain
import Foundation
import Storage
import Testing

/// The board's loop without a terminal, as the board and the bench run it: a key's effects are performed and their
/// events reduced until nothing is left, a quit ends it, and the portfolio's figures arrive from their worker.
@Suite("Application: the board's loop")
struct BoardLoopTests {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("proeftuin-loop-\(UUID().uuidString)")

    @Test func aKeyIsTakenThroughItsEffectsAndQuitEndsTheLoop() throws {
        defer { try? FileManager.default.removeItem(at: url) }
        let workspace = try Workspace.open(DataDirectory(url: url), actor: "anna", program: "board")
        for title in ["Buurtkamer", "Taalcafé", "Repaircafé"] { try workspace.add(IdeaFields(title: title)) }
        var state = AppState(language: .nl, size: Size(width: 120, height: 30))
        let start = state.windowedStart()
        var loop = BoardLoop(state: state, runner: EffectRunner(workspace: workspace))
        let loaded = loop.perform([.loadWindow(start)])
        #expect(loaded)
        #expect(loop.state.isLoaded)
        #expect(loop.state.selectedCard?.title == "Buurtkamer")
        // A reorder (J) is written and read back: the card moved down and stays selected.
        let reordered = loop.perform(loop.reduce(.key(.character("J"))))
        #expect(reordered)
        #expect(try workspace.reader.summaries().map(\.title) == ["Taalcafé", "Buurtkamer", "Repaircafé"])
        #expect(loop.state.selectedCard?.title == "Buurtkamer")
        // The portfolio's figures come from the background worker, for the data as it is now.
        let deadline = Date().addingTimeInterval(10)
        while loop.state.portfolioFigures.current == nil, Date() < deadline {
            _ = loop.deliverFigures()
            Thread.sleep(forTimeInterval: 0.01)
        }
        #expect(loop.state.portfolioFigures.current?.stageCounts == [.proposed: 3])
        let goesOn = loop.perform(loop.reduce(.key(.character("q"))))
        #expect(!goesOn)
        state = loop.state
        #expect(state.isLoaded)
    }
}
