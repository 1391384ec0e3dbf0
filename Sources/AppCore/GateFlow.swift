import Domain

/// Moving a card through a stage gate: which form to open, what to pre-fill, WIP checks, applying.
enum GateFlow {
    /// `H`/`L`/`m`: checks the transition table, then asks for a reason (reopen) or loads the idea for its gate form.
    static func begin(card: IdeaSummary, to target: Stage, _ state: inout AppState) -> [Effect] {
        do {
            try card.stage.validateMove(to: target)
        } catch {
            state.message = StatusMessage(state.strings.error(error), isError: true)
            return []
        }
        if target == .proposed {
            state.mode = .prompt(PromptState(purpose: .moveReason(GateContext(id: card.id, title: card.title, from: card.stage, to: target))))
            return []
        }
        if let refusal = hardLimitRefusal(target, state) {
            state.message = StatusMessage(refusal, isError: true)
            return []
        }
        return [.loadIdea(card.id, .gate(target))]
    }

    /// Opens the gate form (or consent screen) for a loaded idea, pre-filled from its last cycle. A WIP limit the move
    /// would go over is announced here, before anything is typed; typed work kept from an earlier session comes back.
    static func open(_ detail: IdeaDetail, to target: Stage, _ state: inout AppState) {
        let strings = state.strings
        let idea = detail.idea
        let context = GateContext(id: idea.id, title: idea.fields.title, from: idea.stage, to: target)
        let last = detail.currentCycle
        var form: EntryForm
        switch target {
        case .scaling:
            // A consent already given to scale (its round held on the CLI or with `d`) is used, not asked again.
            if let consented = detail.decisions.last(where: { $0.kind == .scale && $0.outcome == .consented }), let id = consented.id {
                state.mode = .prompt(PromptState(purpose: .moveOnDecision(context, id)))
                return
            }
            form = EntryForm(purpose: .gate(context), title: strings.format(.decisionGateTitle, idea.id),
                             fields: decisionFields(standalone: false, today: state.today))
            if let therefore = last?.learningCard?.therefore { form.set(.gate(.proposal), to: therefore) }
            form.notice = wipNotice(target, state)
            state.mode = .decision(DecisionState(purpose: .gate(context), form: form))
            return
        case .experimenting:
            let card = last?.testCard
            form = gateForm(context, [
                EntryField(.gate(.hypothesis), text: card?.hypothesis ?? ""),
                EntryField(.gate(.action), text: last?.learningCard?.therefore ?? card?.action ?? ""),
                EntryField(.gate(.metric), text: card?.metric ?? ""),
                EntryField(.gate(.success), text: card?.successCriterion ?? ""),
                EntryField(.gate(.owner), text: last?.owner ?? ""),
                EntryField(.gate(.reviewDate), text: state.today.adding(days: 42).description),
                EntryField(.gate(.budget), text: card?.bounds.map { NumberParsing.text($0.budgetCap) } ?? ""),
                EntryField(.gate(.maxDuration), text: card?.bounds?.maxDuration.description ?? ""),
                EntryField(.gate(.harm), text: card?.bounds?.harm ?? ""),
                EntryField(.gate(.safeguard), text: card?.bounds?.safeguard ?? ""),
                EntryField(.gate(.stopRule), text: card?.bounds?.stopRule ?? ""),
                EntryField(.reason),
            ], strings)
        case .learning:
            form = gateForm(context, [EntryField(.gate(.observed)), EntryField(.gate(.learned)), EntryField(.gate(.therefore)),
                                      EntryField(.reason)], strings)
        case .stopped:
            form = gateForm(context, [
                EntryField(.gate(.category), text: StopCategory.noEffect.rawValue, choices: StopCategory.allCases.map(\.rawValue)),
                EntryField(.gate(.learned), text: last?.learningCard?.learned ?? ""),
                EntryField(.reason),
            ], strings)
        case .proposed:
            state.mode = .prompt(PromptState(purpose: .moveReason(context)))
            return
        }
        form.notice = wipNotice(target, state)
        if let subject = form.draftSubject, let draft = state.drafts[subject] {
            form.restore(draft)
            form.notice = [strings[.noticeDraftRestored], form.notice].compactMap { $0 }.joined(separator: " · ")
        }
        state.mode = .entry(form)
    }

    /// Said when a gate form opens for a move over a soft WIP limit: the reason is asked on saving.
    static func wipNotice(_ target: Stage, _ state: AppState) -> String? {
        guard case .wipLimitReached(_, let limit, false)? = wipRefusal(target, override: nil, state) else { return nil }
        let count = state.stageCounts[target] ?? 0
        return state.strings.format(count > limit ? .noticeOverWipLimit : .noticeWipLimit, state.strings.stage(target), count, limit)
    }

    private static func gateForm(_ context: GateContext, _ fields: [EntryField], _ strings: Strings) -> EntryForm {
        EntryForm(purpose: .gate(context), title: strings.format(.gateTitle, context.id, strings.stage(context.to)), fields: fields)
    }

    /// The fields of a consent decision: proposal, responsible, review date, evaluation, and kind or reason.
    /// `existing` fills them from a stored decision (continuing its objection round).
    static func decisionFields(standalone: Bool, today: DayDate, existing: ConsentDecision? = nil) -> [EntryField] {
        var fields = [
            EntryField(.gate(.proposal), text: existing?.proposal ?? ""), EntryField(.gate(.responsible), text: existing?.responsible ?? ""),
            EntryField(.gate(.reviewDate), text: (existing?.reviewDate ?? today.adding(days: 91)).description),
            EntryField(.gate(.evaluation), text: existing?.evaluationCriteria ?? ""),
        ]
        if standalone {
            fields.insert(EntryField(.kind, text: (existing?.kind ?? .continue).rawValue, choices: DecisionKind.allCases.map(\.rawValue)),
                          at: 0)
        } else {
            fields.append(EntryField(.reason))
        }
        return fields
    }

    /// A refusal when the target stage is at a hard WIP limit, checked before any form opens.
    static func hardLimitRefusal(_ target: Stage, _ state: AppState) -> String? {
        guard let refusal = wipRefusal(target, override: nil, state), case .wipLimitReached(_, _, true) = refusal else { return nil }
        return state.strings.error(refusal)
    }

    /// What the one WIP rule (`WipLimit.check`) says of one more card in `target`, as the board counts it.
    static func wipRefusal(_ target: Stage, override: String?, _ state: AppState) -> DomainError? {
        guard let limit = state.wipLimits[target] else { return nil }
        do {
            try limit.check(countAfter: (state.stageCounts[target] ?? 0) + 1, override: override)
            return nil
        } catch {
            return error
        }
    }

    /// Applies a move, first asking for a reason when it goes over a soft WIP limit. `returnTo` is the filled form the
    /// move came from: the reason prompt's Esc goes back to it, and its draft goes once the move is applied.
    static func submit(_ request: MoveRequest, returnTo form: Mode?, _ state: inout AppState) -> [Effect] {
        if let from = request.from, let card = state.card(id: request.id), card.stage != from {
            // Moved elsewhere meanwhile: no WIP question about a count that already holds it; storage names the other move.
            state.submittedDraft = form?.draft?.subject
            return [.apply(.move(request), .perform)]
        }
        let refusal = wipRefusal(request.target, override: request.wipOverride, state)
        switch refusal {
        case .wipLimitReached(_, _, true)?:
            state.mode = form ?? .board
            state.message = StatusMessage(state.strings.error(refusal!), isError: true)
            return []
        case .wipLimitReached(_, let limit, false)?:
            state.mode = .prompt(PromptState(purpose: .wipOverride(request, limit: limit), returnTo: form))
            return []
        default:
            break
        }
        state.submittedDraft = form?.draft?.subject
        return [.apply(.move(request), .perform)]
    }
}
