import Domain
import Testing

@Suite("Consent decisions: cleaned before they are stored")
struct DecisionCleaningTests {
    let review = DayDate(year: 2027, month: 6, day: 1)!

    @Test func textsLoseControlCharactersAndOuterSpaces() throws {
        let decision = ConsentDecision(
            ideaID: IdeaID(3), kind: .scale, proposal: "  In alle\r\nwijken\u{1B}[31m  ", responsible: " An\tde Vries ",
            reviewDate: review, evaluationCriteria: "\n50 deelnemers\u{202E}\n",
            objections: [Objection(who: "Bo\nBos", text: "te\u{07} duur", resolutionNote: "a\r\nb", previousProposal: "oud\u{1B}[0m")],
            concerns: [Concern(who: "Cas\tC", text: "let op\u{1B}]0;titel\u{07}!")])
        let clean = try decision.cleaned()
        #expect(clean.proposal == "In alle\nwijken")
        #expect(clean.responsible == "An de Vries")
        #expect(clean.evaluationCriteria == "50 deelnemers")
        #expect(clean.objections == [Objection(who: "Bo Bos", text: "te duur", resolutionNote: "a\nb", previousProposal: "oud")])
        #expect(clean.concerns == [Concern(who: "Cas C", text: "let op!")])
        #expect(clean.ideaID == decision.ideaID && clean.kind == .scale && clean.reviewDate == review && clean.outcome == .open)
    }

    @Test func aTextLongerThanItsLimitIsRefusedByName() {
        func refusal(_ change: (inout ConsentDecision) -> Void) -> DomainError? {
            var decision = ConsentDecision(ideaID: IdeaID(1), kind: .stop, proposal: "Stoppen", responsible: "An", reviewDate: review)
            change(&decision)
            do { _ = try decision.cleaned(); return nil } catch { return error }
        }
        #expect(refusal { _ in } == nil)
        #expect(refusal { $0.proposal = String(repeating: "p", count: TextLimit.text + 1) }
                == .textTooLong(field: "proposal", limit: TextLimit.text))
        #expect(refusal { $0.evaluationCriteria = String(repeating: "e", count: TextLimit.text + 1) }
                == .textTooLong(field: "evaluation", limit: TextLimit.text))
        #expect(refusal { $0.responsible = String(repeating: "r", count: TextLimit.line + 1) }
                == .textTooLong(field: "responsible", limit: TextLimit.line))
        #expect(refusal { $0.concerns = [Concern(who: String(repeating: "w", count: TextLimit.line + 1), text: "x")] }
                == .textTooLong(field: "who", limit: TextLimit.line))
        #expect(refusal {
            $0.objections = [Objection(who: "Bo", text: String(repeating: "t", count: TextLimit.text / 2),
                                       resolutionNote: String(repeating: "n", count: TextLimit.text / 2 + 1))]
        } == .textTooLong(field: "text", limit: TextLimit.text), "an objection's text and resolution note count together")
    }
}
