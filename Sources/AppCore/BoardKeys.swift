import Domain

/// Keys on the board and in the move menu.
enum BoardKeys {
    /// The index a navigation key selects in a column of `count` cards, from `index`; nil for any other command.
    private static func target(of command: Command, from index: Int, count: Int, page: Int) -> Int? {
        switch command {
        case .selectUp: index - 1
        case .selectDown: index + 1
        case .selectFirst: 0
        case .selectLast: count - 1
        case .pageUp: index - page
        case .pageDown: index + page
        default: nil
        }
    }

    static func handle(_ key: Key, _ state: inout AppState) -> [Effect] {
        if case .mouseClick(let x, let y) = key { return click(x: x, y: y, &state) }
        guard let command = state.keymap.command(for: key, in: .board) else { return [] }
        let stage = state.focusedStage
        let index = state.selectedIndex(in: stage) ?? 0
        if let target = target(of: command, from: index, count: state.count(in: stage), page: BoardLayout.visibleCards(for: state.size)) {
            state.select(index: target, in: stage)
            state.markChosen(in: stage)
            return []
        }
        switch command {
        case .selectLeft:
            if let previous = stage.previousColumn { focus(previous, &state) }
        case .selectRight:
            if let next = stage.nextColumn { focus(next, &state) }
        case .moveCardBack: return startMove(to: stage.previousColumn, &state)
        case .moveCardForward: return startMove(to: stage.nextColumn, &state)
        case .moveCardTo:
            guard let card = requireSelection(&state) else { return [] }
            state.mode = .moveMenu(MoveMenuState(id: card.id, title: card.title, from: card.stage, targets: card.stage.allowedTargets))
        case .reorderUp: return reorder(by: -1, &state)
        case .reorderDown: return reorder(by: 1, &state)
        case .openDetail:
            guard let card = requireSelection(&state) else { return [] }
            state.mode = .detail(DetailState(id: card.id))
            return [.loadIdea(card.id, .detail)]
        case .newIdea:
            var form = FormState(purpose: .create)
            if let draft = state.drafts[.newIdea] {
                form.restore(draft)
                form.notice = state.strings[.noticeDraftRestored]
            }
            state.mode = .form(form)
        case .editIdea:
            guard let card = requireSelection(&state) else { return [] }
            return [.loadIdea(card.id, .edit(returnToDetail: false))]
        case .startFilter:
            state.mode = .filter(TextField(state.filter))
        case .clearFilter:
            if !state.filter.isEmpty {
                state.setFilter("")
                state.message = StatusMessage(state.strings[.messageFilterCleared])
            }
        case .undo:
            guard let last = state.undoStack.popLast() else {
                state.message = StatusMessage(state.undoBarrier ?? state.strings[.messageNothingToUndo])
                return []
            }
            return [.apply(last.inverse, .undo)]
        case .redo:
            guard let last = state.redoStack.popLast() else {
                state.message = StatusMessage(state.strings[.messageNothingToRedo])
                return []
            }
            return [.apply(last.inverse, .redo)]
        case .toggleMark:
            guard let card = requireSelection(&state) else { return [] }
            state.toggleMark(card)
            state.message = StatusMessage(state.strings.format(.messageMarked, state.marked.count))
        case .startWeighing:
            return WeighingKeys.start(&state)
        case .listSessions:
            return [.loadSessions]
        case .showPortfolio:
            return PortfolioFigureEvents.show(&state)
        case .showHelp:
            state.mode = .help(HelpState(scroll: 0, returnToDetail: nil))
        case .refresh:
            state.message = StatusMessage(state.strings[.messageReloaded])
            return [.loadBoard]
        case .toggleInbox:
            state.setInboxOnly(!state.inboxOnly)
            state.message = StatusMessage(state.inboxOnly ? state.strings.format(.messageInboxOn, state.inboxCount)
                                                          : state.strings[.messageInboxOff])
        case .acceptIdea, .declineIdea:
            guard let card = requireSelection(&state) else { return [] }
            guard card.inboxSince != nil else {
                state.message = StatusMessage(state.strings.format(.messageNotInInbox, card.id), isError: true)
                return []
            }
            if command == .acceptIdea {
                var prompt = PromptState(purpose: .acceptTheme(card.id))
                prompt.field = TextField(card.theme)
                state.mode = .prompt(prompt)
            } else {
                state.mode = .prompt(PromptState(purpose: .declineReason(card.id)))
            }
        case .markReplySent:
            guard let card = requireSelection(&state) else { return [] }
            return [.intake(card.id, .replySent(state.today))]
        case .quit:
            return [.quit]
        default:
            break
        }
        return []
    }

    static func focus(_ stage: Stage, _ state: inout AppState) {
        state.focusedStage = stage
        state.clampSelection(in: stage)
    }

    private static func requireSelection(_ state: inout AppState) -> IdeaSummary? {
        guard let card = state.selectedCard else {
            state.message = StatusMessage(state.strings[.messageNoSelection], isError: true)
            return nil
        }
        return card
    }

    /// `H`/`L`: checks the transition table first, then asks for a reason.
    private static func startMove(to target: Stage?, _ state: inout AppState) -> [Effect] {
        guard let card = requireSelection(&state) else { return [] }
        let strings = state.strings
        if card.stage == .stopped {
            // H and L know no stage beyond stopped: only reopening is allowed, and m offers it.
            state.message = StatusMessage(strings.format(.messageStoppedReopen, strings.stage(.stopped), strings.stage(.proposed)),
                                          isError: true)
            return []
        }
        guard let target else {
            state.message = StatusMessage(strings.format(.messageFirstStage, strings.stage(card.stage)), isError: true)
            return []
        }
        return GateFlow.begin(card: card, to: target, &state)
    }

    /// `J`/`K`: swaps the card with its visible neighbour.
    private static func reorder(by offset: Int, _ state: inout AppState) -> [Effect] {
        guard let card = requireSelection(&state), let index = state.selectedIndex(in: card.stage) else { return [] }
        let target = index + offset
        guard (0..<state.count(in: card.stage)).contains(target), let neighbour = state.card(at: target, in: card.stage) else {
            state.message = StatusMessage(state.strings[.messageEdgeOfColumn])
            return []
        }
        return [.apply(.swap(card.id, neighbour.id), .perform)]
    }

    static func handleMoveMenu(_ key: Key, _ menu: MoveMenuState, _ state: inout AppState) -> [Effect] {
        if key == .escape || key == .character("q") {
            state.mode = .board
            return []
        }
        guard case .character(let character) = key, let digit = character.wholeNumberValue,
              menu.targets.indices.contains(digit - 1)
        else { return [] }
        state.mode = .board
        guard let card = state.selectedCard, card.id == menu.id else { return [] }
        return GateFlow.begin(card: card, to: menu.targets[digit - 1], &state)
    }

    /// A mouse click selects the card under the pointer.
    private static func click(x: Int, y: Int, _ state: inout AppState) -> [Effect] {
        guard let column = BoardLayout.columns(for: state.size, focused: state.focusedStage)
            .first(where: { x >= $0.x && x < $0.x + $0.width })
        else { return [] }
        focus(column.stage, &state)
        let row = y - BoardLayout.boxTop(for: state.size) - 1
        guard row >= 0, row < BoardLayout.innerHeight(for: state.size) else { return [] }
        let index = (state.scrollTop[column.stage] ?? 0) + row / BoardLayout.cardHeight(for: state.size)
        if index < state.count(in: column.stage) { state.select(index: index, in: column.stage) }
        return []
    }
}
