import Foundation
import Domain

/// One value of every `DomainError` case, for the translation tests: a new case gets a sample here.
enum DomainErrorSamples {
    static let all: [DomainError] = [
        .emptyTitle, .titleTooLong(limit: 200), .transitionNotAllowed(from: .stopped, to: .scaling, allowed: [.proposed]),
        .alreadyInStage(.learning), .reasonRequired, .unknownStage("klaar"), .unknownSource("alien"), .ideaNotFound(IdeaID(9)),
        .gateIncomplete(.experimenting, missing: [.hypothesis, .owner]), .invalidDate("2026-13-01"), .invalidNumber("veel"),
        .unknownStopCategory("boredom"), .decisionNotFound("D9"), .decisionNotConsented(DecisionID(1)),
        .decisionForAnotherIdea(DecisionID(1), IdeaID(2)), .consentMissing, .openObjections(["Financiën"]),
        .wipLimitReached(.experimenting, limit: 3, hard: true), .wipLimitReached(.experimenting, limit: 3, hard: false),
        .noCycle(IdeaID(4)), .invalidLimit(0), .emptyName, .duplicateCriterion("impact"), .invalidScale(5, 1), .invalidWeight(-1),
        .vetoOutsideScale(9), .weightCount(expected: 3, got: 2), .invalidMatrix(.notANumber("x")), .invalidMatrix(.notSquare(2)),
        .invalidMatrix(.diagonal(1)), .invalidMatrix(.notReciprocal(1, 2)), .unknownCriteriaSet("wijk"), .criteriaSetExists("wijk"),
        .unknownCriterion("smaak"), .sessionNeeds(.ideas), .sessionNeeds(.criteria), .sessionNeeds(.participants),
        .sessionNeeds(.distinctIdeas), .sessionNeeds(.knownScore), .sessionClosed, .sessionNotFound("S9"),
        .scoreOutOfScale(7, min: 1, max: 5), .unknownParticipant("Carla", known: ["Anne", "Bram"]), .ideaNotInSession(IdeaID(9)),
        .mergeIntoItself, .changedSince(IdeaID(3), fields: ["title"], notice: nil, undoing: false), .changedSince(IdeaID(3), fields: [], notice: ChangeNotice(kind: .measured, at: Date(timeIntervalSince1970: 0), actor: "bert", program: "cli"), undoing: true), .noObjection(4), .alreadyMerged(IdeaID(3), IdeaID(1)),
        // Hardening
        .numberOutOfRange(.weight, "1e400"), .numberOutOfRange(.participants, "0"), .textTooLong(field: "description", limit: 200_000),
        .textTooLong(field: "tags", limit: 10_000), .textTooLong(field: "hypothesis", limit: 20_000), .mergeIntoMerged(IdeaID(1), into: IdeaID(2)),
        .duplicateParticipant("Ann"), .erasedPersonalData(IdeaID(3)), .invalidMatrix(.empty),
        .invalidMatrix(.rowLength(row: 2, entries: 1, rows: 2)), .invalidMatrix(.emptyEntry(row: 1, column: 3)),
        .invalidMatrix(.size(rows: 2, criteria: 3)),
        // Participants
        .linkNotValid, .linkEnded,
    ]
}
