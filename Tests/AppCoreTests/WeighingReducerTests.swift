import AppCore
import Domain
import Foundation
import Testing

func weighingState(scale: ClosedRange<Int> = 1...5, participants: [String] = ["Anne", "Bram"]) -> AppState {
    var state = sampleState()
    let set = CriteriaSet(name: "test", criteria: [
        Criterion(name: "impact", weight: 60, scaleMin: scale.lowerBound, scaleMax: scale.upperBound),
        Criterion(name: "kosten", weight: 40, direction: .cost, scaleMin: scale.lowerBound, scaleMax: scale.upperBound),
    ])
    var session = WeighingSession(set: set, ideas: [IdeaID(1), IdeaID(2)], participants: participants,
                                  createdAt: Date(timeIntervalSince1970: 0))
    session.id = SessionID(7)
    _ = Reducer.reduce(&state, .sessionLoaded(session))
    return state
}

func weighing(_ state: AppState) -> WeighingState? {
    if case .weighing(let value) = state.mode { return value }
    return nil
}

@Suite("Reducer: weighing")
struct WeighingReducerTests {
    @Test func markingAndStartingASession() {
        var state = sampleState()
        press([.character(" "), .down, .character(" ")], &state)
        #expect(state.marked == [IdeaID(1), IdeaID(2)])
        #expect(state.message?.text == "2 marked for weighing")
        #expect(press([.character("w")], &state) == [.loadCriteriaSets])
        _ = Reducer.reduce(&state, .criteriaSetsLoaded([CriteriaSet.socialDomain]))
        guard case .weighingSetup(let setup) = state.mode else {
            Issue.record("expected the setup")
            return
        }
        #expect(setup.ideas.map(\.id) == [IdeaID(1), IdeaID(2)])
        #expect(press([.enter], &state).isEmpty, "participants are needed")
        type("Anne, Bram", &state)
        let effects = press([.enter], &state)
        guard case .createSession(let session)? = effects.first else {
            Issue.record("expected a new session, got \(effects)")
            return
        }
        #expect(session.participants == ["Anne", "Bram"])
        #expect(session.criteria == CriteriaSet.socialDomain.criteria)
        #expect(session.ideas == [IdeaID(1), IdeaID(2)])
    }

    @Test func withoutMarksTheVisibleProposedCardsAreWeighed() {
        var state = sampleState()
        press([.character("w")], &state)
        guard case .weighingSetup(let setup) = state.mode else {
            Issue.record("expected the setup")
            return
        }
        #expect(setup.ideas.count == 4)
    }

    @Test func digitsScoreAndAdvance() {
        var state = weighingState()
        let effects = press([.character("4"), .character("2"), .character("5")], &state)
        #expect(effects == [
            .saveScore(SessionID(7), ScoreKey(participant: 0, idea: IdeaID(1), criterion: 0), 4, seen: nil),
            .saveScore(SessionID(7), ScoreKey(participant: 0, idea: IdeaID(1), criterion: 1), 2, seen: nil),
            .saveScore(SessionID(7), ScoreKey(participant: 0, idea: IdeaID(2), criterion: 0), 5, seen: nil),
        ])
        let value = weighing(state)!
        #expect(value.row == 1 && value.column == 1)
        #expect(value.session.scores.count == 3)
    }

    @Test func outOfScaleDigitIsRefused() {
        var state = weighingState()
        #expect(press([.character("7")], &state).isEmpty)
        #expect(state.message == StatusMessage("7 is outside the scale 1–5", isError: true))
        #expect(weighing(state)!.column == 0)
    }

    @Test func twoDigitScalesWaitForTheSecondDigit() {
        var state = weighingState(scale: 1...10)
        #expect(press([.character("1")], &state).isEmpty, "1 could start 10")
        #expect(weighing(state)!.pending == 1)
        #expect(press([.character("0")], &state) == [.saveScore(SessionID(7), ScoreKey(participant: 0, idea: IdeaID(1), criterion: 0), 10, seen: nil)])
        // 1 then 7: 17 is off the scale, so 1 is kept and 7 scores the next cell.
        let effects = press([.character("1"), .character("7")], &state)
        #expect(effects == [
            .saveScore(SessionID(7), ScoreKey(participant: 0, idea: IdeaID(1), criterion: 1), 1, seen: nil),
            .saveScore(SessionID(7), ScoreKey(participant: 0, idea: IdeaID(2), criterion: 0), 7, seen: nil),
        ])
        // A waiting 1 is settled by any other key.
        press([.character("1")], &state)
        #expect(press([.down], &state) == [.saveScore(SessionID(7), ScoreKey(participant: 0, idea: IdeaID(2), criterion: 1), 1, seen: nil)])
    }

    @Test func tabSwitchesParticipantOnTheSameCellAndDeleteClears() {
        var state = weighingState()
        press([.character("3"), .tab], &state)
        #expect(weighing(state)!.participant == 1)
        #expect(weighing(state)!.row == 0 && weighing(state)!.column == 1, "the same cell, for going round the table")
        press([.character("5"), .left], &state)
        #expect(press([.delete], &state) == [], "an empty cell has nothing to clear")
        press([.up, .right], &state)
        #expect(press([.delete], &state) == [.saveScore(SessionID(7), ScoreKey(participant: 1, idea: IdeaID(1), criterion: 1), nil, seen: .score(5))])
        press([.backTab], &state)
        #expect(weighing(state)!.participant == 0)
    }

    @Test func revealMethodAggregateAndProjector() {
        var state = weighingState()
        let reveal = press([.character("r")], &state)
        #expect(weighing(state)!.session.status == .revealed)
        #expect(reveal.count == 1)
        press([.character("m")], &state)
        #expect(weighing(state)!.session.method == .topsis)
        press([.character("a")], &state)
        #expect(weighing(state)!.session.aggregate == .median)
        press([.character("n")], &state)
        #expect(weighing(state)!.session.normalization == .max)
        press([.character("p")], &state)
        #expect(weighing(state)!.projector)
    }

    @Test func closingAsksToConfirm() {
        var state = weighingState()
        #expect(press([.character("c")], &state).isEmpty)
        #expect(weighing(state)!.confirmClose)
        #expect(press([.character("x")], &state).isEmpty, "any other key cancels")
        #expect(!weighing(state)!.confirmClose)
        press([.character("c")], &state)
        #expect(press([.character("y")], &state) == [.closeSession(SessionID(7))])
    }

    @Test func resultsFollowEveryKeystroke() {
        var state = weighingState()
        press([.character("5"), .character("1"), .character("1"), .character("5")], &state)
        let ranking = weighing(state)!.results.ranking
        #expect(ranking.map(\.idea) == [IdeaID(1), IdeaID(2)])
        #expect(ranking.first?.score == 1)
    }

    @Test func escReturnsToTheBoard() {
        var state = weighingState()
        #expect(press([.escape], &state) == [.loadBoard])
        #expect(state.mode == .board)
    }
}
