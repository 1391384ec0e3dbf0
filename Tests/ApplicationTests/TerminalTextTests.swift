import AppCore
import Application
import Domain
import Foundation
import PropertyBased
import Storage
import Testing

/// Text to the terminal: whatever a file, a database or an argument holds, a message built from it carries no escape
/// sequence, control character or bidirectional override, in either language.
@Suite("Hardening: text to the terminal")
struct TerminalTextTests {
    static func isSafe(_ text: String) -> Bool {
        !text.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) || (0x202A...0x202E).contains($0.value)
            || (0x2066...0x2069).contains($0.value) }
    }

    /// Every kind of refusal a user sees, filled with the hostile text.
    static func messages(_ text: String) -> [String] {
        let storage: [StorageError] = [
            .cannotCreateDirectory(path: text, reason: text), .notADirectory(path: text), .databaseDamaged(path: text, detail: text),
            .configInvalid(path: text, detail: text), .unreadableValue(table: "idea", record: text, field: text, value: text),
            .databaseError(path: text, detail: text), .fileExists(path: text), .databaseInUse(path: text),
            .databaseMissing(path: text, backups: 1, setAside: 2), .notRestorable(path: text, problem: .damaged(text)),
            .databaseReplaced(path: text), .diskFull(path: text), .readOnly(path: text),
        ]
        let interchange: [InterchangeError] = [.schemaMismatch(found: text, expected: text), .notEmpty(path: text), .serverNotEmpty(server: text)]
        let domain: [DomainError] = [
            .unknownStage(text), .invalidDate(text), .invalidNumber(text), .numberOutOfRange(.weight, text), .duplicateParticipant(text),
            .unknownParticipant(text, known: [text]), .duplicateCriterion(text), .textTooLong(field: text, limit: 1),
            .invalidMatrix(.notANumber(text)), .unknownCriteriaSet(text), .decisionNotFound(text), .openObjections([text]),
        ]
        return [Language.en, .nl].flatMap { language in
            let strings = Strings(language)
            return storage.map { $0.message(in: strings) } + interchange.map { $0.message(in: strings) }
                + domain.flatMap { [strings.error($0), strings.commandLineError($0)] }
        }
    }

    @Test func anEscapeSequenceInAPathOrAValueIsRemoved() {
        for message in Self.messages("/tmp/\u{1B}]0;gehackt\u{07}\u{1B}[2J\u{9B}31mrood\u{202E}") {
            #expect(Self.isSafe(message), "\(message)")
            #expect(!message.contains("gehackt"), "the whole OSC sequence goes, not only its escape character")
        }
    }

    @Test func anyTextInAnyMessageIsSafe() async {
        let scalars = Gen.element(of: [0x1B, 0x07, 0x9B, 0x9D, 0x0D, 0x0A, 0x09, 0x202E, 0x2066, 0x5B, 0x5D, 0x3B, 0x30, 0x6D, 0x41, 0xE9, 0x4E2D,
                                        0xFFFD, 0x1F600, 0x00, 0x7F, 0x85] as [UInt32]).compactMap { $0.flatMap(Unicode.Scalar.init) }
        await propertyCheck(count: 300, input: scalars.array(of: 0...40)) { values in
            let text = String(String.UnicodeScalarView(values))
            for message in Self.messages(text) { #expect(Self.isSafe(message), "\(message.debugDescription)") }
        }
    }
}
