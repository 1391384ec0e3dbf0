import Domain
import Testing

@Suite("Safe enough to try: the test card's bounds")
struct SafeBoundsTests {
    let idea = IdeaID(4)
    let complete: [GateField: String] = [.hypothesis: "h", .action: "a", .metric: "m", .success: "s", .owner: "o", .reviewDate: "2027-01-15",
                                         .budget: "2500", .maxDuration: "6w", .harm: "huurders", .safeguard: "vooraf gevraagd",
                                         .stopRule: "iemand zijn huur niet kan betalen"]

    @Test func budgetsAsPeopleTypeThem() {
        #expect(SafeBounds.budget(parsing: "2500") == 2500)
        #expect(SafeBounds.budget(parsing: "€ 2.500") == 2500)
        #expect(SafeBounds.budget(parsing: "€1.250.000") == 1_250_000)
        #expect(SafeBounds.budget(parsing: "2500,50") == 2500.5)
        #expect(SafeBounds.budget(parsing: "EUR 300") == 300)
        #expect(SafeBounds.budget(parsing: "2,500") == nil, "2500 or 2,50? cents never come in threes")
        #expect(SafeBounds.budget(parsing: "2,5") == 2.5)
        #expect(SafeBounds.budget(parsing: "750 euro") == 750)
        #expect(SafeBounds.budget(parsing: "0") == 0)
        #expect(SafeBounds.budget(parsing: "-5") == nil)
        #expect(SafeBounds.budget(parsing: "veel") == nil)
        #expect(SafeBounds.budget(parsing: "2000000000") == nil, "more than a billion is no cap")
    }

    @Test func durationsInWeeksOrDays() {
        #expect(MaxDuration(parsing: "6 weken") == MaxDuration(count: 6, unit: .weeks))
        #expect(MaxDuration(parsing: "6w")?.days == 42)
        #expect(MaxDuration(parsing: "1 week")?.days == 7)
        #expect(MaxDuration(parsing: "30 dagen") == MaxDuration(count: 30, unit: .days))
        #expect(MaxDuration(parsing: "30D")?.days == 30)
        #expect(MaxDuration(parsing: "12 weeks")?.description == "12w")
        #expect(MaxDuration(parsing: "6") == nil, "a number without a unit is ambiguous")
        #expect(MaxDuration(parsing: "0 dagen") == nil)
        #expect(MaxDuration(parsing: "600 weken") == nil, "longer than ten years")
        #expect(MaxDuration(parsing: "zes weken") == nil)
    }

    @Test func theGateRefusesAnUnreadableBudgetOrDurationByName() {
        var draft = GateDraft(complete)
        draft[.budget] = "een paar duizend"
        #expect(throws: DomainError.invalidBudget("een paar duizend")) { try draft.validated(for: .experimenting, idea: idea) }
        draft = GateDraft(complete)
        draft[.maxDuration] = "half jaar"
        #expect(throws: DomainError.invalidDuration("half jaar")) { try draft.validated(for: .experimenting, idea: idea) }
        #expect(DomainError.invalidDuration("half jaar").description.contains("6w, 6 weken, 30d or 30 dagen"))
    }

    @Test func theGateNamesEveryMissingBound() {
        var values = complete
        for field in [GateField.budget, .harm, .stopRule] { values[field] = "  " }
        #expect(throws: DomainError.gateIncomplete(.experimenting, missing: [.budget, .harm, .stopRule])) {
            try GateDraft(values).validated(for: .experimenting, idea: idea)
        }
        #expect(DomainError.gateIncomplete(.experimenting, missing: [.budget, .maxDuration, .stopRule]).description
                == "moving to experimenting needs --budget, --max-duration, --stop-rule: nothing was changed")
    }

    @Test func aRunningExperimentPastItsMaximumDurationIsFlagged() throws {
        let bounds = SafeBounds(budgetCap: 500, maxDuration: MaxDuration(count: 6, unit: .weeks), harm: "h", safeguard: "s", stopRule: "r")
        let start = DayDate(year: 2026, month: 10, day: 1)!
        let cycle = Cycle(number: 1, testCard: TestCard(hypothesis: "h", action: "a", metric: "m", successCriterion: "s", bounds: bounds),
                          owner: "o", reviewDate: DayDate(year: 2027, month: 1, day: 1)!, startedOn: start)
        #expect(cycle.lastAllowedDay == DayDate(year: 2026, month: 11, day: 12)!)
        var card = IdeaSummary(id: IdeaID(1), title: "t", theme: "", tags: [], stage: .experimenting, position: 1)
        card.lastAllowedDay = cycle.lastAllowedDay
        #expect(!card.isPastMaxDuration(today: DayDate(year: 2026, month: 11, day: 12)!), "the last allowed day itself is not past")
        #expect(card.isPastMaxDuration(today: DayDate(year: 2026, month: 11, day: 13)!))
        card.stage = .learning
        #expect(!card.isPastMaxDuration(today: DayDate(year: 2026, month: 12, day: 13)!), "only a running experiment runs over")
        let idea = Idea(id: IdeaID(1), fields: IdeaFields(title: "t"), stage: .experimenting, position: 1, createdAt: .init(timeIntervalSince1970: 0),
                        updatedAt: .init(timeIntervalSince1970: 0), cycleCount: 1)
        #expect(IdeaDetail(idea: idea, cycles: [cycle]).isPastMaxDuration(today: DayDate(year: 2026, month: 11, day: 20)!))
        let old = Cycle(number: 1, testCard: TestCard(hypothesis: "h", action: "a", metric: "m", successCriterion: "s"), owner: "o",
                        reviewDate: DayDate(year: 2027, month: 1, day: 1)!, startedOn: start)
        #expect(old.lastAllowedDay == nil, "cycles from before the bounds have no maximum")
    }
}
