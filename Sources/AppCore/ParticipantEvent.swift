import Domain

/// What reaches a participant's screen: a key, a resize, the session as stored now, a refused score, or a failed read.
public enum ParticipantEvent: Equatable, Sendable {
    case key(Key)
    case resized(Size)
    case sessionLoaded(WeighingSession)
    /// A score was refused or could not be stored: the screen reads the session again.
    case failed(ChangeFailure)
    /// Reading the session failed: shown once, never retried in a loop.
    case loadFailed(ChangeFailure)
}
