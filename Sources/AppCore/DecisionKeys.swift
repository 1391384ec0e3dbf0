import Domain

/// Keys on the consent screen: its fields, its objection list, and the small forms over it.
enum DecisionKeys {
    static func handle(_ key: Key, _ decision: DecisionState, _ state: inout AppState) -> [Effect] {
        var decision = decision
        if let entry = decision.entry { return handleEntry(key, entry, decision, &state) }
        let context: KeyContext = decision.listFocus ? .objections : .decision
        let command = state.keymap.command(for: key, in: context)
        decision.error = nil
        switch command {
        case .giveConsent?:
            return finish(decision, consent: true, &state)
        case .saveOpen?:
            guard case .standalone = decision.purpose else {
                decision.error = state.strings[.errorConsentMissing]
                break
            }
            return finish(decision, consent: false, &state)
        case .cancel?:
            if case .standalone(let id, _) = decision.purpose {
                state.mode = .detail(DetailState(id: id))
                return [.loadIdea(id, .detail)]
            }
            state.mode = .board
            return []
        case .addObjection?:
            decision.entry = EntryForm(purpose: .objection, title: state.strings[.objectionTitle], fields: [EntryField(.who), EntryField(.text)])
        case .addConcern?:
            decision.entry = EntryForm(purpose: .concern, title: state.strings[.concernTitle], fields: [EntryField(.who), EntryField(.text)])
        case .nextField? where !decision.listFocus:
            if decision.form.focus == decision.form.fields.count - 1 {
                decision.listFocus = true
            } else {
                _ = decision.form.handle(.nextField, key: key)
            }
        case .previousField? where !decision.listFocus:
            if decision.form.focus == 0 {
                decision.listFocus = true
            } else {
                _ = decision.form.handle(.previousField, key: key)
            }
        case .focusFields?:
            decision.listFocus = false
        case .selectUp?:
            decision.selectedObjection = max(0, decision.selectedObjection - 1)
        case .selectDown?:
            decision.selectedObjection = min(max(0, decision.objections.count - 1), decision.selectedObjection + 1)
        case .markQualified?, .markNotQualified?:
            if decision.objections.indices.contains(decision.selectedObjection) {
                decision.objections[decision.selectedObjection].qualified = command == .markQualified
            }
        case .markAmended?, .markWithdrawn?:
            if decision.objections.indices.contains(decision.selectedObjection) {
                let resolution: ObjectionResolution = command == .markAmended ? .amended : .withdrawn
                decision.entry = EntryForm(
                    purpose: .resolution(index: decision.selectedObjection, resolution),
                    title: state.strings[resolution == .amended ? .amendedTitle : .withdrawnTitle], fields: [EntryField(.text)])
            }
        case .removeObjection?:
            if decision.objections.indices.contains(decision.selectedObjection) {
                decision.objections.remove(at: decision.selectedObjection)
                decision.selectedObjection = max(0, min(decision.selectedObjection, decision.objections.count - 1))
            }
        default:
            if !decision.listFocus { _ = decision.form.handle(command, key: key) }
        }
        state.mode = .decision(decision)
        return []
    }

    /// The small form over the consent screen (objection, concern, resolution note).
    private static func handleEntry(_ key: Key, _ entry: EntryForm, _ decision: DecisionState, _ state: inout AppState) -> [Effect] {
        var decision = decision
        var entry = entry
        let command = state.keymap.command(for: key, in: .entry)
        switch command {
        case .cancel?:
            decision.entry = nil
        case .submit?:
            let who = TextSanitizer.singleLine(entry[.who]).trimmingCharactersInWhitespace()
            let text = TextSanitizer.multiLine(entry[.text]).trimmingCharactersInWhitespace()
            switch entry.purpose {
            case .objection, .concern:
                guard !who.isEmpty, !text.isEmpty else {
                    entry.error = state.strings.format(.errorGateIncomplete, who.isEmpty ? state.strings[.fieldWho] : state.strings[.fieldText])
                    decision.entry = entry
                    state.mode = .decision(decision)
                    return []
                }
                if entry.purpose == .objection {
                    decision.objections.append(Objection(who: who, text: text))
                    decision.selectedObjection = decision.objections.count - 1
                    decision.listFocus = true
                } else {
                    decision.concerns.append(Concern(who: who, text: text))
                }
            case .resolution(let index, let resolution):
                if decision.objections.indices.contains(index) {
                    decision.objections[index].resolution = resolution
                    decision.objections[index].resolutionNote = text
                }
            default:
                break
            }
            decision.entry = nil
        default:
            _ = entry.handle(command, key: key)
            decision.entry = entry
        }
        state.mode = .decision(decision)
        return []
    }

    /// Builds the decision from the screen; with consent it must have no open objection.
    private static func finish(_ screen: DecisionState, consent: Bool, _ state: inout AppState) -> [Effect] {
        var screen = screen
        do throws(DomainError) {
            let form = screen.form
            var draft = form.gateDraft
            draft.consent = true
            let missing = [GateField.proposal, .responsible, .reviewDate].filter { draft[$0].trimmingCharactersInWhitespace().isEmpty }
            if !missing.isEmpty { throw .gateIncomplete(.scaling, missing: missing) }
            guard let review = DayDate(parsing: draft[.reviewDate]) else { throw .invalidDate(draft[.reviewDate]) }
            let kind = DecisionKind(rawValue: form[.kind]) ?? .scale
            var decision = ConsentDecision(
                id: screen.existing?.id, ideaID: screen.ideaID, kind: kind, proposal: draft[.proposal].trimmingCharactersInWhitespace(),
                responsible: draft[.responsible].trimmingCharactersInWhitespace(), reviewDate: review,
                evaluationCriteria: draft[.evaluation].trimmingCharactersInWhitespace(), objections: screen.objections,
                concerns: screen.concerns)
            if consent { decision = try decision.consented() }
            switch screen.purpose {
            case .gate(let context):
                let reason = form[.reason].trimmingCharactersInWhitespace()
                guard !reason.isEmpty else { throw .reasonRequired }
                // The screen stays open until the move is stored: a refusal then keeps the whole round.
                return GateFlow.submit(MoveRequest(id: context.id, target: .scaling, reason: reason, gate: .inlineDecision(decision), from: context.from), &state)
            case .standalone:
                guard let base = screen.existing else { return [.apply(.saveDecision(decision), .perform)] }
                return [.apply(.saveDecisionFrom(base: base, edited: decision), .perform)]
            }
        } catch {
            screen.error = state.strings.error(error)
            state.mode = .decision(screen)
            return []
        }
    }
}

/// The consent screen for a decision recorded on its own: a new one, or a stored one whose objection round is open.
enum StandaloneDecision {
    static func screen(idea: IdeaID, title: String, existing: ConsentDecision?, state: AppState) -> DecisionState {
        let form = EntryForm(
            purpose: .gate(GateContext(id: idea, title: title, from: .proposed, to: .proposed)),
            title: state.strings.format(.decisionNewTitle, idea),
            fields: GateFlow.decisionFields(standalone: true, today: state.today, existing: existing))
        var screen = DecisionState(purpose: .standalone(idea, title: title), form: form)
        if let existing {
            screen.objections = existing.objections
            screen.concerns = existing.concerns
            screen.existing = existing
            screen.listFocus = !existing.objections.isEmpty
        }
        return screen
    }
}
