import Domain
import Foundation
import GRDB
import Storage
import Testing

@Suite("Storage: undo and redo in the record")
struct UndoRecordStorageTests {
    let temporary = TemporaryDirectory()
    let clock = TestClock()

    @Test func anUndoneMoveIsMarkedAndLeavesTheFlowMetrics() throws {
        let clock = clock
        let database = try AppDatabase.open(temporary.dataDirectory, actor: "tester", clock: { clock.now })
        let id = try database.add(IdeaFields(title: "Terug")).id
        let moved = try database.apply(.move(MoveRequest(id: id, target: .stopped, reason: "dubbel", gate: .stop(.merged, learned: "l"))))
        let undone = try database.apply(moved.inverse, undoing: true)
        let history = try database.history(id)
        #expect(history.last?.takeBack == .undo)
        let changes = try database.stageChanges()
        #expect(changes.map(\.isUndo) == [false, false, true])
        let today = DayDate.local(clock.now)
        #expect(try database.portfolio(today: today, staleDays: 30).throughput.allSatisfy { $0.stopped == 0 })
        _ = try database.apply(undone.inverse, undoing: true)
        #expect(try database.history(id).last?.takeBack == .redo)
        #expect(try database.portfolio(today: today, staleDays: 30).throughput.map(\.stopped).reduce(0, +) == 1, "the redo counts once")
    }

    @Test func anAmendedProposalIsStoredWithTheOldText() throws {
        let database = try AppDatabase.open(temporary.dataDirectory, actor: "tester")
        let id = try database.add(IdeaFields(title: "Opschalen")).id
        let decision = ConsentDecision(ideaID: id, kind: .scale, proposal: "overal", responsible: "An",
                                       reviewDate: DayDate(year: 2027, month: 6, day: 1)!, objections: [Objection(who: "B", text: "te snel")])
        guard case .deleteDecision(let decisionID) = try database.apply(.saveDecision(decision)).inverse else {
            Issue.record("expected a new decision")
            return
        }
        try database.apply(.amendDecision(decisionID, .amendProposal(number: 1, proposal: "eerst twee wijken", note: "kleiner")))
        let stored = try database.decision(decisionID)
        #expect(stored.proposal == "eerst twee wijken")
        #expect(stored.objections[0].previousProposal == "overal")
        let event = try #require(try database.history(id).last)
        #expect(event.before?.contains("\"proposal\":\"overal\"") == true, "the history keeps the old text")
    }
}
