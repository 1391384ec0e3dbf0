import Domain

/// The board's case-note form: what it asks, what personal data it shows as found, and masking it with Ctrl-K.
enum CaseNoteForm {
    /// The form for a new case note of `id`, dated today.
    static func open(_ id: IdeaID, _ state: inout AppState) {
        var form = EntryForm(purpose: .caseNote(id), title: state.strings.format(.caseNoteTitle, id), fields: [
            EntryField(.date, text: state.today.description), EntryField(.happened), EntryField(.shows),
            EntryField(.publishable, text: "no", choices: ["no", "yes"]),
        ])
        form.notice = notice(form, state.strings)
        state.mode = .entry(form)
    }

    /// The personal data the texts hold, as the form shows it: e-mail, phone, BSN and address always; names once a
    /// save was refused for them (storage knows the submitters).
    static func findings(_ form: EntryForm) -> [(EntryFieldKey, [PersonalDataFinding])] {
        [EntryFieldKey.happened, .shows].map { ($0, PersonalDataScan.findings(in: form[$0], names: form.personalNames)) }
    }

    /// "Personal data: phone 06-12345678, name El Amrani — Ctrl-K masks it", or that none was found once text was typed.
    static func notice(_ form: EntryForm, _ strings: Strings) -> String? {
        let found = findings(form).flatMap(\.1)
        guard !found.isEmpty else { return form[.happened].isEmpty ? nil : strings[.noticeNoPersonalData] }
        return strings.format(.noticePersonalData, found.map { "\(strings.personalData($0.kind)) \(TextSanitizer.singleLine($0.text))" }
            .joined(separator: ", "))
    }

    /// Replaces everything found by its placeholder ([naam], [e-mail] …), keeping the rest of what was typed.
    static func mask(_ form: inout EntryForm, _ strings: Strings) {
        for (key, found) in findings(form) where !found.isEmpty {
            form.set(key, to: PersonalDataScan.masked(form[key], found, placeholder: strings.mask), selecting: false)
        }
        form.error = nil
        form.notice = notice(form, strings)
    }

    /// The note as typed, for storage to check and save.
    static func note(_ form: EntryForm, idea: IdeaID) throws(DomainError) -> CaseNote {
        let dateText = form[.date].trimmingCharactersInWhitespace()
        guard let day = DayDate(parsing: dateText) else { throw .invalidDate(dateText) }
        return CaseNote(idea: idea, cycle: nil, date: day, text: form[.happened], shows: form[.shows], publishable: form[.publishable] == "yes")
    }
}
