import Domain
import Foundation

/// Keys for starting, driving and resuming weighing sessions.
enum WeighingKeys {
    /// `w` on the board: the marked cards, else the visible proposed cards (at most 20).
    static func start(_ state: inout AppState) -> [Effect] {
        var ideas = state.markedSummaries
        if ideas.isEmpty { ideas = (0..<min(20, state.count(in: .proposed))).compactMap { state.card(at: $0, in: .proposed) } }
        guard !ideas.isEmpty else {
            state.message = StatusMessage(state.strings[.weighingNoIdeas], isError: true)
            return []
        }
        state.mode = .weighingSetup(SetupState(ideas: ideas, sets: []))
        return [.loadCriteriaSets]
    }

    static func handleSetup(_ key: Key, _ setup: SetupState, _ state: inout AppState) -> [Effect] {
        var setup = setup
        let command = state.keymap.command(for: key, in: .sessionSetup)
        switch command {
        case .nextField?:
            guard !setup.sets.isEmpty else { break }
            setup.selectedSet = (setup.selectedSet + (key == .up ? setup.sets.count - 1 : 1)) % setup.sets.count
        case .cancel?:
            state.mode = .board
            return []
        case .submit?:
            guard setup.sets.indices.contains(setup.selectedSet) else {
                setup.error = state.strings[.setupNoSets]
                break
            }
            let participants = WeighingSession.participants(from: setup.participants.text)
            let session = WeighingSession(
                set: setup.sets[setup.selectedSet], ideas: setup.ideas.map(\.id), participants: participants,
                createdAt: Date(timeIntervalSince1970: 0))  // storage stamps the real time
            do {
                return [.createSession(try session.validated())]
            } catch {
                setup.error = state.strings.error(error)
            }
        default:
            if let command, setup.participants.edit(command) { break }
            if case .character(let character) = key { setup.participants.insert(character) }
            setup.error = nil
        }
        state.mode = .weighingSetup(setup)
        return []
    }

    static func handleList(_ key: Key, _ list: SessionListState, _ state: inout AppState) -> [Effect] {
        var list = list
        switch state.keymap.command(for: key, in: .sessions) {
        case .selectUp?: list.selected = max(0, list.selected - 1)
        case .selectDown?: list.selected = min(max(0, list.sessions.count - 1), list.selected + 1)
        case .openDetail?:
            guard list.sessions.indices.contains(list.selected) else { break }
            return [.loadSession(list.sessions[list.selected].id)]
        case .back?:
            state.mode = .board
            return []
        default: break
        }
        state.mode = .sessionList(list)
        return []
    }

    static func handle(_ key: Key, _ weighing: WeighingState, _ state: inout AppState) -> [Effect] {
        var weighing = weighing
        var effects: [Effect] = []
        if let prompt = weighing.prompt {
            effects = handlePrompt(key, prompt, &weighing, &state)
            if case .confirm = state.mode { return effects }  // "discard changes?" over the typed line
        } else if weighing.whatIf != nil {
            handleWhatIf(key, &weighing, &state)
        } else if let confirming = weighing.confirming {
            weighing.confirming = nil
            // y, or j in Dutch: the same yes as every other question.
            let yes = state.keymap.command(for: key, in: .weighing) == .confirm || state.keymap.command(for: key, in: .confirm) == .confirm
            if yes, let id = weighing.session.id {
                switch confirming {
                case .close: effects = [.closeSession(id)]
                case .revote(let cells): effects = startRevote(cells, &weighing, &state)
                }
            }
        } else {
            let command = state.keymap.command(for: key, in: .weighing)
            switch command {
            case .showHelp?:
                state.mode = .help(HelpState(scroll: 0, returnToDetail: nil, returnToWeighing: weighing))
                return []
            case .back?:
                state.mode = .board
                return settlePending(&weighing, &state) + [.loadBoard]
            case .decideTop?:
                effects = settlePending(&weighing, &state)
                guard let top = weighing.results.ranking.first else { break }
                state.mode = .weighing(weighing)
                return effects + [.loadIdea(top.idea, .decision)]
            default:
                effects = handleGrid(key, command, &weighing, &state)
            }
        }
        keepTimer(&weighing)
        state.mode = .weighing(weighing)
        return effects
    }

    /// Keys on the grid: scores, abstentions, moving, participants, reveal, settings, the discussion loop.
    private static func handleGrid(_ key: Key, _ command: Command?, _ weighing: inout WeighingState, _ state: inout AppState) -> [Effect] {
        if case .digit(let digit)? = command { return enterDigit(digit, &weighing, &state) }
        var effects: [Effect] = []
        // A waiting first digit: Backspace drops it, an abstention replaces it, Enter stores it and goes on, any other key
        // stores it where it was typed, without moving on, before it does its own work.
        if let pending = weighing.pending {
            weighing.pending = nil
            switch command {
            case .deleteBackward?: return []
            case .abstain?: break
            case .settleDigit?: return store(.score(pending), &weighing, &state, advance: true)
            default: effects += store(.score(pending), &weighing, &state, advance: false)
            }
        }
        let session = weighing.session
        let endReached = weighing.atEnd
        let moves: [Command] = [.selectUp, .selectDown, .selectLeft, .selectRight, .selectFirst, .selectLast, .cursorStart, .cursorEnd,
                                .nextParticipant, .previousParticipant]
        if let command, moves.contains(command) {
            weighing.justEntered = nil
            weighing.atEnd = false
        }
        switch command {
        case .selectUp?: weighing.row = max(0, weighing.row - 1)
        case .selectDown?: weighing.row = min(session.ideas.count - 1, weighing.row + 1)
        case .selectLeft?: weighing.column = max(0, weighing.column - 1)
        case .selectRight?: weighing.column = min(session.criteria.count - 1, weighing.column + 1)
        case .selectFirst?:
            weighing.row = 0
            weighing.column = 0
        case .selectLast?:
            weighing.row = session.ideas.count - 1
            weighing.column = session.criteria.count - 1
        case .pageDown?: weighing.paneScroll += 5
        case .pageUp?: weighing.paneScroll = max(0, weighing.paneScroll - 5)
        case .cursorStart?: weighing.column = 0
        case .cursorEnd?: weighing.column = session.criteria.count - 1
        case .nextParticipant?, .previousParticipant?:
            switchParticipant(forward: command == .nextParticipant, endReached: endReached, &weighing)
        case .settleDigit?:
            break
        case .abstain?:
            guard canEnter(&weighing, &state) else { break }
            effects += store(.abstain, &weighing, &state, advance: true)
        case .deleteBackward?:
            guard canEnter(&weighing, &state) else { break }
            if let previous = weighing.justEntered, previous.participant == weighing.participant,
               let row = session.ideas.firstIndex(of: previous.idea) {
                weighing.row = row
                weighing.column = previous.criterion
            }
            weighing.justEntered = nil
            weighing.atEnd = false
            effects += clear(&weighing, &state)
        case .clearScore?:
            guard canEnter(&weighing, &state) else { break }
            effects += clear(&weighing, &state)
        case .toggleReveal?:
            guard session.status != .closed else { break }
            weighing.update { $0.status = $0.status == .open ? .revealed : .open }
            weighing.showIndividual = false
            effects.append(.saveSessionSettings(weighing.session))
        case .toggleIndividual?:
            if weighing.revealed { weighing.showIndividual.toggle() }
        case .cycleMethod?:
            weighing.update { $0.method = $0.method == .weightedSum ? .topsis : .weightedSum }
            effects += saveSettings(weighing)
        case .cycleNormalization?:
            let all = Normalization.allCases
            weighing.update { $0.normalization = all[(all.firstIndex(of: $0.normalization)! + 1) % all.count] }
            effects += saveSettings(weighing)
        case .toggleAggregate?:
            weighing.update { $0.aggregate = $0.aggregate == .mean ? .median : .mean }
            effects += saveSettings(weighing)
        case .toggleProjector?:
            weighing.projector.toggle()
        case .cycleTimer?:
            guard let now = weighing.now else { break }
            switch weighing.timer?.scope {
            case nil: weighing.timer = WeighingTimer(scope: .idea, startedAt: now, mark: weighing.row)
            case .idea?: weighing.timer = WeighingTimer(scope: .round, startedAt: now, mark: session.round)
            case .round?: weighing.timer = nil
            }
        case .addNote?:
            guard session.status != .closed, let cell = weighing.currentCell else { break }
            openPrompt(WeighingPrompt(.note(cell), text: session.notes[cell] ?? ""), &weighing, state)
        case .addParticipant?:
            guard session.status != .closed else { break }
            openPrompt(WeighingPrompt(.addParticipant), &weighing, state)
        case .excludeParticipant?:
            guard session.status != .closed, session.excluded[weighing.participant] == nil else { break }
            openPrompt(WeighingPrompt(.exclude(weighing.participant)), &weighing, state)
        case .markRevote?:
            markRevote(&weighing, &state)
        case .startRevote?:
            let cells = weighing.revoteMarks.isEmpty ? weighing.results.discussList.map(\.cell) : weighing.revoteMarks
            do {
                _ = try session.applying(.startRevote(cells))
                weighing.confirming = .revote(cells)
            } catch {
                state.message = StatusMessage(state.strings.error(error), isError: true)
            }
        case .openWhatIf?:
            // It shows a ranking: not before the reveal, or blind would not be blind.
            guard session.status != .open else {
                state.message = StatusMessage(state.strings[.weighingWhatIfAfterReveal], isError: true)
                break
            }
            weighing.setWhatIf(Weights.normalized(session.criteria.map(\.weight)).map { ($0 * 1000).rounded() / 10 })
        case .closeSession?:
            guard session.status != .closed else {
                state.message = StatusMessage(state.strings[.errorSessionClosed], isError: true)
                break
            }
            weighing.confirming = .close(complete: weighing.results.participantsComplete, total: weighing.results.participantsTotal)
        default:
            break
        }
        return effects
    }

    /// Tab and Shift-Tab: the next or previous participant who counts, on the same cell, so the room can go round the
    /// table idea by idea; once a participant has filled in every cell (or stopped at the last), Tab goes to the next
    /// one's first empty cell.
    private static func switchParticipant(forward: Bool, endReached: Bool, _ weighing: inout WeighingState) {
        let active = weighing.session.activeParticipants
        guard !active.isEmpty else { return }
        let next = forward
            ? (active.first { $0 > weighing.participant } ?? active[0])
            : (active.last { $0 < weighing.participant } ?? active[active.count - 1])
        let finished = endReached || weighing.progress(of: weighing.participant) == weighing.cellsThisRound
        weighing.participant = next
        if forward, finished, let cell = weighing.firstEmptyCell(of: next) {
            weighing.row = cell.row
            weighing.column = cell.column
        }
    }

    /// Whether the current participant's cell can take an entry now; says why not.
    private static func canEnter(_ weighing: inout WeighingState, _ state: inout AppState) -> Bool {
        let strings = state.strings
        if weighing.session.status == .closed {
            state.message = StatusMessage(strings[.errorSessionClosed], isError: true)
            return false
        }
        if weighing.showsGroup {
            state.message = StatusMessage(strings.format(.weighingGroupGrid, weighing.session.participants[weighing.participant]),
                                          isError: true)
            return false
        }
        return true
    }

    /// `v`: chooses the current cell for the re-vote round, or unchooses it.
    private static func markRevote(_ weighing: inout WeighingState, _ state: inout AppState) {
        let strings = state.strings
        guard let cell = weighing.currentCell else { return }
        guard weighing.session.revote == nil else {
            state.message = StatusMessage(strings.error(.revoteAlreadyHeld), isError: true)
            return
        }
        guard weighing.revealed, weighing.session.status != .closed else {
            state.message = StatusMessage(strings[.weighingRevoteAfterReveal], isError: true)
            return
        }
        let name = weighing.session.criteria[cell.criterion].name
        if let index = weighing.revoteMarks.firstIndex(of: cell) {
            weighing.revoteMarks.remove(at: index)
            state.message = StatusMessage(strings.format(.weighingRevoteUnmarked, cell.idea, name, strings.cells(weighing.revoteMarks.count)))
        } else {
            weighing.revoteMarks.append(cell)
            state.message = StatusMessage(strings.format(.weighingRevoteMarked, cell.idea, name, strings.cells(weighing.revoteMarks.count)))
        }
    }

    /// Starts round 2 on the chosen cells: round 1 is kept, the cells are emptied and the grid is blind again.
    private static func startRevote(_ cells: [SessionCell], _ weighing: inout WeighingState, _ state: inout AppState) -> [Effect] {
        guard let id = weighing.session.id else { return [] }
        do {
            let changed = try weighing.session.applying(.startRevote(cells))
            weighing.update { $0 = changed }
        } catch {
            state.message = StatusMessage(state.strings.error(error), isError: true)
            return []
        }
        weighing.revoteMarks = []
        weighing.showIndividual = false
        weighing.participant = weighing.session.activeParticipants.first ?? 0
        if let first = cells.first, let row = weighing.session.ideas.firstIndex(of: first.idea) {
            weighing.row = row
            weighing.column = first.criterion
        }
        state.message = StatusMessage(state.strings.format(.weighingRevoteStarted, state.strings.cells(cells.count)))
        return [.changeSession(id, .startRevote(cells))]
    }

    /// Opens a footer line, with the line typed there before a crash or a lost terminal when one was kept.
    private static func openPrompt(_ prompt: WeighingPrompt, _ weighing: inout WeighingState, _ state: AppState) {
        var prompt = prompt
        if let id = weighing.session.id, let draft = state.drafts[prompt.draftSubject(session: id)] {
            prompt.restore(draft)
            prompt.notice = state.strings[.noticeLineRestored]
        }
        weighing.prompt = prompt
    }

    /// A line typed in the footer: a note, a late participant, a reason to exclude someone.
    private static func handlePrompt(_ key: Key, _ prompt: WeighingPrompt, _ weighing: inout WeighingState, _ state: inout AppState) -> [Effect] {
        var prompt = prompt
        let strings = state.strings
        switch state.keymap.command(for: key, in: .prompt) {
        case .submit?:
            guard let id = weighing.session.id else { return [] }
            let change: SessionChange
            switch prompt.purpose {
            case .note(let cell): change = .note(cell, prompt.field.text)
            case .addParticipant: change = .addParticipant(prompt.field.text)
            case .exclude(let index): change = .excludeParticipant(weighing.session.participants[index], reason: prompt.field.text)
            }
            let changed: WeighingSession
            do {
                changed = try weighing.session.applying(change)
            } catch {
                prompt.error = strings.error(error)
                weighing.prompt = prompt
                return []
            }
            weighing.update { $0 = changed }
            weighing.prompt = nil
            var effects: [Effect] = [.changeSession(id, change)]
            if state.drafts.removeValue(forKey: prompt.draftSubject(session: id)) != nil {
                effects.append(.discardDraft(prompt.draftSubject(session: id)))
            }
            switch prompt.purpose {
            case .note(let cell):
                state.message = StatusMessage(strings.format(.weighingNoteSaved, cell.idea, changed.criteria[cell.criterion].name))
            case .addParticipant:
                weighing.participant = changed.participants.count - 1
                weighing.row = 0
                weighing.column = 0
                if let cell = weighing.firstEmptyCell(of: weighing.participant) {
                    weighing.row = cell.row
                    weighing.column = cell.column
                }
                state.message = StatusMessage(strings.format(.weighingParticipantAdded, changed.participants[weighing.participant],
                                                             changed.participants.count))
            case .exclude(let index):
                if weighing.participant == index { weighing.participant = changed.activeParticipants.first { $0 > index } ?? changed.activeParticipants[0] }
                state.message = StatusMessage(strings.format(.weighingParticipantExcluded, changed.participants[index], changed.excluded[index] ?? ""))
            }
            return effects
        case .cancel?:
            // Typed text is thrown away only after "discard changes? y/n"; Esc on an unchanged line just closes it.
            var without = weighing
            without.prompt = nil
            state.mode = .weighing(weighing)
            let effects = Leaving.leave(to: .weighing(without), &state)
            if case .confirm = state.mode { return effects }
            weighing = without
            return effects
        case let editing?:
            prompt.field.edit(editing)
        case nil:
            if case .character(let character) = key { prompt.field.insert(character) }
        }
        prompt.error = nil
        prompt.notice = nil
        weighing.prompt = prompt
        return []
    }

    /// The what-if view: other weights tried live for the room, never stored.
    private static func handleWhatIf(_ key: Key, _ weighing: inout WeighingState, _ state: inout AppState) {
        guard var weights = weighing.whatIf else { return }
        let count = weighing.session.criteria.count
        switch state.keymap.command(for: key, in: .whatIf) {
        case .selectLeft?: weighing.column = max(0, weighing.column - 1)
        case .selectRight?: weighing.column = min(count - 1, weighing.column + 1)
        case .increaseWeight?: weights[weighing.column] += 5
        case .decreaseWeight?: weights[weighing.column] = max(0, weights[weighing.column] - 5)
        case .resetWeights?: weights = Weights.normalized(weighing.session.criteria.map(\.weight)).map { ($0 * 1000).rounded() / 10 }
        case .back?:
            weighing.setWhatIf(nil)
            return
        default: break
        }
        weighing.setWhatIf(weights)
    }

    /// Restarts an idea timer on another idea, and a round timer in another round.
    private static func keepTimer(_ weighing: inout WeighingState) {
        guard var timer = weighing.timer, let now = weighing.now else { return }
        let mark = timer.scope == .idea ? weighing.row : weighing.session.round
        guard mark != timer.mark else { return }
        timer.mark = mark
        timer.startedAt = now
        weighing.timer = timer
    }

    /// Method, normalisation and aggregate are stored only while the session is not closed.
    private static func saveSettings(_ weighing: WeighingState) -> [Effect] {
        weighing.session.status == .closed ? [] : [.saveSessionSettings(weighing.session)]
    }

    /// Stores a waiting first digit alone, where it was typed (before leaving the grid).
    private static func settlePending(_ weighing: inout WeighingState, _ state: inout AppState) -> [Effect] {
        guard let pending = weighing.pending else { return [] }
        weighing.pending = nil
        return store(.score(pending), &weighing, &state, advance: false)
    }

    /// A digit: a whole score, or the first digit of a two-digit score that waits for the second.
    private static func enterDigit(_ digit: Int, _ weighing: inout WeighingState, _ state: inout AppState) -> [Effect] {
        guard let key = weighing.currentKey, canEnter(&weighing, &state) else { return [] }
        if weighing.atEnd, weighing.pending == nil {
            state.message = StatusMessage(state.strings.format(.weighingLastCell, weighing.session.participants[weighing.participant]),
                                          isError: true)
            return []
        }
        let criterion = weighing.session.criteria[key.criterion]
        if let pending = weighing.pending {
            weighing.pending = nil
            let combined = pending * 10 + digit
            if combined * 10 <= criterion.scaleMax, combined >= 1 {
                weighing.pending = combined  // a third digit may follow (a 1–100 scale): wait for it, or an arrow or Enter
                return []
            }
            if criterion.accepts(combined) { return store(.score(combined), &weighing, &state, advance: true) }
            let first = store(.score(pending), &weighing, &state, advance: true)
            return first + enterDigit(digit, &weighing, &state)
        }
        if criterion.digits > 1, digit >= 1, digit * 10 <= criterion.scaleMax {
            weighing.pending = digit
            weighing.pendingSeen = SeenEntry(weighing.session.entry(key))  // what the cell held when typing began
            return []
        }
        return store(.score(digit), &weighing, &state, advance: true)
    }

    /// Clears the current participant's entry in the current cell, if there is one.
    private static func clear(_ weighing: inout WeighingState, _ state: inout AppState) -> [Effect] {
        guard let key = weighing.currentKey, weighing.session.entry(key) != nil else { return [] }
        return store(nil, &weighing, &state, advance: false)
    }

    /// Stores an entry in the current cell through the session's rules (refused: the message says why) and, when
    /// `advance`, moves to the next open cell; after the participant's last cell it stops there and says so.
    private static func store(_ entry: CellEntry?, _ weighing: inout WeighingState, _ state: inout AppState, advance: Bool) -> [Effect] {
        guard let key = weighing.currentKey, let id = weighing.session.id else { return [] }
        let changed: WeighingSession
        // What the person saw: when a two-digit score was begun, the cell as it was then (a score arriving from
        // elsewhere while typing is not overwritten unseen).
        let shown = weighing.pendingSeen.map { $0.entry } ?? weighing.session.entry(key)
        weighing.pendingSeen = nil
        do {
            changed = try weighing.session.applying(.enter([ScoreInput(key, entry, channel: .board)]))
        } catch {
            state.message = StatusMessage(state.strings.error(error), isError: true)
            return []
        }
        weighing.update { $0 = changed }
        let effect: Effect
        switch entry {
        case .score(let value)?: effect = .saveScore(id, key, value, seen: shown)
        case .abstain?: effect = .changeSession(id, .enter([ScoreInput(key, .abstain, seen: SeenEntry(shown), channel: .board)]))
        case nil: effect = .saveScore(id, key, nil, seen: shown)
        }
        guard advance else { return [effect] }
        weighing.justEntered = key
        let name = weighing.session.participants[weighing.participant]
        let left = weighing.cellsThisRound - weighing.progress(of: weighing.participant)
        if !weighing.advance() {
            weighing.atEnd = true
            state.message = StatusMessage(left == 0 ? state.strings.format(.weighingAllScored, name)
                                                    : state.strings.format(.weighingLastCellOpen, name, state.strings.cells(left)))
        } else if left == 0 {
            state.message = StatusMessage(state.strings.format(.weighingAllScored, name))
        }
        return [effect]
    }
}
