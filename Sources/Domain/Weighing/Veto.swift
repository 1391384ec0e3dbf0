/// A criterion's veto in its own terms: "vetoed when risk ≥ 4", "vetoed when support ≤ 1". An idea is vetoed when its
/// aggregated score on the criterion lies at or beyond the threshold in the veto's direction.
public struct Veto: Equatable, Sendable {
    /// Which side of the threshold vetoes.
    public enum Direction: String, CaseIterable, Sendable, Codable {
        /// Vetoed at or below the threshold (too little of a benefit).
        case atMost = "at-most"
        /// Vetoed at or above the threshold (too much of a cost or risk).
        case atLeast = "at-least"

        /// The comparison sign: `≤` or `≥`.
        public var sign: String { self == .atMost ? "≤" : "≥" }
    }

    public var threshold: Int
    public var direction: Direction

    public init(_ threshold: Int, _ direction: Direction) {
        self.threshold = threshold
        self.direction = direction
    }

    /// The direction a veto takes when none is given: too little of a benefit, or too much of a cost.
    public static func defaultDirection(for criterion: CriterionDirection) -> Direction {
        criterion == .benefit ? .atMost : .atLeast
    }

    /// Whether an aggregated score is vetoed.
    public func vetoes(_ value: Double) -> Bool {
        direction == .atMost ? value <= Double(threshold) : value >= Double(threshold)
    }

    /// `≤ 1` or `≥ 4`.
    public var label: String { "\(direction.sign) \(threshold)" }

    /// Whether every score of a scale would be vetoed (a veto that leaves nothing to choose).
    public func vetoesEveryScore(min: Int, max: Int) -> Bool {
        direction == .atMost ? threshold >= max : threshold <= min
    }
}
