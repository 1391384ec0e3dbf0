/// One change to the portfolio, as data: what the board asks storage to do, and how undo is kept.
public enum IdeaChange: Equatable, Sendable {
    /// Add a new idea at the end of the proposed column.
    case create(IdeaFields)
    /// Replace the typed fields of an idea.
    case edit(IdeaID, IdeaFields)
    /// Save an edit made on `base`: fields changed elsewhere meanwhile are kept, and a field changed in both
    /// places differently is refused as a conflict (no lost update).
    case editFrom(IdeaID, base: IdeaFields, edited: IdeaFields)
    /// Move to another stage, to the end of that column, through the stage's gate.
    case move(MoveRequest)
    /// Take a move back exactly (its undo).
    case revertMove(MoveRevert)
    /// Record a measurement in the idea's current cycle.
    case addMeasurement(IdeaID, MetricMeasurement)
    /// Remove a measurement (undo of adding it).
    case removeMeasurement(IdeaID, cycle: Int, MetricMeasurement)
    /// Create (no id) or update a consent decision.
    case saveDecision(ConsentDecision)
    /// Save a decision edited from `base`: what others recorded meanwhile (objections, concerns, judgements) is kept,
    /// and what both changed differently is refused (see `ConsentDecision.merge`).
    case saveDecisionFrom(base: ConsentDecision, edited: ConsentDecision)
    /// One step of a consent round on the stored decision, read and written in one transaction.
    case amendDecision(DecisionID, DecisionAmendment)
    /// Remove a decision (undo of creating it).
    case deleteDecision(DecisionID)
    /// Swap the column positions of two ideas in the same stage.
    case swap(IdeaID, IdeaID)
    /// Remove an idea (only as the undo of its creation), refused unless it is still exactly as created.
    case delete(Idea)
    /// Bring back an idea exactly as it was (redo of a creation).
    case restore(Idea)

    /// The idea the change is about, when it already exists.
    public var ideaID: IdeaID? {
        switch self {
        case .create: nil
        case .edit(let id, _), .editFrom(let id, _, _), .swap(let id, _), .addMeasurement(let id, _), .removeMeasurement(let id, _, _):
            id
        case .delete(let idea): idea.id
        case .move(let request): request.id
        case .revertMove(let revert): revert.id
        case .restore(let idea): idea.id
        case .saveDecision(let decision), .saveDecisionFrom(_, let decision): decision.ideaID
        case .deleteDecision, .amendDecision: nil
        }
    }
}

/// A change that storage carried out, with the change that takes it back.
public struct AppliedChange: Equatable, Sendable {
    public var change: IdeaChange
    public var inverse: IdeaChange
    /// The idea to select afterwards (the new one for a create); nil when it no longer exists.
    public var focus: IdeaID?
    /// The stage the focused idea is in afterwards.
    public var focusStage: Stage?

    public init(change: IdeaChange, inverse: IdeaChange, focus: IdeaID?, focusStage: Stage?) {
        self.change = change
        self.inverse = inverse
        self.focus = focus
        self.focusStage = focusStage
    }
}

/// Everything needed to take a move back: where the idea was, and what the move created.
public struct MoveRevert: Equatable, Sendable {
    public var id: IdeaID
    public var stage: Stage
    public var position: Int64
    public var reviewDate: DayDate?
    public var stopCategory: StopCategory?
    public var stopLearned: String?
    /// The cycle the move started, to remove.
    public var removeCycle: Int?
    /// The cycle whose learning card the move set, and the card it had before.
    public var restoreLearning: RestoredLearning?
    /// The decision the move created inline, to remove.
    public var removeDecision: DecisionID?
    /// The move to do again on redo.
    public var redo: MoveRequest

    public init(
        id: IdeaID, stage: Stage, position: Int64, reviewDate: DayDate?, stopCategory: StopCategory?, stopLearned: String?,
        removeCycle: Int?, restoreLearning: RestoredLearning?, removeDecision: DecisionID?, redo: MoveRequest
    ) {
        self.id = id
        self.stage = stage
        self.position = position
        self.reviewDate = reviewDate
        self.stopCategory = stopCategory
        self.stopLearned = stopLearned
        self.removeCycle = removeCycle
        self.restoreLearning = restoreLearning
        self.removeDecision = removeDecision
        self.redo = redo
    }
}

/// A learning card to put back on a cycle (nil card: the cycle had none).
public struct RestoredLearning: Equatable, Sendable {
    public var cycle: Int
    public var card: LearningCard?

    public init(cycle: Int, card: LearningCard?) {
        self.cycle = cycle
        self.card = card
    }
}
