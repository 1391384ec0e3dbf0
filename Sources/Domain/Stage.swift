/// A column of the board: where an idea is in the cycle of trying, learning, scaling or stopping.
public enum Stage: String, CaseIterable, Sendable, Codable, Hashable {
    case proposed
    case experimenting
    case learning
    case scaling
    case stopped

    /// Board order, left to right.
    public static let boardOrder: [Stage] = [.proposed, .experimenting, .learning, .scaling, .stopped]

    /// Position of the column on the board, 0-based.
    public var columnIndex: Int { Stage.boardOrder.firstIndex(of: self)! }

    /// The column to the left, if any.
    public var previousColumn: Stage? {
        columnIndex > 0 ? Stage.boardOrder[columnIndex - 1] : nil
    }

    /// The column to the right, if any.
    public var nextColumn: Stage? {
        columnIndex + 1 < Stage.boardOrder.count ? Stage.boardOrder[columnIndex + 1] : nil
    }

    /// The Dutch name used in the UI and accepted on the command line.
    public var dutchName: String {
        switch self {
        case .proposed: "voorgesteld"
        case .experimenting: "experiment"
        case .learning: "leren"
        case .scaling: "opschalen"
        case .stopped: "gestopt"
        }
    }

    /// Parses an English or Dutch stage name, case-insensitively; nil when unknown.
    public init?(name: String) {
        let key = name.trimmingCharactersInWhitespace().lowercased()
        if let stage = Stage(rawValue: key) {
            self = stage
            return
        }
        let aliases: [String: Stage] = [
            "voorgesteld": .proposed, "experiment": .experimenting, "experimenteren": .experimenting,
            "leren": .learning, "opschalen": .scaling, "gestopt": .stopped,
            "propose": .proposed, "experimentation": .experimenting, "learn": .learning,
            "scale": .scaling, "stop": .stopped,
        ]
        guard let stage = aliases[key] else { return nil }
        self = stage
    }

    /// The stages an idea in this stage may move to (the transition table of the brief).
    ///
    /// proposed → experimenting; experimenting → learning; learning → experimenting (new cycle),
    /// scaling; any stage → stopped; stopped → proposed (reopen).
    public var allowedTargets: [Stage] {
        switch self {
        case .proposed: [.experimenting, .stopped]
        case .experimenting: [.learning, .stopped]
        case .learning: [.experimenting, .scaling, .stopped]
        case .scaling: [.stopped]
        case .stopped: [.proposed]
        }
    }

    /// Whether the transition table allows moving from this stage to `target`.
    public func canMove(to target: Stage) -> Bool { allowedTargets.contains(target) }

    /// Checks a transition and throws a readable error when the table forbids it.
    public func validateMove(to target: Stage) throws(DomainError) {
        if target == self { throw .alreadyInStage(target) }
        guard canMove(to: target) else {
            throw .transitionNotAllowed(from: self, to: target, allowed: allowedTargets)
        }
    }
}
