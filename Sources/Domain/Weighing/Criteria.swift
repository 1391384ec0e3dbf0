/// Whether more is better (benefit) or less is better (cost).
public enum CriterionDirection: String, CaseIterable, Sendable, Codable {
    case benefit
    case cost
}

/// One criterion of a criteria set: how ideas are scored on it and how much it counts.
public struct Criterion: Equatable, Sendable, Codable {
    public var name: String
    public var description: String
    /// Raw weight as entered; results use the weights normalised to sum 1.
    public var weight: Double
    public var direction: CriterionDirection
    public var scaleMin: Int
    public var scaleMax: Int
    /// A score at or below this (aggregated) marks the idea as vetoed.
    public var veto: Int?

    public init(
        name: String, description: String = "", weight: Double, direction: CriterionDirection = .benefit, scaleMin: Int = 1,
        scaleMax: Int = 5, veto: Int? = nil
    ) {
        self.name = name
        self.description = description
        self.weight = weight
        self.direction = direction
        self.scaleMin = scaleMin
        self.scaleMax = scaleMax
        self.veto = veto
    }

    /// Whether a score fits the scale.
    public func accepts(_ score: Int) -> Bool { (scaleMin...scaleMax).contains(score) }

    /// How many digits a score on this scale needs at most (1 for 1–5, 2 for 1–10).
    public var digits: Int { String(max(abs(scaleMin), abs(scaleMax))).count }
}

/// A named, versioned set of criteria; sessions keep a snapshot of the version they used.
public struct CriteriaSet: Equatable, Sendable, Codable {
    public var name: String
    public var version: Int
    public var criteria: [Criterion]

    public init(name: String, version: Int = 1, criteria: [Criterion] = []) {
        self.name = name
        self.version = version
        self.criteria = criteria
    }

    /// The weights normalised to sum 1 (equal weights when all are zero).
    public var normalizedWeights: [Double] { Weights.normalized(criteria.map(\.weight)) }

    /// Adds a criterion, refusing a duplicate name or an impossible scale.
    public func adding(_ criterion: Criterion) throws(DomainError) -> CriteriaSet {
        let name = TextSanitizer.singleLine(criterion.name).trimmingCharactersInWhitespace()
        guard !name.isEmpty else { throw .emptyName }
        guard !criteria.contains(where: { $0.name.lowercased() == name.lowercased() }) else { throw .duplicateCriterion(name) }
        try NumberKind.scaleBound.check(criterion.scaleMin)
        try NumberKind.scaleBound.check(criterion.scaleMax)
        guard criterion.scaleMin < criterion.scaleMax else { throw .invalidScale(criterion.scaleMin, criterion.scaleMax) }
        guard criterion.weight >= 0, criterion.weight.isFinite else { throw .invalidWeight(criterion.weight) }
        try NumberKind.weight.check(criterion.weight)
        try TextLimit.check(name, field: "name", limit: TextLimit.line)
        try TextLimit.check(criterion.description, field: "description", limit: TextLimit.text)
        if let veto = criterion.veto, !criterion.accepts(veto) { throw .vetoOutsideScale(veto) }
        var copy = self
        var clean = criterion
        clean.name = name
        copy.criteria.append(clean)
        copy.version += 1
        return copy
    }

    /// Replaces all weights (same order as the criteria), as a new version; each must be finite, 0 or more and in range.
    public func withWeights(_ weights: [Double]) throws(DomainError) -> CriteriaSet {
        guard weights.count == criteria.count else { throw .weightCount(expected: criteria.count, got: weights.count) }
        for weight in weights {
            guard weight.isFinite, weight >= 0 else { throw .invalidWeight(weight) }
            try NumberKind.weight.check(weight)
        }
        var copy = self
        for index in copy.criteria.indices { copy.criteria[index].weight = weights[index] }
        copy.version += 1
        return copy
    }

    /// The index of a criterion by name, case-insensitively.
    public func index(of name: String) -> Int? {
        let key = name.trimmingCharactersInWhitespace().lowercased()
        return criteria.firstIndex { $0.name.lowercased() == key }
    }

    /// A sensible default set for the social domain.
    public static let socialDomain = CriteriaSet(name: "sociaal-domein", version: 1, criteria: [
        Criterion(name: "impact", description: "Effect voor inwoners: merkbaar beter af", weight: 30),
        Criterion(name: "opgave", description: "Past bij de lokale opgave", weight: 20),
        Criterion(name: "haalbaarheid", description: "Uitvoerbaar met de mensen en middelen die er zijn", weight: 20, veto: 1),
        Criterion(name: "kosten", description: "Kosten van de proef (hoger is duurder)", weight: 15, direction: .cost),
        Criterion(name: "risico", description: "Risico voor inwoners als het misgaat (hoger is riskanter)", weight: 15, direction: .cost),
    ])
}
