import Domain

/// The words of safe-to-try bounds, case notes, learning capacity and the council report, in both languages.
extension Strings {
    static let learningEnglish: [StringKey: String] = [
        .fieldBudget: "Budget cap (€)", .fieldMaxDuration: "Max duration (6w, 30d)", .fieldHarm: "Who could be harmed",
        .fieldSafeguard: "How we prevent that", .fieldStopRule: "We stop at once if",
        .errorInvalidBudget: "'{1}' is not a budget: give an amount in euros, e.g. 2500 or € 2.500",
        .errorInvalidDuration: "'{1}' is not a duration: give weeks or days, e.g. 6w, 6 weeks, 30d or 30 days",
        .errorPersonalDataInCase: "The case note holds personal data ({1}): mask it first; nothing was saved",
        .errorEmptyCase: "The case note is empty: say what happened",
        .personalName: "name", .personalEmail: "e-mail address", .personalPhone: "phone number", .personalBSN: "BSN",
        .personalAddress: "postcode and house number",
        .maskName: "[name]", .maskEmail: "[e-mail]", .maskPhone: "[phone]", .maskBSN: "[BSN]", .maskAddress: "[address]",
        .detailBounds: "Safe to try", .detailPastMaxDuration: "past its maximum duration", .detailRunsUntil: "runs until {1}",
        .boundsBudgetText: "€ {1}", .boundsWeeks: "{1} weeks", .boundsDays: "{1} days", .boundsWeek: "1 week", .boundsDay: "1 day",
        .cliDuePastMaxDuration: "past their maximum duration ({1}):",
        .detailCases: "Case notes", .caseNotePublishable: "publishable",
        .caseNoteShows: "shows: {1}", .cliCaseAdded: "Added case note {1} to {2}", .cliCaseNone: "No case notes.",
        .reportCases: "Case notes (publishable)", .eventCaseNoted: "case note added",
        .learningTitle: "Learning capacity", .learningStartsPerQuarter: "Experiments started per quarter",
        .learningToFirst: "Median days from idea to first experiment", .learningToLearning: "Median days from experiment to learning card",
        .learningLearningCards: "Ended cycles with a learning card", .learningThreeMeasurements: "Ended cycles with at least three measurements",
        .learningStopsWithLearning: "Stops that recorded what was learned", .learningReviewsOnTime: "Reviews held on time",
        .learningIntakeInTime: "Intake answered within {1} days", .learningDays: "{1} days", .learningNone: "—",
        .learningShare: "{1}% ({2} of {3})", .quarterLabel: "{1} Q{2}",
        .councilTitle: "Report for the council — what we tried and learned", .councilDate: "Date: {1}",
        .councilIntro: "Per local challenge: what was tried, what was learned, what was decided and why, what comes next, and questions the council could ask. No personal data.",
        .councilChallenge: "Local challenge: {1}", .councilNoTheme: "(no local challenge named)",
        .councilTried: "What was tried", .councilLearned: "What was learned", .councilDecided: "What was decided and why",
        .councilNext: "What comes next", .councilQuestions: "Questions the council could ask", .councilNothingYet: "Nothing yet.",
        .councilStopped: "{1}: stopped ({2}). Learned: {3}", .councilRunning: "{1}: experiment running, cycle {2}, review {3}.",
        .councilScaling: "{1}: being scaled up, review {2}.", .councilProposed: "{1}: proposed, not yet tried.",
        .councilDecisionLine: "{1} — {2}: {3} (reason: {4})",
        .councilBoundsLine: "{1} (cycle {2}): {3} — bounds: at most {4}, {5}; stop at once if {6}.",
        .councilQuestionBounds: "Which bounds keep the experiment on {1} safe, and who watches the stop rule?",
        .councilQuestionLearning: "What did the College learn from {1}, and what changes because of it?",
        .councilQuestionStops: "{1} stopped experiment(s) here: what did they teach, and where is that used?",
        .councilQuestionNext: "What do residents and professionals notice of {1} in the next quarter?",
        .councilQuestionNoExperiment: "Why has nothing been tried yet on this challenge, and what is needed to start?",
        .councilChartStarts: "Experiments started per quarter", .councilChartShares: "Learning figures (share in %)",
        .councilAxisQuarter: "quarter", .councilAxisCount: "experiments (number)", .councilAxisPercent: "share (%)",
        .councilLegendStarts: "experiments started", .councilLegendShare: "share achieved", .councilTarget: "target: {1}",
        .councilCases: "Casework (publishable case notes)", .councilFigures: "Learning capacity",
        .councilDefinitions: "How each figure is defined: see docs/learning.md in the Proeftuin documentation.",
        .councilTriedLine: "{1} (cycle {2}): {3}", .councilLearnedLine: "{1}, cycle {2}: {3} Therefore: {4}",
        .councilNextLearning: "{1}: {2}", .councilCaseLine: "{1}: {2} What it shows: {3}",
        .cliCouncilReportOptions: "The council report covers the whole portfolio without personal data: leave out --include-personal, --theme and --since",
        .fieldHappened: "What happened", .fieldShows: "What it shows", .fieldPublishable: "Publishable", .choiceYes: "yes",
        .choiceNo: "no", .caseNoteTitle: "Case note for {1} — no personal data", .helpAddCaseNote: "Write a case note (no personal data)",
        .helpMaskPersonalData: "Mask the personal data found ([name], [e-mail], [phone], [BSN], [address])",
        .noticePersonalData: "Found: {1} — Ctrl-K to mask", .noticeNoPersonalData: "None recognised (submitter, e-mail, phone, BSN, postcode); check names",
        .messageCaseAdded: "Case note added to {1}",
        .councilTargetStarts: "{1} per quarter", .councilTargetShare: "{1}%",
    ]

    static let learningDutch: [StringKey: String] = [
        .fieldBudget: "Budgetplafond (€)", .fieldMaxDuration: "Maximale duur (6w, 30d)", .fieldHarm: "Wie kan schade lijden",
        .fieldSafeguard: "Hoe we dat voorkomen", .fieldStopRule: "We stoppen direct als",
        .errorInvalidBudget: "'{1}' is geen budget: geef een bedrag in euro's, bijv. 2500 of € 2.500",
        .errorInvalidDuration: "'{1}' is geen duur: geef weken of dagen, bijv. 6w, 6 weken, 30d of 30 dagen",
        .errorPersonalDataInCase: "De casus bevat persoonsgegevens ({1}): maskeer ze eerst; er is niets opgeslagen",
        .errorEmptyCase: "De casus is leeg: beschrijf wat er gebeurde",
        .personalName: "naam", .personalEmail: "e-mailadres", .personalPhone: "telefoonnummer", .personalBSN: "BSN",
        .personalAddress: "postcode en huisnummer",
        .maskName: "[naam]", .maskEmail: "[e-mail]", .maskPhone: "[telefoon]", .maskBSN: "[BSN]", .maskAddress: "[adres]",
        .detailBounds: "Veilig genoeg", .detailPastMaxDuration: "langer dan de maximale duur", .detailRunsUntil: "loopt tot {1}",
        .boundsBudgetText: "€ {1}", .boundsWeeks: "{1} weken", .boundsDays: "{1} dagen", .boundsWeek: "1 week", .boundsDay: "1 dag",
        .cliDuePastMaxDuration: "langer dan hun maximale duur ({1}):",
        .detailCases: "Casuïstiek", .caseNotePublishable: "publiceerbaar",
        .caseNoteShows: "laat zien: {1}", .cliCaseAdded: "Casus {1} toegevoegd aan {2}", .cliCaseNone: "Geen casuïstiek.",
        .reportCases: "Casuïstiek (publiceerbaar)", .eventCaseNoted: "casus toegevoegd",
        .learningTitle: "Lerend vermogen", .learningStartsPerQuarter: "Gestarte experimenten per kwartaal",
        .learningToFirst: "Mediaan dagen van idee tot eerste experiment", .learningToLearning: "Mediaan dagen van experiment tot leerkaart",
        .learningLearningCards: "Afgeronde cycli met een leerkaart", .learningThreeMeasurements: "Afgeronde cycli met minstens drie metingen",
        .learningStopsWithLearning: "Stops waarbij is vastgelegd wat we leerden", .learningReviewsOnTime: "Evaluaties op tijd gehouden",
        .learningIntakeInTime: "Instroom binnen {1} dagen beantwoord", .learningDays: "{1} dagen", .learningNone: "—",
        .learningShare: "{1}% ({2} van {3})", .quarterLabel: "{1} K{2}",
        .councilTitle: "Rapportage voor de raad — wat we probeerden en leerden", .councilDate: "Datum: {1}",
        .councilIntro: "Per lokale opgave: wat is geprobeerd, wat is geleerd, wat is besloten en waarom, wat volgt, en vragen die de raad kan stellen. Zonder persoonsgegevens.",
        .councilChallenge: "Lokale opgave: {1}", .councilNoTheme: "(geen lokale opgave genoemd)",
        .councilTried: "Wat is geprobeerd", .councilLearned: "Wat is geleerd", .councilDecided: "Wat is besloten en waarom",
        .councilNext: "Wat volgt", .councilQuestions: "Vragen die de raad kan stellen", .councilNothingYet: "Nog niets.",
        .councilStopped: "{1}: gestopt ({2}). Geleerd: {3}", .councilRunning: "{1}: experiment loopt, cyclus {2}, evaluatie {3}.",
        .councilScaling: "{1}: wordt opgeschaald, evaluatie {2}.", .councilProposed: "{1}: voorgesteld, nog niet geprobeerd.",
        .councilDecisionLine: "{1} — {2}: {3} (reden: {4})",
        .councilBoundsLine: "{1} (cyclus {2}): {3} — grenzen: hoogstens {4}, {5}; direct stoppen als {6}.",
        .councilQuestionBounds: "Welke grenzen houden het experiment {1} veilig, en wie bewaakt de stopregel?",
        .councilQuestionLearning: "Wat heeft het college geleerd van {1}, en wat verandert daardoor?",
        .councilQuestionStops: "{1} gestopt(e) experiment(en) hier: wat leerden ze, en waar wordt dat gebruikt?",
        .councilQuestionNext: "Wat merken inwoners en professionals het komende kwartaal van {1}?",
        .councilQuestionNoExperiment: "Waarom is op deze opgave nog niets geprobeerd, en wat is nodig om te beginnen?",
        .councilChartStarts: "Gestarte experimenten per kwartaal", .councilChartShares: "Leercijfers (aandeel in %)",
        .councilAxisQuarter: "kwartaal", .councilAxisCount: "experimenten (aantal)", .councilAxisPercent: "aandeel (%)",
        .councilLegendStarts: "gestarte experimenten", .councilLegendShare: "behaald aandeel", .councilTarget: "doel: {1}",
        .councilCases: "Casuïstiek (publiceerbare casussen)", .councilFigures: "Lerend vermogen",
        .councilDefinitions: "Hoe elk cijfer is bepaald: zie docs/learning.md in de documentatie van Proeftuin.",
        .councilTriedLine: "{1} (cyclus {2}): {3}", .councilLearnedLine: "{1}, cyclus {2}: {3} Daarom: {4}",
        .councilNextLearning: "{1}: {2}", .councilCaseLine: "{1}: {2} Wat het laat zien: {3}",
        .cliCouncilReportOptions: "De raadsrapportage gaat over de hele portefeuille, zonder persoonsgegevens: laat --include-personal, --theme en --since weg",
        .fieldHappened: "Wat er gebeurde", .fieldShows: "Wat het laat zien", .fieldPublishable: "Publiceerbaar", .choiceYes: "ja",
        .choiceNo: "nee", .caseNoteTitle: "Casus bij {1} — zonder persoonsgegevens", .helpAddCaseNote: "Casus vastleggen (zonder persoonsgegevens)",
        .helpMaskPersonalData: "Gevonden persoonsgegevens maskeren ([naam], [e-mail], [telefoon], [BSN], [adres])",
        .noticePersonalData: "Gevonden: {1} — Ctrl-K maskeren", .noticeNoPersonalData: "Niets herkend (indiener, e-mail, tel., BSN, postcode); let zelf op namen",
        .messageCaseAdded: "Casus toegevoegd aan {1}",
        .councilTargetStarts: "{1} per kwartaal", .councilTargetShare: "{1}%",
    ]

    /// A kind of personal data in words (`naam`, `e-mailadres` …).
    public func personalData(_ kind: PersonalDataKind) -> String {
        switch kind {
        case .name: self[.personalName]
        case .email: self[.personalEmail]
        case .phone: self[.personalPhone]
        case .bsn: self[.personalBSN]
        case .address: self[.personalAddress]
        }
    }

    /// What masks a kind of personal data: `[naam]`, `[e-mail]`, `[telefoon]`, `[BSN]`, `[adres]`.
    public func mask(_ kind: PersonalDataKind) -> String {
        switch kind {
        case .name: self[.maskName]
        case .email: self[.maskEmail]
        case .phone: self[.maskPhone]
        case .bsn: self[.maskBSN]
        case .address: self[.maskAddress]
        }
    }

    /// A maximum duration in words: `6 weken`, `30 days`.
    public func duration(_ duration: MaxDuration) -> String {
        switch (duration.unit, duration.count) {
        case (.weeks, 1): self[.boundsWeek]
        case (.weeks, let count): format(.boundsWeeks, count)
        case (.days, 1): self[.boundsDay]
        case (.days, let count): format(.boundsDays, count)
        }
    }

    /// A budget cap in euros, grouped by thousands the way the language writes it: `€ 12.000` and `€ 12,50` in Dutch,
    /// `€ 12,000` and `€ 12.50` in English.
    public func budget(_ amount: Double) -> String {
        let whole = amount.rounded(.down)
        guard whole < 1e15 else { return format(.boundsBudgetText, NumberParsing.text(amount, decimalComma: language == .nl)) }
        var digits = String(Int64(whole))
        var grouped = ""
        while digits.count > 3 {
            grouped = (language == .nl ? "." : ",") + digits.suffix(3) + grouped
            digits.removeLast(3)
        }
        grouped = digits + grouped
        let cents = Int(((amount - whole) * 100).rounded())
        if cents > 0 { grouped += (language == .nl ? "," : ".") + (cents < 10 ? "0" : "") + String(cents) }
        return format(.boundsBudgetText, grouped)
    }

    /// A quarter: `2026 Q3` / `2026 K3`.
    public func quarter(_ quarter: Quarter) -> String { format(.quarterLabel, quarter.year, quarter.number) }

    /// A share: `75% (3 of 4)`, or `—` when there was nothing to count.
    public func share(_ share: LearningCapacity.Share) -> String {
        guard let percent = share.percent else { return self[.learningNone] }
        return format(.learningShare, percent, share.part, share.whole)
    }

    /// A median in days, or `—`.
    public func medianDays(_ value: Double?) -> String {
        guard let value else { return self[.learningNone] }
        return format(.learningDays, NumberParsing.text(value, decimalComma: language == .nl))
    }

    /// The learning-capacity figures as label and value lines, in the order docs/learning.md defines them.
    public func learningFigures(_ capacity: LearningCapacity, triageDays: Int) -> [(String, String)] {
        [
            (self[.learningStartsPerQuarter],
             capacity.startsPerQuarter.isEmpty ? self[.learningNone]
                : capacity.startsPerQuarter.map { "\(quarter($0.quarter)): \($0.count)" }.joined(separator: ", ")),
            (self[.learningToFirst], medianDays(capacity.medianDaysToFirstExperiment)),
            (self[.learningToLearning], medianDays(capacity.medianDaysToLearningCard)),
            (self[.learningLearningCards], share(capacity.cyclesWithLearningCard)),
            (self[.learningThreeMeasurements], share(capacity.cyclesWithThreeMeasurements)),
            (self[.learningStopsWithLearning], share(capacity.stopsWithLearning)),
            (self[.learningReviewsOnTime], share(capacity.reviewsOnTime)),
            (format(.learningIntakeInTime, triageDays), share(capacity.intakeAnsweredInTime)),
        ]
    }
}
