import Domain
import PropertyBased
import Testing

@Suite("Fuzz: CSV and text")
struct CSVFuzzTests {
    /// Random mixes of separators, quotes, newlines and text either parse or fail with a line number; never crash.
    @Test func csvParserNeverCrashes() async {
        let pieces = Gen.element(of: [",", ";", "\"", "\"\"", "\n", "\r\n", "\r", "a", "één", " ", "\u{FEFF}", "\u{1B}[31m", "12,5", "中"]).map { $0 ?? "" }
        await propertyCheck(count: 2_000, input: pieces.array(of: 0...80)) { parts in
            let text = parts.joined()
            do {
                let records = try CSV.parse(text)
                #expect(records.allSatisfy { $0.line >= 1 })
                #expect(zip(records, records.dropFirst()).allSatisfy { $0.line < $1.line })
            } catch let error as CSV.ParseError {
                #expect(error.line >= 1)
            }
        }
    }

    /// Quoting what the parser reads gives the same fields back.
    @Test func quotedFieldsRoundTrip() async {
        let field = Gen.element(of: ["a", "b,c", "d;e", "f\"g", "h\ni", "", "één", " x "]).map { $0 ?? "" }.array(of: 1...5)
        await propertyCheck(count: 500, input: field.array(of: 1...6)) { rows in
            let text = rows.map { $0.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }.joined(separator: ",") }
                .joined(separator: "\r\n")
            let parsed = try CSV.parse("h\r\n" + text, separator: ",")
            #expect(parsed.dropFirst().map(\.fields) == rows)
        }
    }

    @Test func sanitizerOutputHasNoControls() async {
        let scalars = Gen.uint32(in: 0...0x2FFF).compactMap { Unicode.Scalar($0) }
        await propertyCheck(count: 1_000, input: scalars.array(of: 0...100)) { values in
            let clean = TextSanitizer.singleLine(String(String.UnicodeScalarView(values)))
            #expect(!clean.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) || (0x202A...0x202E).contains($0.value) })
        }
    }
}
