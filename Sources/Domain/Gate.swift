/// A field a stage gate asks for; the raw value is the command-line flag that supplies it.
public enum GateField: String, CaseIterable, Sendable, Codable {
    case hypothesis
    case action
    case metric
    case success
    case owner
    case reviewDate = "review-date"
    case budget
    case maxDuration = "max-duration"
    case harm
    case safeguard
    case stopRule = "stop-rule"
    case observed
    case learned
    case therefore
    case category
    case decision
    case proposal
    case responsible
    case evaluation
}

/// What a move into a gated stage brings along, as typed (in a form or as flags), not yet checked.
public struct GateDraft: Equatable, Sendable {
    public var values: [GateField: String]
    /// For scaling: consent given inline (the `--consent` flag).
    public var consent: Bool

    public init(_ values: [GateField: String] = [:], consent: Bool = false) {
        self.values = values
        self.consent = consent
    }

    public subscript(_ field: GateField) -> String {
        get { values[field] ?? "" }
        set { values[field] = newValue }
    }

    /// The fields a move into `stage` requires, in the order forms show them.
    public static func fields(for stage: Stage) -> [GateField] {
        switch stage {
        case .experimenting: [.hypothesis, .action, .metric, .success, .owner, .reviewDate] + boundFields
        case .learning: [.observed, .learned, .therefore]
        case .scaling: [.proposal, .responsible, .reviewDate, .evaluation]
        case .stopped: [.category, .learned]
        case .proposed: []
        }
    }

    /// The bounds that make an experiment safe enough to try, in the order forms show them.
    public static let boundFields: [GateField] = [.budget, .maxDuration, .harm, .safeguard, .stopRule]

    /// Checks the draft for a move into `stage` and returns the gate, or names every missing field.
    public func validated(for stage: Stage, idea: IdeaID) throws(DomainError) -> StageGate {
        func text(_ field: GateField) -> String { TextSanitizer.multiLine(self[field]).trimmingCharactersInWhitespace() }
        for field in GateDraft.fields(for: stage) + [.decision] {
            try TextLimit.check(self[field], field: field.rawValue, limit: field == .owner || field == .responsible ? TextLimit.line : TextLimit.text)
        }
        var missing: [GateField] = []
        func require(_ fields: [GateField]) {
            missing += fields.filter { text($0).isEmpty }
        }
        func date(_ field: GateField) throws(DomainError) -> DayDate? {
            let value = text(field)
            guard !value.isEmpty else { return nil }
            guard let date = DayDate(parsing: value) else { throw .invalidDate(value) }
            return date
        }
        switch stage {
        case .proposed:
            return .none
        case .experimenting:
            require([.hypothesis, .action, .metric, .success, .owner, .reviewDate] + GateDraft.boundFields)
            let review = try date(.reviewDate)
            let budget = text(.budget)
            let cap = budget.isEmpty ? nil : SafeBounds.budget(parsing: budget)
            if !budget.isEmpty, cap == nil { throw .invalidBudget(budget) }
            let durationText = text(.maxDuration)
            let duration = durationText.isEmpty ? nil : MaxDuration(parsing: durationText)
            if !durationText.isEmpty, duration == nil { throw .invalidDuration(durationText) }
            guard missing.isEmpty, let review, let cap, let duration else { throw .gateIncomplete(stage, missing: missing) }
            let bounds = SafeBounds(budgetCap: cap, maxDuration: duration, harm: text(.harm), safeguard: text(.safeguard), stopRule: text(.stopRule))
            return .experiment(
                TestCard(hypothesis: text(.hypothesis), action: text(.action), metric: text(.metric), successCriterion: text(.success),
                         bounds: bounds),
                owner: text(.owner), reviewDate: review)
        case .learning:
            require([.observed, .learned, .therefore])
            guard missing.isEmpty else { throw .gateIncomplete(stage, missing: missing) }
            return .learning(LearningCard(observed: text(.observed), learned: text(.learned), therefore: text(.therefore)))
        case .scaling:
            if !text(.decision).isEmpty {
                guard let id = DecisionID(parsing: text(.decision)) else { throw .decisionNotFound(text(.decision)) }
                return .decision(id)
            }
            require([.proposal, .responsible, .reviewDate])
            let review = try date(.reviewDate)
            guard missing.isEmpty, let review else {
                throw .gateIncomplete(stage, missing: missing.isEmpty ? [.decision] : [.decision] + missing)
            }
            let decision = ConsentDecision(
                ideaID: idea, kind: .scale, proposal: text(.proposal), responsible: text(.responsible), reviewDate: review,
                evaluationCriteria: text(.evaluation))
            guard consent else { throw .consentMissing }
            return .inlineDecision(try decision.consented())
        case .stopped:
            require([.category, .learned])
            guard missing.isEmpty else { throw .gateIncomplete(stage, missing: missing) }
            guard let category = StopCategory(rawValue: text(.category).lowercased()) else {
                throw .unknownStopCategory(text(.category))
            }
            return .stop(category, learned: text(.learned))
        }
    }
}

/// What a complete gate carries into the new stage.
public enum StageGate: Equatable, Sendable, Codable {
    /// No gate (reopening to proposed, or undo/redo).
    case none
    case experiment(TestCard, owner: String, reviewDate: DayDate)
    case learning(LearningCard)
    /// An existing decision that must have consent.
    case decision(DecisionID)
    /// A decision taken with the move, already consented.
    case inlineDecision(ConsentDecision)
    case stop(StopCategory, learned: String)
}

extension StageGate {
    /// Refuses a gate that does not fit its target stage, naming what the target needs; checks inline consent.
    public func check(for target: Stage) throws(DomainError) {
        switch (self, target) {
        case (.none, .proposed), (.experiment, .experimenting), (.learning, .learning), (.decision, .scaling), (.stop, .stopped):
            return
        case (.inlineDecision(let decision), .scaling):
            _ = try decision.consented()
        default:
            let missing = target == .scaling ? [GateField.decision] : GateDraft.fields(for: target)
            throw .gateIncomplete(target, missing: missing)
        }
    }
}

/// A request to move an idea, with everything its gate needs.
public struct MoveRequest: Equatable, Sendable {
    public var id: IdeaID
    public var target: Stage
    public var reason: String
    public var gate: StageGate
    /// The reason for going over a soft WIP limit, if the move does.
    public var wipOverride: String?
    /// False for undo and redo, which put things back without asking again.
    public var enforceRules: Bool
    /// The stage the person saw the idea in; a move is refused when it has moved elsewhere since (nil: no check).
    public var from: Stage?

    public init(
        id: IdeaID, target: Stage, reason: String, gate: StageGate = .none, wipOverride: String? = nil, enforceRules: Bool = true,
        from: Stage? = nil
    ) {
        self.id = id
        self.from = from
        self.target = target
        self.reason = reason
        self.gate = gate
        self.wipOverride = wipOverride
        self.enforceRules = enforceRules
    }
}

/// A limit on work in progress in one stage.
public struct WipLimit: Equatable, Sendable, Codable {
    public var stage: Stage
    public var limit: Int
    /// A hard limit refuses moves over it; a soft one asks for a reason.
    public var hard: Bool

    public init(stage: Stage, limit: Int, hard: Bool = false) {
        self.stage = stage
        self.limit = limit
        self.hard = hard
    }

    /// Defaults from the brief: experimenting 5, learning 5, scaling 3, all soft.
    public static let defaults: [Stage: WipLimit] = [
        .experimenting: WipLimit(stage: .experimenting, limit: 5),
        .learning: WipLimit(stage: .learning, limit: 5),
        .scaling: WipLimit(stage: .scaling, limit: 3),
    ]

    /// Checks ideas added at once (an import) that would make the stage hold `countAfter`: only a hard limit refuses them.
    public func checkImport(countAfter: Int) throws(DomainError) {
        guard hard, countAfter > limit else { return }
        throw .wipLimitPassedByImport(stage, limit: limit, countAfter: countAfter)
    }

    /// Checks a move that would make the stage hold `countAfter` ideas.
    public func check(countAfter: Int, override: String?) throws(DomainError) {
        guard countAfter > limit else { return }
        if hard { throw .wipLimitReached(stage, limit: limit, hard: true) }
        let reason = override?.trimmingCharactersInWhitespace() ?? ""
        if reason.isEmpty { throw .wipLimitReached(stage, limit: limit, hard: false) }
    }
}
