import Domain

extension Strings {
    /// The room's fixes after a facilitator's review (singular forms, the re-vote round, the projector's privacy), in English.
    static let englishRoomFixes: [StringKey: String] = [
        .weighingIncompleteOfOne: "(not complete: {1} of {2} participants filled in every cell)",
        .errorSessionIncompleteOne: "Only {1} of {2} participants scored every cell: close anyway to lock the session incomplete",
        .cliSessionIncompleteOne: "Only {1} of {2} participants scored every cell: add --allow-incomplete to lock the session as it is",
        .weighingConfirmCloseIncompleteOne:
            "Only {1} of {2} participants scored every cell. Close and lock {3} anyway? y closes, any other key cancels",
        .minutesIncompleteOne: "Not complete: {1} of {2} participants filled in every cell; empty cells: {3}",
        .participantDoneOne: "Done ✓ Your score is saved. You can still change it until the facilitator closes the session.",
        .participantRoundOnlyMarked: "Round 2: only the marked cells are scored again",
        .weighingAgreementNoneOne: "Agreement (Kendall's W): — (needs two participants who scored every cell; {1} of {2} did)",
        .weighingTooFewToShow: "Too few participants to show the group without giving away someone's scores",
    ]

    /// The room's fixes after a facilitator's review, in Dutch.
    static let dutchRoomFixes: [StringKey: String] = [
        .weighingIncompleteOfOne: "(niet volledig: {1} van de {2} deelnemers vulde elke cel in)",
        .errorSessionIncompleteOne: "Maar {1} van de {2} deelnemers scoorde elke cel: sluit toch om de sessie onvolledig vast te leggen",
        .cliSessionIncompleteOne: "Maar {1} van de {2} deelnemers scoorde elke cel: voeg --allow-incomplete toe om de sessie zo vast te leggen",
        .weighingConfirmCloseIncompleteOne:
            "Maar {1} van de {2} deelnemers vulde elke cel in. {3} toch sluiten en vergrendelen? j sluit, andere toets annuleert",
        .minutesIncompleteOne: "Niet volledig: {1} van de {2} deelnemers vulde elke cel in; lege cellen: {3}",
        .participantDoneOne: "Klaar ✓ Je score is opgeslagen. Je kunt hem nog wijzigen tot de facilitator de weging sluit.",
        .participantRoundOnlyMarked: "Ronde 2: alleen de gemarkeerde cellen worden opnieuw gescoord",
        .weighingAgreementNoneOne:
            "Overeenstemming (Kendalls W): — (vraagt twee deelnemers die elke cel scoorden; {1} van de {2} deed dat)",
        .weighingTooFewToShow: "Te weinig deelnemers om de groep te tonen zonder iemands scores prijs te geven",
    ]

    /// `key` for a count other than one, `one` for exactly one (Dutch verbs and nouns follow the count).
    public func counted(_ count: Int, _ key: StringKey, one: StringKey) -> StringKey { count == 1 ? one : key }
}
