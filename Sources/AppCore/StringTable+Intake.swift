import Domain

extension Strings {
    /// The texts of the inbox, replies, lokale opgaven and the council's values, in English.
    static let englishIntake: [StringKey: String] = [
        .eventAccepted: "accepted", .eventDeclined: "declined", .eventReplyContact: "reply contact recorded",
        .eventReplied: "reply sent", .eventChallengeChanged: "lokale opgave changed",
        .errorNotInInbox: "Idea {1} is not in the inbox (it is {2}): only ideas in the inbox are triaged",
        .cliWarningUnknownColumn: "the import does not know column '{1}' and skipped it (known columns: title, description, theme, tags, source, submitter, stage, contact, received, or their Dutch names)",
        .errorWipPassedByImport: "The import would bring {1} to {2} ideas, past its hard WIP limit of {3}: nothing was imported",
        .errorIdeaDeclined: "Idea {1} was declined at intake and is off the board: it is not moved, reordered or merged (its history keeps it)",
        .errorDeclineNeedsReason: "Declining an idea needs a reason: give one (the submitter and the history get it)",
        .errorAcceptNeedsTheme: "Accepting an idea needs a lokale opgave (theme): give one",
        .errorNoIntake: "Idea {1} did not come in through the inbox",
        .errorChallengeNeedsName: "A lokale opgave needs a name: give one",
        .errorChallengeExists: "The lokale opgave '{1}' already exists: change it with proeftuin opgave edit",
        .errorChallengeNotFound: "There is no lokale opgave '{1}': use {2}",
        .errorChallengeNotFoundEmpty: "There is no lokale opgave '{1}': add one with proeftuin opgave add",
        .errorChallengeInUse: "Ideas still carry the lokale opgave '{1}' ({2}): give them another theme first",
        .intakeInbox: "in the inbox", .intakeAccepted: "accepted", .intakeMerged: "merged", .intakeDeclined: "declined",
        .cliAccepted: "Accepted {1} onto the board (lokale opgave: {2})",
        .cliDeclined: "Declined {1}: it left the board; the reason is in its history",
        .cliReplyContact: "Recorded who gets the reply to {1}", .cliReplySent: "Reply to {1} recorded as sent on {2}",
        .cliReplyNotSent: "Reply to {1} recorded as not sent", .cliRepliesOwed: "Replies owed ({1})", .cliRepliesSent: "Replies sent ({1})",
        .cliColumnStatus: "status", .cliColumnReceived: "received", .cliColumnAnswerDue: "answer by", .cliColumnSent: "sent",
        .cliColumnContact: "contact",
        .cliChallengeAdded: "Added lokale opgave {1}", .cliChallengeSaved: "Saved lokale opgave {1}",
        .cliChallengeRemoved: "Removed lokale opgave {1}",
        .cliNoChallenges: "No lokale opgaven yet: any theme is accepted; add one with proeftuin opgave add NAME --description TEXT",
        .cliColumnChallenge: "lokale opgave", .cliColumnDataSource: "data source", .cliColumnDescription: "description",
        .cliDueTriage: "inbox past its answer deadline ({1} days):",
        .cliValuesMarked: "{1} is now the council's values set",
        .helpToggleInbox: "Show only the inbox (ideas from outside waiting for triage), or everything",
        .helpAcceptIdea: "Accept the idea from the inbox onto the board with a lokale opgave",
        .helpDeclineIdea: "Decline the idea from the inbox, with a reason",
        .helpMarkReplySent: "Record that the submitter got a reply today",
        .messageInboxOn: "Inbox: {1} to triage · A accept · X decline · i all",
        .messageInboxOff: "All ideas", .messageNotInInbox: "{1} is not in the inbox",
        .messageAccepted: "Accepted {1} onto the board", .messageDeclined: "Declined {1}: it left the board",
        .promptAccept: "Accept {1} with lokale opgave: ", .promptAcceptSuggesting: "Accept {1} with lokale opgave (Tab: {2}): ",
        .promptDecline: "Decline {1}; reason: ", .inboxFilterLabel: "inbox",
        .detailIntake: "From outside: {1}, received {2}; reply {3} (to: {4})", .detailReplySent: "sent on {1}",
        .detailReplyOwed: "owed", .detailDeclineReason: "Declined because",
        .detailIntakeLabel: "From outside", .detailReplyLabel: "Reply", .detailReceived: "received {1}",
    ]

    /// The texts of the inbox, replies, lokale opgaven and the council's values, in Dutch.
    static let dutchIntake: [StringKey: String] = [
        .eventAccepted: "aangenomen", .eventDeclined: "afgewezen", .eventReplyContact: "contact voor antwoord vastgelegd",
        .eventReplied: "antwoord verstuurd", .eventChallengeChanged: "lokale opgave gewijzigd",
        .errorNotInInbox: "Idee {1} staat niet in de inbox (het is {2}): alleen ideeën in de inbox worden beoordeeld",
        .cliWarningUnknownColumn: "de import kent kolom '{1}' niet en heeft hem overgeslagen (bekende kolommen: titel, omschrijving, thema, labels, bron, indiener, fase, antwoord aan, ontvangen, of hun Engelse namen)",
        .errorWipPassedByImport: "De import zou {1} op {2} ideeën brengen, boven de harde WIP-grens van {3}: er is niets geïmporteerd",
        .errorIdeaDeclined: "Idee {1} is bij de intake afgewezen en staat niet op het bord: het wordt niet verplaatst, verschoven of samengevoegd (de geschiedenis bewaart het)",
        .errorDeclineNeedsReason: "Een idee afwijzen vraagt een reden: geef die (de indiener en de geschiedenis krijgen haar)",
        .errorAcceptNeedsTheme: "Een idee aannemen vraagt een lokale opgave (thema): geef die",
        .errorNoIntake: "Idee {1} is niet via de inbox binnengekomen",
        .errorChallengeNeedsName: "Een lokale opgave heeft een naam nodig: geef die",
        .errorChallengeExists: "De lokale opgave '{1}' bestaat al: wijzig haar met proeftuin opgave edit",
        .errorChallengeNotFound: "Er is geen lokale opgave '{1}': kies uit {2}",
        .errorChallengeNotFoundEmpty: "Er is geen lokale opgave '{1}': voeg er een toe met proeftuin opgave add",
        .errorChallengeInUse: "Er zijn nog ideeën met de lokale opgave '{1}' ({2}): geef ze eerst een ander thema",
        .intakeInbox: "in de inbox", .intakeAccepted: "aangenomen", .intakeMerged: "samengevoegd", .intakeDeclined: "afgewezen",
        .cliAccepted: "{1} aangenomen op het bord (lokale opgave: {2})",
        .cliDeclined: "{1} afgewezen en van het bord gehaald; de reden staat in de geschiedenis",
        .cliReplyContact: "Vastgelegd wie het antwoord op {1} krijgt", .cliReplySent: "Antwoord op {1} vastgelegd als verstuurd op {2}",
        .cliReplyNotSent: "Antwoord op {1} vastgelegd als niet verstuurd", .cliRepliesOwed: "Nog te beantwoorden ({1})",
        .cliRepliesSent: "Beantwoord ({1})",
        .cliColumnStatus: "status", .cliColumnReceived: "ontvangen", .cliColumnAnswerDue: "antwoord uiterlijk", .cliColumnSent: "verstuurd",
        .cliColumnContact: "contact",
        .cliChallengeAdded: "Lokale opgave {1} toegevoegd", .cliChallengeSaved: "Lokale opgave {1} opgeslagen",
        .cliChallengeRemoved: "Lokale opgave {1} verwijderd",
        .cliNoChallenges: "Nog geen lokale opgaven: elk thema mag; voeg er een toe met proeftuin opgave add NAAM --description TEKST",
        .cliColumnChallenge: "lokale opgave", .cliColumnDataSource: "gegevensbron", .cliColumnDescription: "omschrijving",
        .cliDueTriage: "inbox over de antwoordtermijn ({1} dagen):",
        .cliValuesMarked: "{1} is nu de set met de waarden van de raad",
        .helpToggleInbox: "Toon alleen de inbox (ideeën van buiten die op beoordeling wachten), of alles",
        .helpAcceptIdea: "Neem het idee uit de inbox aan op het bord, met een lokale opgave",
        .helpDeclineIdea: "Wijs het idee uit de inbox af, met een reden",
        .helpMarkReplySent: "Leg vast dat de indiener vandaag antwoord kreeg",
        .messageInboxOn: "Inbox: {1} te beoordelen · A aannemen · X afwijzen · i alles",
        .messageInboxOff: "Alle ideeën", .messageNotInInbox: "{1} staat niet in de inbox",
        .messageAccepted: "{1} aangenomen op het bord", .messageDeclined: "{1} afgewezen en van het bord gehaald",
        .promptAccept: "{1} aannemen met lokale opgave: ", .promptAcceptSuggesting: "{1} aannemen met lokale opgave (Tab: {2}): ",
        .promptDecline: "{1} afwijzen; reden: ", .inboxFilterLabel: "inbox",
        .detailIntake: "Van buiten: {1}, ontvangen {2}; antwoord {3} (aan: {4})", .detailReplySent: "verstuurd op {1}",
        .detailReplyOwed: "nog verschuldigd", .detailDeclineReason: "Afgewezen omdat",
        .detailIntakeLabel: "Van buiten", .detailReplyLabel: "Antwoord", .detailReceived: "ontvangen {1}",
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
