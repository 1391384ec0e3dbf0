import AppCore
import Domain
import Testing

@Suite("Board: the case-note form finds and masks personal data")
struct CaseNoteFormTests {
    func openForm(language: Language = .nl) -> AppState {
        var state = sampleState(language: language)
        state.mode = .detail(DetailState(id: IdeaID(3)))
        _ = press([.character("C")], &state)
        return state
    }

    func form(_ state: AppState) -> EntryForm? {
        if case .entry(let form) = state.mode { return form }
        return nil
    }

    @Test func theFormAsksByNameAndShowsWhatWasFoundWhileTyping() throws {
        var state = openForm()
        let opened = try #require(form(state))
        #expect(opened.fields.map(\.key) == [.date, .happened, .shows, .publishable])
        #expect(opened.title == "Casus bij #3 — zonder persoonsgegevens")
        #expect(opened[.date] == "2026-11-30")
        #expect(opened[.publishable] == "no")
        _ = press([.tab], &state)
        type("Moeder belde 06-12345678 en mailde an@example.nl", &state)
        #expect(form(state)?.notice == "Gevonden: telefoonnummer 06-12345678, e-mailadres an@example.nl — Ctrl-K maskeren")
        _ = press([.control("k")], &state)
        #expect(form(state)?[.happened] == "Moeder belde [telefoon] en mailde [e-mail]")
        #expect(form(state)?.notice == "Niets herkend (indiener, e-mail, tel., BSN, postcode); let zelf op namen")
        _ = press([.tab, .tab, .character(" ")], &state)
        let effects = press([.control("s")], &state)
        #expect(effects == [.addCaseNote(CaseNote(idea: IdeaID(3), cycle: nil, date: DayDate(year: 2026, month: 11, day: 30)!,
                                                  text: "Moeder belde [telefoon] en mailde [e-mail]", shows: "", publishable: true))])
    }

    @Test func aNameStorageFoundIsShownAndMaskedWithoutLosingTheRest() throws {
        var state = openForm()
        _ = press([.tab], &state)
        type("Mevrouw El Amrani kreeg eerder hulp", &state)
        _ = press([.control("s")], &state)
        _ = Reducer.reduce(&state, .caseNoteRefused(.domain(.personalDataInCase([.name])), names: ["El Amrani"]))
        let refused = try #require(form(state))
        #expect(refused.error == "De casus bevat persoonsgegevens (naam): maskeer ze eerst; er is niets opgeslagen")
        #expect(refused.notice == "Gevonden: naam El Amrani — Ctrl-K maskeren")
        #expect(refused[.happened] == "Mevrouw El Amrani kreeg eerder hulp", "nothing typed is lost")
        _ = press([.control("k")], &state)
        #expect(form(state)?[.happened] == "Mevrouw [naam] kreeg eerder hulp")
        #expect(form(state)?.error == nil)
    }

    @Test func savedGoesBackToTheDetailView() {
        var state = openForm(language: .en)
        let note = CaseNote(id: 1, idea: IdeaID(3), cycle: 1, date: DayDate(year: 2026, month: 11, day: 30)!, text: "t")
        #expect(Reducer.reduce(&state, .caseNoteAdded(note)) == [.loadIdea(IdeaID(3), .detail)])
        #expect(state.mode == .detail(DetailState(id: IdeaID(3))))
        #expect(state.message?.text == "Case note added to #3")
    }

    @Test func leavingATypedNoteAsksFirst() {
        var state = openForm(language: .en)
        _ = press([.tab], &state)
        type("iets", &state)
        _ = press([.escape], &state)
        guard case .confirm = state.mode else {
            Issue.record("expected the discard question, got \(state.mode)")
            return
        }
    }
}
