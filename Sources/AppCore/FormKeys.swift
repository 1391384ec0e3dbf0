import Domain

/// Keys in the idea form, the reason prompt and the filter line.
enum FormKeys {
    static func handle(_ key: Key, _ form: FormState, _ state: inout AppState) -> [Effect] {
        var form = form
        let command = state.keymap.command(for: key, in: .form)
        if form.focus == .source {
            let count = FormState.sourceChoices.count
            switch command {
            case .cursorLeft?:
                form.sourceIndex = (form.sourceIndex + count - 1) % count
                state.mode = .form(form)
                return []
            case .cursorRight?:
                form.sourceIndex = (form.sourceIndex + 1) % count
                state.mode = .form(form)
                return []
            case nil where key == .character(" "):
                form.sourceIndex = (form.sourceIndex + 1) % count
                state.mode = .form(form)
                return []
            default: break
            }
        }
        switch command {
        case .submit?:
            return save(form, &state)
        case .advance? where form.focus == FormState.Field.allCases.last:
            return save(form, &state)
        case .advance?, .nextField?:
            // Tab takes the completion shown in grey (as the accept prompt does) before moving on.
            if key == .tab, form.focus == .theme, form.texts[.theme]?.text.isEmpty == false { _ = acceptSuggestion(&form, state) }
            canonicalTheme(&form, state)
            form.moveFocus(by: 1)
        case .previousField?:
            canonicalTheme(&form, state)
            form.moveFocus(by: -1)
        case .cancel?:
            if form.returnToDetail, case .edit(let id) = form.purpose {
                return Leaving.leave(to: .detail(DetailState(id: id)), effects: [.loadIdea(id, .detail)], &state)
            }
            return Leaving.leave(to: .board, &state)
        case .cursorRight? where form.focus == .theme:
            if !acceptSuggestion(&form, state) { form.texts[.theme]?.edit(.cursorRight) }
        case let editing?:
            form.texts[form.focus]?.edit(editing)
        case nil:
            if case .character(let character) = key, form.focus != .source { form.texts[form.focus]?.insert(character) }
        }
        if form.focus == .title {
            var excluded: IdeaID? = nil
            if case .edit(let id) = form.purpose { excluded = id }
            form.duplicates = state.likelyDuplicates(of: form.texts[.title]?.text ?? "", excluding: excluded)
        }
        state.mode = .form(form)
        return []
    }

    /// Saves the form: checked here for quick feedback, and again by the application layer.
    private static func save(_ form: FormState, _ state: inout AppState) -> [Effect] {
        var form = form
        do throws(DomainError) {
            let fields = try state.themes.checked(try form.fields.validated())
            form.error = nil
            state.mode = .form(form)
            state.submittedDraft = form.draftSubject
            switch form.purpose {
            case .create: return [.apply(.create(fields), .perform)]
            case .edit(let id):
                guard let base = form.base else { return [.apply(.edit(id, fields), .perform)] }
                return [.apply(.editFrom(id, base: base, edited: fields), .perform)]
            }
        } catch {
            form.error = state.strings.error(error)
            if case .unknownTheme = error { form.focus = .theme } else { form.focus = .title }
            state.mode = .form(form)
            return []
        }
    }

    /// The themes offered for what is typed in the theme field.
    static func themeSuggestions(_ form: FormState, _ state: AppState) -> [String] {
        ThemeCatalog.suggestions(for: form.texts[.theme]?.text ?? "", among: state.offeredThemes)
    }

    /// → at the end of the theme field takes the first suggestion; false when there is none to take.
    private static func acceptSuggestion(_ form: inout FormState, _ state: AppState) -> Bool {
        guard let field = form.texts[.theme], field.cursor == field.characters.count || field.selected,
              let first = themeSuggestions(form, state).first
        else { return false }
        form.texts[.theme]?.set(first)
        return true
    }

    /// A theme typed in another case or without accents becomes the known spelling when the field is left.
    private static func canonicalTheme(_ form: inout FormState, _ state: AppState) {
        guard form.focus == .theme, let typed = form.texts[.theme]?.text, !typed.isEmpty else { return }
        let folded = TextSearch.fold(typed.trimmingCharactersInWhitespace())
        if let known = state.offeredThemes.first(where: { TextSearch.fold($0) == folded }), known != typed {
            form.texts[.theme]?.set(known)
        }
    }

    static func handlePrompt(_ key: Key, _ prompt: PromptState, _ state: inout AppState) -> [Effect] {
        var prompt = prompt
        switch state.keymap.command(for: key, in: .prompt) {
        case .submit?:
            let reason = prompt.field.text.trimmingCharactersInWhitespace()
            // Triage keeps the prompt open until it is done, so a refusal (an unknown opgave) never loses the typed text.
            switch prompt.purpose {
            case .acceptTheme(let id):
                guard !reason.isEmpty else {
                    prompt.error = state.strings[.errorAcceptNeedsTheme]
                    state.mode = .prompt(prompt)
                    return []
                }
                return [.intake(id, .accept(theme: reason))]
            case .declineReason(let id):
                guard !reason.isEmpty else {
                    prompt.error = state.strings[.errorDeclineNeedsReason]
                    state.mode = .prompt(prompt)
                    return []
                }
                return [.intake(id, .decline(reason: reason))]
            default:
                break
            }
            guard !reason.isEmpty else {
                prompt.error = state.strings[.errorReasonRequired]
                state.mode = .prompt(prompt)
                return []
            }
            state.mode = .board
            switch prompt.purpose {
            case .moveReason(let context):
                return GateFlow.submit(MoveRequest(id: context.id, target: context.to, reason: reason, from: context.from), returnTo: nil,
                                       &state)
            case .moveOnDecision(let context, let decision):
                return GateFlow.submit(
                    MoveRequest(id: context.id, target: context.to, reason: reason, gate: .decision(decision), from: context.from),
                    returnTo: nil, &state)
            case .wipOverride(var request, _):
                request.wipOverride = reason
                state.mode = prompt.returnTo ?? .board  // the gate form stays open until the move is saved
                state.submittedDraft = prompt.returnTo?.draft?.subject
                return [.apply(.move(request), .perform)]
            case .acceptTheme, .declineReason:
                return []
            }
        case .cancel?:
            if let form = prompt.returnTo {
                state.mode = form  // the WIP prompt's Esc: back to the filled form
                return []
            }
            return Leaving.leave(to: .board, &state)
        case let editing?:
            prompt.field.edit(editing)
        case nil:
            if case .character(let character) = key { prompt.field.insert(character) }
            if key == .tab, case .acceptTheme = prompt.purpose,
               let offered = ThemeCatalog.suggestions(for: prompt.field.text, among: state.offeredThemes, limit: 1).first {
                prompt.field = TextField(offered)  // Tab completes the lokale opgave the label offers
            }
        }
        prompt.error = nil
        state.mode = .prompt(prompt)
        return []
    }

    static func handleFilter(_ key: Key, _ field: TextField, _ state: inout AppState) -> [Effect] {
        var field = field
        switch state.keymap.command(for: key, in: .filter) {
        case .submit?:
            state.focusVisibleCard()  // the filter may leave the focused column empty: select a card that shows
            state.mode = .board
            return []
        case .cancel?:
            state.setFilter("")
            state.mode = .board
            return []
        case let editing?:
            field.edit(editing)
        case nil:
            guard case .character(let character) = key else { return [] }
            field.insert(character)
        }
        state.setFilter(field.text)
        state.focusVisibleCard()  // while typing too: the cursor never waits in a column the filter emptied
        state.mode = .filter(field)
        return []
    }
}
