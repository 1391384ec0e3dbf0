@testable import CLI
import Domain
import Foundation
import Testing

/// The CSV import as the command runs it, streaming: UTF-8 checked on the way, warnings and counts as before.
@Suite("CLI: streaming import")
struct StreamingImportCLITests {
    @Test func linesThatAreNotUTF8AreNamedAcrossChunks() {
        var check = UTF8LineCheck()
        // "é" cut between two chunks is fine; a lone continuation byte, a cut-off character at a line end and at the
        // end of the input are not.
        check.check([0x74, 0xC3])
        check.check([0xA9, 0x0A, 0x80, 0x0A, 0x6F, 0x6B, 0x0A, 0xE2, 0x82, 0x0A, 0xED, 0xA0, 0x80, 0x0A, 0xF0, 0x9F])
        check.finish()
        #expect(check.invalidLines == [2, 4, 5, 6])
    }

    @Test func theCommandRefusesAFileThatIsNotUTF8AndImportsNothing() throws {
        let binary = Binary()
        defer { binary.cleanUp() }
        let file = binary.files.appendingPathComponent("latin1.csv")
        var bytes = Array("title,description\nGoed idee,\n".utf8)
        let long = String(repeating: "lang ", count: 200)
        for number in 0..<300 { bytes += Array("Idee \(number),\(long)\n".utf8) }  // past the first 256 KiB chunk
        bytes += [0x43, 0x61, 0x66, 0xE9, 0x0A]  // "Café" in Latin-1
        try Data(bytes).write(to: file)
        let refused = try binary.run(["import", file.path, "--lang", "en"])
        #expect(refused.status == 1)
        #expect(refused.stderr == "Error: \(file.path) has 1 error; nothing was imported:\n  line 303: not valid UTF-8 text\n")
        let list = try binary.run(["list", "--format", "json"])
        #expect(list.stdout.filter { !$0.isWhitespace } == "[]", "\(list.stdout)")
    }

    @Test func aFileOfOnlyAHeaderSaysSoWithoutEmptyParentheses() throws {
        let binary = Binary()
        defer { binary.cleanUp() }
        let file = binary.files.appendingPathComponent("header.csv")
        try "title;description\n".write(to: file, atomically: true, encoding: .utf8)
        #expect(try binary.run(["import", file.path, "--lang", "en"]).stdout == "imported 0 ideas\n")
        #expect(try binary.run(["import", file.path, "--dry-run", "--lang", "nl"]).stdout == "zou 0 ideeën importeren; er is niets veranderd\n")
    }

    /// A description over several lines (LF or a spreadsheet's CRLF) keeps its lines and is no "cleaned" text; an escape
    /// code is; a description too long is named as the description's problem, not the title's.
    @Test func lineEndsInADescriptionAreNoControlCharacters() throws {
        let binary = Binary()
        defer { binary.cleanUp() }
        let file = binary.files.appendingPathComponent("lines.csv")
        try "title;description\r\nBuurtkamer open;\"twee\r\nregels\"\r\nSchuldhulp thuis;\"nog\ntwee\"\r\nEnergiecoach;\"rood \u{1B}[31m\"\r\n"
            .write(to: file, atomically: true, encoding: .utf8)
        let result = try binary.run(["import", file.path, "--lang", "en"])
        #expect(result.stdout == "imported 3 ideas (3 in the inbox)\n")
        #expect(result.stderr == "warning: line 6: control characters and escape codes were removed\n")
        let long = binary.files.appendingPathComponent("long.csv")
        try ("title;description\nKort;" + String(repeating: "a", count: TextLimit.description + 1) + "\n").write(to: long, atomically: true, encoding: .utf8)
        let refused = try binary.run(["import", long.path, "--lang", "en"])
        #expect(refused.stderr.contains("line 2, description: "), "\(refused.stderr)")
    }

    /// A column the import does not know is named in a warning, in the user's language, and its values are not read.
    @Test func anUnknownColumnIsNamedNotSilentlyDropped() throws {
        let binary = Binary()
        defer { binary.cleanUp() }
        let file = binary.files.appendingPathComponent("columns.csv")
        try "titel;beschrijving;thema\nBuurtkamer open;Een plek voor iedereen;\n".write(to: file, atomically: true, encoding: .utf8)
        let result = try binary.run(["import", file.path, "--lang", "nl"])
        #expect(result.stdout == "1 idee geïmporteerd (1 in de inbox)\n")
        #expect(result.stderr == "waarschuwing: de import kent kolom 'beschrijving' niet en heeft hem overgeslagen (bekende kolommen: "
            + "titel, omschrijving, thema, labels, bron, indiener, fase, antwoord aan, ontvangen, of hun Engelse namen)\n")
    }

    @Test func warningsStageNotesAndTheSummaryAreAsBefore() throws {
        let binary = Binary()
        defer { binary.cleanUp() }
        try binary.run(["add", "Fietsenstalling bij station"])
        let file = binary.files.appendingPathComponent("ideas.csv")
        try "titel;fase\nFietsenstalling station;\nBuurtmoestuin in de wijk;experiment\nBuurtmoestuin in onze wijk;\n"
            .write(to: file, atomically: true, encoding: .utf8)
        let result = try binary.run(["import", file.path, "--lang", "en"])
        #expect(result.status == 0)
        #expect(result.stdout == "imported 3 ideas (1 proposed, 2 in the inbox)\n")
        #expect(result.stderr == """
            warning: line 2: likely duplicate of #1 'Fietsenstalling bij station' (similarity 0.93); merge with 'proeftuin merge'
            warning: line 4: likely duplicate of line 3 'Buurtmoestuin in de wijk' (similarity 0.86) in the same file
            warning: line 3: asked for stage experimenting; arrives as proposed: move it with 'proeftuin move' through its gate

            """)
    }

    /// Past the fifty warnings that are printed, the rest are only counted: likely duplicates, BSN-like numbers and cleaned
    /// text alike, as if every warning had been made.
    @Test func warningsPastTheFiftyPrintedAreCountedAllTheSame() throws {
        let binary = Binary()
        defer { binary.cleanUp() }
        let file = binary.files.appendingPathComponent("many.csv")
        var text = "title,description\n"
        for number in 1...60 {
            // Every row after the first looks like an earlier one (59 warnings); row 58 also holds a BSN-like number and
            // row 60 a tab, which is cleaned: 61 warnings, of which 50 are printed.
            let description = number == 58 ? "bel 111222333" : number == 60 ? "met\ttab" : "gewoon"
            text += "Idee nummer \(number) over iets,\(description)\n"
        }
        try text.write(to: file, atomically: true, encoding: .utf8)
        let result = try binary.run(["import", file.path, "--lang", "en"])
        #expect(result.status == 0)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 51, "\(result.stderr)")
        #expect(lines.dropLast().allSatisfy { $0.hasPrefix("warning: line ") && $0.contains("likely duplicate of line") })
        #expect(lines.last == "warning: … and 11 more warnings")
        #expect(result.stdout == "imported 60 ideas (60 in the inbox)\n")
    }
}
