import Domain

/// The pure heart of the app: `(state, event) → effects`. No I/O, no clock.
public enum Reducer {
    public static func reduce(_ state: inout AppState, _ event: Event) -> [Effect] {
        let reconnected = noteConnection(event, &state)
        var effects = reduceEvent(&state, event)
        if reconnected { connectionBack(&state) }
        guard state.isWindowed else { return effects }
        // A windowed board reads what it shows: again after a change, and when scrolling or a filter leaves the window.
        effects = effects.map { $0 == .loadBoard ? .loadWindow(state.reloadQuery()) : $0 }
        if !effects.contains(where: { if case .loadWindow = $0 { true } else { false } }), let query = state.windowToLoad() {
            effects.insert(.loadWindow(query), at: 0)
        }
        if state.catalogToLoad() { effects.append(.loadCatalog) }
        return effects
    }

    /// A lost connection to the database server makes the board read-only until a read succeeds again; true when this
    /// event is the first board read that did (the connection is back).
    private static func noteConnection(_ event: Event, _ state: inout AppState) -> Bool {
        switch event {
        case .boardLoaded, .boardChangedElsewhere:
            defer { state.offline = false }
            return state.offline
        default:
            if case .offline? = event.failure { state.offline = true }
            return false
        }
    }

    /// Says the connection is back; an open form that could not be saved says it is not saved yet and how to save it.
    private static func connectionBack(_ state: inout AppState) {
        state.message = StatusMessage(state.strings[.messageReconnected])
        let notice = state.strings[.offlineNotice]
        let retry = state.strings[.offlineNotSaved]
        if state.mode.formError == notice { state.mode.formError = retry }
    }

    /// The effect that reads the board again as it is shown: every card, or on a windowed board the windows.
    public static func reload(_ state: inout AppState) -> Effect {
        state.isWindowed ? .loadWindow(state.reloadQuery()) : .loadBoard
    }

    private static func reduceEvent(_ state: inout AppState, _ event: Event) -> [Effect] {
        switch event {
        case .key(let key):
            state.message = nil
            var effects = handleKey(key, &state)
            effects += keepDraft(&state)
            return effects
        case .resized(let size):
            state.size = size
            for stage in Stage.boardOrder { state.clampSelection(in: stage) }
            return []
        case .boardLoaded(let data):
            state.setBoard(data)
            return []
        case .boardChangedElsewhere(let data):
            state.setBoard(data)
            state.forgetCatalog()
            switch state.mode {
            case .weighing(let weighing):
                // Scores from participants' own terminals come in quietly: no notice on the projector.
                return weighing.session.id.map { [.loadSession($0)] } ?? []
            case .sharing(let share):
                return share.weighing.session.id.map { [.loadSession($0)] } ?? []
            case .detail(let detail):
                state.message = StatusMessage(state.strings[.messageChangedElsewhere])
                return [.loadIdea(detail.id, .detail)]
            case .decision(let screen):
                state.message = StatusMessage(state.strings[.messageChangedElsewhere])
                guard let id = screen.existing?.id else { return [] }
                return [.loadIdea(screen.ideaID, .refreshDecision(id))]
            default:
                state.message = StatusMessage(state.strings[.messageChangedElsewhere])
                return []
            }
        case .ideaLoaded(let detail, let purpose):
            return ideaLoaded(detail, purpose, &state)
        case .changeApplied(let applied, let purpose):
            return changeApplied(applied, purpose, &state)
        case .changeFailed(let failure, let purpose):
            return changeFailed(failure, purpose, &state)
        case .caseNoteAdded(let note):
            guard case .entry(let form) = state.mode, form.purpose == .caseNote(note.idea) else { return [] }
            state.mode = .detail(DetailState(id: note.idea))
            state.message = StatusMessage(state.strings.format(.messageCaseAdded, note.idea))
            return [.loadIdea(note.idea, .detail)]
        case .caseNoteRefused(let failure, let names):
            guard case .entry(var form) = state.mode, case .caseNote = form.purpose else { return [] }
            form.personalNames = names
            switch failure {
            case .domain(let error): form.error = state.strings.error(error)
            case .storage(let message), .offline(let message): form.error = message
            }
            form.notice = CaseNoteForm.notice(form, state.strings)
            state.mode = .entry(form)
            return []
        case .intakeChanged(let id, let step):
            if case .prompt = state.mode { state.mode = .board }
            let strings = state.strings
            switch step {
            case .accept: state.message = StatusMessage(strings.format(.messageAccepted, id))
            case .decline: state.message = StatusMessage(strings.format(.messageDeclined, id))
            case .replySent(let day?): state.message = StatusMessage(strings.format(.cliReplySent, id, day))
            case .replySent(nil): state.message = StatusMessage(strings.format(.cliReplyNotSent, id))
            case .replyTo: state.message = StatusMessage(strings.format(.cliReplyContact, id))
            case .merged: break
            }
            // A triage step is not in the undo history: `u` must not reach past it to undo what came before.
            let barrier: StringKey? = switch step {
            case .accept: .undoBarrierAccept
            case .decline: .undoBarrierDecline
            case .replySent: .undoBarrierReply
            case .replyTo, .merged: nil
            }
            if let barrier {
                state.undoStack.removeAll()
                state.redoStack.removeAll()
                state.undoBarrier = strings.format(barrier, id)
            }
            return [.loadBoard]
        case .intakeFailed(let failure):
            let text: String
            switch failure {
            case .domain(let error): text = state.strings.error(error)
            case .storage(let message), .offline(let message): text = message
            }
            if case .prompt(var prompt) = state.mode {
                prompt.error = text
                state.mode = .prompt(prompt)
            } else {
                state.message = StatusMessage(text, isError: true)
            }
            return []
        case .loadFailed(let failure):
            switch failure {
            case .domain(let error): state.message = StatusMessage(state.strings.error(error), isError: true)
            case .storage(let message), .offline(let message): state.message = StatusMessage(message, isError: true)
            }
            return []
        case .criteriaSetsLoaded(let sets):
            if case .weighingSetup(var setup) = state.mode {
                setup.sets = sets
                setup.error = sets.isEmpty ? state.strings[.setupNoSets] : nil
                state.mode = .weighingSetup(setup)
            }
            return []
        case .sessionLoaded(let session):
            if SharingKeys.sessionLoaded(session, &state) { return [] }
            var titles: [IdeaID: String] = [:]
            if state.isWindowed {
                for id in session.ideas { if let card = state.card(id: id) { titles[id] = card.title } }
            } else {
                for card in state.allCards where session.ideas.contains(card.id) { titles[card.id] = card.title }
            }
            if case .weighing(let current) = state.mode, current.session.id == session.id {
                for (id, title) in current.titles where titles[id] == nil { titles[id] = title }
            }
            let missing = state.isWindowed ? session.ideas.filter { titles[$0] == nil } : []
            if case .weighing(var current) = state.mode, current.session.id == session.id {
                current.update { $0 = session }
                state.mode = .weighing(current)
            } else if case .confirm(var question) = state.mode, case .weighing(var under) = question.returnTo, under.session.id == session.id {
                // Reloaded under "discard changes?" over a typed footer line: the question and the line stay.
                under.update { $0 = session }
                question.returnTo = .weighing(under)
                if case .leave(.weighing(var target), let effects) = question.then {
                    target.update { $0 = session }
                    question.then = .leave(.weighing(target), effects)
                }
                state.mode = .confirm(question)
            } else {
                state.mode = .weighing(WeighingState(session: session, titles: titles))
                state.marked.removeAll()
            }
            if session.status == .closed {
                state.message = StatusMessage(state.strings.format(.messageSessionClosed, session.id.map(\.description) ?? ""))
                return [.loadBoard]
            }
            return missing.isEmpty ? [] : [.loadTitles(missing)]
        case .titlesLoaded(let titles):
            if case .weighing(var weighing) = state.mode {
                weighing.titles.merge(titles) { _, new in new }
                state.mode = .weighing(weighing)
            }
            return []
        case .catalogLoaded(let catalog):
            state.setCatalog(catalog)
            return []
        case .portfolioLoaded(let metrics):
            if case .portfolio(var portfolio) = state.mode {
                portfolio.metrics = metrics
                state.mode = .portfolio(portfolio)
            }
            return []
        case .dataSeen(let key):
            return PortfolioFigureEvents.dataSeen(key, &state)
        case .portfolioComputed(let figures):
            return PortfolioFigureEvents.computed(figures, &state)
        case .sessionsLoaded(let sessions):
            state.mode = .sessionList(SessionListState(sessions: sessions))
            return []
        case .tick(let now):
            if case .weighing(var weighing) = state.mode {
                weighing.now = now
                state.mode = .weighing(weighing)
            }
            return []
        case .draftsLoaded(let drafts):
            for draft in drafts { state.drafts[draft.subject] = draft }
            return []
        case .weighingFailed(let failure):
            switch failure {
            case .domain(let error): state.message = StatusMessage(state.strings.error(error), isError: true)
            case .storage(let message): state.message = StatusMessage(state.strings.format(.errorStorage, message), isError: true)
            case .offline(let message): state.message = StatusMessage(message, isError: true)
            }
            // A refused score reloads the session once; a session that cannot be read (damaged, replaced) is not read again
            // and again in a loop: the message stays until the facilitator leaves.
            if case .domain = failure, case .weighing(let weighing) = state.mode, let id = weighing.session.id { return [.loadSession(id)] }
            if case .weighingSetup(var setup) = state.mode {
                setup.error = state.message?.text
                state.mode = .weighingSetup(setup)
            }
            return []
        case .sharingStarted(let info):
            return SharingKeys.started(info, &state)
        case .sharingStopped(let id):
            state.message = StatusMessage(state.strings.format(.shareStopped, id))
            return []
        case .sharingFailed(let text):
            state.message = StatusMessage(state.strings.format(.shareFailed, text), isError: true)
            return []
        }
    }

    // MARK: Keys

    private static func handleKey(_ key: Key, _ state: inout AppState) -> [Effect] {
        let global = state.keymap.command(for: key, in: .global)
        if BoardLayout.kind(for: state.size) == .tooSmall {
            if key == .character("q") || global == .quit { return [.quit] }  // typed work stays in its draft
            return []
        }
        if let global, !binds(key, in: state.mode, state.keymap) {
            switch global {
            case .showHelp:
                if case .help = state.mode { break }
                state.mode = .help(HelpState(scroll: 0, returnToDetail: nil, returnTo: state.mode))
                return []
            case .quit:
                return Leaving.quit(&state)
            default:
                break
            }
        }
        switch state.mode {
        case .board: return BoardKeys.handle(key, &state)
        case .moveMenu(let menu): return BoardKeys.handleMoveMenu(key, menu, &state)
        case .detail(let detail): return DetailKeys.handle(key, detail, &state)
        case .help(let help): return DetailKeys.handleHelp(key, help, &state)
        case .form(let form): return FormKeys.handle(key, form, &state)
        case .prompt(let prompt): return FormKeys.handlePrompt(key, prompt, &state)
        case .filter(let field): return FormKeys.handleFilter(key, field, &state)
        case .entry(let form): return EntryKeys.handle(key, form, &state)
        case .decision(let decision): return DecisionKeys.handle(key, decision, &state)
        case .weighingSetup(let setup): return WeighingKeys.handleSetup(key, setup, &state)
        case .weighing(let weighing):
            // `s` shares only on the weighing screen itself, never while a note, a reason or a question takes the keys.
            if weighing.prompt == nil, weighing.confirming == nil, weighing.whatIf == nil,
               state.keymap.command(for: key, in: .weighing) == .shareSession {
                return SharingKeys.share(weighing, &state)
            }
            return WeighingKeys.handle(key, weighing, &state)
        case .sharing(let share): return SharingKeys.handle(key, share, &state)
        case .sessionList(let list): return WeighingKeys.handleList(key, list, &state)
        case .portfolio(var portfolio):
            let page = max(1, state.size.height - 3)
            switch state.keymap.command(for: key, in: .portfolio) {
            case .scrollUp?: portfolio.scroll = max(0, portfolio.scroll - 1)
            case .scrollDown?: portfolio.scroll += 1
            case .pageUp?: portfolio.scroll = max(0, portfolio.scroll - page)
            case .pageDown?: portfolio.scroll += page
            case .back?:
                state.mode = .board
                return []
            case .showHelp?:
                state.mode = .help(HelpState(scroll: 0, returnToDetail: nil, returnTo: .portfolio(portfolio)))
                return []
            default: break
            }
            state.mode = .portfolio(portfolio)
            return []
        case .confirm(let confirmation): return ConfirmKeys.handle(key, confirmation, &state)
        }
    }

    /// Whether the view on screen gives the key a meaning of its own (then a key that works everywhere does not apply).
    private static func binds(_ key: Key, in mode: Mode, _ keymap: Keymap) -> Bool {
        if case .moveMenu = mode, case .character = key { return true }
        guard let context = mode.keyContext else { return false }
        if keymap.command(for: key, in: context) != nil { return true }
        if context.acceptsText, case .character = key { return true }
        return false
    }

    /// Keeps the typed work of the form on screen as a draft in the data directory (an effect), or drops the draft
    /// when the form is back as it opened.
    private static func keepDraft(_ state: inout AppState) -> [Effect] {
        guard let draft = state.mode.draft else { return [] }
        if state.mode.hasUnsavedChanges {
            guard state.drafts[draft.subject] != draft else { return [] }
            state.drafts[draft.subject] = draft
            return [.saveDraft(draft)]
        }
        guard state.drafts.removeValue(forKey: draft.subject) != nil else { return [] }
        return [.discardDraft(draft.subject)]
    }

    // MARK: Results of effects

    private static func ideaLoaded(_ loaded: IdeaDetail, _ purpose: LoadPurpose, _ state: inout AppState) -> [Effect] {
        let idea = loaded.idea
        switch purpose {
        case .detail:
            if case .detail(var detail) = state.mode, detail.id == idea.id {
                detail.detail = loaded
                state.mode = .detail(detail)
            }
        case .edit(let returnToDetail):
            var form = FormState(purpose: .edit(idea.id), fields: idea.fields, returnToDetail: returnToDetail)
            if let draft = state.drafts[form.draftSubject] {
                form.restore(draft)
                form.notice = state.strings[.noticeDraftRestored]
            }
            state.mode = .form(form)
        case .gate(let target):
            GateFlow.open(loaded, to: target, &state)
        case .decision:
            var decision = StandaloneDecision.screen(idea: idea.id, title: idea.fields.title, existing: nil, state: state)
            if let therefore = loaded.currentCycle?.learningCard?.therefore {
                decision.form.set(.gate(.proposal), to: therefore)
            }
            state.mode = .decision(decision)
        case .rebase:
            if case .form(var form) = state.mode, form.purpose == .edit(idea.id) {
                form.rebase(on: idea.fields)
                state.mode = .form(form)
            } else if var context = state.mode.gateContext, context.id == idea.id {
                context.from = idea.stage
                state.mode.gateContext = context
            }
        case .refreshDecision(let id):
            guard case .decision(var screen) = state.mode, let base = screen.existing, base.id == id,
                  let current = loaded.decisions.first(where: { $0.id == id })
            else { break }
            // What this screen changed stays; what others recorded meanwhile comes in; the stored one is the new base.
            var edited = base
            edited.objections = screen.objections
            edited.concerns = screen.concerns
            let (merged, _) = ConsentDecision.merge(base: base, edited: edited, current: current)
            screen.objections = merged.objections
            screen.concerns = merged.concerns
            screen.existing = current
            state.mode = .decision(screen)
        }
        return []
    }

    private static func changeApplied(_ applied: AppliedChange, _ purpose: ChangePurpose, _ state: inout AppState) -> [Effect] {
        let strings = state.strings
        var effects: [Effect] = [.loadBoard]
        state.keepCatalog(through: applied)
        switch applied.change {
        case .swap, .edit, .editFrom: state.countsUnchanged = true  // no idea changes stage: the counts stay exact
        default: state.countsUnchanged = false
        }
        if let subject = state.submittedDraft {
            state.submittedDraft = nil
            state.drafts[subject] = nil
            effects.append(.discardDraft(subject))
        }
        switch purpose {
        case .perform:
            state.undoStack.append(applied)
            state.redoStack.removeAll()
            state.message = StatusMessage(successMessage(for: applied, strings: strings))
            if let bsn = possibleBSN(in: applied.change) {
                state.message = StatusMessage(strings.format(.warningBSN, bsn), isError: true)
            }
        case .undo:
            state.redoStack.append(applied)
            state.message = StatusMessage(strings[.messageUndone])
        case .redo:
            state.undoStack.append(applied)
            state.message = StatusMessage(strings[.messageRedone])
        }
        if let current = state.selectedCard, current.id == applied.focus, let target = applied.focusStage, target != current.stage {
            // The card leaves its column: keep the old column's selection on a neighbour.
            if let index = state.selectedIndex(in: current.stage) {
                let neighbour = state.card(at: index + 1, in: current.stage) ?? state.card(at: index - 1, in: current.stage)
                state.selected[current.stage] = neighbour?.id
            }
        }
        if let focus = applied.focus, let stage = applied.focusStage {
            state.focusedStage = stage
            state.selected[stage] = focus
        }
        var returnTo: IdeaID? = nil
        switch state.mode {
        case .form(let form):
            if form.returnToDetail { returnTo = applied.focus }
        case .detail(let detail):
            returnTo = detail.id
        case .entry(let form):
            if case .measurement(let id) = form.purpose { returnTo = id }
        case .decision(let decision):
            if case .standalone(let id, _) = decision.purpose { returnTo = id }
        default:
            return effects
        }
        if let returnTo {
            state.mode = .detail(DetailState(id: returnTo, detail: state.mode.loadedDetail(for: returnTo)))
            effects.append(.loadIdea(returnTo, .detail))
        } else {
            state.mode = .board
        }
        return effects
    }

    /// A number in any free text of a change (idea fields, gate cards, reasons, notes, decisions) that passes the BSN eleven-test.
    private static func possibleBSN(in change: IdeaChange) -> String? {
        Privacy.possibleBSNs(inTexts: change.freeTexts).first
    }

    private static func successMessage(for applied: AppliedChange, strings: Strings) -> String {
        switch applied.change {
        case .create: strings.format(.messageCreated, applied.focus.map(\.description) ?? "")
        case .edit(let id, _), .editFrom(let id, _, _): strings.format(.messageSaved, id)
        case .swap(let id, _): strings.format(.messageReordered, id)
        case .delete, .restore: strings[.messageSaved]
        case .move(let request): strings.format(.messageMoved, request.id, strings.stage(request.target))
        case .revertMove(let revert): strings.format(.messageMoved, revert.id, strings.stage(revert.stage))
        case .addMeasurement(let id, _), .removeMeasurement(let id, _, _): strings.format(.messageMeasured, id)
        case .saveDecision(let decision), .saveDecisionFrom(_, let decision):
            strings.format(decision.outcome == .consented ? .messageDecisionSaved : .messageDecisionSavedOpen, decision.ideaID)
        case .amendDecision: strings[.messageSaved]
        case .deleteDecision: strings[.messageSaved]
        }
    }

    private static func changeFailed(_ failure: ChangeFailure, _ purpose: ChangePurpose, _ state: inout AppState) -> [Effect] {
        let text: String
        switch failure {
        case .domain(let error): text = purpose == .perform ? state.strings.error(error) : state.strings.refusedTakeBack(error, redo: purpose == .redo)
        case .storage(let message): text = state.strings.format(.errorStorage, message)
        case .offline(let message): text = message
        }
        state.submittedDraft = nil  // the typed work stays in its draft
        // A refused undo or redo drops only its own entry (already taken off its stack): the rest of the history
        // is each checked on its own when its turn comes, so other changes can still be undone.
        if state.mode.holdsForm {
            // An edit or a move refused because someone changed the idea meanwhile keeps what was typed, and the form is
            // brought up to date, so the next Ctrl-S knowingly goes on from the idea as it is now.
            if purpose == .perform, case .domain(let error) = failure, case .changedSince(let id, _, _, false) = error {
                let editing = state.mode.editedIdea == id
                if editing || state.mode.gateContext?.id == id, let kept = state.strings.conflictKept(error, move: !editing) {
                    state.mode.formError = kept
                    return [.loadBoard, .loadIdea(id, .rebase)]
                }
            }
            state.mode.formError = text
        } else {
            state.message = StatusMessage(text, isError: true)
        }
        return [.loadBoard]
    }
}

extension Mode {
    /// The idea an open edit form edits (nil in any other view).
    var editedIdea: IdeaID? {
        if case .form(let form) = self, case .edit(let id) = form.purpose { id } else { nil }
    }

    /// Whether a form with an error line of its own is open (a new idea or an edit, an entry, a decision).
    var holdsForm: Bool {
        switch self {
        case .form, .entry, .decision: true
        default: false
        }
    }

    /// The error line of the open form (see `holdsForm`); nil, and not kept, when no such form is open.
    var formError: String? {
        get {
            switch self {
            case .form(let form): form.error
            case .entry(let form): form.error
            case .decision(let decision): decision.error
            default: nil
            }
        }
        set {
            switch self {
            case .form(var form):
                form.error = newValue
                self = .form(form)
            case .entry(var form):
                form.error = newValue
                self = .entry(form)
            case .decision(var decision):
                decision.error = newValue
                self = .decision(decision)
            default:
                break
            }
        }
    }

    /// The detail already shown, kept while it reloads so the screen does not flash.
    func loadedDetail(for id: IdeaID) -> IdeaDetail? {
        if case .detail(let detail) = self, detail.id == id { return detail.detail }
        return nil
    }
}
