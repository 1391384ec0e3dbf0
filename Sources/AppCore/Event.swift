import Domain

/// Something that happened: a key, a resize, or the result of an effect the runner performed.
public enum Event: Equatable, Sendable {
    case key(Key)
    case resized(Size)
    case boardLoaded([IdeaSummary])
    /// The board was reloaded because another program changed the data.
    case boardChangedElsewhere([IdeaSummary])
    case ideaLoaded(Idea, history: [HistoryEntry], purpose: LoadPurpose)
    case changeApplied(AppliedChange, ChangePurpose)
    case changeFailed(ChangeFailure, ChangePurpose)
}

/// Why an idea was loaded in full.
public enum LoadPurpose: Equatable, Sendable {
    case detail
    case edit(returnToDetail: Bool)
}

/// Why a change is applied: a new change, or walking the undo history.
public enum ChangePurpose: Equatable, Sendable {
    case perform
    case undo
    case redo
}

/// Why a change did not happen.
public enum ChangeFailure: Equatable, Sendable, Error {
    case domain(DomainError)
    case storage(String)
}

/// Work the reducer asks the runner to do: plain data, performed outside the reducer.
public enum Effect: Equatable, Sendable {
    case loadBoard
    case loadIdea(IdeaID, LoadPurpose)
    case apply(IdeaChange, ChangePurpose)
    case quit
}
