/// What a weighing session lacks when it cannot start or take a score.
public enum SessionRequirement: Equatable, Sendable, CustomStringConvertible {
    case ideas
    case criteria
    case participants
    case distinctIdeas
    /// A score must name a participant, idea and criterion of the session.
    case knownScore

    public var description: String {
        switch self {
        case .ideas: "ideas"
        case .criteria: "criteria"
        case .participants: "participants"
        case .distinctIdeas: "distinct ideas"
        case .knownScore: "a known participant, idea and criterion"
        }
    }
}
