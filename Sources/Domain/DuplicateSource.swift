/// What an imported row looks like a duplicate of: an idea already stored, or an earlier row of the same file.
public enum DuplicateSource: Hashable, Comparable, Sendable {
    case stored(IdeaID)
    case row(ImportLocation)
}
