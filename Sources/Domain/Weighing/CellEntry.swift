/// What a participant entered in a cell: a score on the criterion's scale, or an explicit abstention (left out of every
/// aggregate, unlike a cell not yet scored).
public enum CellEntry: Equatable, Hashable, Sendable {
    case score(Int)
    case abstain
}
