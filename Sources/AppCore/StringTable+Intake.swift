import Domain

extension Strings {
    /// The texts of the inbox, replies, lokale opgaven and the council's values, in English.
    static let englishIntake: [StringKey: String] = [
        .eventAccepted: "accepted", .eventDeclined: "declined", .eventReplyContact: "reply contact recorded",
        .eventReplied: "reply sent", .eventChallengeChanged: "lokale opgave changed",
        .errorNotInInbox: "Idea {1} is not in the inbox (it is {2}): only ideas in the inbox are triaged",
        .errorDeclineNeedsReason: "Declining an idea needs a reason: give one (the submitter and the history get it)",
        .errorAcceptNeedsTheme: "Accepting an idea needs a lokale opgave (theme): give one",
        .errorNoIntake: "Idea {1} did not come in through the inbox",
        .errorChallengeNeedsName: "A lokale opgave needs a name: give one",
        .errorChallengeExists: "The lokale opgave '{1}' already exists: change it with proeftuin opgave edit",
        .errorChallengeNotFound: "There is no lokale opgave '{1}': use {2}",
        .errorChallengeNotFoundEmpty: "There is no lokale opgave '{1}': add one with proeftuin opgave add",
        .errorChallengeInUse: "Ideas still carry the lokale opgave '{1}' ({2}): give them another theme first",
        .intakeInbox: "in the inbox", .intakeAccepted: "accepted", .intakeMerged: "merged", .intakeDeclined: "declined",
    ]

    /// The texts of the inbox, replies, lokale opgaven and the council's values, in Dutch.
    static let dutchIntake: [StringKey: String] = [
        .eventAccepted: "aangenomen", .eventDeclined: "afgewezen", .eventReplyContact: "contact voor antwoord vastgelegd",
        .eventReplied: "antwoord verstuurd", .eventChallengeChanged: "lokale opgave gewijzigd",
        .errorNotInInbox: "Idee {1} staat niet in de inbox (het is {2}): alleen ideeën in de inbox worden beoordeeld",
        .errorDeclineNeedsReason: "Een idee afwijzen vraagt een reden: geef die (de indiener en de geschiedenis krijgen haar)",
        .errorAcceptNeedsTheme: "Een idee aannemen vraagt een lokale opgave (thema): geef die",
        .errorNoIntake: "Idee {1} is niet via de inbox binnengekomen",
        .errorChallengeNeedsName: "Een lokale opgave heeft een naam nodig: geef die",
        .errorChallengeExists: "De lokale opgave '{1}' bestaat al: wijzig haar met proeftuin opgave edit",
        .errorChallengeNotFound: "Er is geen lokale opgave '{1}': kies uit {2}",
        .errorChallengeNotFoundEmpty: "Er is geen lokale opgave '{1}': voeg er een toe met proeftuin opgave add",
        .errorChallengeInUse: "Er zijn nog ideeën met de lokale opgave '{1}' ({2}): geef ze eerst een ander thema",
        .intakeInbox: "in de inbox", .intakeAccepted: "aangenomen", .intakeMerged: "samengevoegd", .intakeDeclined: "afgewezen",
    ]
}

extension Strings {
    /// An intake status in words (`in de inbox`, `afgewezen` …); an unknown name is shown as given.
    public func intakeStatus(_ raw: String) -> String {
        switch IntakeStatus(rawValue: raw) {
        case .inbox?: self[.intakeInbox]
        case .accepted?: self[.intakeAccepted]
        case .merged?: self[.intakeMerged]
        case .declined?: self[.intakeDeclined]
        case nil: raw
        }
    }
}
