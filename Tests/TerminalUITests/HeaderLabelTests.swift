import Testing
import TerminalUI

@Suite("Board header")
struct HeaderLabelTests {
    @Test func theDataDirectoryIsShownFromHome() {
        #expect(BoardApp.dataLabel("/home/anne/.local/share/proeftuin", home: "/home/anne") == "~/.local/share/proeftuin")
        #expect(BoardApp.dataLabel("/home/anne", home: "/home/anne/") == "~")
        #expect(BoardApp.dataLabel("/home/annette/data", home: "/home/anne") == "/home/annette/data")
        #expect(BoardApp.dataLabel("/srv/proeftuin", home: nil) == "/srv/proeftuin")
        #expect(BoardApp.dataLabel("/srv/proeftuin", home: "/") == "/srv/proeftuin")
    }
}
