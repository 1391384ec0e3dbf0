import AppCore
import Domain
import Foundation
import Testing

/// Bram's own screen on a session of two ideas × impact (1–5) and kosten (1–10).
func participantScreen(language: Language = .en) -> ParticipantState {
    let set = CriteriaSet(name: "snel", criteria: [
        Criterion(name: "impact", weight: 1), Criterion(name: "kosten", weight: 1, direction: .cost, scaleMin: 1, scaleMax: 10),
    ])
    var session = WeighingSession(set: set, ideas: [IdeaID(3), IdeaID(5)], participants: ["Anne", "Bram"], createdAt: Date(timeIntervalSince1970: 0))
    session.id = SessionID(1)
    session.scores[ScoreKey(participant: 0, idea: IdeaID(3), criterion: 0)] = 5  // Anne's, never shown to Bram
    return ParticipantState(language: language, size: Size(width: 80, height: 24), session: session, participant: 1,
                            titles: [IdeaID(3): "Buurtkamer", IdeaID(5): "Huiswerkklas"])
}

@Suite("Reducer: a participant's own screen")
struct ParticipantReducerTests {
    func type(_ keys: [Key], _ state: inout ParticipantState) -> [ParticipantEffect] {
        keys.flatMap { ParticipantReducer.reduce(&state, .key($0)) }
    }

    /// Bram's entry in a cell of idea `idea`, as the screen saves it: entered on his terminal, as he saw the cell.
    func saved(_ idea: Int64, _ criterion: Int, _ entry: CellEntry?, seen: CellEntry? = nil) -> ParticipantEffect {
        .save(ScoreInput(ScoreKey(participant: 1, idea: IdeaID(idea), criterion: criterion), entry, seen: SeenEntry(seen), channel: .terminal))
    }

    @Test func oneKeyPerScoreTwoDigitScalesWaitAndEveryScoreIsSavedAtOnce() {
        var state = participantScreen()
        let effects = type([.character("4"), .character("1"), .character("0"), .character("2"), .character("7"), .character("3")], &state)
        #expect(effects == [
            saved(3, 0, .score(4)),
            saved(3, 1, .score(10)),
            saved(5, 0, .score(2)),
            saved(5, 1, .score(7)),
            saved(5, 1, .score(3), seen: .score(7)),  // the last cell keeps the cursor: 3 replaces 7
        ])
        #expect(state.isDone)
        #expect(state.session.scores[ScoreKey(participant: 1, idea: IdeaID(5), criterion: 1)] == 3)
        #expect(state.session.channels.values.allSatisfy { $0 == .terminal })
        #expect(state.message?.text == "Saved: 3 on kosten for #5")
        #expect(state.currentKey == ScoreKey(participant: 1, idea: IdeaID(5), criterion: 1))
    }

    @Test func aScoreOffTheScaleIsRefusedAndNothingSaved() {
        var state = participantScreen()
        #expect(type([.character("9")], &state).isEmpty)
        #expect(state.message == StatusMessage("9 is outside the scale 1–5", isError: true))
        #expect(state.session.progress(of: 1) == 0)
    }

    @Test func movingClearingAndLeaving() {
        var state = participantScreen()
        _ = type([.character("4")], &state)
        #expect(type([.left, .backspace], &state) == [saved(3, 0, nil, seen: .score(4))])
        #expect(state.message?.text == "Cleared: impact for #3")
        _ = type([.down, .right, .right, .down], &state)
        #expect(state.currentKey == ScoreKey(participant: 1, idea: IdeaID(5), criterion: 1))
        #expect(type([.character("q")], &state) == [.quit])
        #expect(type([.escape], &state).isEmpty, "Esc does not end a participant's screen by accident")
    }

    @Test func refusalsFromStorageReloadOnceAndReadFailuresAreNotRetried() {
        var state = participantScreen(language: .nl)
        #expect(ParticipantReducer.reduce(&state, .failed(.domain(.sessionClosed))) == [.reload])
        #expect(state.message?.text == "De sessie is gesloten: de scores liggen vast")
        #expect(ParticipantReducer.reduce(&state, .loadFailed(.storage("kapot"))).isEmpty)
        var closed = state.session
        closed.status = .closed
        #expect(ParticipantReducer.reduce(&state, .sessionLoaded(closed)).isEmpty)
        #expect(state.session.status == .closed)
    }

    @Test func theAbstainKeyAbstainsLikeOnTheBoardAndMovesOn() {
        var state = participantScreen()
        #expect(type([.character("-")], &state) == [saved(3, 0, .abstain)])
        #expect(state.message?.text == "Abstained: impact for #3")
        #expect(state.session.abstentions == [ScoreKey(participant: 1, idea: IdeaID(3), criterion: 0)])
        #expect(state.currentKey == ScoreKey(participant: 1, idea: IdeaID(3), criterion: 1))
        #expect(state.session.progress(of: 1) == 1, "an abstention counts as filled in")
        let screen = type([.left, .character("4")], &state)
        #expect(screen == [saved(3, 0, .score(4), seen: .abstain)])
    }

    @Test func anExcludedParticipantsKeysAreRefusedAndTheScreenSaysWhy() {
        var state = participantScreen(language: .nl)
        var session = state.session
        session.excluded[1] = "weg na de pauze"
        _ = ParticipantReducer.reduce(&state, .sessionLoaded(session))
        #expect(type([.character("3")], &state).isEmpty)
        #expect(state.message == StatusMessage("Bram is uitgesloten van deze sessie: die scores tellen niet meer mee", isError: true))
        #expect(state.isExcluded && state.session.progress(of: 1) == 0)
    }

    @Test func inTheReVoteRoundOnlyItsCellsTakeEntriesAndTheCursorSkipsTheOthers() throws {
        var state = participantScreen()
        var session = state.session
        for idea in [IdeaID(3), IdeaID(5)] {
            for criterion in 0...1 { session.scores[ScoreKey(participant: 1, idea: idea, criterion: criterion)] = 2 }
        }
        session.status = .revealed
        session = try session.applying(.startRevote([SessionCell(idea: IdeaID(3), criterion: 0), SessionCell(idea: IdeaID(5), criterion: 1)]))
        state.row = 1
        state.column = 0
        _ = ParticipantReducer.reduce(&state, .sessionLoaded(session))
        #expect(state.currentKey == ScoreKey(participant: 1, idea: IdeaID(3), criterion: 0), "the round starts on its first cell")
        #expect(state.session.cellsThisRound == 2 && state.session.progress(of: 1) == 0)
        #expect(type([.character("4")], &state) == [saved(3, 0, .score(4))])
        #expect(state.currentKey == ScoreKey(participant: 1, idea: IdeaID(5), criterion: 1), "skips the cells not voted on again")
        _ = type([.left], &state)
        #expect(state.currentKey == ScoreKey(participant: 1, idea: IdeaID(5), criterion: 1), "no cell of the round to the left")
        _ = type([.up], &state)
        #expect(state.currentKey == ScoreKey(participant: 1, idea: IdeaID(3), criterion: 0), "up lands on the round's cell in that row")
        _ = type([.down], &state)
        #expect(state.currentKey == ScoreKey(participant: 1, idea: IdeaID(5), criterion: 1))
        state.column = 0  // a cell outside the round, as a screen loaded before the round started could hold
        #expect(type([.character("1")], &state).isEmpty)
        #expect(state.message == StatusMessage("Round 2: only the marked cells are scored again", isError: true))
        #expect(state.message.map { $0.text.count <= 78 } == true)
    }

    @Test func theScreenOpensOnTheFirstUnscoredCell() {
        var session = participantScreen().session
        session.scores[ScoreKey(participant: 1, idea: IdeaID(3), criterion: 0)] = 2
        session.scores[ScoreKey(participant: 1, idea: IdeaID(3), criterion: 1)] = 2
        let state = ParticipantState(language: .en, size: Size(width: 80, height: 24), session: session, participant: 1, titles: [:])
        #expect(state.currentKey == ScoreKey(participant: 1, idea: IdeaID(5), criterion: 0))
    }
}

@Suite("Reducer: sharing a session")
struct SharingReducerTests {
    func info() -> ShareInfo {
        ShareInfo(session: SessionID(7), address: "127.0.0.1:8470", localOnly: true, entries: [
            ShareInfo.Entry(participant: 0, name: "Anne", url: "http://127.0.0.1:8470/p/AAAAAAAAAAAAAAAAAAAAAAAA", qr: ["█▀█"]),
            ShareInfo.Entry(participant: 1, name: "Bram", url: "http://127.0.0.1:8470/p/BBBBBBBBBBBBBBBBBBBBBBBB", qr: ["▄▄▄"]),
        ])
    }

    @Test func sOnTheWeighingScreenAsksForLinksAndShowsThemOverIt() throws {
        var state = weighingState()
        #expect(Reducer.reduce(&state, .key(.character("s"))) == [.shareSession(SessionID(7))])
        #expect(Reducer.reduce(&state, .sharingStarted(info())).isEmpty)
        guard case .sharing(let share) = state.mode else {
            Issue.record("expected the sharing overlay, got \(state.mode)")
            return
        }
        #expect(share.selected == 0 && share.weighing.session.id == SessionID(7))
        _ = Reducer.reduce(&state, .key(.tab))
        guard case .sharing(let next) = state.mode else { return }
        #expect(next.selected == 1)
        _ = Reducer.reduce(&state, .key(.tab))
        guard case .sharing(let wrapped) = state.mode else { return }
        #expect(wrapped.selected == 0)
        #expect(Reducer.reduce(&state, .key(.escape)).isEmpty)
        #expect(weighing(state) != nil, "back on the weighing screen; sharing goes on")
    }

    @Test func participantsScoresReloadTheSessionUnderTheOverlayAndXStopsSharing() throws {
        var state = weighingState()
        _ = Reducer.reduce(&state, .key(.character("s")))
        _ = Reducer.reduce(&state, .sharingStarted(info()))
        let effects = Reducer.reduce(&state, .boardChangedElsewhere(BoardData(cards: state.allCards, today: DayDate(year: 2026, month: 11, day: 30)!)))
        #expect(effects == [.loadSession(SessionID(7))])
        #expect(state.message == nil, "no notice on the projector")
        guard case .sharing(let share) = state.mode else { return }
        var session = share.weighing.session
        session.scores[ScoreKey(participant: 1, idea: IdeaID(1), criterion: 0)] = 3
        session.channels[ScoreKey(participant: 1, idea: IdeaID(1), criterion: 0)] = .web
        _ = Reducer.reduce(&state, .sessionLoaded(session))
        guard case .sharing(let updated) = state.mode else {
            Issue.record("the overlay closed")
            return
        }
        #expect(updated.weighing.session.progress(of: 1) == 1)
        #expect(Reducer.reduce(&state, .key(.character("x"))) == [.stopSharing(SessionID(7))])
        #expect(weighing(state) != nil)
        _ = Reducer.reduce(&state, .sharingStopped(SessionID(7)))
        #expect(state.message?.text == "Sharing of S7 stopped: the links no longer work")
    }

    @Test func aClosedSessionEndsTheOverlayAndAFailureIsShown() {
        var state = weighingState()
        _ = Reducer.reduce(&state, .key(.character("s")))
        _ = Reducer.reduce(&state, .sharingFailed("Cannot serve on 127.0.0.1:8470: the port is in use"))
        #expect(state.message == StatusMessage("Could not start sharing: Cannot serve on 127.0.0.1:8470: the port is in use", isError: true))
        _ = Reducer.reduce(&state, .sharingStarted(info()))
        guard case .sharing(let share) = state.mode else { return }
        var session = share.weighing.session
        session.status = .closed
        #expect(Reducer.reduce(&state, .sessionLoaded(session)) == [.loadBoard])
        #expect(weighing(state)?.session.status == .closed)
        #expect(Reducer.reduce(&state, .key(.character("s"))).isEmpty, "a closed session is not shared")
    }
}
