import Domain
import Testing

@Suite("Consent decisions: rounds and three-way merge")
struct DecisionMergeTests {
    let base = ConsentDecision(
        id: DecisionID(1), ideaID: IdeaID(3), kind: .scale, proposal: "In alle wijken", responsible: "An",
        reviewDate: DayDate(year: 2027, month: 6, day: 1)!, objections: [Objection(who: "Bo", text: "te duur")])

    @Test func objectionsAddedOnBothSidesAreAllKept() {
        var edited = base
        edited.objections.append(Objection(who: "Cas", text: "geen draagvlak"))
        var current = base
        current.objections.append(Objection(who: "Dirk", text: "te snel"))
        let (merged, conflicts) = ConsentDecision.merge(base: base, edited: edited, current: current)
        #expect(conflicts.isEmpty)
        #expect(merged.objections.map(\.who) == ["Bo", "Dirk", "Cas"])
    }

    @Test func aJudgementOnlyOneSideMadeIsTakenAndDifferentJudgementsCollide() {
        var edited = base
        edited.objections[0].qualified = false
        let (taken, none) = ConsentDecision.merge(base: base, edited: edited, current: base)
        #expect(none.isEmpty)
        #expect(taken.objections[0].qualified == false)

        var current = base
        current.objections[0].qualified = true
        let (kept, conflicts) = ConsentDecision.merge(base: base, edited: edited, current: current)
        #expect(conflicts == ["objection 1"])
        #expect(kept.objections[0].qualified == true, "the stored judgement is not overwritten")
    }

    @Test func fieldsMergeLikeIdeaFields() {
        var edited = base
        edited.proposal = "In twee wijken"
        var current = base
        current.responsible = "Bo"
        let (merged, conflicts) = ConsentDecision.merge(base: base, edited: edited, current: current)
        #expect(conflicts.isEmpty)
        #expect(merged.proposal == "In twee wijken")
        #expect(merged.responsible == "Bo")
        current.proposal = "Nergens"
        #expect(ConsentDecision.merge(base: base, edited: edited, current: current).conflicts == ["proposal"])
    }

    @Test func anUndoRemovesItsOwnObjectionOnlyWhileNobodyChangedIt() {
        var after = base
        after.objections.append(Objection(who: "Cas", text: "geen draagvlak"))
        var current = after
        current.objections.append(Objection(who: "Dirk", text: "te snel"))
        let (undone, none) = ConsentDecision.merge(base: after, edited: base, current: current)
        #expect(none.isEmpty)
        #expect(undone.objections.map(\.who) == ["Bo", "Dirk"], "Cas's objection goes, Dirk's later one stays")

        current.objections[1].qualified = true
        let (kept, conflicts) = ConsentDecision.merge(base: after, edited: base, current: current)
        #expect(conflicts == ["objection 2"])
        #expect(kept.objections.count == 3)
    }

    @Test func roundStepsAreCheckedAgainstTheStoredDecision() throws {
        let objected = try base.amended(.object(Objection(who: "Cas", text: "geen draagvlak")))
        #expect(objected.objections.count == 2)
        #expect(throws: DomainError.openObjections(["Bo", "Cas"])) { try objected.amended(.consent) }
        let judged = try objected.amended(.judge(number: 1, qualified: false))
        let resolved = try judged.amended(.resolve(number: 2, .withdrawn, note: "besproken"))
        #expect(try resolved.amended(.consent).outcome == .consented)
        #expect(throws: DomainError.noObjection(3)) { try resolved.amended(.judge(number: 3, qualified: true)) }
        #expect(try base.amended(.concern(Concern(who: "Eva", text: "meten"))).concerns.count == 1)
    }

    @Test func consentClosesTheRoundAndRulingsAreNotOverwritten() throws {
        let judged = try base.amended(.judge(number: 1, qualified: true))
        #expect(try judged.amended(.judge(number: 1, qualified: true)) == judged, "the same ruling again is harmless")
        #expect(throws: DomainError.objectionAlreadyRuled(1)) { try judged.amended(.judge(number: 1, qualified: false)) }
        let resolved = try judged.amended(.resolve(number: 1, .withdrawn, note: "besproken"))
        #expect(throws: DomainError.objectionAlreadyRuled(1)) { try resolved.amended(.resolve(number: 1, .amended, note: "anders")) }
        let consented = try resolved.amended(.consent)
        for step in [DecisionAmendment.object(Objection(who: "Laat", text: "te laat")), .concern(Concern(who: "Eva", text: "x")),
                     .judge(number: 1, qualified: true), .consent] {
            #expect(throws: DomainError.decisionAlreadyConsented(DecisionID(1))) { try consented.amended(step) }
        }
    }
}
