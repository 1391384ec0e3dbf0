import AppCore
import Domain
import Foundation
import Testing

@Suite("Strings and keys")
struct TableTests {
    @Test("Every string key has a text in both languages", arguments: Language.allCases)
    func stringTableIsComplete(language: Language) {
        let table = Strings(language)
        let missing = StringKey.allCases.filter { table[$0] == $0.rawValue }
        #expect(missing.isEmpty, "missing in \(language): \(missing)")
    }

    @Test func dutchColumnTitles() {
        let strings = Strings(.nl)
        #expect(Domain_stages.map(strings.stage) == ["Voorgesteld", "Experiment", "Leren", "Opschalen", "Gestopt"])
        #expect(Domain_stages.map(Strings(.en).stage) == ["Proposed", "Experimenting", "Learning", "Scaling", "Stopped"])
    }

    @Test func noKeyIsBoundTwiceInOneContext() {
        #expect(KeyTable.collisions().isEmpty)
    }

    @Test func dispatchComesFromTheTable() {
        #expect(KeyTable.command(for: .character("H"), in: .board) == .moveCardBack)
        #expect(KeyTable.command(for: .character("q"), in: .detail) == .back)
        #expect(KeyTable.command(for: .character("q"), in: .form) == nil, "q is typed text in a form")
    }

    @Test func keybindingDocIsUpToDate() throws {
        let docURL = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("docs/keybindings.md")
        let committed = try String(contentsOf: docURL, encoding: .utf8)
        #expect(committed == KeyTable.markdown(), "docs/keybindings.md is stale: run `proeftuin keys --lang en > docs/keybindings.md`")
    }

    @Test func languageResolution() {
        #expect(Language.resolve(flag: "nl", configured: "en", environment: ["LANG": "en_US.UTF-8"]) == .nl)
        #expect(Language.resolve(flag: nil, configured: "nl", environment: ["LANG": "en_US.UTF-8"]) == .nl)
        #expect(Language.resolve(flag: nil, configured: nil, environment: ["LANG": "nl_NL.UTF-8"]) == .nl)
        #expect(Language.resolve(flag: nil, configured: nil, environment: ["LC_ALL": "en_GB.UTF-8", "LANG": "nl_NL"]) == .en)
        #expect(Language.resolve(flag: nil, configured: nil, environment: ["LC_MESSAGES": "nl_BE"]) == .nl)
        #expect(Language.resolve(flag: nil, configured: nil, environment: [:]) == .en)
    }
}

let Domain_stages = Stage.boardOrder
