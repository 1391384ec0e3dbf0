import AppCore
import Application
import Domain
import Foundation
import Storage
import Testing

@Suite("Application: outside changes")
struct WatcherTests {
    @Test func ownChangesAreNeverOutsideChangesAndAColleaguesAre() throws {
        let programs = try TwoPrograms()
        let start = Date()
        var watcher = ChangeWatcher(workspace: programs.board, interval: 0.5, now: start)
        try programs.board.add(IdeaFields(title: "Van het bord"))
        #expect(watcher.poll(now: start.addingTimeInterval(0.6)) == false)
        try programs.cli.add(IdeaFields(title: "Van elders"))
        #expect(watcher.poll(now: start.addingTimeInterval(0.7)) == false, "not looked at again within the interval")
        #expect(watcher.poll(now: start.addingTimeInterval(1.2)) == true)
        #expect(watcher.poll(now: start.addingTimeInterval(1.8)) == false)
    }

    @Test func scoresFromAnotherProgramAreNoticedAndReachTheOpenSession() throws {
        let programs = try TwoPrograms()
        let ideas = [try programs.board.add(IdeaFields(title: "A")).id, try programs.board.add(IdeaFields(title: "B")).id]
        try programs.board.createCriteriaSet("snel")
        var set = try programs.board.reader.criteriaSet("snel")
        set = try set.adding(Criterion(name: "impact", weight: 1))
        try programs.board.saveCriteriaSet(set)
        let session = try programs.board.createSession(
            WeighingSession(set: try programs.board.reader.criteriaSet("snel"), ideas: ideas, participants: ["Anne", "Bram"], createdAt: Date()))
        let runner = EffectRunner(workspace: programs.board)
        var state = AppState(language: .nl, size: Size(width: 100, height: 30))
        for event in runner.perform(.loadBoard) + runner.perform(.loadSession(session.id!)) { _ = Reducer.reduce(&state, event) }
        _ = try programs.board.outsideChange()

        // The facilitator's own score: no outside change, no notice.
        let key = ScoreKey(participant: 0, idea: ideas[0], criterion: 0)
        #expect(runner.perform(.saveScore(session.id!, key, 4, seen: nil)).isEmpty)
        #expect(try programs.board.outsideChange() == false)

        // A participant's score from another program: noticed, and the session reloads without a notice.
        try programs.cli.setScores(session.id!, [(ScoreKey(participant: 1, idea: ideas[1], criterion: 0), 2)], channel: .commandLine)
        #expect(try programs.board.outsideChange() == true)
        let effects = Reducer.reduce(&state, .boardChangedElsewhere(try runner.boardData()))
        #expect(effects == [.loadSession(session.id!)])
        #expect(state.message == nil, "nothing about 'changed elsewhere' on the projector")
        for event in runner.perform(effects[0]) { _ = Reducer.reduce(&state, event) }
        guard case .weighing(let weighing) = state.mode else {
            Issue.record("expected the weighing screen, got \(state.mode)")
            return
        }
        #expect(weighing.session.scores[ScoreKey(participant: 1, idea: ideas[1], criterion: 0)] == 2)
        #expect(weighing.session.scores[key] == 4)
    }

    @Test func theBoardNeverOverwritesAScoreItDidNotShow() throws {
        let programs = try TwoPrograms()
        let idea = try programs.board.add(IdeaFields(title: "A")).id
        try programs.board.createCriteriaSet("snel")
        try programs.board.saveCriteriaSet(try programs.board.reader.criteriaSet("snel").adding(Criterion(name: "impact", weight: 1)))
        let session = try programs.board.createSession(
            WeighingSession(set: try programs.board.reader.criteriaSet("snel"), ideas: [idea], participants: ["Anne"], createdAt: Date()))
        let key = ScoreKey(participant: 0, idea: idea, criterion: 0)
        _ = try programs.cli.score(session.id!, participant: "anne", idea: idea, criterion: "IMPACT", value: 5, channel: .commandLine)

        #expect(throws: DomainError.scoreChangedSince(participant: "Anne", idea: idea, criterion: "impact", now: .score(5))) {
            try programs.board.setScore(session.id!, key, 2, seen: nil, channel: .board)
        }
        #expect(try programs.board.reader.session(session.id!).scores[key] == 5, "the other program's 5 stays")
        try programs.board.setScore(session.id!, key, 2, seen: .score(5), channel: .board)
        #expect(try programs.board.reader.session(session.id!).scores[key] == 2, "once seen, it may be changed")
        #expect(Strings(.nl).error(.scoreChangedSince(participant: "Anne", idea: idea, criterion: "impact", now: .score(5)))
            == "Niets opgeslagen: de score van Anne voor #\(idea.rawValue) op impact is intussen elders gewijzigd (nu 5); kijk opnieuw")
    }
}
