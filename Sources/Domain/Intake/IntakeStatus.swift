/// Where an idea from outside the team stands in triage.
public enum IntakeStatus: String, CaseIterable, Sendable, Codable, Hashable {
    /// Waiting in the inbox: not yet accepted, merged or declined.
    case inbox
    /// Accepted onto the board with a lokale opgave.
    case accepted
    /// Merged into another idea (the existing merge).
    case merged
    /// Declined with a reason: off the board, kept in the history and exports.
    case declined
}
