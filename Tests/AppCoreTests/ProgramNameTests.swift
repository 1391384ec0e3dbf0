import AppCore
import Domain
import Testing

/// Who made a change names the program in the reader's language, never the code stored in the event log.
@Suite("Program names")
struct ProgramNameTests {
    @Test func theKnownProgramsAreNamedInBothLanguages() {
        let stored = ["board", "cli", "join", "web", "migrate", "bench"]
        #expect(stored.map(Strings(.nl).programName) == ["bord", "opdrachtregel", "terminal van deelnemer", "deelnemerspagina", "migratie", "meting"])
        #expect(stored.map(Strings(.en).programName) == ["board", "command line", "participant's terminal", "participant's page", "migration", "bench"])
    }

    @Test func aLongOrInvisibleNameNeverTakesOverTheLine() {
        let long = String(repeating: "L", count: 300)
        #expect(Strings(.en).who(long, program: long) == String(repeating: "L", count: 31) + "… (" + String(repeating: "L", count: 31) + "…)")
        #expect(Strings(.en).who("anne", program: String(repeating: "\u{200B}", count: 200)) == "anne", "a name of zero-width spaces is no name")
        #expect(Strings(.en).who("anne", program: "") == "anne")
        #expect(Strings(.nl).programName("宽宽宽宽宽宽宽宽宽宽宽宽宽宽宽宽宽宽宽宽") == "宽宽宽宽宽宽宽宽宽宽宽宽宽宽宽…")
    }

    @Test func anUnknownProgramIsShownAsStoredOnOneLine() {
        let typed = "script\u{1B}[2J\nx"
        #expect(Strings(.nl).programName(typed) == TextSanitizer.singleLine(typed))
        let shown = Strings(.nl).programName(typed) ?? ""
        #expect(!shown.contains("\u{1B}") && !shown.contains("\n"))
        #expect(Strings(.nl).who("anne\u{7}", program: "cli") == "anne (opdrachtregel)")
        #expect(Strings(.en).who("bert", program: nil) == "bert")
    }
}
