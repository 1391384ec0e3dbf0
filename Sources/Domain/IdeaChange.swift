/// One change to the portfolio, as data: what the board asks storage to do, and how undo is kept.
public enum IdeaChange: Equatable, Sendable {
    /// Add a new idea at the end of the proposed column.
    case create(IdeaFields)
    /// Replace the typed fields of an idea.
    case edit(IdeaID, IdeaFields)
    /// Move to another stage, to the end of that column. `enforceRules` is false for undo and redo.
    case move(IdeaID, to: Stage, reason: String, enforceRules: Bool)
    /// Put an idea back at an exact stage and position (undo of a move).
    case place(IdeaID, stage: Stage, position: Int64, reason: String)
    /// Swap the column positions of two ideas in the same stage.
    case swap(IdeaID, IdeaID)
    /// Remove an idea (only as the undo of its creation).
    case delete(IdeaID)
    /// Bring back an idea exactly as it was (redo of a creation).
    case restore(Idea)

    /// The idea the change is about, when it already exists.
    public var ideaID: IdeaID? {
        switch self {
        case .create: nil
        case .edit(let id, _), .move(let id, _, _, _), .place(let id, _, _, _), .swap(let id, _), .delete(let id):
            id
        case .restore(let idea): idea.id
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
