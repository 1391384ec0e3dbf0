import Domain

/// The pure heart of the app: `(state, event) → effects`. No I/O, no clock.
public enum Reducer {
    public static func reduce(_ state: inout AppState, _ event: Event) -> [Effect] {
        switch event {
        case .key(let key):
            state.message = nil
            return handleKey(key, &state)
        case .resized(let size):
            state.size = size
            for stage in Stage.boardOrder { state.clampSelection(in: stage) }
            return []
        case .boardLoaded(let cards):
            state.setCards(cards)
            return []
        case .boardChangedElsewhere(let cards):
            state.setCards(cards)
            state.message = StatusMessage(state.strings[.messageChangedElsewhere])
            if case .detail(let detail) = state.mode { return [.loadIdea(detail.id, .detail)] }
            return []
        case .ideaLoaded(let idea, let history, let purpose):
            return ideaLoaded(idea, history, purpose, &state)
        case .changeApplied(let applied, let purpose):
            return changeApplied(applied, purpose, &state)
        case .changeFailed(let failure, let purpose):
            return changeFailed(failure, purpose, &state)
        }
    }

    // MARK: Keys

    private static func handleKey(_ key: Key, _ state: inout AppState) -> [Effect] {
        if BoardLayout.kind(for: state.size) == .tooSmall {
            if key == .character("q") { return [.quit] }
            return []
        }
        switch state.mode {
        case .board: return BoardKeys.handle(key, &state)
        case .moveMenu(let menu): return BoardKeys.handleMoveMenu(key, menu, &state)
        case .detail(let detail): return DetailKeys.handle(key, detail, &state)
        case .help(let help): return DetailKeys.handleHelp(key, help, &state)
        case .form(let form): return FormKeys.handle(key, form, &state)
        case .prompt(let prompt): return FormKeys.handlePrompt(key, prompt, &state)
        case .filter(let field): return FormKeys.handleFilter(key, field, &state)
        }
    }

    // MARK: Results of effects

    private static func ideaLoaded(_ idea: Idea, _ history: [HistoryEntry], _ purpose: LoadPurpose, _ state: inout AppState) -> [Effect] {
        switch purpose {
        case .detail:
            if case .detail(var detail) = state.mode, detail.id == idea.id {
                detail.idea = idea
                detail.history = history
                state.mode = .detail(detail)
            }
        case .edit(let returnToDetail):
            state.mode = .form(FormState(purpose: .edit(idea.id), fields: idea.fields, returnToDetail: returnToDetail))
        }
        return []
    }

    private static func changeApplied(_ applied: AppliedChange, _ purpose: ChangePurpose, _ state: inout AppState) -> [Effect] {
        let strings = state.strings
        switch purpose {
        case .perform:
            state.undoStack.append(applied)
            state.redoStack.removeAll()
            state.message = StatusMessage(successMessage(for: applied, strings: strings))
        case .undo:
            state.redoStack.append(applied)
            state.message = StatusMessage(strings[.messageUndone])
        case .redo:
            state.undoStack.append(applied)
            state.message = StatusMessage(strings[.messageRedone])
        }
        if let current = state.selectedCard, current.id == applied.focus, let target = applied.focusStage, target != current.stage {
            // The card leaves its column: keep the old column's selection on a neighbour.
            let cards = state.cards(in: current.stage)
            if let index = cards.firstIndex(where: { $0.id == current.id }) {
                let neighbour = index + 1 < cards.count ? cards[index + 1] : (index > 0 ? cards[index - 1] : nil)
                state.selected[current.stage] = neighbour?.id
            }
        }
        if let focus = applied.focus, let stage = applied.focusStage {
            state.focusedStage = stage
            state.selected[stage] = focus
        }
        var effects: [Effect] = [.loadBoard]
        if case .form(let form) = state.mode {
            if form.returnToDetail, let id = applied.focus {
                state.mode = .detail(DetailState(id: id))
                effects.append(.loadIdea(id, .detail))
            } else {
                state.mode = .board
            }
        } else if case .detail(let detail) = state.mode {
            effects.append(.loadIdea(detail.id, .detail))
        }
        return effects
    }

    private static func successMessage(for applied: AppliedChange, strings: Strings) -> String {
        switch applied.change {
        case .create: strings.format(.messageCreated, applied.focus.map(\.description) ?? "")
        case .edit(let id, _): strings.format(.messageSaved, id)
        case .move(let id, let stage, _, _): strings.format(.messageMoved, id, strings.stage(stage))
        case .place(let id, let stage, _, _): strings.format(.messageMoved, id, strings.stage(stage))
        case .swap(let id, _): strings.format(.messageReordered, id)
        case .delete, .restore: strings[.messageSaved]
        }
    }

    private static func changeFailed(_ failure: ChangeFailure, _ purpose: ChangePurpose, _ state: inout AppState) -> [Effect] {
        let text: String
        switch failure {
        case .domain(let error): text = state.strings.error(error)
        case .storage(let message): text = state.strings.format(.errorStorage, message)
        }
        if purpose != .perform {
            // The history no longer matches the data (changed elsewhere): start it afresh.
            state.undoStack.removeAll()
            state.redoStack.removeAll()
        }
        switch state.mode {
        case .form(var form):
            form.error = text
            state.mode = .form(form)
        default:
            state.message = StatusMessage(text, isError: true)
        }
        return [.loadBoard]
    }
}
