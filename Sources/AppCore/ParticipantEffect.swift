import Domain

/// Work a participant's screen asks for, performed through the application layer.
public enum ParticipantEffect: Equatable, Sendable {
    /// Stores (or with nil clears) one of the participant's own scores at once.
    case save(ScoreKey, Int?)
    /// Reads the session again (after another program changed it, or a refusal).
    case reload
    case quit
}
