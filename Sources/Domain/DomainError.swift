/// Everything a domain rule can refuse, phrased for the person who asked.
public enum DomainError: Error, Equatable, Sendable, CustomStringConvertible {
    case emptyTitle
    case titleTooLong(limit: Int)
    case transitionNotAllowed(from: Stage, to: Stage, allowed: [Stage])
    case alreadyInStage(Stage)
    case reasonRequired
    case unknownStage(String)
    case unknownSource(String)
    case ideaNotFound(IdeaID)

    public var description: String {
        switch self {
        case .emptyTitle:
            "the title is empty: give the idea a title"
        case .titleTooLong(let limit):
            "the title is longer than \(limit) characters: shorten it and put the rest in the description"
        case .transitionNotAllowed(let from, let to, let allowed):
            "an idea cannot move from \(from.rawValue) to \(to.rawValue); from \(from.rawValue) it can move to "
                + allowed.map(\.rawValue).joined(separator: " or ")
        case .alreadyInStage(let stage):
            "the idea is already in \(stage.rawValue)"
        case .reasonRequired:
            "a move is a decision and needs a reason: give one"
        case .unknownStage(let name):
            "unknown stage '\(name)': use proposed, experimenting, learning, scaling or stopped "
                + "(or voorgesteld, experiment, leren, opschalen, gestopt)"
        case .unknownSource(let name):
            "unknown source '\(name)': use resident, professional, partner or internal"
        case .ideaNotFound(let id):
            "there is no idea \(id): check the id with 'proeftuin list'"
        }
    }
}
