import AppCore
import Domain
import Foundation

/// The meeting: 10 ideas × 5 criteria × 8 participants, one who has not finished, an abstention, two cells of
/// strong disagreement, a tie and a veto on risk.
enum RoomFixture {
    static let titles = [
        "Eén loket voor alle toeslagen en regelingen", "Budgetcursus voor jongeren van 18", "Jongerenwerk op straat na 22.00 uur",
        "Gezinscoach bij scheiding", "Huiswerkklas in de bibliotheek", "Keukentafelgesprek door ervaringsdeskundige",
        "Valpreventie bij 75-plussers", "Beschermd wonen: wijkgerichte woonvormen", "Taalmaatjes op de werkvloer",
        "Participatieplek in sportverenigingen",
    ]
    static let ids: [Int64] = [4, 7, 11, 13, 15, 17, 21, 23, 26, 28]
    static let participants = ["Wethouder", "Wijkteam Noord", "Financiën", "Inwonerspanel", "Anne", "Bram", "Carla", "Dirk"]

    static func state(size: Size = Size(width: 100, height: 30), language: Language = .nl, revealed: Bool, projector: Bool) -> AppState {
        var state = AppState(language: language, size: size)
        state.setBoard(BoardData(cards: zip(ids, titles).enumerated().map { index, pair in
            IdeaSummary(id: IdeaID(pair.0), title: pair.1, theme: "", tags: [], stage: .proposed, position: Int64(index))
        }, today: DayDate(year: 2026, month: 11, day: 30)!))
        var criteria = CriteriaSet.socialDomain
        criteria.criteria[4].veto = Veto(4, .atLeast)
        var session = WeighingSession(set: criteria, ideas: ids.map(IdeaID.init), participants: participants,
                                      createdAt: Date(timeIntervalSince1970: 0))
        session.id = SessionID(2)
        for (p, _) in participants.enumerated() {
            for (i, idea) in session.ideas.enumerated() {
                for c in 0..<5 {
                    if p == 7, i >= 8 { continue }  // Dirk has not finished
                    var score = p % 3 == 0 ? 3 : 1 + (i * 3 + c * 2 + p) % 5
                    if i == 3, c == 0 { score = p < 4 ? 1 : 5 }  // #13 × impact: 1 1 1 1 5 5 5 5
                    if i == 6, c == 4 { score = p % 2 == 1 ? 5 : 4 }  // #21 is too risky
                    if i == 1 || i == 2 { score = [4, 2, 3, 3, 2][c] }  // #7 and #11 alike: a tie
                    session.scores[ScoreKey(participant: p, idea: idea, criterion: c)] = score
                }
            }
        }
        let abstention = ScoreKey(participant: 4, idea: IdeaID(4), criterion: 3)
        session.scores[abstention] = nil
        session.abstentions = [abstention]
        if revealed { session.status = .revealed }
        _ = Reducer.reduce(&state, .sessionLoaded(session))
        if projector { _ = Reducer.reduce(&state, .key(.character("p"))) }
        return state
    }
}
