import AppCore
import Domain
import Foundation
import Testing

@Suite("Strings and keys")
struct TableTests {
    @Test("Every string key has a text in both languages", arguments: Language.allCases)
    func stringTableIsComplete(language: Language) {
        let missing = Strings.missingKeys(in: Strings.texts(of: language))
        #expect(missing.isEmpty, "missing in \(language): \(missing)")
    }

    @Test func completenessCheckFindsAMissingDutchText() {
        let complete = Strings.texts(of: .nl)
        #expect(Strings.missingKeys(in: complete).isEmpty)
        var oneRemoved = complete
        oneRemoved[.errorSessionClosed] = nil
        #expect(Strings.missingKeys(in: oneRemoved) == [.errorSessionClosed])
        var oneEmpty = complete
        oneEmpty[.errorEmptyName] = ""
        #expect(Strings.missingKeys(in: oneEmpty) == [.errorEmptyName])
    }

    @Test("Every domain refusal reads as Dutch in Dutch, on the board and on the command line", arguments: DomainErrorSamples.all)
    func domainErrorsAreTranslated(error: DomainError) {
        for text in [Strings(.nl).error(error), Strings(.nl).commandLineError(error)] {
            #expect(text != Strings(.en).error(error) && text != Strings(.en).commandLineError(error), "\(text)")
            #expect(!text.contains("{") && !text.isEmpty, "\(text)")
        }
    }

    @Test func domainErrorTexts() {
        let dutch = Strings(.nl)
        #expect(dutch.commandLineError(.ideaNotFound(IdeaID(99))) == "Er is geen idee #99: zoek het nummer op met 'proeftuin list'")
        #expect(dutch.error(.ideaNotFound(IdeaID(7))) == "Idee #7 bestaat niet meer")
        #expect(dutch.error(.unknownParticipant("Carla", known: ["Anne", "Bram"])) == "'Carla' is geen deelnemer van deze sessie: kies uit Anne, Bram")
        #expect(dutch.commandLineError(.gateIncomplete(.stopped, missing: [.category, .learned]))
            == "Naar Gestopt verplaatsen vraagt --category, --learned: er is niets gewijzigd")
        #expect(Strings(.en).error(.unknownStage("klaar")) == "Unknown stage 'klaar': use proposed, experimenting, learning, scaling, stopped")
        #expect(dutch.error(.unknownStage("done")) == "Onbekende fase 'done': gebruik voorgesteld, experiment, leren, opschalen, gestopt")
        #expect(dutch.error(.unknownCriterion("smaak\u{1B}[31m")) == "Er is geen criterium 'smaak' in deze set", "escape codes are cleaned")
    }

    @Test("Both languages fill in the same placeholders", arguments: StringKey.allCases)
    func placeholdersMatch(key: StringKey) {
        func placeholders(_ text: String?) -> Set<String> {
            Set((1...9).map { "{\($0)}" }.filter { text?.contains($0) ?? false })
        }
        #expect(placeholders(Strings.texts(of: .nl)[key]) == placeholders(Strings.texts(of: .en)[key]))
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
