import AppCore
import Domain
import Foundation
import Screen
import Testing

/// The sharing overlay never cuts a link or the address, at 100×30 and at 80×24.
@Suite("Screen: whole links in the sharing overlay")
struct WholeLinksScreenTests {
    @Test(arguments: [Size(width: 100, height: 30), Size(width: 80, height: 24)])
    func everyLinkIsShownWhole(size: Size) {
        var state = weighingScreen(size: size)
        let qr = Array(repeating: String(repeating: "█", count: 29), count: 15)
        let links = ["http://127.0.0.1:8470/p/6fCEXlAbCdEfGhIjKlMnOpQr", "http://127.0.0.1:8470/p/Zz9yXwVuTsRqPoNmLkJiHgFe"]
        _ = Reducer.reduce(&state, .key(.character("s")))
        _ = Reducer.reduce(&state, .sharingStarted(ShareInfo(session: SessionID(4), address: "127.0.0.1:8470", localOnly: true, entries: [
            ShareInfo.Entry(participant: 0, name: "Anne", url: links[0], qr: qr),
            ShareInfo.Entry(participant: 1, name: "Bram", url: links[1], qr: qr),
        ])))
        let lines = Renderer().render(state).lines()
        // A wrapped link is joined back from the overlay's lines (each part follows its indent).
        let inner = lines.map { line -> String in
            let parts = line.split(separator: "│", omittingEmptySubsequences: false)
            return parts.count >= 3 ? String(parts[1]) : ""
        }
        let text = inner.joined(separator: "\n")
        let joined = inner.map { $0.trimmingCharacters(in: .whitespaces).split(separator: " ").last.map(String.init) ?? "" }.joined()
        for link in links {
            #expect(text.contains(link) || joined.contains(link), "\(link) is whole:\n\(lines.joined(separator: "\n"))")
        }
        #expect(!text.contains("…"), "nothing is cut:\n\(text)")
    }
}
