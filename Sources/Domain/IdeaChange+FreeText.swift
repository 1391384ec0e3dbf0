extension IdeaChange {
    /// Every free text a person (or a file) filled in for this change: what a BSN check must read. Undo and redo carry
    /// nothing new and give none.
    public var freeTexts: [String] {
        switch self {
        case .create(let fields), .edit(_, let fields), .editFrom(_, _, let fields):
            return fields.freeTexts
        case .move(let request):
            return [request.reason, request.wipOverride ?? ""] + request.gate.freeTexts
        case .addMeasurement(_, let measurement):
            return [measurement.note]
        case .saveDecision(let decision), .saveDecisionFrom(_, let decision):
            return decision.freeTexts
        case .amendDecision(_, let amendment):
            switch amendment {
            case .object(let objection): return [objection.who, objection.text]
            case .resolve(_, _, let note): return [note]
            case .amendProposal(_, let proposal, let note): return [proposal, note]
            case .concern(let concern): return [concern.who, concern.text]
            case .judge, .consent: return []
            }
        case .revertMove, .removeMeasurement, .deleteDecision, .swap, .delete, .restore:
            return []
        }
    }
}

extension IdeaFields {
    /// The typed texts of an idea: title, description, theme, tags and submitter.
    public var freeTexts: [String] { [title, description, theme, submitter ?? ""] + tags }
}

extension StageGate {
    /// The texts of a gate's cards and decision.
    public var freeTexts: [String] {
        switch self {
        case .none, .decision: []
        case .experiment(let card, let owner, _): [card.hypothesis, card.action, card.metric, card.successCriterion, owner]
        case .learning(let card): [card.observed, card.learned, card.therefore]
        case .inlineDecision(let decision): decision.freeTexts
        case .stop(_, let learned): [learned]
        }
    }
}

extension ConsentDecision {
    /// The proposal, responsible, evaluation, objections (with resolution notes) and concerns.
    public var freeTexts: [String] {
        [proposal, responsible, evaluationCriteria] + objections.flatMap { [$0.who, $0.text, $0.resolutionNote] }
            + concerns.flatMap { [$0.who, $0.text] }
    }
}
