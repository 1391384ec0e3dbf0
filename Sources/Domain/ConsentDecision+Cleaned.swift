extension ConsentDecision {
    /// The decision as it is stored: every text made safe for a terminal (`TextSanitizer`; proposal, responsible and
    /// evaluation also trimmed), refused when a text is longer than its `TextLimit`. Both stores save decisions through it.
    public func cleaned() throws(DomainError) -> ConsentDecision {
        var clean = self
        clean.proposal = TextSanitizer.multiLine(proposal).trimmingCharactersInWhitespace()
        clean.responsible = TextSanitizer.singleLine(responsible).trimmingCharactersInWhitespace()
        clean.evaluationCriteria = TextSanitizer.multiLine(evaluationCriteria).trimmingCharactersInWhitespace()
        clean.objections = objections.map {
            Objection(who: TextSanitizer.singleLine($0.who), text: TextSanitizer.multiLine($0.text), qualified: $0.qualified,
                      resolution: $0.resolution, resolutionNote: TextSanitizer.multiLine($0.resolutionNote),
                      previousProposal: $0.previousProposal.map(TextSanitizer.multiLine))
        }
        clean.concerns = concerns.map { Concern(who: TextSanitizer.singleLine($0.who), text: TextSanitizer.multiLine($0.text)) }
        for (field, text) in [("proposal", clean.proposal), ("evaluation", clean.evaluationCriteria)] {
            try TextLimit.check(text, field: field, limit: TextLimit.text)
        }
        try TextLimit.check(clean.responsible, field: "responsible", limit: TextLimit.line)
        for item in clean.objections.map({ ($0.who, $0.text + $0.resolutionNote) }) + clean.concerns.map({ ($0.who, $0.text) }) {
            try TextLimit.check(item.0, field: "who", limit: TextLimit.line)
            try TextLimit.check(item.1, field: "text", limit: TextLimit.text)
        }
        return clean
    }
}
