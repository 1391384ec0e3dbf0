import Domain
import Foundation

/// The demo's lokale opgaven, its inbox of ideas from outside the team, and the council's values.
extension DemoPortfolio {
    /// The six lokale opgaven the demo ideas serve, with what the challenge is and where its figures come from.
    static let challenges: [LocalChallenge] = [
        LocalChallenge(name: armoede, summary: "Minder huishoudens met problematische schulden, en wie hulp nodig heeft vindt die eerder.",
                       dataSource: "Armoedemonitor en schuldhulpregistratie"),
        LocalChallenge(name: jeugd, summary: "Kinderen groeien veilig op; lichte hulp dichtbij, minder verwijzingen naar specialistische jeugdhulp.",
                       dataSource: "CBS Beleidsinformatie Jeugd"),
        LocalChallenge(name: wmo, summary: "Inwoners wonen langer zelfstandig thuis, met ondersteuning die snel en passend komt.",
                       dataSource: "Wmo-cliëntervaringsonderzoek"),
        LocalChallenge(name: werk, summary: "Meer inwoners doen mee naar vermogen: betaald werk, vrijwilligerswerk of een basisbaan.",
                       dataSource: "Participatiewet-monitor"),
        LocalChallenge(name: eenzaam, summary: "Minder ouderen en jongeren voelen zich sterk eenzaam.", dataSource: "GGD Gezondheidsmonitor"),
        LocalChallenge(name: wijk, summary: "Prettig samenleven in de wijk: minder overlast, meer plekken om elkaar te ontmoeten.", dataSource: nil),
    ]

    /// One idea from outside the team: how it came in, and where triage and the reply stand.
    struct Arrived {
        var fields: IdeaFields
        var receivedDaysAgo: Int
        var contact: String?
        /// Accepted with this theme, or declined with this reason, that many days ago; nil while in the inbox.
        var triage: (days: Int, step: IntakeStep)?
        var replySentDaysAgo: Int?
    }

    /// Ideas from residents, community professionals and partners: some waiting (two of them past the 14-day
    /// deadline), some accepted or declined, replies owed and sent.
    static let arrivals: [Arrived] = [
        Arrived(fields: IdeaFields(title: "Speelplek voor kinderen met een beperking in het Oosterpark",
                                   description: "Een moeder via het inloopspreekuur: er is geen speeltoestel waar haar dochter in een rolstoel bij kan.",
                                   source: .resident, tags: ["spelen", "toegankelijkheid"]),
                receivedDaysAgo: 3, contact: "via het wijkteam Oost", triage: nil, replySentDaysAgo: nil),
        Arrived(fields: IdeaFields(title: "Samen koken met statushouders en buurtbewoners",
                                   description: "Vluchtelingenwerk stelt voor om maandelijks in het buurthuis te koken: taal oefenen en buren leren kennen.",
                                   source: .partner, tags: ["nieuwkomers", "ontmoeting"]),
                receivedDaysAgo: 9, contact: "Vluchtelingenwerk, coördinator Zuid", triage: nil, replySentDaysAgo: nil),
        Arrived(fields: IdeaFields(title: "Ouderen helpen met digitale zaken in de bibliotheek",
                                   description: "Via het webformulier: DigiD, bankzaken en de zorgverzekering online, met vaste vrijwilligers op dinsdag.",
                                   source: .resident, tags: ["digitaal", "ouderen"]),
                receivedDaysAgo: 19, contact: nil, triage: nil, replySentDaysAgo: nil),
        Arrived(fields: IdeaFields(title: "Gezinnen met schulden eerder bereiken via de huisarts",
                                   description: "Het wijkteam Noord ziet dat stress over geld vaak eerst bij de huisarts op tafel komt; een warme overdracht zou helpen.",
                                   source: .professional, tags: ["schulden", "huisarts"]),
                receivedDaysAgo: 16, contact: "wijkteam Noord, team schulden", triage: nil, replySentDaysAgo: nil),
        Arrived(fields: IdeaFields(title: "Nachtopvang voor jongeren die thuis weg moeten",
                                   description: "Het Wmo-loket krijgt 's avonds vragen van jongeren die niet naar huis kunnen; er is geen plek tot de volgende ochtend.",
                                   source: .professional, tags: ["jongeren", "opvang"]),
                receivedDaysAgo: 6, contact: "s.bouzid@voorbeeld.nl", triage: nil, replySentDaysAgo: nil),
        Arrived(fields: IdeaFields(title: "Repaircafé als ontmoetingsplek",
                                   description: "Buurtbewoners repareren samen spullen; wie alleen woont komt vaker dan één keer terug.",
                                   source: .resident, tags: ["ontmoeting", "circulair"]),
                receivedDaysAgo: 40, contact: "via de bewonersvereniging", triage: (30, .accept(theme: eenzaam)), replySentDaysAgo: 29),
        Arrived(fields: IdeaFields(title: "Sportclub betaalt contributie voor kinderen uit minimagezinnen",
                                   description: "De voetbalvereniging wil de contributie voorschieten en met het Jeugdfonds Sport verrekenen.",
                                   source: .partner, tags: ["sport", "kinderen"]),
                receivedDaysAgo: 25, contact: "secretariaat vv De Zwaluwen", triage: (12, .accept(theme: armoede)), replySentDaysAgo: nil),
        Arrived(fields: IdeaFields(title: "Gemeentelijke app voor alle buurtmeldingen",
                                   description: "Eén app waarin bewoners overlast, kapotte lantaarnpalen en zorgen over buren kunnen melden.",
                                   source: .resident, tags: ["digitaal", "meldingen"]),
                receivedDaysAgo: 35,
                contact: "telefonisch via het KCC",
                triage: (20, .decline(reason: "Er is al een meldapp voor de openbare ruimte; zorgen over buren horen bij het wijkteam. We wijzen de indiener op beide.")),
                replySentDaysAgo: 19),
        Arrived(fields: IdeaFields(title: "Ieder gezin een jaarlijks gesprek met het wijkteam",
                                   description: "Een professional stelt voor alle gezinnen met jonge kinderen één keer per jaar te bezoeken.",
                                   source: .professional, tags: ["preventie"]),
                receivedDaysAgo: 28, contact: "wijkteam West",
                triage: (10, .decline(reason: "Past niet binnen de capaciteit van de wijkteams; we nemen de vraag mee in de evaluatie van de toegang.")),
                replySentDaysAgo: nil),
    ]

    /// The council's values, as a criteria set the report scores ideas and experiments on.
    static let councilValues = CriteriaSet(name: "waarden-van-de-raad", version: 1, criteria: [
        Criterion(name: "eigen regie", description: "Inwoners houden zelf de regie over hun leven en hun ondersteuning", weight: 30),
        Criterion(name: "dichtbij", description: "Dichtbij in de wijk, zonder drempels of wachtlijst", weight: 25),
        Criterion(name: "gelijke kansen", description: "Helpt wie het minst heeft het meest", weight: 25),
        Criterion(name: "samen met inwoners", description: "Bedacht en uitgevoerd met inwoners en partners", weight: 20),
    ])
}

extension DemoPortfolio {
    /// The demo's lokale opgaven, inbox with its triage and replies, and a closed weighing on the council's values.
    static func seedIntake(_ target: some DemoSeedTarget, now: Date) throws {
        let today = DayDate.local(now)
        try target.addChallenges(DemoPortfolio.challenges, skipExisting: true)
        for arrived in DemoPortfolio.arrivals {
            let idea = try target.addToInbox(arrived.fields, receivedOn: today.adding(days: -arrived.receivedDaysAgo), replyTo: arrived.contact)
            if let (days, step) = arrived.triage { _ = try target.changeIntake(idea.id, step, today: today.adding(days: -days)) }
            if let sent = arrived.replySentDaysAgo {
                _ = try target.changeIntake(idea.id, .replySent(today.adding(days: -sent)), today: today.adding(days: -sent))
            }
        }
        let values = DemoPortfolio.councilValues
        if (try? target.criteriaSet(values.name)) == nil { try target.saveCriteriaSet(values, creating: true) }
        try target.markValuesSet(values.name)
        let running = try target.ideas(stage: .experimenting, theme: nil).prefix(4).map(\.id) + target.ideas(stage: .scaling, theme: nil).prefix(2).map(\.id)
        guard running.count >= 3 else { return }
        let participants = ["Raadswerkgroep sociaal domein", "Adviesraad sociaal domein", "Wethouder zorg en welzijn"]
        let session = try target.createSession(WeighingSession(set: values, ideas: running, participants: participants, createdAt: now))
        var scores: [(ScoreKey, Int?)] = []
        for (p, _) in participants.enumerated() {
            for (i, idea) in running.enumerated() {
                for c in values.criteria.indices {
                    scores.append((ScoreKey(participant: p, idea: idea, criterion: c), 1 + (i * 2 + c * 3 + p + i * c) % 5))
                }
            }
        }
        try target.setDemoScores(session.id!, scores)
        _ = try target.closeSession(session.id!, allowIncomplete: false)
    }
}
