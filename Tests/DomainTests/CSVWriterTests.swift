import Domain
import PropertyBased
import Testing

/// CSV cells as exports write them: formulas neutralised the way OWASP describes, escape codes removed, and the rest exact.
@Suite("Hardening: CSV cells")
struct CSVWriterTests {
    @Test("A cell a spreadsheet would run is quoted with a single quote in front", arguments: [
        ("=HYPERLINK(\"http://evil.example\",\"klik\")", "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"klik\"\")\""),
        ("+cmd|' /C calc'!A0", "\"'+cmd|' /C calc'!A0\""),
        ("-2+3", "\"'-2+3\""),
        ("@SUM(A1:A9)", "\"'@SUM(A1:A9)\""),
        ("\t=1+1", "\"' =1+1\""),
        ("\r=1+1", "\"'\n=1+1\""),
        ("\u{1B}[0m=1+1", "\"'=1+1\""),
        ("gewoon = tekst", "gewoon = tekst"),
        ("a,b", "\"a,b\""),
        ("", ""),
    ])
    func neutralised(cell: String, written: String) {
        #expect(CSVWriter.cell(cell) == written)
    }

    @Test func bothDialectsAreNeutralised() {
        #expect(CSVWriter.row(["=1", "x;y", "a,b"], separator: ";") == "\"'=1\";\"x;y\";a,b")
        #expect(CSVWriter.row(["=1", "x;y", "a,b"], separator: ",") == "\"'=1\",x;y,\"a,b\"")
    }

    /// Any text as a cell: read back by the importer's parser it is the cleaned text (a quote in front when it could run),
    /// it never starts a formula, and it never holds an escape code or a control character.
    @Test func anyCellIsSafeAndReadsBack() async {
        let pieces = Gen.element(of: ["=", "+", "-", "@", "\t", "\r", "\n", "\"", ",", ";", "a", "één", " ", "\u{1B}[31m", "\u{9B}",
                                      "\u{202E}", "'", "中", "1"]).map { $0 ?? "" }
        await propertyCheck(count: 3_000, input: pieces.array(of: 0...12).map { $0.joined() }.array(of: 1...4), Gen.element(of: [",", ";"] as [Character])) {
            cells, separator in
            let separator = separator ?? ","
            let line = CSVWriter.row(cells, separator: separator)
            #expect(!line.unicodeScalars.contains { $0.value == 0x1B || (0x80...0x9F).contains($0.value) || $0.value == 0x202E })
            let parsed = try CSV.parse("h\n" + line, separator: separator).dropFirst().first?.fields ?? [""]
            #expect(parsed.count == cells.count)
            for (field, original) in zip(parsed, cells) {
                #expect(!(field.unicodeScalars.first.map(CSVWriter.formulaStarts.contains) ?? false), "\(field)")
                let clean = TextSanitizer.multiLine(original)
                #expect(field == clean || field == "'" + clean, "\(original) → \(field)")
            }
        }
    }
}
