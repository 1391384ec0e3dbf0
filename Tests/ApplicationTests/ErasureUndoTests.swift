import Application
import Domain
import Foundation
import Storage
import Testing

/// `forget` is final: an open board's undo and redo (through `Workspace.takeBack`) never bring an erased name back.
@Suite("Hardening: undo after forget")
struct ErasureUndoTests {
    @Test func undoingAnEditThatRemovedTheNameIsRefusedAfterForget() throws {
        let programs = try TwoPrograms()
        let id = try programs.board.add(IdeaFields(title: "Buurtkamer", submitter: "Élodie O\"Brien/\\x")).id
        let removal = try programs.board.edit(id) { $0.submitter = nil }
        _ = try programs.cli.forget(submitter: "élodie o\"brien/\\X")
        #expect(throws: DomainError.erasedPersonalData(id)) { _ = try programs.board.takeBack(removal.inverse) }
        #expect(try programs.board.reader.idea(id).fields.submitter == nil, "nothing was undone")
        let history = try programs.board.reader.history(id).flatMap { [$0.before ?? "", $0.after ?? ""] }.joined()
        #expect(!history.contains("lodie"), "the event log holds no trace of the name")
    }

    @Test func redoingTheCreationOfAnIdeaWithTheNameIsRefusedAfterForget() throws {
        let programs = try TwoPrograms()
        let created = try programs.board.perform(.create(IdeaFields(title: "Taalcafé", submitter: "Ann")))
        let undone = try programs.board.takeBack(created.inverse)
        _ = try programs.cli.forget(submitter: "ANN")
        #expect(throws: DomainError.erasedPersonalData(created.focus!)) { _ = try programs.board.takeBack(undone.inverse) }
        #expect(try programs.board.reader.summaries().isEmpty)
    }

    @Test func anUndoThatDoesNotTouchTheNameStillWorks() throws {
        let programs = try TwoPrograms()
        let id = try programs.board.add(IdeaFields(title: "Buurtkamer", submitter: "Ann")).id
        let edit = try programs.board.edit(id) { $0.title = "Buurtkamer Noord" }
        _ = try programs.cli.forget(submitter: "Ann")
        _ = try programs.board.takeBack(edit.inverse)
        let fields = try programs.board.reader.idea(id).fields
        #expect(fields.title == "Buurtkamer")
        #expect(fields.submitter == nil, "the undo kept the erasure")
    }

    @Test func withoutForgetTheSameUndoStillRestoresTheName() throws {
        let programs = try TwoPrograms()
        let id = try programs.board.add(IdeaFields(title: "Buurtkamer", submitter: "Ann")).id
        let removal = try programs.board.edit(id) { $0.submitter = nil }
        _ = try programs.board.takeBack(removal.inverse)
        #expect(try programs.board.reader.idea(id).fields.submitter == "Ann")
    }
}
