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
            state.mode = .decision(decision)
            if case .standalone(let id, _) = decision.purpose {
                return Leaving.leave(to: .detail(DetailState(id: id)), effects: [.loadIdea(id, .detail)], &state)
            }
            return Leaving.leave(to: .board, &state)
        case .addObjection?:
            decision.entry = EntryForm(purpose: .objection, title: state.strings[.objectionTitle], fields: [EntryField(.who), EntryField(.text)])
        case .addConcern?:
            decision.entry = EntryForm(purpose: .concern, title: state.strings[.concernTitle], fields: [EntryField(.who), EntryField(.text)])
        case .nextField? where !decision.listFocus, .advance? where !decision.listFocus:
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
                // Amending changes the proposal itself: it is offered for editing, the old text stays with the objection.
                let fields = resolution == .amended
                    ? [EntryField(.gate(.proposal), text: decision.form[.gate(.proposal)]), EntryField(.note)]
                    : [EntryField(.text)]
                decision.entry = EntryForm(
                    purpose: .resolution(index: decision.selectedObjection, resolution),
                    title: state.strings[resolution == .amended ? .amendedTitle : .withdrawnTitle], fields: fields)
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
            var without = decision
            without.entry = nil
            guard entry.isChanged else {
                state.mode = .decision(without)
                return []
            }
            state.mode = .confirm(Confirmation(.discardChanges, then: .leave(.decision(without), []), returnTo: .decision(decision)))
            return []
        case .advance? where !entry.onLastField:
            _ = entry.handle(.nextField, key: key)
            decision.entry = entry
        case .submit?, .advance?:
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
            case .resolution(let index, .amended):
                let current = decision.form[.gate(.proposal)]
                let amended = TextSanitizer.multiLine(entry[.gate(.proposal)]).trimmingCharactersInWhitespace()
                let note = TextSanitizer.multiLine(entry[.note]).trimmingCharactersInWhitespace()
                guard decision.objections.indices.contains(index), !amended.isEmpty else {
                    entry.error = state.strings.format(.errorGateIncomplete, state.strings[.fieldProposal].lowercased())
                    decision.entry = entry
                    state.mode = .decision(decision)
                    return []
                }
                var draft = ConsentDecision(ideaID: decision.ideaID, kind: .scale, proposal: current, responsible: "",
                                            reviewDate: state.today, objections: decision.objections)
                draft = (try? draft.amendingProposal(objection: index + 1, to: amended, note: note)) ?? draft
                decision.objections = draft.objections
                decision.form.set(.gate(.proposal), to: draft.proposal)
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
            let dateCheck = DateCheck.review(review, today: state.today)
            switch screen.purpose {
            case .gate(let context):
                let reason = form[.reason].trimmingCharactersInWhitespace()
                guard !reason.isEmpty else { throw .reasonRequired }
                let request = MoveRequest(id: context.id, target: .scaling, reason: reason, gate: .inlineDecision(decision), from: context.from)
                if let dateCheck {
                    state.mode = .confirm(Confirmation(.date(dateCheck), then: .move(request), returnTo: .decision(screen)))
                    return []
                }
                state.mode = .decision(screen)  // open until the move is saved: a refusal shows on it
                return GateFlow.submit(request, returnTo: .decision(screen), &state)
            case .standalone:
                let change: IdeaChange = screen.existing.map { .saveDecisionFrom(base: $0, edited: decision) } ?? .saveDecision(decision)
                state.mode = .decision(screen)
                if let dateCheck, dateCheck != screen.existing.flatMap({ DateCheck.review($0.reviewDate, today: state.today) }) {
                    state.mode = .confirm(Confirmation(.date(dateCheck), then: .apply(change), returnTo: .decision(screen)))
                    return []
                }
                return [.apply(change, .perform)]
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
