import AppCore
import Domain
import Testing

@Suite("Reducer: a lost connection to the database server")
struct OfflineBoardTests {
    static let lost = Strings(.nl)[.offlineNotice]

    @Test func aFailedSaveWithoutConnectionKeepsTheFormAndMakesTheBoardReadOnly() {
        var state = sampleState(language: .nl)
        press([.character("n")], &state)
        type("Fietsmaatjes", &state)
        #expect(press([.control("s")], &state) == [.apply(.create(IdeaFields(title: "Fietsmaatjes")), .perform)])
        let effects = Reducer.reduce(&state, .changeFailed(.offline(Self.lost), .perform))
        #expect(state.offline)
        #expect(openForm(state)?.fields.title == "Fietsmaatjes", "what was typed stays in the open form")
        #expect(openForm(state)?.error == Self.lost)
        #expect(effects == [.loadBoard], "the board tries to read again, which is how it connects again")
        let data = BoardData(cards: state.allCards, today: DayDate(year: 2026, month: 11, day: 30)!)
        _ = Reducer.reduce(&state, .boardChangedElsewhere(data))
        #expect(openForm(state)?.error == "Weer verbonden, maar nog niet opgeslagen: Ctrl-S slaat op",
                "once connected again the form says it is not saved yet, and how to save it")
        #expect(openForm(state)?.fields.title == "Fietsmaatjes")
    }

    @Test func theFirstBoardReadThatSucceedsSaysTheConnectionIsBack() {
        var state = sampleState(language: .nl)
        _ = Reducer.reduce(&state, .loadFailed(.offline(Self.lost)))
        #expect(state.offline)
        #expect(state.message == StatusMessage(Self.lost, isError: true))
        let data = BoardData(cards: state.allCards, today: DayDate(year: 2026, month: 11, day: 30)!)
        _ = Reducer.reduce(&state, .boardChangedElsewhere(data))
        #expect(!state.offline)
        #expect(state.message == StatusMessage("Weer verbonden met de database: het bord toont de nieuwste stand"),
                "the message says the connection is back, not only that the board changed")
        _ = Reducer.reduce(&state, .boardLoaded(data))
        #expect(state.message == StatusMessage("Weer verbonden met de database: het bord toont de nieuwste stand"),
                "said once: a later read while connected does not repeat it (nor clear the message)")
    }

    @Test func otherStorageFailuresLeaveTheBoardWritable() {
        var state = sampleState(language: .en)
        _ = Reducer.reduce(&state, .loadFailed(.storage("idea #2: the stored value 'bogus' in field stage cannot be read")))
        _ = Reducer.reduce(&state, .changeFailed(.domain(.ideaDeclined(IdeaID(2))), .perform))
        #expect(!state.offline)
    }
}
