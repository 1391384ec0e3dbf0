import Foundation
import Testing

@Suite("CLI: help", .serialized)
struct HelpCLITests {
    /// `--help`, `-h` and `help`, on the root and on a subcommand, print ArgumentParser's help and succeed.
    @Test(arguments: [["--help"], ["-h"], ["help"], ["list", "--help"], ["help", "demo"], ["demo", "--help"]])
    func helpIsPrintedAndSucceeds(_ arguments: [String]) throws {
        let binary = Binary()
        defer { binary.cleanUp() }
        let result = try binary.run(arguments)
        #expect(result.status == 0)
        let text = result.stdout + result.stderr
        #expect(text.contains("USAGE: proeftuin"))
        #expect(!text.contains("Error:") && !text.contains("CommandError"))
    }
}
