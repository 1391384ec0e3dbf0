import AppCore
@testable import CLI
import Foundation
import Testing

/// The progress line of long command-line work: its text, when it is drawn, and when it is never drawn.
@Suite("CLI: progress bar")
struct ProgressBarTests {
    /// A clock the test moves and everything the bar wrote.
    final class Fake {
        var now = 100.0
        var written: [String] = []
    }

    @Test func theLineShowsTheBarCountAndRateInTheUsersLanguage() {
        let english = ProgressBar(.progressImporting, counting: .progressRows, total: 10_000, strings: Strings(.en), write: nil)
        #expect(english.line(count: 2_500, seconds: 0.5) == "importing  [#####---------------]   25%  2,500 rows  5,000 rows/s")
        #expect(english.line(count: 10_000, seconds: 2) == "importing  [####################]  100%  10,000 rows  5,000 rows/s")
        let dutch = ProgressBar(.progressExporting, counting: .progressRecords, strings: Strings(.nl), write: nil)
        #expect(dutch.line(count: 1_234_567, seconds: 2) == "exporteren  1.234.567 records  617.284 records/s")
        #expect(dutch.line(count: 300, seconds: 1, done: 0.5) == "exporteren  [##########----------]   50%  300 records  300 records/s")
        let narrow = ProgressBar(.progressImporting, counting: .progressRows, strings: Strings(.en), width: 20, write: nil)
        #expect(narrow.line(count: 12_345, seconds: 1) == "importing  12,345 r")
    }

    @Test func itAppearsOnlyAfterHalfASecondAndIsWipedAtTheEnd() {
        let fake = Fake()
        let bar = ProgressBar(.progressCopying, counting: .progressPages, total: 100, strings: Strings(.en), clock: { fake.now },
                              write: { fake.written.append($0) })
        fake.now += 0.3
        bar.update(10)
        #expect(fake.written.isEmpty, "work shorter than half a second shows nothing")
        fake.now += 0.3
        bar.update(40)
        #expect(fake.written == ["\rcopying  [########------------]   40%  40 pages  67 pages/s\u{1B}[K"])
        fake.now += 0.05
        bar.update(50)
        #expect(fake.written.count == 1, "at most ten redraws a second")
        fake.now += 0.1
        bar.update(100)
        bar.finish()
        #expect(fake.written.suffix(2) == ["\rcopying  [####################]  100%  100 pages  133 pages/s\u{1B}[K", "\r\u{1B}[K"])

        let quick = Fake()
        let short = ProgressBar(.progressCopying, counting: .progressPages, strings: Strings(.en), clock: { quick.now },
                                write: { quick.written.append($0) })
        short.update(5)
        short.finish()
        #expect(quick.written.isEmpty, "quick work leaves nothing behind, not even the wipe")
    }

    @Test func onlyATerminalOutsideCIGetsABar() {
        #expect(ProgressBar.shouldDraw(isTerminal: true, environment: ["TERM": "xterm-256color"]))
        #expect(!ProgressBar.shouldDraw(isTerminal: false, environment: ["TERM": "xterm-256color"]), "piped")
        #expect(!ProgressBar.shouldDraw(isTerminal: true, environment: ["TERM": "xterm-256color", "CI": "true"]), "in CI")
        #expect(!ProgressBar.shouldDraw(isTerminal: true, environment: ["TERM": "dumb"]))
    }

    @Test func longWorkWithItsOutputPipedPrintsNothingExtra() throws {
        let binary = Binary()
        defer { binary.cleanUp() }
        // Long enough in a debug build to pass the half second; standard error is a pipe here, and CI is not set.
        let demo = try binary.run(["demo", "--ideas", "5000", "--lang", "en"], removing: ["CI"])
        #expect(demo.status == 0)
        #expect(demo.stderr == "")
        let csv = binary.files.appendingPathComponent("ideas.csv")
        try ("title\n" + (1...300).map { "Idee \($0)" }.joined(separator: "\n")).write(to: csv, atomically: true, encoding: .utf8)
        let imported = try binary.run(["import", csv.path, "--lang", "en"], removing: ["CI"])
        #expect(imported.stdout == "imported 300 ideas (300 in the inbox)\n")
        #expect(!imported.stderr.contains("\r") && !imported.stderr.contains("importing"), "warnings only, no progress line")
    }
}
