import Domain
import Testing

@Suite("Days")
struct DayDateTests {
    @Test("Parsing ISO and Dutch dates", arguments: [
        ("2026-11-30", "2026-11-30"), ("30-11-2026", "2026-11-30"), ("1-2-2027", "2027-02-01"), ("29/02/2028", "2028-02-29"),
        (" 2026-01-05 ", "2026-01-05"), ("31.12.2026", "2026-12-31"),
    ])
    func parsing(text: String, expected: String) {
        #expect(DayDate(parsing: text)?.description == expected)
    }

    @Test("Invalid dates are refused", arguments: ["2026-02-29", "2026-13-01", "31-04-2026", "tomorrow", "2026-1", "26-11-30", ""])
    func invalid(text: String) {
        #expect(DayDate(parsing: text) == nil)
    }

    @Test func arithmeticAndOrder() {
        let day = DayDate(year: 2026, month: 12, day: 30)!
        #expect(day.adding(days: 3).description == "2027-01-02")
        #expect(day.adding(days: -365).description == "2025-12-30")
        #expect(DayDate(year: 1970, month: 1, day: 1)!.dayNumber == 0)
        #expect(DayDate(dayNumber: day.dayNumber) == day)
        #expect(day.days(until: DayDate(year: 2027, month: 3, day: 1)!) == 61)
        #expect(DayDate(year: 2026, month: 1, day: 9)! < DayDate(year: 2026, month: 1, day: 10)!)
    }
}

@Suite("Gates")
struct GateTests {
    let idea = IdeaID(4)

    @Test func experimentGateNamesEveryMissingField() {
        let draft = GateDraft([.hypothesis: "buren helpen", .owner: "  "])
        #expect(throws: DomainError.gateIncomplete(.experimenting, missing: [.action, .metric, .success, .owner, .reviewDate, .budget,
                                                                            .maxDuration, .harm, .safeguard, .stopRule])) {
            try draft.validated(for: .experimenting, idea: idea)
        }
        let message = DomainError.gateIncomplete(.experimenting, missing: [.action, .reviewDate]).description
        #expect(message == "moving to experimenting needs --action, --review-date: nothing was changed")
    }

    @Test func completeExperimentGate() throws {
        let draft = GateDraft([.hypothesis: "h", .action: "a", .metric: "m", .success: "s", .owner: "o", .reviewDate: "15-01-2027",
                               .budget: "€ 2.500", .maxDuration: "6 weken", .harm: "huurders", .safeguard: "vooraf gevraagd",
                               .stopRule: "iemand zijn huur niet meer kan betalen"])
        let bounds = SafeBounds(budgetCap: 2500, maxDuration: MaxDuration(count: 6, unit: .weeks), harm: "huurders",
                                safeguard: "vooraf gevraagd", stopRule: "iemand zijn huur niet meer kan betalen")
        #expect(try draft.validated(for: .experimenting, idea: idea) == .experiment(
            TestCard(hypothesis: "h", action: "a", metric: "m", successCriterion: "s", bounds: bounds), owner: "o",
            reviewDate: DayDate(year: 2027, month: 1, day: 15)!))
    }

    @Test func badReviewDateIsNamed() {
        let draft = GateDraft([.hypothesis: "h", .action: "a", .metric: "m", .success: "s", .owner: "o", .reviewDate: "volgende week"])
        #expect(throws: DomainError.invalidDate("volgende week")) { try draft.validated(for: .experimenting, idea: idea) }
    }

    @Test func learningAndStopGates() throws {
        #expect(throws: DomainError.gateIncomplete(.learning, missing: [.therefore])) {
            try GateDraft([.observed: "o", .learned: "l"]).validated(for: .learning, idea: idea)
        }
        #expect(try GateDraft([.category: "no-capacity", .learned: "te vroeg"]).validated(for: .stopped, idea: idea)
            == .stop(.noCapacity, learned: "te vroeg"))
        #expect(throws: DomainError.unknownStopCategory("boring")) {
            try GateDraft([.category: "boring", .learned: "x"]).validated(for: .stopped, idea: idea)
        }
        #expect(try GateDraft().validated(for: .proposed, idea: idea) == StageGate.none)
    }

    @Test func scalingNeedsADecisionOrInlineConsent() throws {
        #expect(try GateDraft([.decision: "D7"]).validated(for: .scaling, idea: idea) == .decision(DecisionID(7)))
        #expect(throws: DomainError.gateIncomplete(.scaling, missing: [.decision, .proposal, .responsible, .reviewDate])) {
            try GateDraft().validated(for: .scaling, idea: idea).self
        }
        let inline: [GateField: String] = [.proposal: "hele stad", .responsible: "Sanne", .reviewDate: "2027-06-01"]
        #expect(throws: DomainError.consentMissing) { try GateDraft(inline).validated(for: .scaling, idea: idea) }
        guard case .inlineDecision(let decision) = try GateDraft(inline, consent: true).validated(for: .scaling, idea: idea) else {
            Issue.record("expected an inline decision")
            return
        }
        #expect(decision.outcome == .consented)
        #expect(decision.kind == .scale)
        #expect(decision.ideaID == idea)
    }
}

@Suite("Consent")
struct ConsentRuleTests {
    func decision(_ objections: [Objection]) -> ConsentDecision {
        ConsentDecision(ideaID: IdeaID(1), kind: .scale, proposal: "p", responsible: "r", reviewDate: DayDate(year: 2027, month: 1, day: 1)!,
                        objections: objections)
    }

    @Test func unjudgedAndQualifiedOpenObjectionsBlock() {
        #expect(throws: DomainError.openObjections(["An"])) { try decision([Objection(who: "An", text: "t")]).consented() }
        #expect(throws: DomainError.openObjections(["Bo"])) {
            try decision([Objection(who: "Bo", text: "t", qualified: true)]).consented()
        }
    }

    @Test func resolvedOrUnqualifiedObjectionsDoNotBlock() throws {
        let result = try decision([
            Objection(who: "An", text: "t", qualified: false),
            Objection(who: "Bo", text: "t", qualified: true, resolution: .amended, resolutionNote: "aangepast"),
            Objection(who: "Cor", text: "t", resolution: .withdrawn),
        ]).consented()
        #expect(result.outcome == .consented)
    }

    @Test func emptyProposalCannotGetConsent() {
        var empty = decision([])
        empty.proposal = " "
        #expect(throws: DomainError.gateIncomplete(.scaling, missing: [.proposal])) { try empty.consented() }
    }
}

@Suite("WIP limits and numbers")
struct WipAndNumberTests {
    @Test func softLimitNeedsAReasonHardLimitRefuses() throws {
        let soft = WipLimit(stage: .experimenting, limit: 5)
        try soft.check(countAfter: 5, override: nil)
        #expect(throws: DomainError.wipLimitReached(.experimenting, limit: 5, hard: false)) { try soft.check(countAfter: 6, override: " ") }
        try soft.check(countAfter: 6, override: "wethouder vraagt het")
        let hard = WipLimit(stage: .scaling, limit: 3, hard: true)
        #expect(throws: DomainError.wipLimitReached(.scaling, limit: 3, hard: true)) { try hard.check(countAfter: 4, override: "toch") }
        #expect(WipLimit.defaults[.experimenting]?.limit == 5)
        #expect(WipLimit.defaults[.learning]?.limit == 5)
        #expect(WipLimit.defaults[.scaling]?.limit == 3)
    }

    @Test("Numbers as typed", arguments: [
        ("12", 12.0), ("12,5", 12.5), ("12.5", 12.5), ("-3", -3.0), (" 7 ", 7.0), ("1.234,5", 1234.5), ("1,234.5", 1234.5), ("x", nil), ("", nil),
    ] as [(String, Double?)])
    func numbers(text: String, expected: Double?) {
        #expect(NumberParsing.number(text) == expected)
    }

    @Test func targetsFromSuccessCriteria() {
        #expect(TestCard(hypothesis: "", action: "", metric: "", successCriterion: "minstens 25 huishoudens").numericTarget == 25)
        #expect(TestCard(hypothesis: "", action: "", metric: "", successCriterion: "≥ 12,5%").numericTarget == 12.5)
        #expect(TestCard(hypothesis: "", action: "", metric: "", successCriterion: "meer tevredenheid").numericTarget == nil)
    }

    @Test func overdueOnlyWhileRunning() {
        let today = DayDate(year: 2026, month: 11, day: 30)!
        var card = IdeaSummary(id: IdeaID(1), title: "t", theme: "", tags: [], stage: .experimenting, position: 1,
                               reviewDate: DayDate(year: 2026, month: 11, day: 29)!)
        #expect(card.isOverdue(today: today))
        card.reviewDate = today
        #expect(!card.isOverdue(today: today), "due today is not yet overdue")
        card.reviewDate = DayDate(year: 2026, month: 1, day: 1)!
        card.stage = .stopped
        #expect(!card.isOverdue(today: today))
    }
}

@Suite("CSV")
struct CSVTests {
    @Test func commasQuotesAndNewlines() throws {
        let text = "date,value,note\n2026-01-05,\"12,5\",\"met \"\"quote\"\"\"\n2026-01-12,13,\"twee\nregels\"\n\n2026-01-19,14,\n"
        let records = try CSV.parse(text)
        #expect(records.map(\.line) == [1, 2, 3, 6])
        #expect(records[1].fields == ["2026-01-05", "12,5", "met \"quote\""])
        #expect(records[2].fields == ["2026-01-12", "13", "twee\nregels"])
        #expect(records[3].fields == ["2026-01-19", "14", ""])
    }

    @Test func excelDutchDialect() throws {
        let text = "\u{FEFF}date;value;note\r\n05-01-2026;12,5;eerste\r\n"
        let records = try CSV.parse(text)
        #expect(records.count == 2)
        #expect(records[0].fields == ["date", "value", "note"])
        #expect(records[1].fields == ["05-01-2026", "12,5", "eerste"])
    }

    @Test func unclosedQuoteNamesItsLine() {
        #expect(throws: CSV.ParseError(line: 3, message: "a quoted field is never closed: add the closing quote")) {
            try CSV.parse("a,b\n1,2\n3,\"open\n4,5\n")
        }
    }

    @Test func strayQuoteNamesItsLine() {
        #expect(throws: CSV.ParseError.self) { try CSV.parse("a,b\n1,x\"y\n") }
    }
}
