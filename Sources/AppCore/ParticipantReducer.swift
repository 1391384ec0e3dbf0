import Domain

/// The participant's screen as a pure function: `(state, event) → effects`. One key per score, the cursor moves on,
/// every score is stored at once; the checks are the session's own (`WeighingSession.scoring`), as everywhere.
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
            state.session = session
            state.row = min(state.row, max(0, session.ideas.count - 1))
            state.column = min(state.column, max(0, session.criteria.count - 1))
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
        case .selectUp?: state.row = max(0, state.row - 1)
        case .selectDown?: state.row = min(max(0, state.session.ideas.count - 1), state.row + 1)
        case .selectLeft?: state.column = max(0, state.column - 1)
        case .selectRight?: state.column = min(max(0, state.session.criteria.count - 1), state.column + 1)
        case .clearScore?:
            guard let key = state.currentKey else { break }
            do {
                state.session = try state.session.scoring(key, nil, by: .terminal)
                state.message = StatusMessage(state.strings.format(.participantCleared, state.session.criteria[key.criterion].name, key.idea))
                effects.append(.save(key, nil))
            } catch {
                state.message = StatusMessage(state.strings.error(error), isError: true)
            }
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
        guard let key = state.currentKey else { return [] }
        do {
            state.session = try state.session.scoring(key, value, by: .terminal)
        } catch {
            state.message = StatusMessage(state.strings.error(error), isError: true)
            return []
        }
        state.message = StatusMessage(state.strings.format(.participantSaved, value, state.session.criteria[key.criterion].name, key.idea))
        if state.column + 1 < state.session.criteria.count {
            state.column += 1
        } else if state.row + 1 < state.session.ideas.count {
            state.row += 1
            state.column = 0
        }
        return [.save(key, value)]
    }
}
