/// Keys in the detail view and the help overlay.
enum DetailKeys {
    static func handle(_ key: Key, _ detail: DetailState, _ state: inout AppState) -> [Effect] {
        guard let command = state.keymap.command(for: key, in: .detail) else { return [] }
        var detail = detail
        switch command {
        case .scrollUp:
            detail.scroll = max(0, detail.scroll - 1)
            state.mode = .detail(detail)
        case .scrollDown:
            detail.scroll += 1
            state.mode = .detail(detail)
        case .pageUp:
            detail.scroll = max(0, detail.scroll - HelpState.rows(for: state.size))
            state.mode = .detail(detail)
        case .pageDown:
            detail.scroll += HelpState.rows(for: state.size)
            state.mode = .detail(detail)
        case .selectFirst:
            detail.scroll = 0
            state.mode = .detail(detail)
        case .editIdea:
            return [.loadIdea(detail.id, .edit(returnToDetail: true))]
        case .addMeasurement:
            guard let loaded = detail.detail else { return [] }
            guard loaded.currentCycle != nil else {
                state.message = StatusMessage(state.strings.error(.noCycle(detail.id)), isError: true)
                return []
            }
            state.mode = .entry(EntryForm(
                purpose: .measurement(detail.id), title: state.strings.format(.measurementTitle, detail.id),
                fields: [EntryField(.date, text: state.today.description), EntryField(.value), EntryField(.note)]))
        case .addCaseNote:
            CaseNoteForm.open(detail.id, &state)
        case .newDecision:
            return [.loadIdea(detail.id, .decision)]
        case .continueDecision:
            guard let loaded = detail.detail,
                  let open = loaded.decisions.last(where: { $0.outcome == .open }) else {
                state.message = StatusMessage(state.strings[.messageNoOpenDecision], isError: true)
                return []
            }
            state.mode = .decision(StandaloneDecision.screen(idea: open.ideaID, title: loaded.idea.fields.title, existing: open, state: state))
        case .back:
            state.mode = .board
        case .showHelp:
            state.mode = .help(HelpState(scroll: 0, returnToDetail: detail))
        default:
            break
        }
        return []
    }

    static func handleHelp(_ key: Key, _ help: HelpState, _ state: inout AppState) -> [Effect] {
        guard let command = state.keymap.command(for: key, in: .help) else { return [] }
        var help = help
        let page = HelpState.rows(for: state.size)
        // Kept within the text, so a key up after paging past the end scrolls at once.
        let end = help.maxScroll(state)
        help.scroll = min(help.scroll, end)
        switch command {
        case .scrollUp: help.scroll = max(0, help.scroll - 1)
        case .scrollDown: help.scroll = min(end, help.scroll + 1)
        case .pageUp: help.scroll = max(0, help.scroll - page)
        case .pageDown: help.scroll = min(end, help.scroll + page)
        case .selectFirst: help.scroll = 0
        case .selectLast: help.scroll = end
        case .back:
            state.mode = help.covered
            return []
        default: break
        }
        state.mode = .help(help)
        return []
    }
}
