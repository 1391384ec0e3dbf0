import AppCore
import Application
import Domain
import Foundation
import Storage
import Testing

@Suite("Application: participants scoring for themselves")
struct ParticipantWorkspaceTests {
    /// Two ideas on one criterion for Anne and Bram, created by the board.
    func session(_ programs: TwoPrograms) throws -> WeighingSession {
        let ideas = [try programs.board.add(IdeaFields(title: "A")).id, try programs.board.add(IdeaFields(title: "B")).id]
        try programs.board.createCriteriaSet("snel")
        try programs.board.saveCriteriaSet(try programs.board.reader.criteriaSet("snel").adding(Criterion(name: "impact", weight: 1)))
        return try programs.board.createSession(
            WeighingSession(set: try programs.board.reader.criteriaSet("snel"), ideas: ideas, participants: ["Anne", "Bram"], createdAt: Date()))
    }

    @Test func linksCarryFreshSecretsAndScoresThroughThemReachTheBoardAsOutsideChanges() throws {
        let programs = try TwoPrograms()
        let session = try session(programs)
        let id = try #require(session.id)
        let links = try programs.board.shareSession(id)
        #expect(links.count == 2 && Set(links.map(\.token)).count == 2)
        #expect(links.allSatisfy { $0.token.text.count == 24 })
        let others = try programs.board.shareSession(id)
        #expect(others == links, "sharing again keeps the links in use")
        _ = try programs.board.outsideChange()
        // The page's server writes through its own workspace (here: the colleague's program).
        let (stored, participant) = try programs.cli.enter(through: links[1].token, idea: session.ideas[0], criterion: 0, entry: .score(5))
        #expect(participant == 1 && stored.channels.values.allSatisfy { $0 == .web })
        #expect(try programs.board.outsideChange() == true, "the board reloads within a second")
        #expect(try programs.board.reader.session(id).scores[ScoreKey(participant: 1, idea: session.ideas[0], criterion: 0)] == 5)
        try programs.board.stopSharing(id)
        #expect(throws: DomainError.linkEnded) { try programs.cli.enter(through: links[1].token, idea: session.ideas[0], criterion: 0, entry: .score(4)) }
        let fresh = try programs.board.shareSession(id)
        #expect(Set(fresh.map(\.token)).isDisjoint(with: links.map(\.token)), "new links after sharing stopped")
    }

    @Test func theServersSiblingWorkspaceSharesTheDatabaseAndItsScoresAreOutsideChangesForTheBoard() throws {
        let programs = try TwoPrograms()
        let session = try session(programs)
        let id = try #require(session.id)
        let links = try programs.board.shareSession(id)
        let page = programs.board.sibling(program: "web")
        _ = try programs.board.outsideChange()
        try page.enter(through: links[0].token, idea: session.ideas[1], criterion: 0, entry: .score(3))
        #expect(try programs.board.outsideChange() == true, "the page's score reloads the board's session")
        try programs.board.setScores(id, [(ScoreKey(participant: 1, idea: session.ideas[1], criterion: 0), 2)], channel: .board)
        #expect(try programs.board.outsideChange() == false, "the board's own score is not")
        #expect(try page.outsideChange() == true, "and the page sees the board's")
        // One database: what either wrote, the other reads at once.
        let stored = try page.reader.session(id)
        #expect(stored.channels == [ScoreKey(participant: 0, idea: session.ideas[1], criterion: 0): .web,
                                    ScoreKey(participant: 1, idea: session.ideas[1], criterion: 0): .board])
    }

    @Test func aParticipantJoinsByNameAndTheirTerminalStoresEachScoreAtOnce() throws {
        let programs = try TwoPrograms()
        let session = try session(programs)
        let id = try #require(session.id)
        #expect(throws: DomainError.unknownParticipant("Carla", known: ["Anne", "Bram"])) { try programs.cli.join(id, as: "Carla") }
        let (joined, participant) = try programs.cli.join(id, as: "BRAM")
        #expect(participant == 1)
        let runner = ParticipantRunner(workspace: programs.cli, session: id, language: .nl)
        var state = ParticipantState(language: .nl, size: Size(width: 80, height: 24), session: joined, participant: participant, titles: [:])
        for key: Key in [.character("4"), .character("2")] {
            for effect in ParticipantReducer.reduce(&state, .key(key)) {
                for event in runner.perform(effect) { _ = ParticipantReducer.reduce(&state, event) }
            }
        }
        let stored = try programs.board.reader.session(id)
        #expect(stored.scores == [ScoreKey(participant: 1, idea: session.ideas[0], criterion: 0): 4,
                                  ScoreKey(participant: 1, idea: session.ideas[1], criterion: 0): 2])
        #expect(Set(stored.channels.values) == [.terminal])
        #expect(state.isDone)
        // Closed by the facilitator (who confirmed closing with Anne's cells empty): the participant's next key is refused,
        // their scores stay.
        try programs.board.closeSession(id, allowIncomplete: true)
        #expect(throws: DomainError.sessionClosed) { try programs.cli.join(id, as: "Anne") }
        var effects = ParticipantReducer.reduce(&state, .key(.character("1")))
        #expect(effects == [.save(ScoreInput(ScoreKey(participant: 1, idea: session.ideas[1], criterion: 0), .score(1), seen: SeenEntry(.score(2)),
                                             channel: .terminal))], "the screen has not heard yet")
        for event in runner.perform(effects.removeFirst()) { effects += ParticipantReducer.reduce(&state, event) }
        #expect(state.message?.text == "De sessie is gesloten: de scores liggen vast")
        #expect(effects == [.reload])
        for event in runner.perform(.reload) { _ = ParticipantReducer.reduce(&state, event) }
        #expect(state.session.status == .closed && state.session.scores.count == 2)
    }
}
