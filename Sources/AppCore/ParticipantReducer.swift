import Domain

/// The participant's screen as a pure function: `(state, event) → effects`. One key per score, the cursor moves on,
/// every entry is stored at once; the checks are the session's own (`WeighingSession.applying`), as everywhere.
public enum ParticipantReducer {
    public static func reduce(_ state: inout ParticipantState, _ event: ParticipantEvent) -> [ParticipantEffect] {
        switch event {
        case .key(let key):
            state.message = nil
            return handle(key, &state)
        case .resized(let size):
            state.size = size
            return []
        case .sessionLoaded(let session):
            let roundStarted = session.revote != nil && session.revote?.cells != state.session.revote?.cells
            state.session = session
            state.row = min(state.row, max(0, session.ideas.count - 1))
            state.column = min(state.column, max(0, session.criteria.count - 1))
            if roundStarted { state.moveToFirstCellOfRound() }
            return []
        case .failed(let failure):
            show(failure, &state)
            return [.reload]
        case .loadFailed(let failure):
            show(failure, &state)
            return []
        }
    }

    private static func show(_ failure: ChangeFailure, _ state: inout ParticipantState) {
        switch failure {
        case .domain(let error): state.message = StatusMessage(state.strings.error(error), isError: true)
        case .storage(let text): state.message = StatusMessage(state.strings.format(.errorStorage, text), isError: true)
        case .offline(let text): state.message = StatusMessage(text, isError: true)
        }
    }

    private static func handle(_ key: Key, _ state: inout ParticipantState) -> [ParticipantEffect] {
        let command = state.keymap.command(for: key, in: .participant)
        if case .digit(let digit)? = command { return enterDigit(digit, &state) }
        var effects: [ParticipantEffect] = []
        if let pending = state.pending {  // any other key first settles a waiting first digit
            state.pending = nil
            effects += commit(pending, &state)
        }
        switch command {
        case .selectUp?: state.moveRow(by: -1)
        case .selectDown?: state.moveRow(by: 1)
        case .selectLeft?: state.moveColumn(by: -1)
        case .selectRight?: state.moveColumn(by: 1)
        case .clearScore?:
            effects += enter(nil, &state)
        case .abstain?:
            effects += enter(.abstain, &state)
        case .quit?:
            effects.append(.quit)
        default:
            break
        }
        return effects
    }

    /// A digit: a whole score, or the first digit of a two-digit score that waits for the second.
    private static func enterDigit(_ digit: Int, _ state: inout ParticipantState) -> [ParticipantEffect] {
        guard let key = state.currentKey else { return [] }
        let criterion = state.session.criteria[key.criterion]
        if let pending = state.pending {
            state.pending = nil
            let combined = pending * 10 + digit
            if criterion.accepts(combined) { return commit(combined, &state) }
            return commit(pending, &state) + enterDigit(digit, &state)
        }
        if criterion.digits > 1, digit >= 1, digit * 10 <= criterion.scaleMax, state.session.status != .closed {
            state.pending = digit
            return []
        }
        return commit(digit, &state)
    }

    /// Scores the current cell and moves on; a score the session refuses (off the scale, closed) stores nothing.
    private static func commit(_ value: Int, _ state: inout ParticipantState) -> [ParticipantEffect] {
        enter(.score(value), &state)
    }

    /// Enters a score or an abstention in the current cell (or with nil clears it), checked by the session's rules
    /// (excluded, closed, a cell not in the re-vote round, off the scale: refused, nothing stored), and moves on to the
    /// next cell still open after an entry.
    private static func enter(_ entry: CellEntry?, _ state: inout ParticipantState) -> [ParticipantEffect] {
        guard let key = state.currentKey else { return [] }
        let input = ScoreInput(key, entry, seen: SeenEntry(state.session.entry(key)), channel: .terminal)
        do {
            state.session = try state.session.applying(.enter([input]))
        } catch .notInRevote {
            state.message = StatusMessage(state.strings[.participantRoundOnlyMarked], isError: true)
            return []
        } catch {
            state.message = StatusMessage(state.strings.error(error), isError: true)
            return []
        }
        let criterion = state.session.criteria[key.criterion].name
        switch entry {
        case .score(let value)?:
            state.message = StatusMessage(state.strings.format(.participantSaved, value, criterion, key.idea))
        case .abstain?:
            state.message = StatusMessage(state.strings.format(.participantAbstained, criterion, key.idea))
        case nil:
            state.message = StatusMessage(state.strings.format(.participantCleared, criterion, key.idea))
            return [.save(input)]
        }
        state.moveToNextOpenCell()
        return [.save(input)]
    }
}
