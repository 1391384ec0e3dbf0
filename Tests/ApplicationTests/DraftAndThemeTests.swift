import AppCore
import Application
import Domain
import Foundation
import Storage
import Testing

@Suite("Application: drafts of unsaved forms, and the list of themes")
struct DraftAndThemeTests {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("proeftuin-drafts-\(UUID().uuidString)")

    func permissions(_ path: String) -> Int? {
        (try? FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) ?? nil
    }

    @Test func draftsAreKeptPrivatelyPerPersonAndRemovedWhenDone() throws {
        defer { try? FileManager.default.removeItem(at: url) }
        let directory = DataDirectory(url: url)
        let store = DraftStore(directory: directory, actor: "Anne de Vries")
        let draft = FormDraft(subject: .newIdea, fields: ["title": "Inloop", "submitter": "J. Jansen"])
        let move = FormDraft(subject: .gate(IdeaID(12), .experimenting), fields: ["hypothesis": "buren helpen"])
        try store.save(draft)
        try store.save(move)
        #expect(store.folder.path.hasSuffix("drafts/Anne_de_Vries"))
        #expect(Set(store.load().map(\.subject)) == [.newIdea, .gate(IdeaID(12), .experimenting)])
        #expect(permissions(store.folder.path) == 0o700)
        #expect(permissions(store.folder.appendingPathComponent("new-idea.\(getpid()).json").path) == 0o600, "a draft may hold personal data")
        #expect(DraftStore(directory: directory, actor: "bert").load().isEmpty, "a colleague never gets Anne's drafts")
        try store.discard(.newIdea)
        try store.discard(.newIdea)
        #expect(store.load() == [move])
    }

    @Test func twoBoardsOfOnePersonKeepTheirOwnDraftsAndAnEndedBoardsDraftComesBack() throws {
        defer { try? FileManager.default.removeItem(at: url) }
        let directory = DataDirectory(url: url)
        let running = DraftStore(directory: directory, actor: "anne", instance: 1)  // process 1 always runs
        let ended = DraftStore(directory: directory, actor: "anne", instance: Int32.max - 7)
        let mine = DraftStore(directory: directory, actor: "anne")
        try running.save(FormDraft(subject: .newIdea, fields: ["title": "Alice belangrijk idee"]))
        try ended.save(FormDraft(subject: .editIdea(IdeaID(4)), fields: ["title": "Van het gecrashte bord"]))
        try mine.save(FormDraft(subject: .newIdea, fields: ["title": "Bob"]))

        #expect(mine.load().map(\.subject) == [.editIdea(IdeaID(4)), .newIdea])
        #expect(mine.load().first { $0.subject == .newIdea }?.fields["title"] == "Bob", "not the other running board's draft")
        try mine.discard(.newIdea)
        try mine.discard(.editIdea(IdeaID(4)))
        #expect(mine.load().isEmpty)
        #expect(running.load().map(\.fields["title"]) == ["Alice belangrijk idee"], "the other board's typed work is untouched")
    }

    @Test func aDamagedDraftIsSkipped() throws {
        defer { try? FileManager.default.removeItem(at: url) }
        let store = DraftStore(directory: DataDirectory(url: url), actor: "anne")
        try store.save(FormDraft(subject: .editIdea(IdeaID(3)), fields: ["title": "Half"]))
        try Data("{\"subject\":".utf8).write(to: store.folder.appendingPathComponent("new-idea.\(getpid()).json"))
        #expect(store.load().map(\.subject) == [.editIdea(IdeaID(3))])
    }

    @Test func theEffectRunnerWritesReadsAndRemovesDrafts() throws {
        defer { try? FileManager.default.removeItem(at: url) }
        let directory = DataDirectory(url: url)
        let workspace = try Workspace.open(directory, actor: "anne", program: "board")
        let runner = EffectRunner(workspace: workspace, drafts: DraftStore(directory: directory, actor: "anne"))
        let draft = FormDraft(subject: .newIdea, fields: ["title": "Inloop"])
        #expect(runner.perform(.saveDraft(draft)).isEmpty)
        #expect(runner.perform(.loadDrafts) == [.draftsLoaded([draft])])
        #expect(runner.perform(.discardDraft(.newIdea)).isEmpty)
        #expect(runner.perform(.loadDrafts) == [.draftsLoaded([])])
        let withoutStore = EffectRunner(workspace: workspace)
        #expect(withoutStore.perform(.saveDraft(draft)).isEmpty && withoutStore.perform(.loadDrafts) == [.draftsLoaded([])])
    }

    @Test func aFixedListOfThemesHoldsForEveryWay() throws {
        defer { try? FileManager.default.removeItem(at: url) }
        let directory = DataDirectory(url: url)
        let themes = ThemeCatalog(fixed: ["Armoede en schulden", "Jeugd en gezin"])
        let workspace = try Workspace.open(directory, actor: "anne", program: "cli", themes: themes)
        #expect(try workspace.add(IdeaFields(title: "Een", theme: "armoede EN schulden")).fields.theme == "Armoede en schulden",
                "typed another way, stored the listed way")
        #expect(throws: DomainError.unknownTheme("Wijk", allowed: ["Armoede en schulden", "Jeugd en gezin"])) {
            try workspace.add(IdeaFields(title: "Twee", theme: "Wijk"))
        }
        let id = try workspace.add(IdeaFields(title: "Drie")).id
        #expect(throws: DomainError.unknownTheme("Wijk", allowed: ["Armoede en schulden", "Jeugd en gezin"])) {
            try workspace.edit(id) { $0.theme = "Wijk" }
        }
        try workspace.edit(id) { $0.title = "Drie!" }
        // config.toml seeded its themes into the portfolio's list of lokale opgaven: the list holds for everyone on it.
        let open = try Workspace.open(directory, actor: "bert", program: "cli")
        #expect(try open.reader.challenges().map(\.name) == ["Armoede en schulden", "Jeugd en gezin"])
        #expect(throws: DomainError.unknownTheme("Wijk", allowed: ["Armoede en schulden", "Jeugd en gezin"])) {
            try open.add(IdeaFields(title: "Vier", theme: "Wijk"))
        }
        try open.addChallenge(LocalChallenge(name: "Wijk", summary: "Samenleven in de wijk"))
        #expect(try open.add(IdeaFields(title: "Vier", theme: "wijk")).fields.theme == "Wijk", "added to the list, it goes")
        try open.perform(.edit(id, IdeaFields(title: "Drie!", theme: "Wijk")))
        #expect(try workspace.edit(id) { $0.title = "Drie?" }.focus == id, "an edit that leaves the theme alone is not refused")
    }
}
