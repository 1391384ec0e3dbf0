/// One local challenge (lokale opgave) in the council report, every line already in the report's language and free of
/// personal data.
public struct CouncilChallenge: Equatable, Sendable {
    /// The challenge's name (the ideas' theme), or the words for "none named".
    public var name: String
    public var tried: [String]
    public var learned: [String]
    public var decided: [String]
    public var next: [String]
    public var questions: [String]
    /// Publishable case notes, masked.
    public var cases: [String]
}
