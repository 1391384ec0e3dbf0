/// What to change in one criterion of a set; nil fields stay as they are.
public struct CriterionEdit: Equatable, Sendable {
    /// A new veto, or none.
    public enum VetoEdit: Equatable, Sendable {
        /// No veto any more.
        case remove
        /// A threshold; without a direction the veto follows benefit (≤) or cost (≥).
        case set(Int, Veto.Direction?)

        /// Reads `<=N`, `≤N`, `>=N`, `≥N`, `N` or `none` (also `geen`).
        public static func parse(_ text: String) throws(DomainError) -> VetoEdit {
            let trimmed = text.trimmingCharactersInWhitespace()
            if ["none", "geen", "-"].contains(trimmed.lowercased()) { return .remove }
            var rest = Substring(trimmed)
            var direction: Veto.Direction?
            for (prefix, meaning) in [("<=", Veto.Direction.atMost), ("≤", .atMost), (">=", .atLeast), ("≥", .atLeast)]
            where rest.hasPrefix(prefix) {
                direction = meaning
                rest = rest.dropFirst(prefix.count)
                break
            }
            guard let threshold = Int(String(rest).trimmingCharactersInWhitespace()) else { throw .invalidVeto(trimmed) }
            return .set(threshold, direction)
        }
    }

    public var rename: String?
    /// A new raw weight.
    public var weight: Double?
    public var scaleMin: Int?
    public var scaleMax: Int?
    public var direction: CriterionDirection?
    public var veto: VetoEdit?
    public var description: String?

    public init(
        rename: String? = nil, weight: Double? = nil, scaleMin: Int? = nil, scaleMax: Int? = nil, direction: CriterionDirection? = nil,
        veto: VetoEdit? = nil, description: String? = nil
    ) {
        self.rename = rename
        self.weight = weight
        self.scaleMin = scaleMin
        self.scaleMax = scaleMax
        self.direction = direction
        self.veto = veto
        self.description = description
    }

    /// Whether the edit changes nothing.
    public var isEmpty: Bool { self == CriterionEdit() }
}
