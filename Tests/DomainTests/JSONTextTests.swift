import Domain
import Foundation
import PropertyBased
import Testing

/// JSON printed to a terminal: controls a terminal could act on are escaped, and the JSON still decodes to the same data.
@Suite("Hardening: JSON text")
struct JSONTextTests {
    @Test func c1ControlsAndBidiOverridesAreEscaped() throws {
        let json = String(decoding: try JSONEncoder().encode(["title": "a\u{9B}31mb\u{202E}c\u{2028}"]), as: UTF8.self)
        let safe = JSONText.escapingInvisibleControls(json)
        #expect(safe == #"{"title":"a\u009b31mb\u202ec\u2028"}"#)
        #expect(try JSONDecoder().decode([String: String].self, from: Data(safe.utf8)) == ["title": "a\u{9B}31mb\u{202E}c\u{2028}"])
    }

    @Test func anyStringStaysExactAndSafe() async {
        let scalars = Gen.element(of: [0x41, 0x22, 0x5C, 0x1B, 0x07, 0x85, 0x9B, 0x9D, 0x202A, 0x202E, 0x2066, 0x2069, 0x2028, 0x2029, 0xE9, 0x1F600,
                                        0x0A, 0x7F] as [UInt32]).compactMap { $0.flatMap(Unicode.Scalar.init) }
        await propertyCheck(count: 1_000, input: scalars.array(of: 0...30)) { values in
            let text = String(String.UnicodeScalarView(values))
            let json = JSONText.escapingInvisibleControls(String(decoding: try JSONEncoder().encode([text]), as: UTF8.self))
            #expect(try JSONDecoder().decode([String].self, from: Data(json.utf8)) == [text])
            #expect(!json.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) || (0x202A...0x202E).contains($0.value)
                || (0x2066...0x2069).contains($0.value) })
        }
    }
}
