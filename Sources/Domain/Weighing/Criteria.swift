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
    /// An aggregated score at or beyond this threshold marks the idea as vetoed.
    public var veto: Veto?

    /// `veto` is a threshold; without `vetoDirection` it follows the criterion: ≤ for a benefit, ≥ for a cost.
    public init(
        name: String, description: String = "", weight: Double, direction: CriterionDirection = .benefit, scaleMin: Int = 1,
        scaleMax: Int = 5, veto: Int? = nil, vetoDirection: Veto.Direction? = nil
    ) {
        self.name = name
        self.description = description
        self.weight = weight
        self.direction = direction
        self.scaleMin = scaleMin
        self.scaleMax = scaleMax
        self.veto = veto.map { Veto($0, vetoDirection ?? Veto.defaultDirection(for: direction)) }
    }

    /// Whether a score fits the scale.
    public func accepts(_ score: Int) -> Bool { (scaleMin...scaleMax).contains(score) }

    /// How many digits a score on this scale needs at most (1 for 1–5, 2 for 1–10).
    public var digits: Int { String(max(abs(scaleMin), abs(scaleMax))).count }

    private enum CodingKeys: String, CodingKey {
        case name, description, weight, direction, scaleMin, scaleMax, veto, vetoDirection
    }

    /// Reads a stored criterion. A veto stored without a direction was written before vetoes had one, when every veto
    /// meant "at or below": it keeps that meaning. A direction that cannot be read is an error, never a default.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        description = try container.decode(String.self, forKey: .description)
        weight = try container.decode(Double.self, forKey: .weight)
        direction = try container.decode(CriterionDirection.self, forKey: .direction)
        scaleMin = try container.decode(Int.self, forKey: .scaleMin)
        scaleMax = try container.decode(Int.self, forKey: .scaleMax)
        let vetoDirection = try container.decodeIfPresent(Veto.Direction.self, forKey: .vetoDirection)
        veto = try container.decodeIfPresent(Int.self, forKey: .veto).map { Veto($0, vetoDirection ?? .atMost) }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(description, forKey: .description)
        try container.encode(weight, forKey: .weight)
        try container.encode(direction, forKey: .direction)
        try container.encode(scaleMin, forKey: .scaleMin)
        try container.encode(scaleMax, forKey: .scaleMax)
        try container.encodeIfPresent(veto?.threshold, forKey: .veto)
        try container.encodeIfPresent(veto?.direction, forKey: .vetoDirection)
    }

    /// Checks scale, weight and veto; returns the criterion with a clean name.
    func validated() throws(DomainError) -> Criterion {
        let clean = TextSanitizer.singleLine(name).trimmingCharactersInWhitespace()
        guard !clean.isEmpty else { throw .emptyName }
        try NumberKind.scaleBound.check(scaleMin)
        try NumberKind.scaleBound.check(scaleMax)
        guard scaleMin < scaleMax else { throw .invalidScale(scaleMin, scaleMax) }
        guard weight >= 0, weight.isFinite else { throw .invalidWeight(weight) }
        try NumberKind.weight.check(weight)
        try TextLimit.check(clean, field: "name", limit: TextLimit.line)
        try TextLimit.check(description, field: "description", limit: TextLimit.text)
        if let veto {
            guard accepts(veto.threshold) else { throw .vetoOutsideScale(veto.threshold) }
            guard !veto.vetoesEveryScore(min: scaleMin, max: scaleMax) else { throw .vetoesEveryScore(veto.label, min: scaleMin, max: scaleMax) }
        }
        var copy = self
        copy.name = clean
        copy.description = TextSanitizer.singleLine(description).trimmingCharactersInWhitespace()
        return copy
    }
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

    /// Adds a criterion, refusing a duplicate name, an impossible scale or a veto that vetoes nothing or everything.
    public func adding(_ criterion: Criterion) throws(DomainError) -> CriteriaSet {
        let clean = try criterion.validated()
        guard index(of: clean.name) == nil else { throw .duplicateCriterion(clean.name) }
        var copy = self
        copy.criteria.append(clean)
        copy.version += 1
        return copy
    }

    /// Carries out a change to one criterion, as a new version; sessions keep the snapshot they started with.
    public func applying(_ change: CriteriaChange) throws(DomainError) -> CriteriaSet {
        switch change {
        case .add(let criterion): try adding(criterion)
        case .edit(let name, let edit): try editing(name, edit)
        case .remove(let name): try removing(name)
        }
    }

    /// Renames, re-weights, rescales, turns around or changes the veto of one criterion, as a new version.
    public func editing(_ name: String, _ edit: CriterionEdit) throws(DomainError) -> CriteriaSet {
        guard let index = index(of: name) else { throw .unknownCriterion(name) }
        var criterion = criteria[index]
        if let rename = edit.rename {
            criterion.name = rename
            let clean = TextSanitizer.singleLine(rename).trimmingCharactersInWhitespace()
            if let other = self.index(of: clean), other != index { throw .duplicateCriterion(clean) }
        }
        if let weight = edit.weight { criterion.weight = weight }
        if let low = edit.scaleMin { criterion.scaleMin = low }
        if let high = edit.scaleMax { criterion.scaleMax = high }
        if let direction = edit.direction { criterion.direction = direction }
        if let description = edit.description { criterion.description = description }
        switch edit.veto {
        case nil: break
        case .remove?: criterion.veto = nil
        case .set(let threshold, let direction)?:
            criterion.veto = Veto(threshold, direction ?? Veto.defaultDirection(for: criterion.direction))
        }
        var copy = self
        copy.criteria[index] = try criterion.validated()
        copy.version += 1
        return copy
    }

    /// Removes one criterion, as a new version.
    public func removing(_ name: String) throws(DomainError) -> CriteriaSet {
        guard let index = index(of: name) else { throw .unknownCriterion(name) }
        var copy = self
        copy.criteria.remove(at: index)
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
