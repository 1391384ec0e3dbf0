import Domain
import Foundation
import Testing

@Suite("Records that tell the truth")
struct TruthfulRecordTests {
    let day = Date(timeIntervalSince1970: 86_400)

    func move(_ idea: Int64, _ hours: Double, from: Stage, to: Stage, undo: Bool = false) -> StageChange {
        StageChange(idea: IdeaID(idea), at: day + hours * 3600, from: from, to: to, isUndo: undo)
    }

    @Test func anUndoneMoveLeavesTheFlowTogetherWithItsUndo() {
        let created = StageChange(idea: IdeaID(1), at: day, from: nil, to: .proposed)
        let moved = move(1, 1, from: .proposed, to: .scaling)
        let undone = move(1, 2, from: .scaling, to: .proposed, undo: true)
        let redone = move(1, 3, from: .proposed, to: .scaling)
        #expect(StageChange.standing([created, moved, undone]) == [created])
        #expect(StageChange.standing([created, moved, undone, redone]) == [created, redone], "a redo is the move it is")
        let other = move(2, 1, from: .proposed, to: .stopped)
        #expect(StageChange.standing([created, moved, other, undone]) == [created, other], "only the idea's own move goes")
    }

    @Test func undoneMovesCountInNeitherThroughputNorTimeInStage() {
        let today = DayDate(year: 1970, month: 1, day: 20)!
        let ideas = [(id: IdeaID(1), title: "Een", theme: "", stage: Stage.proposed, updated: today, review: DayDate?.none)]
        let changes = [StageChange(idea: IdeaID(1), at: day, from: nil, to: .proposed),
                       move(1, 48, from: .proposed, to: .stopped), move(1, 49, from: .stopped, to: .proposed, undo: true)]
        let metrics = PortfolioMetrics.compute(ideas: ideas, changes: changes, today: today, staleDays: 30, calendarDay: { _ in today })
        #expect(metrics.throughput.allSatisfy { $0.stopped == 0 }, "the undone stop is no stop")
        #expect(metrics.medianLeadTime[.proposed] == nil, "the idea never left proposed")
        #expect(metrics.medianLeadTime[.stopped] == nil)
    }

    func entry(_ kind: EventKind, reason: String?, after: String?) -> HistoryEntry {
        HistoryEntry(at: day, actor: "anne", ideaID: IdeaID(1), kind: kind, reason: reason, before: #"{"position":1,"stage":"proposed"}"#,
                     after: after)
    }

    @Test func anUndoIsRecognisedByItsMarkerOrItsLegacyReason() {
        #expect(entry(.moved, reason: "undo", after: #"{"position":1,"stage":"proposed","takeBack":"undo"}"#).takeBack == .undo)
        #expect(entry(.moved, reason: "r", after: #"{"position":2,"stage":"learning","takeBack":"redo"}"#).takeBack == .redo)
        #expect(entry(.moved, reason: "undo", after: #"{"position":1,"stage":"proposed"}"#).takeBack == .undo, "written before the marker")
        #expect(entry(.moved, reason: "undo", after: #"{"gate":{"none":{}},"position":1,"stage":"stopped"}"#).takeBack == nil,
                "a real move someone called 'undo' carries its gate")
        #expect(entry(.edited, reason: "undo", after: "{}").takeBack == nil)
    }

    @Test func theWipOverrideReasonIsReadFromTheMove() {
        let over = entry(.moved, reason: "start", after: #"{"position":3,"stage":"experimenting","wipOverride":"subsidie loopt af"}"#)
        #expect(over.wipOverride == "subsidie loopt af")
        #expect(entry(.moved, reason: "start", after: #"{"position":3,"stage":"experimenting"}"#).wipOverride == nil)
    }

    @Test func standingHistoryDropsTheUndoneMoveAndTheUndo() {
        let moved = entry(.moved, reason: "pilot", after: #"{"position":1,"stage":"experimenting"}"#)
        let undone = entry(.moved, reason: "undo", after: #"{"position":1,"stage":"proposed","takeBack":"undo"}"#)
        let measured = entry(.measured, reason: nil, after: "{}")
        #expect(HistoryEntry.standing([moved, measured, undone]) == [measured])
    }

    let decision = ConsentDecision(ideaID: IdeaID(1), kind: .scale, proposal: "hele stad", responsible: "Sanne",
                                   reviewDate: DayDate(year: 2027, month: 6, day: 1)!,
                                   objections: [Objection(who: "Financiën", text: "dekking", qualified: true)])

    @Test func anAmendedObjectionChangesTheProposalAndKeepsTheOldText() throws {
        let amended = try decision.amended(.amendProposal(number: 1, proposal: "hele stad, evaluatie na zes maanden", note: "evaluatie"))
        #expect(amended.proposal == "hele stad, evaluatie na zes maanden")
        #expect(amended.objections[0] == Objection(who: "Financiën", text: "dekking", qualified: true, resolution: .amended,
                                                   resolutionNote: "evaluatie", previousProposal: "hele stad"))
        #expect(amended.openObjections.isEmpty)
        let same = try decision.amendingProposal(objection: 1, to: " hele stad ", note: "toelichting")
        #expect(same.proposal == "hele stad" && same.objections[0].previousProposal == nil, "no change, nothing to keep")
        #expect(throws: DomainError.noObjection(2)) { try decision.amendingProposal(objection: 2, to: "x", note: "") }
        #expect(throws: DomainError.gateIncomplete(.scaling, missing: [.proposal])) {
            try decision.amendingProposal(objection: 1, to: "  ", note: "")
        }
    }

    @Test func theOldProposalSurvivesAMergeAndStoredDecisionsWithoutItStillRead() throws {
        let amended = try decision.amendingProposal(objection: 1, to: "nieuw", note: "n")
        let (merged, conflicts) = ConsentDecision.merge(base: decision, edited: amended, current: decision)
        #expect(conflicts.isEmpty)
        #expect(merged.objections[0].previousProposal == "hele stad")
        let stored = try JSONDecoder().decode([Objection].self, from: Data(#"[{"who":"a","text":"b","resolutionNote":""}]"#.utf8))
        #expect(stored[0].previousProposal == nil)
        let encoded = String(decoding: try JSONEncoder().encode(Objection(who: "a", text: "b")), as: UTF8.self)
        #expect(!encoded.contains("previousProposal"), "objections without an amendment are stored as before")
    }

    @Test func datesWorthAskingAbout() {
        let today = DayDate(year: 2026, month: 11, day: 30)!
        #expect(DateCheck.review(DayDate(year: 2026, month: 11, day: 29)!, today: today) == .reviewDateInPast(DayDate(year: 2026, month: 11, day: 29)!))
        #expect(DateCheck.review(today, today: today) == nil, "today is not the past")
        #expect(DateCheck.measurement(DayDate(year: 2026, month: 12, day: 1)!, today: today) == .measurementInFuture(DayDate(year: 2026, month: 12, day: 1)!))
        #expect(DateCheck.measurement(today, today: today) == nil)
        let card = TestCard(hypothesis: "h", action: "a", metric: "m", successCriterion: "s")
        #expect(DateCheck.gate(.experiment(card, owner: "o", reviewDate: DayDate(year: 2026, month: 1, day: 1)!), today: today)
            == .reviewDateInPast(DayDate(year: 2026, month: 1, day: 1)!))
        #expect(DateCheck.gate(.inlineDecision(decision), today: today) == nil)
        #expect(DateCheck.gate(.none, today: today) == nil)
    }

    @Test func numbersWithADecimalComma() {
        #expect(NumberParsing.text(9.5, decimalComma: true) == "9,5")
        #expect(NumberParsing.text(9.5, decimalComma: false) == "9.5")
        #expect(NumberParsing.text(12, decimalComma: true) == "12")
    }
}
