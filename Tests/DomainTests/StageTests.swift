import Domain
import Testing

@Suite("Stage transitions")
struct StageTests {
    @Test("The transition table of the brief", arguments: [
        (Stage.proposed, Stage.experimenting, true), (.proposed, .learning, false), (.proposed, .scaling, false),
        (.proposed, .stopped, true), (.experimenting, .learning, true), (.experimenting, .proposed, false),
        (.experimenting, .scaling, false), (.experimenting, .stopped, true), (.learning, .experimenting, true),
        (.learning, .scaling, true), (.learning, .stopped, true), (.learning, .proposed, false),
        (.scaling, .stopped, true), (.scaling, .learning, false), (.stopped, .proposed, true),
        (.stopped, .experimenting, false), (.stopped, .scaling, false),
    ])
    func transitions(from: Stage, to: Stage, allowed: Bool) {
        #expect(from.canMove(to: to) == allowed)
    }

    @Test func everyStageCanBeStoppedExceptStopped() {
        for stage in Stage.allCases where stage != .stopped {
            #expect(stage.canMove(to: .stopped))
        }
    }

    @Test func refusedMoveNamesTheAllowedTargets() {
        #expect(throws: DomainError.transitionNotAllowed(from: .proposed, to: .scaling, allowed: [.experimenting, .stopped])) {
            try Stage.proposed.validateMove(to: .scaling)
        }
        let message = DomainError.transitionNotAllowed(from: .proposed, to: .scaling, allowed: [.experimenting, .stopped]).description
        #expect(message.contains("experimenting or stopped"))
    }

    @Test func movingToTheSameStageIsRefused() {
        #expect(throws: DomainError.alreadyInStage(.learning)) { try Stage.learning.validateMove(to: .learning) }
    }

    @Test("English and Dutch names", arguments: [
        ("proposed", Stage.proposed), ("Voorgesteld", .proposed), ("experiment", .experimenting),
        ("EXPERIMENTING", .experimenting), ("leren", .learning), ("opschalen", .scaling), ("gestopt", .stopped),
        (" stopped ", .stopped),
    ])
    func names(text: String, stage: Stage) {
        #expect(Stage(name: text) == stage)
    }

    @Test func unknownNameIsNil() {
        #expect(Stage(name: "doing") == nil)
    }

    @Test func boardOrderNeighbours() {
        #expect(Stage.proposed.previousColumn == nil)
        #expect(Stage.proposed.nextColumn == .experimenting)
        #expect(Stage.stopped.nextColumn == nil)
        #expect(Stage.scaling.previousColumn == .learning)
    }
}

@Suite("Ideas and ids")
struct IdeaTests {
    @Test func idParsing() {
        #expect(IdeaID(parsing: "12") == IdeaID(12))
        #expect(IdeaID(parsing: "#7") == IdeaID(7))
        #expect(IdeaID(parsing: "x") == nil)
        #expect(IdeaID(parsing: "0") == nil)
        #expect(IdeaID(12).description == "#12")
    }

    @Test func emptyTitleIsRefused() {
        #expect(throws: DomainError.emptyTitle) { try IdeaFields(title: "   ").validated() }
        #expect(throws: DomainError.emptyTitle) { try IdeaFields(title: "\u{1B}[31m").validated() }
    }

    @Test func overlongTitleIsRefused() {
        #expect(throws: DomainError.titleTooLong(limit: 200)) {
            try IdeaFields(title: String(repeating: "a", count: 201)).validated()
        }
    }

    @Test func validationCleansAndTrims() throws {
        let fields = try IdeaFields(
            title: "  Buurt\u{1B}[2Jkamer\n ", description: "regel 1\r\nregel 2\u{07}", submitter: "  ", theme: " Wijk ",
            tags: ["a", " A", "", "b "]
        ).validated()
        #expect(fields.title == "Buurtkamer")
        #expect(fields.description == "regel 1\nregel 2")
        #expect(fields.submitter == nil)
        #expect(fields.theme == "Wijk")
        #expect(fields.tags == ["a", "b"])
    }

    @Test func tagListParsing() {
        #expect(IdeaFields.parseTagList("jeugd, school ,, jeugd") == ["jeugd", "school"])
    }

    /// The board's filter rule (`TextSearch.key` and `contains`, as the full and the windowed board apply it): every
    /// word of the filter occurs in the card's id, title, theme or tags, case and accents aside.
    @Test func filterIgnoresCaseAndAccents() {
        let card = IdeaSummary(id: IdeaID(3), title: "Eén loket", theme: "Armoede", tags: ["regelingen"], stage: .proposed, position: 1)
        let key = TextSearch.key(id: card.id, title: card.title, theme: card.theme, tagText: card.tagText)
        func matches(_ filter: String) -> Bool { TextSearch.contains(key, every: TextSearch.fold(filter).split(separator: " ")) }
        #expect(matches("een"))
        #expect(matches("LOKET armoede"))
        #expect(matches("regel"))
        #expect(matches("#3"))
        #expect(!matches("jeugd"))
        #expect(matches("  "))
    }
}

@Suite("Text sanitising")
struct TextSanitizerTests {
    @Test("Escape sequences and controls never survive", arguments: [
        ("a\u{1B}[31mred\u{1B}[0m", "ared"),
        ("x\u{1B}]8;;http://evil\u{07}link\u{1B}]8;;\u{1B}\\y", "xlinky"),
        ("t\u{1B}]0;title\u{1B}\\u", "tu"),
        ("c1\u{9B}31mcsi", "c1csi"),
        ("bell\u{07}", "bell"),
        ("del\u{7F}", "del"),
        ("tab\there", "tab here"),
        ("rtl\u{202E}txt", "rtltxt"),
        ("esc\u{1B}c reset", "esc reset"),
        ("line\nbreak", "line break"),
        ("gewoon één ïdee 中文 🌱", "gewoon één ïdee 中文 🌱"),
    ])
    func singleLine(input: String, expected: String) {
        #expect(TextSanitizer.singleLine(input) == expected)
    }

    @Test func multiLineKeepsNewlines() {
        #expect(TextSanitizer.multiLine("a\r\nb\rc\nd") == "a\nb\nc\nd")
    }

    @Test func detectsControls() {
        #expect(TextSanitizer.containsControlCharacters("a\u{1B}b"))
        #expect(!TextSanitizer.containsControlCharacters("één"))
    }
}
