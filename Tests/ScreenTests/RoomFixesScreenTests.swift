import AppCore
import Domain
import Foundation
import Screen
import Testing

/// The projector when exclusions leave one participant: the "group" would be that person's scores, so it is held back.
@Suite("Screen: the room's fixes")
struct RoomFixesScreenTests {
    /// The meeting, revealed on the projector, with everyone but Anne excluded.
    func alone(language: Language) throws -> AppState {
        var state = RoomFixture.state(language: language, revealed: true, projector: true)
        guard case .weighing(let weighing) = state.mode else { throw CancellationError() }
        var session = weighing.session
        for index in session.participants.indices where index != 4 { session.excluded[index] = "weg" }
        _ = Reducer.reduce(&state, .sessionLoaded(session))
        return state
    }

    @Test(arguments: [
        (Language.nl, " Te weinig deelnemers om de groep te tonen zonder iemands scores prijs te geven"),
        (Language.en, " Too few participants to show the group without giving away someone's scores"),
    ])
    func oneParticipantLeftIsNotShownAsTheGroup(language: Language, notice: String) throws {
        var state = try alone(language: language)
        let lines = Renderer().render(state).lines()
        let text = lines.joined(separator: "\n")
        for line in lines[4...13] {
            #expect(!line.prefix(50).dropFirst(5).contains { $0.isNumber || $0 == "±" }, "no aggregate in the grid: \(line)")
        }
        let words = notice.split(separator: " ").prefix(4).joined(separator: " ")
        #expect(text.contains(words), "the notice is on screen:\n\(text)")
        #expect(lines[4] == " #4")
        // The facilitator may still open a participant's own entries on purpose.
        _ = Reducer.reduce(&state, .key(.character("i")))
        let opened = Renderer().render(state).lines()
        #expect(opened[4].prefix(50).dropFirst(5).contains { $0.isNumber }, "\(opened[4])")
    }

    @Test func twoParticipantsStillShowTheGroup() throws {
        var state = try alone(language: .nl)
        guard case .weighing(let weighing) = state.mode else { throw CancellationError() }
        var session = weighing.session
        session.excluded[5] = nil
        _ = Reducer.reduce(&state, .sessionLoaded(session))
        let lines = Renderer().render(state).lines()
        #expect(lines[4].hasPrefix(" #4  ") && lines[4].prefix(50).contains("±"), "\(lines[4])")
        #expect(!lines.joined().contains("Te weinig deelnemers"))
    }
}
