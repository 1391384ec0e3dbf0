import Foundation
import Testing

@Suite("CLI: the demo board in a data directory of one's own")
struct DemoBoardCLITests {
    /// `--demo --data-dir DIR` puts the demo in DIR when it holds no ideas, and never mixes it into ideas already there.
    @Test func theDemoFillsAnEmptyDirectoryAndIsRefusedWhereIdeasAre() throws {
        let binary = Binary()
        defer { binary.cleanUp() }
        // Empty: the demo goes there; the board itself then asks for a terminal, which a test has not.
        let first = try binary.run(["--demo", "--lang", "nl"])
        #expect(first.status != 0)
        #expect(first.stderr.contains("Het bord heeft een terminal nodig"), "\(first.stderr)")
        let list = try binary.run(["list"])
        #expect(list.stdout.contains("Eén loket voor alle toeslagen"), "the demo is in the directory given")
        // Holding ideas: refused in the user's language, nothing added.
        let second = try binary.run(["--demo", "--lang", "nl"])
        #expect(second.status != 0)
        #expect(second.stderr.contains("bevat al ideeën: open hem zonder --demo, of geef --demo een lege map"), "\(second.stderr)")
        #expect(try binary.run(["list"]).stdout == list.stdout)
    }
}
