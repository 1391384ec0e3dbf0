import Domain

/// Keys in the idea form, the reason prompt and the filter line.
enum FormKeys {
    static func handle(_ key: Key, _ form: FormState, _ state: inout AppState) -> [Effect] {
        var form = form
        defer { if case .form = state.mode { state.mode = .form(form) } }
        let command = state.keymap.command(for: key, in: .form)
        if form.focus == .source {
            switch command {
            case .cursorLeft?:
                form.sourceIndex = (form.sourceIndex + FormState.sourceChoices.count - 1) % FormState.sourceChoices.count
                return []
            case .cursorRight?:
                form.sourceIndex = (form.sourceIndex + 1) % FormState.sourceChoices.count
                return []
            case nil where key == .character(" "):
                form.sourceIndex = (form.sourceIndex + 1) % FormState.sourceChoices.count
                return []
            default: break
            }
        }
        switch command {
        case .submit?:
            do {
                let fields = try form.fields.validated()
                form.error = nil
                switch form.purpose {
                case .create: return [.apply(.create(fields), .perform)]
                case .edit(let id):
                    guard let base = form.base else { return [.apply(.edit(id, fields), .perform)] }
                    return [.apply(.editFrom(id, base: base, edited: fields), .perform)]
                }
            } catch {
                form.error = state.strings.error(error)
                form.focus = .title
            }
        case .cancel?:
            if form.returnToDetail, case .edit(let id) = form.purpose {
                state.mode = .detail(DetailState(id: id))
                return [.loadIdea(id, .detail)]
            }
            state.mode = .board
        case .nextField?:
            form.focus = FormState.Field(rawValue: (form.focus.rawValue + 1) % FormState.Field.allCases.count)!
        case .previousField?:
            let count = FormState.Field.allCases.count
            form.focus = FormState.Field(rawValue: (form.focus.rawValue + count - 1) % count)!
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
        return []
    }

    static func handlePrompt(_ key: Key, _ prompt: PromptState, _ state: inout AppState) -> [Effect] {
        var prompt = prompt
        switch state.keymap.command(for: key, in: .prompt) {
        case .submit?:
            let reason = prompt.field.text.trimmingCharactersInWhitespace()
            guard !reason.isEmpty else {
                prompt.error = state.strings[.errorReasonRequired]
                state.mode = .prompt(prompt)
                return []
            }
            state.mode = .board
            switch prompt.purpose {
            case .moveReason(let context):
                return GateFlow.submit(MoveRequest(id: context.id, target: context.to, reason: reason, from: context.from), &state)
            case .moveOnDecision(let context, let decision):
                return GateFlow.submit(
                    MoveRequest(id: context.id, target: context.to, reason: reason, gate: .decision(decision), from: context.from), &state)
            case .wipOverride(var request, _):
                request.wipOverride = reason
                return [.apply(.move(request), .perform)]
            }
        case .cancel?:
            state.mode = .board
            return []
        case let editing?:
            prompt.field.edit(editing)
        case nil:
            if case .character(let character) = key { prompt.field.insert(character) }
        }
        prompt.error = nil
        state.mode = .prompt(prompt)
        return []
    }

    static func handleFilter(_ key: Key, _ field: TextField, _ state: inout AppState) -> [Effect] {
        var field = field
        switch state.keymap.command(for: key, in: .filter) {
        case .submit?:
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
        state.mode = .filter(field)
        return []
    }
}
