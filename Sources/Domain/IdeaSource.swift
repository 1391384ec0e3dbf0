/// Where an idea came from.
public enum IdeaSource: String, CaseIterable, Sendable, Codable, Hashable {
    case resident
    case professional
    case partner
    case `internal`

    /// The Dutch name used in the UI and accepted on the command line.
    public var dutchName: String {
        switch self {
        case .resident: "inwoner"
        case .professional: "professional"
        case .partner: "partner"
        case .internal: "intern"
        }
    }

    /// Parses an English or Dutch source name, case-insensitively; nil when unknown.
    public init?(name: String) {
        let key = name.trimmingCharactersInWhitespace().lowercased()
        if let source = IdeaSource(rawValue: key) {
            self = source
            return
        }
        switch key {
        case "inwoner", "bewoner": self = .resident
        case "intern": self = .internal
        case "professionals", "prof": self = .professional
        default: return nil
        }
    }
}
