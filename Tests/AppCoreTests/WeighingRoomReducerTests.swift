import AppCore
import Domain
import Foundation
import Testing

private func cell(_ state: AppState) -> (Int, Int) { (weighing(state)!.row, weighing(state)!.column) }

private func key(_ participant: Int, _ idea: Int64, _ criterion: Int) -> ScoreKey {
    ScoreKey(participant: participant, idea: IdeaID(idea), criterion: criterion)
}

@Suite("Reducer: safe entry in the weighing room")
struct SafeEntryTests {
    @Test func digitsPastTheLastCellStopThereAndSaySo() {
        var state = weighingState()
        let effects = press([.character("4"), .character("2"), .character("5"), .character("1")], &state)
        #expect(effects.count == 4)
        #expect(cell(state) == (1, 1) && weighing(state)!.atEnd)
        #expect(state.message?.text == "All cells scored for Anne: Tab for the next participant")
        // The next person's scores, typed without Tab, do not land in Anne's last cell.
        #expect(press([.character("3")], &state) == [])
        #expect(state.message == StatusMessage(
            "Anne's last cell is filled in · Tab: next participant · Backspace or arrows: change a score", isError: true))
        #expect(press([.character("4"), .character("4")], &state) == [])
        #expect(weighing(state)!.session.scores[key(0, 2, 1)] == 1, "the last cell keeps its score")
        // Tab now goes to Bram's first empty cell.
        press([.tab], &state)
        #expect(weighing(state)!.participant == 1 && cell(state) == (0, 0))
        #expect(press([.character("3")], &state) == [.saveScore(SessionID(7), key(1, 1, 0), 3, seen: nil)])
    }

    @Test func atTheLastCellWithEmptyCellsLeftItSaysHowMany() {
        var state = weighingState()
        press([.character("G"), .character("2")], &state)
        #expect(state.message?.text == "Anne reached the last cell; 3 cells still empty (g goes to the first cell)")
        press([.character("g")], &state)
        #expect(cell(state) == (0, 0))
        #expect(press([.character("5")], &state) == [.saveScore(SessionID(7), key(0, 1, 0), 5, seen: nil)], "moving away ends the stop")
    }

    @Test func backspaceStepsBackAndClearsTheScoreJustTyped() {
        var state = weighingState()
        press([.character("4"), .character("2")], &state)
        #expect(cell(state) == (1, 0))
        #expect(press([.backspace], &state) == [.saveScore(SessionID(7), key(0, 1, 1), nil, seen: .score(2))], "the 2 just typed, not the next cell")
        #expect(cell(state) == (0, 1))
        #expect(weighing(state)!.session.scores == [key(0, 1, 0): 4])
        #expect(press([.backspace], &state) == [], "a second Backspace has nothing left to clear here")
        press([.character("3")], &state)
        #expect(weighing(state)!.session.scores == [key(0, 1, 0): 4, key(0, 1, 1): 3])
        // At the end of the grid Backspace clears the last cell and the stop is over.
        press([.character("5"), .character("1")], &state)
        #expect(weighing(state)!.atEnd)
        #expect(press([.backspace], &state) == [.saveScore(SessionID(7), key(0, 2, 1), nil, seen: .score(1))])
        #expect(!weighing(state)!.atEnd)
        #expect(press([.character("2")], &state) == [.saveScore(SessionID(7), key(0, 2, 1), 2, seen: nil)])
    }

    @Test func aWaitingFirstDigitIsStoredAloneByAnArrowWithoutSkipping() {
        var state = weighingState(scale: 1...10)
        press([.character("1")], &state)
        #expect(press([.right], &state) == [.saveScore(SessionID(7), key(0, 1, 0), 1, seen: nil)])
        #expect(cell(state) == (0, 1), "stored where it was typed, then one step right")
        press([.character("1")], &state)
        #expect(press([.down], &state) == [.saveScore(SessionID(7), key(0, 1, 1), 1, seen: nil)])
        #expect(cell(state) == (1, 1))
        press([.character("1")], &state)
        #expect(press([.enter], &state) == [.saveScore(SessionID(7), key(0, 2, 1), 1, seen: nil)], "Enter stores it alone and goes on")
        press([.up, .character("1")], &state)
        #expect(press([.backspace], &state) == [], "Backspace drops a waiting digit")
        #expect(weighing(state)!.pending == nil && weighing(state)!.session.scores[key(0, 1, 1)] == 1)
    }

    @Test func homeEndAndGJump() {
        var state = weighingState()
        press([.character("G")], &state)
        #expect(cell(state) == (1, 1))
        press([.home], &state)
        #expect(cell(state) == (1, 0))
        press([.end], &state)
        #expect(cell(state) == (1, 1))
        press([.character("g")], &state)
        #expect(cell(state) == (0, 0))
    }

    @Test func anAbstentionIsStoredShownApartAndLeftOut() {
        var state = weighingState()
        let effects = press([.character("-")], &state)
        #expect(effects == [.changeSession(SessionID(7), .enter([ScoreInput(key(0, 1, 0), .abstain, seen: SeenEntry(nil), channel: .board)]))])
        #expect(cell(state) == (0, 1))
        #expect(weighing(state)!.session.entry(key(0, 1, 0)) == .abstain)
        #expect(weighing(state)!.progress(of: 0) == 1, "an abstention counts as entered")
        #expect(weighing(state)!.results.cells[0].count == 0 && weighing(state)!.results.cells[0].abstained == 1)
        press([.left, .character("4")], &state)
        #expect(weighing(state)!.session.entry(key(0, 1, 0)) == .score(4), "a score replaces it")
    }

    @Test func afterTheRevealDigitsWaitUntilTheFacilitatorOpensAParticipant() {
        var state = weighingState()
        press([.character("r")], &state)
        #expect(weighing(state)!.showsGroup)
        #expect(press([.character("4")], &state) == [])
        #expect(state.message == StatusMessage("The grid shows the group: press i to enter Anne's scores", isError: true))
        press([.character("i")], &state)
        #expect(press([.character("4")], &state) == [.saveScore(SessionID(7), key(0, 1, 0), 4, seen: nil)])
    }
}

@Suite("Reducer: people, discussion and closing in the weighing room")
struct RoomFlowTests {
    @Test func aLateParticipantIsAddedOnTheBoard() {
        var state = weighingState()
        press([.character("A")], &state)
        #expect(weighing(state)!.prompt?.purpose == .addParticipant)
        type("Carla", &state)
        #expect(press([.enter], &state) == [.changeSession(SessionID(7), .addParticipant("Carla")), .discardDraft(.weighingParticipant(SessionID(7)))],
                "the typed name was kept as a draft until it was stored")
        #expect(weighing(state)!.session.participants == ["Anne", "Bram", "Carla"] && weighing(state)!.participant == 2)
        #expect(state.message?.text == "Carla joined as participant 3")
        press([.character("A")], &state)
        type("anne", &state)
        #expect(press([.enter], &state) == [])
        #expect(weighing(state)!.prompt?.error == "'anne' already takes part in this session")
        press([.escape], &state)
        guard case .confirm(let question) = state.mode else { Issue.record("Esc threw the typed name away without asking"); return }
        #expect(question.question == .discardChanges)
        press([.character("y")], &state)
        #expect(weighing(state)!.prompt == nil)
    }

    @Test func aLeavingParticipantIsExcludedWithAReason() {
        var state = weighingState(participants: ["Anne", "Bram", "Carla"])
        press([.tab, .character("X")], &state)
        #expect(press([.enter], &state) == [], "a reason is needed")
        #expect(weighing(state)!.prompt?.error == "Excluding a participant needs a reason for the minutes")
        type("moest weg", &state)
        #expect(press([.enter], &state) == [.changeSession(SessionID(7), .excludeParticipant("Bram", reason: "moest weg")),
                                            .discardDraft(.weighingExclusion(SessionID(7), 1))])
        #expect(weighing(state)!.session.excluded == [1: "moest weg"] && weighing(state)!.participant == 2)
        press([.tab], &state)
        #expect(weighing(state)!.participant == 0, "Tab skips who left")
    }

    @Test func aNoteIsWrittenOnTheCell() {
        var state = weighingState()
        press([.right, .character("N")], &state)
        type("te duur voor één wijk", &state)
        let note = SessionCell(idea: IdeaID(1), criterion: 1)
        #expect(press([.enter], &state) == [.changeSession(SessionID(7), .note(note, "te duur voor één wijk")),
                                            .discardDraft(.weighingNote(SessionID(7), note))])
        #expect(state.message?.text == "Note saved on #1 × kosten")
        press([.character("N")], &state)
        #expect(weighing(state)!.prompt?.field.text == "te duur voor één wijk", "the note can be edited")
    }

    @Test func aHalfTypedNoteSurvivesACrashAndEscAsksFirst() {
        var state = weighingState()
        press([.right, .character("N")], &state)
        type("te duur", &state)
        let cell = SessionCell(idea: IdeaID(1), criterion: 1)
        let kept = FormDraft(subject: .weighingNote(SessionID(7), cell), fields: ["text": "te duur!"], focus: "text")
        #expect(press([.character("!")], &state) == [.saveDraft(kept)], "every key keeps the line in the data directory")
        press([.escape], &state)
        guard case .confirm(let question) = state.mode else { Issue.record("Esc threw the note away without asking"); return }
        #expect(question.question == .discardChanges)
        guard case .weighing(let under) = question.returnTo else { Issue.record("the question is not over the room"); return }
        var elsewhere = under.session
        elsewhere.scores[key(1, 2, 0)] = 5
        _ = Reducer.reduce(&state, .sessionLoaded(elsewhere))
        guard case .confirm = state.mode else { Issue.record("a reload under the question dropped it"); return }
        press([.character("n")], &state)
        #expect(weighing(state)!.prompt?.field.text == "te duur!", "no keeps the typed note")
        #expect(weighing(state)!.session.scores[key(1, 2, 0)] == 5, "and the reloaded session")
        // The terminal is lost; the next board reads the draft and offers the line back on N for the same cell.
        var next = weighingState()
        _ = Reducer.reduce(&next, .draftsLoaded([kept]))
        press([.right, .character("N")], &next)
        #expect(weighing(next)!.prompt?.field.text == "te duur!")
        #expect(weighing(next)!.prompt?.notice == "Unsaved text restored: Enter saves it, Esc discards it")
        press([.escape], &next)
        guard case .confirm = next.mode else { Issue.record("Esc threw the restored note away without asking"); return }
        #expect(press([.character("y")], &next) == [.discardDraft(.weighingNote(SessionID(7), cell))])
        #expect(weighing(next)!.prompt == nil && next.drafts.isEmpty)
    }

    @Test func aReasonForExcludingSurvivesAsADraft() {
        var state = weighingState(participants: ["Anne", "Bram", "Carla"])
        press([.tab, .character("X")], &state)
        type("moest we", &state)
        #expect(state.drafts[.weighingExclusion(SessionID(7), 1)]?.fields["text"] == "moest we")
        var next = weighingState(participants: ["Anne", "Bram", "Carla"])
        _ = Reducer.reduce(&next, .draftsLoaded(Array(state.drafts.values)))
        press([.tab, .character("X")], &next)
        type("g", &next)
        #expect(press([.enter], &next) == [.changeSession(SessionID(7), .excludeParticipant("Bram", reason: "moest weg")),
                                           .discardDraft(.weighingExclusion(SessionID(7), 1))])
    }

    @Test func aRevoteRunsOnTheChosenCellsAfterConfirmation() {
        var state = weighingState()
        press([.character("5"), .character("1"), .character("3"), .character("3"), .tab], &state)
        press([.character("1"), .character("1"), .character("3"), .character("3")], &state)
        #expect(press([.character("v")], &state) == [])
        #expect(state.message == StatusMessage("Choose cells for a re-vote after the reveal (r)", isError: true))
        press([.character("r"), .character("g"), .character("v")], &state)
        #expect(state.message?.text == "#1 × impact chosen for the re-vote (1 cell; V starts it)")
        press([.character("V")], &state)
        #expect(weighing(state)!.confirming == .revote([SessionCell(idea: IdeaID(1), criterion: 0)]))
        let effects = press([.character("y")], &state)
        #expect(effects == [.changeSession(SessionID(7), .startRevote([SessionCell(idea: IdeaID(1), criterion: 0)]))])
        let room = weighing(state)!
        #expect(room.session.round == 2 && !room.revealed && room.participant == 0 && cell(state) == (0, 0))
        #expect(room.cellsThisRound == 1 && room.progress(of: 0) == 0)
        #expect(press([.character("4")], &state) == [.saveScore(SessionID(7), key(0, 1, 0), 4, seen: nil)])
        #expect(weighing(state)!.atEnd, "the only open cell was the last one for Anne")
        press([.tab, .character("4"), .character("r")], &state)
        let shifted = weighing(state)!
        #expect(shifted.firstRoundResults?.cells[0].values == [1, 5])
        #expect(shifted.results.cells[0].values == [4, 4])
    }

    @Test func whatIfWeightsChangeTheRankingWithoutSaving() {
        var state = weighingState()
        press([.character("5"), .character("4"), .character("3"), .character("1")], &state)
        let saved = weighing(state)!.results.ranking.map(\.idea)
        #expect(saved == [IdeaID(1), IdeaID(2)])
        press([.character("r")], &state)  // what if shows a ranking: only after the reveal
        #expect(press([.character("w")], &state) == [])
        #expect(weighing(state)!.whatIf == [60, 40])
        press([.right, .up, .up, .up, .up, .up, .up, .up, .up], &state)
        #expect(weighing(state)!.whatIf == [60, 80])
        #expect(weighing(state)!.whatIfResults?.ranking.map(\.idea) == [IdeaID(2), IdeaID(1)], "cost weighs more now")
        #expect(weighing(state)!.results.ranking.map(\.idea) == saved && weighing(state)!.session.criteria[1].weight == 40)
        #expect(press([.character("="), .escape], &state) == [])
        #expect(weighing(state)!.whatIf == nil)
    }

    @Test func theTimerRunsPerIdeaAndPerRound() {
        var state = weighingState()
        let start = Date(timeIntervalSince1970: 1_000)
        _ = Reducer.reduce(&state, .tick(start))
        press([.character("T")], &state)
        #expect(weighing(state)!.timer == WeighingTimer(scope: .idea, startedAt: start, mark: 0))
        _ = Reducer.reduce(&state, .tick(start.addingTimeInterval(65)))
        #expect(weighing(state)!.timer?.elapsed(at: weighing(state)!.now!) == "01:05")
        press([.down], &state)
        #expect(weighing(state)!.timer?.startedAt == start.addingTimeInterval(65), "another idea restarts it")
        press([.character("T")], &state)
        #expect(weighing(state)!.timer?.scope == .round)
        press([.character("T")], &state)
        #expect(weighing(state)!.timer == nil)
    }

    @Test func closingAnIncompleteSessionSaysSoFirst() {
        var state = weighingState()
        press([.character("5"), .character("c")], &state)
        #expect(weighing(state)!.confirming == .close(complete: 0, total: 2))
        #expect(press([.character("y")], &state) == [.closeSession(SessionID(7))])
    }
}

@Suite("Reducer: the room keeps blind blind and nothing entered elsewhere is overwritten")
struct RoomSafetyTests {
    @Test func whatIfOpensOnlyAfterTheReveal() {
        var state = weighingState()
        press([.character("w")], &state)
        #expect(weighing(state)!.whatIf == nil, "a live ranking while blind would not be blind")
        #expect(state.message == StatusMessage("What if shows a ranking: it opens after the reveal (r)", isError: true))
        press([.character("r"), .character("w")], &state)
        #expect(weighing(state)!.whatIf != nil)
    }

    @Test func aTwoDigitScoreCarriesWhatTheCellHeldWhenTypingBegan() {
        var state = weighingState(scale: 1...10)
        press([.character("1")], &state)  // waits for a second digit
        var arrived = weighing(state)!.session
        arrived.scores[key(0, 1, 0)] = 8  // another program's 8 arrives while typing
        _ = Reducer.reduce(&state, .sessionLoaded(arrived))
        #expect(press([.character("0")], &state) == [.saveScore(SessionID(7), key(0, 1, 0), 10, seen: nil)],
                "the cell was empty when typing began: the 8 is not overwritten unseen (storage refuses)")
    }
}

@Suite("Reducer: three-digit scales")
struct ThreeDigitScaleTests {
    @Test func aHundredCanBeTypedOnAOneToAHundredScale() {
        var state = weighingState(scale: 1...100)
        #expect(press([.character("1"), .character("0")], &state) == [], "10 could still become 100")
        #expect(press([.character("0")], &state) == [.saveScore(SessionID(7), key(0, 1, 0), 100, seen: nil)])
        #expect(press([.character("4"), .character("2"), .right], &state) == [.saveScore(SessionID(7), key(0, 1, 1), 42, seen: nil)],
                "42 cannot take a third digit: stored at once")
    }
}
