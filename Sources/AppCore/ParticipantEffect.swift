import Domain

/// Work a participant's screen asks for, performed through the application layer.
public enum ParticipantEffect: Equatable, Sendable {
    /// Stores one of the participant's own entries at once (a score, an abstention, or a clearing), as they saw the cell.
    case save(ScoreInput)
    /// Reads the session again (after another program changed it, or a refusal).
    case reload
    case quit
}
