import AppCore
import Application
import Domain
import Foundation
import GRDB
import Storage
import Testing

/// A weighing session open on the projector that becomes unreadable (no participants, after an import or another tool):
/// the board says so and stops; it neither crashes nor reloads in a loop.
@Suite("Hardening: a damaged session on an open board")
struct DamagedSessionTests {
    @Test func aSessionWithoutParticipantsIsNamedOnceAndNeverReloadedInALoop() throws {
        let programs = try TwoPrograms()
        let idea = try programs.board.add(IdeaFields(title: "Gewogen")).id
        try programs.board.createCriteriaSet("snel")
        try programs.board.saveCriteriaSet(try programs.board.reader.criteriaSet("snel").adding(Criterion(name: "impact", weight: 1)))
        let session = try programs.board.createSession(WeighingSession(
            set: try programs.board.reader.criteriaSet("snel"), ideas: [idea], participants: ["Anne"], createdAt: Date()))
        let runner = EffectRunner(workspace: programs.board, language: .nl)
        var state = AppState(language: .nl, size: Size(width: 100, height: 30))
        var pending = Reducer.reduce(&state, .sessionLoaded(session))
        let queue = try DatabaseQueue(path: programs.board.reader.directory.databaseURL.path)
        try queue.write { try $0.execute(sql: "UPDATE session SET participants = '[]'") }
        try queue.close()
        pending.append(.loadSession(session.id!))
        var steps = 0
        while !pending.isEmpty, steps < 50 {
            let effect = pending.removeFirst()
            for event in runner.perform(effect) { pending += Reducer.reduce(&state, event) }
            steps += 1
        }
        #expect(steps < 50, "no reload loop")
        let message = try #require(state.message)
        #expect(message.isError)
        #expect(message.text.contains("sessie \(session.id!.rawValue)") && message.text.contains("participants"), "\(message.text)")
    }
}
