/// How ideas are scored from the criteria.
public enum WeighingMethod: String, CaseIterable, Sendable, Codable {
    case weightedSum = "weighted-sum"
    case topsis
}

/// How a criterion column is normalised before weighting (cost criteria use the mirrored formula).
public enum Normalization: String, CaseIterable, Sendable, Codable {
    case minMax = "min-max"
    case max
    case sum
    case vector
}

/// How several participants' scores of one cell are combined.
public enum Aggregate: String, CaseIterable, Sendable, Codable {
    case mean
    case median
}

/// One score: participant (by index in the session) × idea × criterion (by index in the snapshot).
public struct ScoreKey: Hashable, Sendable, Codable {
    public var participant: Int
    public var idea: IdeaID
    public var criterion: Int

    public init(participant: Int, idea: IdeaID, criterion: Int) {
        self.participant = participant
        self.idea = idea
        self.criterion = criterion
    }
}

/// The spread of participants' scores in one cell.
public struct CellSpread: Equatable, Sendable {
    public var idea: IdeaID
    public var criterion: Int
    public var count: Int
    public var mean: Double
    public var median: Double
    /// Sample standard deviation (n − 1); 0 with fewer than two scores.
    public var sd: Double
    /// Interquartile range with type 7 quartiles.
    public var iqr: Double
    public var range: Double
    /// Among the cells of highest disagreement: worth discussing.
    public var discuss: Bool
    /// The scores given, lowest first: the distribution the room discusses (`1 1 1 1 5 5 5 5`).
    public var values: [Int] = []
    /// How many participants who count abstained on this cell.
    public var abstained: Int = 0

    /// The grid cell.
    public var cell: SessionCell { SessionCell(idea: idea, criterion: criterion) }
}

/// One idea's place in the ranking.
public struct RankedIdea: Equatable, Sendable {
    public var idea: IdeaID
    /// Weighted sum of normalised values, or TOPSIS closeness; in [0, 1].
    public var score: Double
    /// 1, 2, 3 …; ideas with equal results share a rank (1, 2, 2, 4).
    public var rank: Int
    public var vetoed: Bool
    /// Whether another idea shares this rank.
    public var tied: Bool = false
    /// Whether no participant who counts gave this idea a single score (all empty or abstained): it then has no rank
    /// and no score of its own, and stands after the ranked ideas.
    public var unscored: Bool = false

    /// `5` or, when shared, `5=`; `—` for an idea without scores.
    public var rankLabel: String { unscored ? "—" : (tied ? "\(rank)=" : "\(rank)") }
}

/// Whether the top of the ranking survives moving any single weight by ±10 %.
public struct Sensitivity: Equatable, Sendable {
    /// A weight change that alters the top 3.
    public struct Change: Equatable, Sendable {
        public var criterion: Int
        /// +0.1 or −0.1.
        public var factor: Double
        public var top: [IdeaID]
    }

    public var top: [IdeaID]
    public var changes: [Change]
    public var stable: Bool { changes.isEmpty }
}

/// Everything the results pane and `session results` show.
public struct WeighingResult: Equatable, Sendable {
    public var method: WeighingMethod
    public var normalization: Normalization
    public var aggregate: Aggregate
    public var ranking: [RankedIdea]
    public var cells: [CellSpread]
    /// Agreement of the participants' own rankings; nil with fewer than two complete participants or ideas.
    public var kendallW: Double?
    public var sensitivity: Sensitivity
    /// Whether every participant who counts scored or abstained on every cell.
    public var complete: Bool
    /// Participants who count (not excluded) and have an entry in every cell.
    public var participantsComplete: Int = 0
    /// Participants who count (not excluded).
    public var participantsTotal: Int = 0
    /// Participants whose own ranking Kendall's W compares: those who scored every cell (no abstention).
    public var kendallParticipants: Int = 0
    /// Abstentions by participants who count.
    public var abstentions: Int = 0

    /// The cells to discuss, largest disagreement first.
    public var discussList: [CellSpread] {
        cells.enumerated().filter { $0.element.discuss }
            .sorted { $0.element.sd != $1.element.sd ? $0.element.sd > $1.element.sd : $0.offset < $1.offset }
            .map(\.element)
    }

    /// An idea's place in the ranking.
    public func ranked(_ idea: IdeaID) -> RankedIdea? { ranking.first { $0.idea == idea } }
}

/// The weighing maths of the brief, section 4.
public enum Weighing {
    /// Ranks the ideas and describes the spread, from the scores of participants 0 ..< `participants`.
    public static func results(
        criteria: [Criterion], ideas: [IdeaID], participants: Int, scores: [ScoreKey: Int], method: WeighingMethod,
        normalization: Normalization, aggregate: Aggregate
    ) -> WeighingResult {
        results(criteria: criteria, ideas: ideas, participants: Array(0..<participants), scores: scores, method: method,
                normalization: normalization, aggregate: aggregate)
    }

    /// Ranks the ideas and describes the spread, from the scores of the participants who count (by index). Abstentions
    /// are left out of every aggregate but count as entered for completeness. `openCells` names, for a participant who
    /// could only ever enter some cells (someone who joined during a re-vote), the cells their completeness counts.
    public static func results(
        criteria: [Criterion], ideas: [IdeaID], participants: [Int], scores: [ScoreKey: Int], abstentions: Set<ScoreKey> = [],
        openCells: [Int: Set<SessionCell>] = [:], method: WeighingMethod, normalization: Normalization, aggregate: Aggregate
    ) -> WeighingResult {
        let weights = Weights.normalized(criteria.map(\.weight))
        var cells: [CellSpread] = []
        var matrix: [[Double]] = []
        var entered = Array(repeating: 0, count: participants.count)
        var abstained = 0
        for idea in ideas {
            var row: [Double] = []
            for (index, criterion) in criteria.enumerated() {
                var given: [Int] = []
                var abstaining = 0
                for (position, participant) in participants.enumerated() {
                    let key = ScoreKey(participant: participant, idea: idea, criterion: index)
                    let counts = openCells[participant].map { $0.contains(key.cell) } ?? true
                    if let value = scores[key] {
                        given.append(value)
                        if counts { entered[position] += 1 }
                    } else if abstentions.contains(key) {
                        abstaining += 1
                        if counts { entered[position] += 1 }
                    }
                }
                abstained += abstaining
                given.sort()
                let values = given.map(Double.init)
                let cell = CellSpread(
                    idea: idea, criterion: index, count: values.count, mean: Statistics.mean(values), median: Statistics.median(values),
                    sd: Statistics.sampleStandardDeviation(values), iqr: Statistics.interquartileRange(values),
                    range: Statistics.range(values), discuss: false, values: given, abstained: abstaining)
                cells.append(cell)
                // An empty cell counts as the scale's midpoint, so an unscored idea is neither rewarded nor punished.
                let midpoint = Double(criterion.scaleMin + criterion.scaleMax) / 2
                row.append(values.isEmpty ? midpoint : (aggregate == .mean ? cell.mean : cell.median))
            }
            matrix.append(row)
        }
        markDisagreement(&cells, criteria: criteria)
        let prepared = PreparedScoring(matrix, criteria: criteria, method: method, normalization: normalization)
        let scoresByIdea = prepared.scores(weights: weights)
        let vetoed = ideas.indices.map { i in
            criteria.indices.contains { j in
                guard let veto = criteria[j].veto, cells[i * criteria.count + j].count > 0 else { return false }
                return veto.vetoes(matrix[i][j])
            }
        }
        let unscored = ideas.indices.map { i in criteria.indices.allSatisfy { j in cells[i * criteria.count + j].count == 0 } }
        let ranking = rank(ideas: ideas, scores: scoresByIdea, vetoed: vetoed, unscored: unscored)
        let top = Array(ranking.filter { !$0.unscored }.prefix(3).map(\.idea))
        var changes: [Sensitivity.Change] = []
        for j in criteria.indices {
            for factor in [-0.1, 0.1] {
                var shifted = weights
                shifted[j] *= 1 + factor
                shifted = Weights.normalized(shifted)
                let alternative = rank(ideas: ideas, scores: prepared.scores(weights: shifted), vetoed: vetoed, unscored: unscored)
                let newTop = Array(alternative.filter { !$0.unscored }.prefix(3).map(\.idea))
                if newTop != top { changes.append(Sensitivity.Change(criterion: j, factor: factor, top: newTop)) }
            }
        }
        let perParticipant = participants.compactMap { participant -> [Double]? in
            var rows: [[Double]] = []
            for idea in ideas {
                var row: [Double] = []
                for index in criteria.indices {
                    guard let value = scores[ScoreKey(participant: participant, idea: idea, criterion: index)] else { return nil }
                    row.append(Double(value))
                }
                rows.append(row)
            }
            return Statistics.averageRanks(score(rows, weights: weights, criteria: criteria, method: method, normalization: normalization))
        }
        let cellCount = ideas.count * criteria.count
        let completed = zip(participants, entered).filter { participant, count in
            count == (openCells[participant]?.count ?? cellCount)
        }.count
        return WeighingResult(
            method: method, normalization: normalization, aggregate: aggregate, ranking: ranking, cells: cells,
            kendallW: Statistics.kendallW(rankings: perParticipant), sensitivity: Sensitivity(top: top, changes: changes),
            complete: completed == participants.count, participantsComplete: completed, participantsTotal: participants.count,
            kendallParticipants: perParticipant.count, abstentions: abstained)
    }

    /// Scores per idea (rows) from a matrix of aggregated values (columns: criteria).
    public static func score(
        _ matrix: [[Double]], weights: [Double], criteria: [Criterion], method: WeighingMethod, normalization: Normalization
    ) -> [Double] {
        PreparedScoring(matrix, criteria: criteria, method: method, normalization: normalization).scores(weights: weights)
    }

    /// Normalises one criterion column. A constant column does not discriminate: every idea gets the
    /// value the formula gives when defined, else 1 (min-max, max), 1/n (sum) or 1/√n (vector).
    public static func normalize(_ column: [Double], direction: CriterionDirection, method: Normalization) -> [Double] {
        let n = Double(column.count)
        guard let low = column.min(), let high = column.max() else { return [] }
        switch (method, direction) {
        case (.minMax, .benefit):
            return high > low ? column.map { ($0 - low) / (high - low) } : column.map { _ in 1 }
        case (.minMax, .cost):
            return high > low ? column.map { (high - $0) / (high - low) } : column.map { _ in 1 }
        case (.max, .benefit):
            return high > 0 ? column.map { $0 / high } : column.map { _ in 1 }
        case (.max, .cost):
            if low > 0 { return column.map { low / $0 } }
            return column.map { $0 == low ? 1 : 0 }  // a zero cost is best
        case (.sum, .benefit):
            let total = column.reduce(0, +)
            return total > 0 ? column.map { $0 / total } : column.map { _ in 1 / n }
        case (.sum, .cost):
            if low > 0 {
                let total = column.reduce(0) { $0 + 1 / $1 }
                return column.map { (1 / $0) / total }
            }
            let zeros = Double(column.filter { $0 == low }.count)
            return column.map { $0 == low ? 1 / zeros : 0 }
        case (.vector, .benefit):
            let norm = column.reduce(0) { $0 + $1 * $1 }.squareRoot()
            return norm > 0 ? column.map { $0 / norm } : column.map { _ in 1 / n.squareRoot() }
        case (.vector, .cost):
            let norm = column.reduce(0) { $0 + $1 * $1 }.squareRoot()
            return norm > 0 ? column.map { 1 - $0 / norm } : column.map { _ in 1 - 1 / n.squareRoot() }
        }
    }

    /// TOPSIS (Hwang & Yoon 1981): vector-normalise, weight, distances to the ideal and anti-ideal,
    /// closeness C = D⁻ / (D⁺ + D⁻). An idea at the ideal point has C = 1.
    public static func topsis(_ matrix: [[Double]], weights: [Double], directions: [CriterionDirection]) -> [Double] {
        let criteria = directions.indices
        let weighted = criteria.map { j -> [Double] in
            let column = normalize(matrix.map { $0[j] }, direction: .benefit, method: .vector)
            return column.map { $0 * weights[j] }
        }
        let ideal = criteria.map { j in directions[j] == .benefit ? weighted[j].max()! : weighted[j].min()! }
        let antiIdeal = criteria.map { j in directions[j] == .benefit ? weighted[j].min()! : weighted[j].max()! }
        return matrix.indices.map { i in
            let plus = criteria.reduce(0) { $0 + pow2(weighted[$1][i] - ideal[$1]) }.squareRoot()
            let minus = criteria.reduce(0) { $0 + pow2(weighted[$1][i] - antiIdeal[$1]) }.squareRoot()
            if plus == 0 { return 1 }
            return minus / (plus + minus)
        }
    }

    private static func pow2(_ value: Double) -> Double { value * value }

    /// Best first; vetoed ideas after all others, and ideas without any score after those, unranked; ties keep the session's idea order and share a rank (1, 2, 2, 4).
    /// Results equal to nine decimals are ties, so rounding noise never splits two ideas scored alike.
    static func rank(ideas: [IdeaID], scores: [Double], vetoed: [Bool], unscored: [Bool]) -> [RankedIdea] {
        let keys = scores.map { ($0 * 1e9).rounded() }
        let order = ideas.indices.sorted { a, b in
            if unscored[a] != unscored[b] { return !unscored[a] }
            if unscored[a] { return a < b }
            if vetoed[a] != vetoed[b] { return !vetoed[a] }
            if keys[a] != keys[b] { return keys[a] > keys[b] }
            return a < b
        }
        var ranking: [RankedIdea] = []
        var previous: Int?
        for (position, index) in order.enumerated() {
            var ranked = RankedIdea(idea: ideas[index], score: scores[index], rank: position + 1, vetoed: vetoed[index])
            ranked.unscored = unscored[index]
            if unscored[index] {
                ranked.score = 0
                ranking.append(ranked)
                previous = index
                continue
            }
            if let previous, vetoed[previous] == vetoed[index], keys[previous] == keys[index] {
                ranked.rank = ranking[position - 1].rank
                ranked.tied = true
                ranking[position - 1].tied = true
            }
            ranking.append(ranked)
            previous = index
        }
        return ranking
    }

    /// Marks up to five cells of highest spread as "discuss": those whose SD is at least a quarter of the scale.
    static func markDisagreement(_ cells: inout [CellSpread], criteria: [Criterion]) {
        let candidates = cells.indices.filter { index in
            let criterion = criteria[cells[index].criterion]
            return cells[index].count > 1 && cells[index].sd >= 0.25 * Double(criterion.scaleMax - criterion.scaleMin)
        }
        for index in candidates.sorted(by: { cells[$0].sd > cells[$1].sd }).prefix(5) { cells[index].discuss = true }
    }
}

/// A matrix normalised once, so it can be scored cheaply under many weight vectors (the sensitivity line
/// scores every matrix 2 × criteria + 1 times on each keystroke).
struct PreparedScoring {
    let method: WeighingMethod
    let directions: [CriterionDirection]
    /// Normalised columns: `columns[j][i]` for criterion j and idea i (vector-normalised for TOPSIS).
    let columns: [[Double]]
    let rows: Int

    init(_ matrix: [[Double]], criteria: [Criterion], method: WeighingMethod, normalization: Normalization) {
        self.method = method
        directions = criteria.map(\.direction)
        rows = matrix.count
        columns = criteria.indices.map { j in
            let column = matrix.map { $0[j] }
            return method == .topsis
                ? Weighing.normalize(column, direction: .benefit, method: .vector)
                : Weighing.normalize(column, direction: criteria[j].direction, method: normalization)
        }
    }

    func scores(weights: [Double]) -> [Double] {
        guard rows > 0 else { return [] }
        switch method {
        case .weightedSum:
            var result = Array(repeating: 0.0, count: rows)
            for (j, column) in columns.enumerated() {
                let weight = weights[j]
                for i in 0..<rows { result[i] += weight * column[i] }
            }
            return result
        case .topsis:
            var plus = Array(repeating: 0.0, count: rows)
            var minus = Array(repeating: 0.0, count: rows)
            for (j, column) in columns.enumerated() {
                let weight = weights[j]
                var low = Double.infinity
                var high = -Double.infinity
                for value in column {
                    low = Swift.min(low, value * weight)
                    high = Swift.max(high, value * weight)
                }
                let ideal = directions[j] == .benefit ? high : low
                let antiIdeal = directions[j] == .benefit ? low : high
                for i in 0..<rows {
                    let v = column[i] * weight
                    plus[i] += (v - ideal) * (v - ideal)
                    minus[i] += (v - antiIdeal) * (v - antiIdeal)
                }
            }
            return (0..<rows).map { i in
                let dPlus = plus[i].squareRoot()
                let dMinus = minus[i].squareRoot()
                return dPlus == 0 ? 1 : dMinus / (dPlus + dMinus)
            }
        }
    }
}
