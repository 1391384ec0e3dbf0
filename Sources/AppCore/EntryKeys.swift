import Domain

/// Keys in the gate and measurement forms.
enum EntryKeys {
    static func handle(_ key: Key, _ form: EntryForm, _ state: inout AppState) -> [Effect] {
        var form = form
        let command = state.keymap.command(for: key, in: .entry)
        switch command {
        case .submit?:
            return submit(form, &state)
        case .advance? where form.onLastField:
            return submit(form, &state)
        case .cancel?:
            return Leaving.leave(to: returnMode(for: form.purpose), effects: reloadDetail(for: form.purpose), &state)
        case .maskPersonalData?:
            if case .caseNote = form.purpose { CaseNoteForm.mask(&form, state.strings) }
            state.mode = .entry(form)
        default:
            if form.handle(command, key: key) {
                form.error = nil
                if case .caseNote = form.purpose { form.notice = CaseNoteForm.notice(form, state.strings) }
            }
            state.mode = .entry(form)
        }
        return []
    }

    private static func returnMode(for purpose: EntryForm.Purpose) -> Mode {
        if case .measurement(let id) = purpose { return .detail(DetailState(id: id)) }
        if case .caseNote(let id) = purpose { return .detail(DetailState(id: id)) }
        return .board
    }

    private static func reloadDetail(for purpose: EntryForm.Purpose) -> [Effect] {
        if case .measurement(let id) = purpose { return [.loadIdea(id, .detail)] }
        if case .caseNote(let id) = purpose { return [.loadIdea(id, .detail)] }
        return []
    }

    private static func submit(_ form: EntryForm, _ state: inout AppState) -> [Effect] {
        var form = form
        do throws(DomainError) {
            switch form.purpose {
            case .gate(let context):
                let gate = try form.gateDraft.validated(for: context.to, idea: context.id)
                let reason = form[.reason].trimmingCharactersInWhitespace()
                guard !reason.isEmpty else { throw .reasonRequired }
                let request = MoveRequest(id: context.id, target: context.to, reason: reason, gate: gate, from: context.from)
                if let check = DateCheck.gate(gate, today: state.today) {
                    state.mode = .confirm(Confirmation(.date(check), then: .move(request), returnTo: .entry(form)))
                    return []
                }
                state.mode = .entry(form)  // open until the move is saved: a refusal shows on it, with everything typed
                return GateFlow.submit(request, returnTo: .entry(form), &state)
            case .measurement(let id):
                let measurement = try MeasurementEntry.parse(date: form[.date], value: form[.value], note: form[.note])
                if let check = DateCheck.measurement(measurement.date, today: state.today) {
                    state.mode = .confirm(Confirmation(.date(check), then: .apply(.addMeasurement(id, measurement)), returnTo: .entry(form)))
                    return []
                }
                state.mode = .entry(form)
                return [.apply(.addMeasurement(id, measurement), .perform)]
            case .caseNote(let id):
                let note = try CaseNoteForm.note(form, idea: id)
                state.mode = .entry(form)
                return [.addCaseNote(note)]
            case .objection, .concern, .resolution:
                return []
            }
        } catch {
            form.error = state.strings.error(error)
            state.mode = .entry(form)
            return []
        }
    }
}

/// Reading a measurement as typed: a date in either format and a number with a decimal point or comma.
public enum MeasurementEntry {
    public static func parse(date: String, value: String, note: String) throws(DomainError) -> MetricMeasurement {
        let dateText = date.trimmingCharactersInWhitespace()
        guard !dateText.isEmpty else { throw .gateIncomplete(.experimenting, missing: []) }
        guard let day = DayDate(parsing: dateText) else { throw .invalidDate(dateText) }
        let number = try NumberKind.measurement.parse(value)
        try TextLimit.check(note, field: "note", limit: TextLimit.text)
        return MetricMeasurement(date: day, value: number, note: note.trimmingCharactersInWhitespace())
    }
}
