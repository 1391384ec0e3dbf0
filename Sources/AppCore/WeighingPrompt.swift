import Domain

/// A line typed in the weighing screen's footer: a note on a cell, a late participant's name, or why someone leaves.
public struct WeighingPrompt: Equatable, Sendable {
    /// What the line is for.
    public enum Purpose: Equatable, Sendable {
        case note(SessionCell)
        case addParticipant
        /// The reason to exclude the participant with this index.
        case exclude(Int)
    }

    public var purpose: Purpose
    public var field: TextField
    /// Why the last Enter was refused.
    public var error: String?

    public init(_ purpose: Purpose, text: String = "") {
        self.purpose = purpose
        field = TextField(text)
    }
}
