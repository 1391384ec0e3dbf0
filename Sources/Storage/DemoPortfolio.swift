import Domain
import Foundation
import GRDB

/// A realistic Dutch portfolio of social-domain ideas, for trying the board and for screenshots.
public enum DemoPortfolio {
    /// One demo idea: fields, the stage it has reached and how many days ago it came in.
    public struct Entry: Sendable {
        public var fields: IdeaFields
        public var stage: Stage
        public var daysAgo: Int
    }

    static let jeugd = "Jeugd en gezin"
    static let armoede = "Armoede en schulden"
    static let wmo = "Zorg en ondersteuning"
    static let werk = "Werk en participatie"
    static let eenzaam = "Eenzaamheid"
    static let wijk = "Wonen en wijk"

    private static func entry(
        _ title: String, _ description: String, _ theme: String, _ tags: [String], _ source: IdeaSource,
        _ stage: Stage, _ daysAgo: Int, submitter: String? = nil
    ) -> Entry {
        Entry(
            fields: IdeaFields(title: title, description: description, source: source, submitter: submitter, theme: theme, tags: tags),
            stage: stage, daysAgo: daysAgo)
    }

    /// The demo ideas, spread over six themes and all five stages.
    public static let entries: [Entry] = [
        entry("Schuldhulp aan de keukentafel", "Schuldhulpmaatjes komen thuis langs in plaats van een afspraak op het stadskantoor; drempel omlaag, eerder in beeld.", armoede, ["schulden", "outreach"], .professional, .experimenting, 120),
        entry("Vroegsignalering betaalachterstanden", "Woningcorporaties, energie- en zorgverzekeraars melden achterstanden binnen 30 dagen; het wijkteam belt binnen een week.", armoede, ["vroegsignalering", "data"], .partner, .scaling, 300),
        entry("Gratis schoolontbijt op drie basisscholen", "Ontbijt voor alle kinderen, zonder aanmelding, zodat niemand zich hoeft te melden als arm.", armoede, ["kinderen", "school"], .resident, .learning, 210),
        entry("Eén loket voor alle toeslagen en regelingen", "Inwoners vullen één keer hun gegevens in; wij kijken welke regelingen passen.", armoede, ["regelingen"], .internal, .proposed, 20),
        entry("Kwijtschelding automatisch toekennen", "Wie bijstand heeft, krijgt kwijtschelding van gemeentelijke belastingen zonder aanvraag.", armoede, ["regelingen", "automatisch"], .internal, .experimenting, 95),
        entry("Kledingbank naar de wijkhuizen", "Kledingbank verhuist twee dagen per week naar wijkhuizen in Noord en Oost.", armoede, ["wijkhuis"], .resident, .stopped, 260),
        entry("Budgetcursus voor jongeren van 18", "Op je achttiende ineens zorgverzekering en toeslagen: korte cursus via het mbo.", armoede, ["jongeren", "mbo"], .partner, .proposed, 12),
        entry("Opvoedspreekuur op het consultatiebureau", "Pedagoog schuift aan bij het consultatiebureau; lichte vragen vroeg beantwoord, minder verwijzingen.", jeugd, ["preventie", "ouders"], .professional, .scaling, 340),
        entry("Praktijkondersteuner jeugd bij de huisarts", "POH-jeugd in vier huisartsenpraktijken; minder verwijzingen naar specialistische jeugdhulp.", jeugd, ["huisarts", "verwijzingen"], .partner, .learning, 240),
        entry("Ouders helpen ouders: lotgenotengroep", "Ouders van kinderen met gedragsproblemen begeleiden elkaar, met een professional op afstand.", jeugd, ["ouders", "informeel"], .resident, .experimenting, 80),
        entry("Jongerenwerk op straat na 22.00 uur", "Ambulant jongerenwerk in de late avond op plekken waar jongeren zijn.", jeugd, ["jongeren", "veiligheid"], .professional, .proposed, 30),
        entry("Schoolmaatschappelijk werk op het vmbo", "Vaste schoolmaatschappelijk werker op elke vmbo-locatie, twee dagen per week.", jeugd, ["school"], .partner, .learning, 190),
        entry("Gezinscoach bij scheiding", "Een coach voor gezinnen in een vechtscheiding, voordat de rechter erbij komt.", jeugd, ["scheiding", "preventie"], .professional, .proposed, 45),
        entry("Wachtlijst jeugd-GGZ: overbruggingsgroep", "Groepsbijeenkomsten voor jongeren op de wachtlijst, zodat niemand maanden alleen wacht.", jeugd, ["wachtlijst", "ggz"], .professional, .stopped, 280),
        entry("Huiswerkklas in de bibliotheek", "Vrijwilligers en studenten begeleiden huiswerk op drie middagen.", jeugd, ["onderwijs", "vrijwilligers"], .resident, .proposed, 8),
        entry("Wmo-hulpmiddelen uitlenen in plaats van verstrekken", "Rollators en douchestoelen uit een uitleenpunt; snel geregeld, hergebruik.", wmo, ["hulpmiddelen", "circulair"], .internal, .experimenting, 110),
        entry("Keukentafelgesprek door ervaringsdeskundige", "Een ervaringsdeskundige voert het gesprek samen met de consulent.", wmo, ["gesprek", "ervaringsdeskundige"], .resident, .proposed, 25),
        entry("Algemene voorziening huishoudelijke hulp", "Huishoudelijke hulp zonder beschikking via een algemene voorziening met eigen bijdrage op maat.", wmo, ["huishoudelijke hulp"], .internal, .learning, 230),
        entry("Mantelzorgpauze op afroep", "Mantelzorgers boeken zelf een paar uur vervanging via een app en een vaste pool.", wmo, ["mantelzorg"], .partner, .experimenting, 70),
        entry("Dagbesteding in het buurthuis", "Kleinschalige dagbesteding in buurthuizen in plaats van een zorgboerderij buiten de stad.", wmo, ["dagbesteding", "wijkhuis"], .partner, .scaling, 320),
        entry("Valpreventie bij 75-plussers", "Beweegprogramma en huisbezoek door fysiotherapeut bij ouderen die al eens vielen.", wmo, ["ouderen", "preventie"], .professional, .proposed, 15),
        entry("Digitaal aanvragen Wmo", "Volledig digitale aanvraag zonder keukentafelgesprek.", wmo, ["digitaal"], .internal, .stopped, 300),
        entry("Beschermd wonen: wijkgerichte woonvormen", "Kleine woonvormen in gewone straten, met ambulante begeleiding.", wmo, ["beschermd wonen"], .partner, .proposed, 60),
        entry("Werkervaringsplaatsen bij de gemeente", "Twintig plekken voor bijstandsgerechtigden in groenonderhoud en facilitair.", werk, ["bijstand", "werkervaring"], .internal, .experimenting, 130),
        entry("Bijverdienen zonder kortingsangst", "Vaste vrijlating van bijverdiensten, met duidelijke rekenvoorbeelden vooraf.", werk, ["bijstand", "regels"], .professional, .learning, 200),
        entry("Taalmaatjes op de werkvloer", "Collega's helpen nieuwkomers met werktaal tijdens het werk.", werk, ["taal", "nieuwkomers"], .partner, .proposed, 35),
        entry("Jobcoach voor statushouders", "Eén jobcoach per twintig statushouders vanaf dag één.", werk, ["nieuwkomers"], .professional, .scaling, 280),
        entry("Participatieplek in sportverenigingen", "Vrijwilligerswerk bij sportclubs als opstap naar betaald werk.", werk, ["sport", "vrijwilligers"], .resident, .proposed, 18),
        entry("Sollicitatietraining via video", "Online trainingen in plaats van groepsbijeenkomsten.", werk, ["digitaal"], .internal, .stopped, 250),
        entry("Basisbaan voor wie niet verder kan", "Vaste baan met cao-loon voor mensen die langdurig in de bijstand zitten.", werk, ["basisbaan"], .partner, .experimenting, 100),
        entry("Buurtkamer met open tafel", "Elke dinsdag samen koken en eten in de buurtkamer; eenzame ouderen worden opgehaald.", eenzaam, ["ouderen", "ontmoeting"], .resident, .scaling, 330),
        entry("Belcirkel voor alleenstaande ouderen", "Deelnemers bellen elkaar elke ochtend in een vaste volgorde.", eenzaam, ["ouderen", "telefoon"], .resident, .learning, 180),
        entry("Huisbezoek bij 80ste verjaardag", "Een vrijwilliger komt langs met een bloemetje en vraagt hoe het gaat.", eenzaam, ["ouderen", "vrijwilligers"], .partner, .experimenting, 90),
        entry("Jongeren en eenzaamheid: gamecafé", "Gamecafé voor jongeren die weinig de deur uit komen, met jongerenwerker.", eenzaam, ["jongeren"], .resident, .proposed, 10),
        entry("Postbode signaleert eenzaamheid", "Postbezorgers melden (met toestemming) als iemand zorgen baart.", eenzaam, ["signaleren"], .partner, .stopped, 270),
        entry("Maatjesproject na ziekenhuisopname", "Een maatje voor de eerste weken thuis na een opname.", eenzaam, ["ziekenhuis", "maatjes"], .professional, .proposed, 22),
        entry("Wijkteam spreekuur in de supermarkt", "Wekelijks spreekuur bij de ingang van de supermarkt in Zuid.", wijk, ["wijkteam", "bereikbaarheid"], .professional, .experimenting, 75),
        entry("Energiecoaches voor huurders", "Vrijwillige energiecoaches helpen energiekosten omlaag te brengen.", wijk, ["energie", "armoede"], .partner, .learning, 170),
        entry("Buurtbudget dat bewoners zelf verdelen", "Bewoners stemmen over 50.000 euro per wijk voor eigen initiatieven.", wijk, ["participatie", "budget"], .resident, .proposed, 40),
        entry("Portiekgesprekken bij overlast", "Bemiddelaars voeren gesprekken per portiek voordat overlast escaleert.", wijk, ["buurtbemiddeling"], .professional, .scaling, 310),
        entry("Woningruil voor ouderen naar gelijkvloers", "Ouderen in een eengezinswoning krijgen voorrang op gelijkvloerse woningen.", wijk, ["wonen", "ouderen"], .partner, .proposed, 28),
        entry("Groene schoolpleinen open na schooltijd", "Schoolpleinen als speelplek voor de buurt na 16.00 uur.", wijk, ["spelen", "groen"], .resident, .stopped, 220),
        entry("Straatcoaches in de zomer", "Extra straatcoaches in juli en augustus op hotspots.", wijk, ["veiligheid", "jongeren"], .internal, .proposed, 5),
        entry("Inloop voor vragen over brieven", "Vrijwilligers helpen met brieven van instanties, zonder afspraak.", armoede, ["brieven", "bereikbaarheid"], .resident, .proposed, 3, submitter: "J. de Vries"),
    ]

    /// Reasons used for the demo's recorded moves, per target stage.
    static func reason(for stage: Stage) -> String {
        switch stage {
        case .proposed: "heropend"
        case .experimenting: "goed genoeg voor nu, veilig genoeg om te proberen"
        case .learning: "meetperiode afgerond"
        case .scaling: "effect aangetoond, consent in het MT"
        case .stopped: "geen effect gemeten"
        }
    }

    /// What each theme measures, and the success criterion that goes with it.
    static func metric(for theme: String) -> (metric: String, success: String, base: Double, step: Double) {
        switch theme {
        case armoede: ("aantal huishoudens met een betalingsregeling", "minstens 25 huishoudens binnen drie maanden", 6, 4)
        case jeugd: ("verwijzingen naar specialistische jeugdhulp per maand", "hooguit 12 verwijzingen per maand", 20, -2)
        case wmo: ("wachttijd tot ondersteuning in dagen", "hooguit 14 dagen wachttijd", 35, -4)
        case werk: ("deelnemers met betaald werk", "minstens 8 deelnemers aan het werk", 1, 1.5)
        case eenzaam: ("deelnemers die zich minder eenzaam voelen (%)", "minstens 40 procent voelt zich minder eenzaam", 15, 6)
        default: ("meldingen van overlast per maand", "hooguit 10 meldingen per maand", 24, -3)
        }
    }

    /// Safe-to-try bounds per theme: who could be harmed, how that is prevented, and the stop rule; the budget cap and
    /// maximum duration vary per idea.
    static func bounds(for theme: String, index: Int) -> SafeBounds {
        let (harm, safeguard, stop): (String, String, String) = switch theme {
        case armoede:
            ("huishoudens die een afspraak missen en daardoor later hulp krijgen",
             "wie niet thuis is krijgt binnen twee dagen een brief en een belafspraak; de gewone route blijft open",
             "een huishouden door het experiment een betalingsregeling of toeslag misloopt")
        case jeugd:
            ("kinderen bij wie zware problemen te laat worden herkend",
             "bij twijfel overlegt de professional dezelfde dag met het jeugdteam; de verwijsroute blijft ongewijzigd",
             "een kind door het experiment langer op passende hulp wacht dan zonder")
        case wmo:
            ("ouderen en mensen met een beperking die tussen wal en schip raken",
             "de consulent belt iedere deelnemer na twee weken; de beschikkingsroute blijft voor wie dat wil",
             "iemand zonder de ondersteuning komt te zitten die hij eerder had")
        case werk:
            ("deelnemers die inkomen verliezen of een terugval krijgen",
             "inkomen is vooraf gegarandeerd; deelnemen is vrijwillig en zonder gevolgen voor de uitkering",
             "een deelnemer erop achteruitgaat in inkomen of er een klacht over dwang komt")
        case eenzaam:
            ("kwetsbare ouderen die vrijwilligers binnenlaten",
             "vrijwilligers hebben een VOG en komen met z'n tweeën of gekoppeld aan een vaste coördinator",
             "er één melding van misbruik van vertrouwen is")
        default:
            ("bewoners die zich aangesproken of buitengesloten voelen",
             "bewonerscommissie denkt mee; deelname is vrijwillig en meldingen gaan via het wijkteam",
             "de overlast in de proefstraat toeneemt of bewoners zich onveilig voelen")
        }
        let budgets: [Double] = [2_500, 12_000, 750, 45_000, 6_000, 18_500, 1_200]
        let durations = [MaxDuration(count: 6, unit: .weeks), MaxDuration(count: 12, unit: .weeks), MaxDuration(count: 90, unit: .days),
                         MaxDuration(count: 8, unit: .weeks), MaxDuration(count: 26, unit: .weeks)]
        return SafeBounds(budgetCap: budgets[index % budgets.count], maxDuration: durations[index % durations.count], harm: harm,
                          safeguard: safeguard, stopRule: stop)
    }

    /// What stopping taught, different per idea: a stop with learning is a result, not a failure.
    static let stopLearnings = [
        "Kledingbank naar de wijkhuizen": "de doelgroep komt niet naar een vaste plek op vaste dagen; we moeten naar hen toe",
        "Wachtlijst jeugd-GGZ: overbruggingsgroep":
            "de wachttijd werd niet korter, wel voelden jongeren zich minder alleen: dat deel nemen we mee in de wachtlijstaanpak",
        "Digitaal aanvragen Wmo": "ouderen willen het gesprek aan tafel, niet achter een scherm; digitaal alleen als extra keuze",
        "Sollicitatietraining via video": "online trainen bereikte vooral wie al solliciteerde; de groep die we zochten haakte af",
        "Postbode signaleert eenzaamheid": "postbezorgers hebben te weinig tijd per adres; signaleren past beter bij de wijkverpleging",
        "Groene schoolpleinen open na schooltijd":
            "de pleinen werden vooral door oudere jongeren gebruikt; met de scholen en de buurt opnieuw bekijken",
    ]

    /// Case notes per demo idea (by title): what happened, what it shows, and whether it may leave the team.
    static let cases: [(title: String, text: String, shows: String, publishable: Bool)] = [
        ("Schuldhulp aan de keukentafel",
         "Een alleenstaande vader met drie kinderen had twee afspraken op het stadskantoor gemist. Aan de keukentafel bleken acht schuldeisers en een afgesloten energiecontract.",
         "Thuis komt de hele situatie op tafel; op kantoor alleen de vraag waarvoor iemand kwam.", true),
        ("Schuldhulp aan de keukentafel",
         "Een schuldhulpmaatje moest drie keer terugkomen voordat de deur openging.",
         "Het kost tijd om binnen te komen; reken die tijd mee in de begroting.", false),
        ("Ouders helpen ouders: lotgenotengroep",
         "Een moeder vertelde in de groep dat ze voor het eerst sinds maanden iemand sprak die haar niet veroordeelde.",
         "Erkenning door andere ouders doet iets wat een hulpverlener niet kan.", true),
        ("Mantelzorgpauze op afroep",
         "Een mantelzorger boekte om 7 uur 's ochtends vervanging omdat haar man onverwacht naar het ziekenhuis moest; om 9 uur was er iemand.",
         "Op afroep werkt juist op de momenten die een vast rooster mist.", true),
        ("Wijkteam spreekuur in de supermarkt",
         "Een caissière verwees een klant met een stapel aanmaningen naar het spreekuur bij de ingang.",
         "Medewerkers van de supermarkt zijn signaleerders als ze weten waarheen.", false),
        ("Werkervaringsplaatsen bij de gemeente",
         "Een deelnemer in het groenonderhoud kreeg na vier maanden een contract bij de aannemer die het park onderhoudt.",
         "Werkervaring bij de gemeente opent deuren bij haar opdrachtnemers.", true),
        ("Huisbezoek bij 80ste verjaardag",
         "Een vrijwilliger trof een jarige die al twee weken niemand had gesproken en regelde met de huisarts een vervolgbezoek.",
         "Het bezoek vindt ook wie nergens staat ingeschreven.", false),
        ("Gratis schoolontbijt op drie basisscholen",
         "Een leerkracht merkte dat een leerling die vaak ziek thuis bleef nu elke ochtend op tijd kwam.",
         "Zonder aanmelding komt ook wie zich schaamt.", true),
    ]

    static let owners = ["Fatima El Idrissi", "Jeroen Bakker", "Sanne de Wit", "Mehmet Yilmaz", "Annelies Visser", "Ruud Jansen"]
}

extension AppDatabase: DemoSeedTarget {
    /// Fills the portfolio with the demo ideas, each with a realistic history of cycles, measurements and
    /// decisions written through the same change path as real use; returns how many ideas were added.
    @discardableResult
    public func seedDemo(now: Date) throws -> Int {
        try DemoPortfolio.seed(self, now: now)
    }

    /// Runs the demo ideas' changes in one write transaction.
    func writeDemoIdeas(_ body: (any DemoIdeaWriter) throws -> Void) throws {
        try write { db in try body(SQLiteDemoIdeaWriter(database: self, db: db)) }
    }
}

extension DemoPortfolio {
    /// Fills a store with the demo portfolio (the same on both stores); returns how many ideas were added.
    static func seed(_ target: some DemoSeedTarget, now: Date) throws -> Int {
        let today = DayDate.local(now)
        let entries = DemoPortfolio.entries
        try target.writeDemoIdeas { writer in
            for (index, entry) in entries.enumerated() {
                let created = now.addingTimeInterval(-Double(entry.daysAgo) * 86_400)
                let steps: [Stage] = switch entry.stage {
                case .proposed: []
                case .experimenting: [.experimenting]
                case .learning: [.experimenting, .learning]
                case .scaling: [.experimenting, .learning, .scaling]
                case .stopped: index % 2 == 0 ? [.experimenting, .learning, .stopped] : [.stopped]
                }
                func at(_ step: Int) -> Date {
                    created.addingTimeInterval(Double(step) * Double(entry.daysAgo) / Double(steps.count + 1) * 86_400)
                }
                let applied = try writer.apply(.create(entry.fields), at: created)
                let id = applied.focus!
                let (metric, success, base, step) = DemoPortfolio.metric(for: entry.fields.theme)
                let owner = DemoPortfolio.owners[index % DemoPortfolio.owners.count]
                for (number, stage) in steps.enumerated() {
                    let moment = at(number + 1)
                    let gate: StageGate
                    switch stage {
                    case .experimenting:
                        // Some running experiments are overdue for review: they stand out on the board.
                        let review = entry.stage == .experimenting || entry.stage == .learning
                            ? today.adding(days: index % 4 == 0 ? -(index % 9 + 2) : 10 + index % 40)
                            : DayDate.local(moment).adding(days: 42)
                        gate = .experiment(
                            TestCard(hypothesis: "\(entry.fields.title) helpt inwoners eerder en dichterbij",
                                     action: "het drie maanden in één wijk proberen",
                                     metric: metric, successCriterion: success,
                                     bounds: DemoPortfolio.bounds(for: entry.fields.theme, index: index)),
                            owner: owner, reviewDate: review)
                    case .learning:
                        gate = .learning(LearningCard(
                            observed: "de deelnemers waren positief; de aanpak kostte meer tijd dan gedacht",
                            learned: "het werkt vooral waar het wijkteam al vertrouwen heeft",
                            therefore: "uitbreiden naar twee wijken met een vaste contactpersoon"))
                    case .scaling:
                        gate = .inlineDecision(ConsentDecision(
                            ideaID: id, kind: .scale, proposal: "Opschalen naar de hele gemeente vanaf het nieuwe kwartaal",
                            responsible: owner, reviewDate: today.adding(days: index % 4 == 3 ? -3 : 60 + index),
                            evaluationCriteria: metric, objections: [
                                Objection(who: "Team Financiën", text: "dekking na dit jaar is onzeker", qualified: true,
                                          resolution: .amended, resolutionNote: "evaluatie na zes maanden voor verlenging"),
                            ], concerns: [Concern(who: "Wijkteam Noord", text: "bezetting in de zomer")],
                            outcome: .consented))
                    case .stopped:
                        gate = .stop(index % 4 == 1 ? .noCapacity : .noEffect,
                                     learned: DemoPortfolio.stopLearnings[entry.fields.title] ?? "de doelgroep bereikten we zo niet")
                    case .proposed:
                        gate = .none
                    }
                    if stage == .learning {
                        // Measurements during the experiment, before it moved on.
                        for sample in 0..<4 {
                            let date = DayDate.local(at(number).addingTimeInterval(Double(sample + 1) * 7 * 86_400))
                            let value = max(0, base + step * Double(sample) + Double((index + sample) % 3))
                            _ = try writer.apply(.addMeasurement(id, MetricMeasurement(date: date, value: value)), at: moment)
                        }
                    }
                    _ = try writer.apply(.move(MoveRequest(
                        id: id, target: stage, reason: DemoPortfolio.reason(for: stage), gate: gate, enforceRules: false)), at: moment)
                }
                if entry.stage == .experimenting {
                    for sample in 0..<(index % 4) {
                        let date = today.adding(days: -7 * (index % 4 - sample))
                        let value = max(0, base + step * Double(sample))
                        _ = try writer.apply(.addMeasurement(id, MetricMeasurement(date: date, value: value, note: sample == 0 ? "nulmeting" : "")),
                                             at: now)
                    }
                }
            }
            for note in DemoPortfolio.cases {
                guard let index = entries.firstIndex(where: { $0.fields.title == note.title }),
                      let idea = try writer.idea(titled: note.title) else { continue }
                let day = today.adding(days: -(entries[index].daysAgo / 4 + note.text.count % 9))
                try writer.addCaseNote(CaseNote(idea: idea.id, cycle: idea.cycleCount > 0 ? idea.cycleCount : nil, date: day, text: note.text,
                                                shows: note.shows, publishable: note.publishable), at: now)
            }
            for limit in [WipLimit(stage: .experimenting, limit: 10), WipLimit(stage: .learning, limit: 8), WipLimit(stage: .scaling, limit: 6)] {
                try writer.saveWipLimit(limit)
            }
        }
        try seedWeighing(target, now: now)
        try seedIntake(target, now: now)
        return entries.count + DemoPortfolio.arrivals.count
    }

    /// The default criteria set and one closed weighing session over proposed ideas, so the board shows rank badges.
    static func seedWeighing(_ target: some DemoSeedTarget, now: Date) throws {
        if (try? target.criteriaSet(CriteriaSet.socialDomain.name)) == nil {
            try target.saveCriteriaSet(.socialDomain, creating: true)
        }
        let proposed = try target.ideas(stage: .proposed, theme: nil).prefix(6).map(\.id)
        guard proposed.count >= 3 else { return }
        let participants = ["Wethouder", "Wijkteam Noord", "Financiën", "Inwonerspanel"]
        let session = try target.createSession(WeighingSession(set: .socialDomain, ideas: Array(proposed), participants: participants, createdAt: now))
        var scores: [(ScoreKey, Int?)] = []
        for (p, _) in participants.enumerated() {
            for (i, idea) in proposed.enumerated() {
                for c in CriteriaSet.socialDomain.criteria.indices {
                    scores.append((ScoreKey(participant: p, idea: idea, criterion: c), 1 + (i * 3 + c * 2 + p * (c == 1 ? 3 : 1)) % 5))
                }
            }
        }
        try target.setDemoScores(session.id!, scores)
        _ = try target.closeSession(session.id!, allowIncomplete: false)
    }
}

extension AppDatabase {
    /// Whether the portfolio has no ideas yet.
    public func isEmpty() throws -> Bool {
        try read { db in try IdeaRecord.fetchCount(db) == 0 }
    }
}

