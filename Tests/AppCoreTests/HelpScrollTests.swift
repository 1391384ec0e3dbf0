import AppCore
import Domain
import Testing

/// The help scrolls within its text: paging past the end stays on the last page, so the first key back moves at once.
@Suite("Help scrolling")
struct HelpScrollTests {
    private func help(_ state: AppState) -> HelpState? {
        if case .help(let help) = state.mode { return help }
        Issue.record("expected help, got \(state.mode)")
        return nil
    }

    @Test func pagingPastTheEndStopsAtTheLastPageAndTheFirstKeyBackMoves() {
        var state = sampleState(size: Size(width: 80, height: 24), language: .nl)
        _ = Reducer.reduce(&state, .key(.character("?")))
        guard let opened = help(state) else { return }
        let end = opened.maxScroll(state)
        let page = HelpState.rows(for: state.size)
        #expect(end > page, "the help is longer than a page at 80×24")
        for _ in 0..<40 { _ = Reducer.reduce(&state, .key(.pageDown)) }
        #expect(help(state)?.scroll == end)
        _ = Reducer.reduce(&state, .key(.pageUp))
        #expect(help(state)?.scroll == end - page)
        _ = Reducer.reduce(&state, .key(.character("G")))
        #expect(help(state)?.scroll == end)
        _ = Reducer.reduce(&state, .key(.up))
        #expect(help(state)?.scroll == end - 1)
        _ = Reducer.reduce(&state, .key(.home))
        #expect(help(state)?.scroll == 0)
        _ = Reducer.reduce(&state, .key(.end))
        #expect(help(state)?.scroll == end)
    }
}
