import AppCore
import Domain
import Testing

@Suite("Screen: a board without its database server")
struct OfflineScreenTests {
    @Test func theHeaderSaysTheBoardIsReadOnlyInPlaceOfTheDataLabel() {
        var state = boardState(size: Size(width: 80, height: 16), language: .nl)
        state.offline = true
        #expect(render(state)[0] == " Proeftuin · 4 ideeën │ #1 Buurtkamer met open… ⚠ alleen-lezen: geen verbinding")
    }

    @Test func atFortyColumnsTheNoticeStillShowsWhole() {
        var state = boardState(size: Size(width: 40, height: 16))
        state.offline = true
        #expect(render(state)[0] == " Proeftuin … ⚠ read-only: no connection")
    }
}
