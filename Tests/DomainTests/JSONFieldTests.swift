import Domain
import Foundation
import PropertyBased
import Testing

/// The byte scans that spare the flow figures a JSON decode: they answer what a decode or Foundation would.
@Suite struct JSONFieldTests {
    @Test func stringReadsTopLevelFieldsAndDefersEscapes() {
        #expect(JSONField.string("stage", in: #"{"stage":"learning","title":"x"}"#) == .some("learning"))
        #expect(JSONField.string("stage", in: #"{"title":"x"}"#) == .some(nil))
        #expect(JSONField.string("title", in: #"{"title":"a\"b"}"#) == nil, "an escaped value is left to a decoder")
    }

    @Test func mentionsFindsTextAnywhere() {
        #expect(JSONField.mentions("takeBack", in: #"{"stage":"learning","takeBack":"undo"}"#))
        #expect(JSONField.mentions("\"gate\"", in: #"{"gate":{"criteria":[]}}"#))
        #expect(!JSONField.mentions("\"gate\"", in: #"{"gates":1}"#))
        #expect(!JSONField.mentions("takeBack", in: #"{"takeBac":1}"#), "a prefix of the text is not the text")
        #expect(JSONField.mentions("é", in: #"{"title":"café"}"#))
        #expect(!JSONField.mentions("x", in: ""))
        #expect(JSONField.mentions("", in: "anything"))
    }

    /// Any text and any needle: the byte scan agrees with looking for the bytes in the bytes.
    @Test func mentionsAgreesWithASearchOfTheBytes() async {
        let text = Gen.element(of: ["a", "b", "ab", "\"", "é", "e\u{301}", "{", "中"]).map { $0 ?? "" }.array(of: 0...12).map { $0.joined() }
        await propertyCheck(count: 400, input: zip(text, text)) { needle, haystack in
            let bytes = Array(haystack.utf8), wanted = Array(needle.utf8)
            let expected = wanted.isEmpty
                || (bytes.count >= wanted.count && (0...(bytes.count - wanted.count)).contains { bytes[$0..<($0 + wanted.count)].elementsEqual(wanted) })
            #expect(JSONField.mentions(needle, in: haystack) == expected)
        }
    }
}
