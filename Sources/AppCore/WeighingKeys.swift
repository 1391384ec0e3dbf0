import Domain
import Foundation

/// Keys for starting, driving and resuming weighing sessions.
enum WeighingKeys {
    /// `w` on the board: the marked cards, else the visible proposed cards (at most 20).
    static func start(_ state: inout AppState) -> [Effect] {
        var ideas = state.allCards.filter { state.marked.contains($0.id) }
        if ideas.isEmpty { ideas = Array(state.cards(in: .proposed).prefix(20)) }
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
        let command = state.keymap.command(for: key, in: .weighing)
        if weighing.confirmClose {
            weighing.confirmClose = false
            state.mode = .weighing(weighing)
            guard command == .confirm, let id = weighing.session.id else { return [] }
            return [.closeSession(id)]
        }
        if case .digit(let digit)? = command {
            effects += enterDigit(digit, &weighing, &state)
            state.mode = .weighing(weighing)
            return effects
        }
        if let pending = weighing.pending {  // any other key first settles a waiting first digit
            weighing.pending = nil
            effects += commit(pending, &weighing, &state)
        }
        let session = weighing.session
        switch command {
        case .selectUp?: weighing.row = max(0, weighing.row - 1)
        case .selectDown?: weighing.row = min(session.ideas.count - 1, weighing.row + 1)
        case .selectLeft?: weighing.column = max(0, weighing.column - 1)
        case .selectRight?: weighing.column = min(session.criteria.count - 1, weighing.column + 1)
        case .nextParticipant?:
            weighing.participant = (weighing.participant + 1) % session.participants.count
            weighing.row = 0
            weighing.column = 0
        case .previousParticipant?:
            weighing.participant = (weighing.participant + session.participants.count - 1) % session.participants.count
            weighing.row = 0
            weighing.column = 0
        case .clearScore?:
            guard let key = weighing.currentKey, let id = session.id, session.status != .closed else { break }
            let shown = session.scores[key]
            weighing.update { $0.scores[key] = nil }
            effects.append(.saveScore(id, key, nil, expected: shown))
        case .toggleReveal?:
            guard session.status != .closed else { break }
            weighing.update { $0.status = $0.status == .open ? .revealed : .open }
            effects.append(.saveSessionSettings(weighing.session))
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
        case .closeSession?:
            guard session.status != .closed else {
                state.message = StatusMessage(state.strings[.errorSessionClosed], isError: true)
                break
            }
            weighing.confirmClose = true
        case .decideTop?:
            guard let top = weighing.results.ranking.first else { break }
            state.mode = .weighing(weighing)
            return effects + [.loadIdea(top.idea, .decision)]
        case .showHelp?:
            state.mode = .help(HelpState(scroll: 0, returnToDetail: nil, returnToWeighing: weighing))
            return effects
        case .back?:
            state.mode = .board
            return effects + [.loadBoard]
        default:
            break
        }
        state.mode = .weighing(weighing)
        return effects
    }

    /// Method, normalisation and aggregate are stored only while the session is not closed.
    private static func saveSettings(_ weighing: WeighingState) -> [Effect] {
        weighing.session.status == .closed ? [] : [.saveSessionSettings(weighing.session)]
    }

    /// A digit: a whole score, or the first digit of a two-digit score that waits for the second.
    private static func enterDigit(_ digit: Int, _ weighing: inout WeighingState, _ state: inout AppState) -> [Effect] {
        guard let key = weighing.currentKey else { return [] }
        guard weighing.session.status != .closed else {
            state.message = StatusMessage(state.strings[.errorSessionClosed], isError: true)
            return []
        }
        let criterion = weighing.session.criteria[key.criterion]
        if let pending = weighing.pending {
            weighing.pending = nil
            let combined = pending * 10 + digit
            if criterion.accepts(combined) { return commit(combined, &weighing, &state) }
            let first = commit(pending, &weighing, &state)
            return first + enterDigit(digit, &weighing, &state)
        }
        if criterion.digits > 1, digit >= 1, digit * 10 <= criterion.scaleMax {
            weighing.pending = digit
            return []
        }
        return commit(digit, &weighing, &state)
    }

    /// Stores a score in the current cell and moves on; refuses a score outside the scale.
    private static func commit(_ value: Int, _ weighing: inout WeighingState, _ state: inout AppState) -> [Effect] {
        guard let key = weighing.currentKey, let id = weighing.session.id else { return [] }
        let criterion = weighing.session.criteria[key.criterion]
        guard criterion.accepts(value) else {
            state.message = StatusMessage(state.strings.error(.scoreOutOfScale(value, min: criterion.scaleMin, max: criterion.scaleMax)),
                                          isError: true)
            return []
        }
        let shown = weighing.session.scores[key]
        weighing.update { $0.scores[key] = value }
        let total = weighing.session.ideas.count * weighing.session.criteria.count
        let wasLast = weighing.row == weighing.session.ideas.count - 1 && weighing.column == weighing.session.criteria.count - 1
        weighing.advance()
        if wasLast || weighing.progress(of: weighing.participant) == total {
            if weighing.progress(of: weighing.participant) == total {
                state.message = StatusMessage(state.strings.format(.weighingAllScored, weighing.session.participants[weighing.participant]))
            }
        }
        return [.saveScore(id, key, value, expected: shown)]
    }
}
