/// A change to one criterion of a stored set, as data: carried out on the set as stored, as a new version.
public enum CriteriaChange: Equatable, Sendable {
    /// Add a criterion at the end.
    case add(Criterion)
    /// Rename, re-weight, rescale, turn around or change the veto of the named criterion.
    case edit(String, CriterionEdit)
    /// Remove the named criterion.
    case remove(String)
}
