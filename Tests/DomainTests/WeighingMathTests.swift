import Domain
import Testing

func close(_ a: Double, _ b: Double, _ tolerance: Double = 1e-4) -> Bool { abs(a - b) <= tolerance }

@Suite("Weighing maths against published examples")
struct WeighingMathTests {
    /// Barron & Barrett (1996), Management Science 42(11), table of ROC weights: n=3 and n=4.
    @Test func rankOrderCentroid() {
        let three = Weights.rankOrderCentroid(count: 3)
        #expect(zip(three, [0.6111, 0.2778, 0.1111]).allSatisfy { close($0, $1) })
        let four = Weights.rankOrderCentroid(count: 4)
        #expect(zip(four, [0.5208, 0.2708, 0.1458, 0.0625]).allSatisfy { close($0, $1) })
        #expect(close(four.reduce(0, +), 1, 1e-12))
    }

    /// Saaty's three-criterion example [[1,3,5],[1/3,1,3],[1/5,1/3,1]]: w ≈ (0.637, 0.258, 0.105),
    /// λmax ≈ 3.039, CR ≈ 0.033 (e.g. Saaty 1980; checked against numpy.linalg.eig).
    @Test func ahpSaatyExample() throws {
        let matrix = try AHP.parseMatrix("1,3,5;1/3,1,3;1/5,1/3,1")
        let result = AHP.analyze(matrix)
        #expect(zip(result.weights, [0.63699, 0.25828, 0.10473]).allSatisfy { close($0, $1) })
        #expect(close(result.lambdaMax, 3.03851))
        #expect(close(result.ci, 0.019256))
        #expect(close(result.cr, 0.033199))
        #expect(result.consistent)
    }

    @Test func ahpFlagsInconsistency() throws {
        // A judges B ≫ C ≫ A: circular, so CR is far above 0.10.
        let result = AHP.analyze(try AHP.parseMatrix("1,9,1/9;1/9,1,9;9,1/9,1"))
        #expect(!result.consistent)
        #expect(result.cr > 0.10)
    }

    @Test func ahpRefusesBrokenMatrices() {
        #expect(throws: DomainError.invalidMatrix(.rowLength(row: 1, entries: 3, rows: 2))) { try AHP.parseMatrix("1,2,3;1/2,1") }
        #expect(throws: DomainError.invalidMatrix(.notReciprocal(1, 2))) { try AHP.parseMatrix("1,3;3,1") }
        #expect(throws: DomainError.invalidMatrix(.notANumber("x"))) { try AHP.parseMatrix("1,x;1,1") }
        #expect(throws: DomainError.invalidMatrix(.diagonal(1))) { try AHP.parseMatrix("2,1;1,1") }
    }

    @Test func ahpGroupGeometricMean() {
        let a: [[Double]] = [[1, 4], [0.25, 1]]
        let b: [[Double]] = [[1, 1], [1, 1]]
        let mean = AHP.geometricMean([a, b])
        #expect(close(mean[0][1], 2))
        #expect(close(mean[1][0], 0.5))
    }

    /// Sennaroğlu, Decision Analysis lecture notes (2009), TOPSIS example: weights 0.714/0.286,
    /// values (17,12), (10,9), (8,6); weighted normalised matrix V as printed there.
    @Test func topsisLectureExample() {
        let criteria = [Criterion(name: "P", weight: 0.714), Criterion(name: "L", weight: 0.286)]
        let matrix: [[Double]] = [[17, 12], [10, 9], [8, 6]]
        let v0 = Weighing.normalize(matrix.map { $0[0] }, direction: .benefit, method: .vector).map { $0 * 0.714 }
        #expect(zip(v0, [0.5703, 0.3355, 0.2684]).allSatisfy { close($0, $1) })
        let closeness = Weighing.topsis(matrix, weights: Weights.normalized([0.714, 0.286]), directions: criteria.map(\.direction))
        #expect(zip(closeness, [1.0, 0.26222, 0.0]).allSatisfy { close($0, $1) })
    }

    @Test func topsisCostCriterionSwapsIdeals() {
        let closeness = Weighing.topsis([[1], [3]], weights: [1], directions: [.cost])
        #expect(closeness == [1, 0])
    }

    /// influentialpoints.com "Kendall coefficient of concordance", worked example I:
    /// four raters rank eight farms; W = 500 / 672 = 0.744.
    @Test func kendallWPublishedExample() throws {
        let rankings: [[Double]] = [
            [8, 4, 2, 3, 5, 1, 6, 7], [7, 3, 1, 4, 5, 2, 6, 8], [8, 2, 5, 6, 7, 1, 4, 3], [8, 3, 4, 2, 5, 1, 6, 7],
        ]
        let w = try #require(Statistics.kendallW(rankings: rankings))
        #expect(close(w, 500.0 / 672.0, 1e-9))
    }

    @Test func kendallWTieCorrection() throws {
        // Two raters, three items, one tie: rank sums 2.5, 3.5, 6 around 4, S = 6.5,
        // W = 12·6.5 / (2²·(3³−3) − 2·(2³−2)) = 78/84; without the correction it would be 78/96.
        let w = try #require(Statistics.kendallW(rankings: [[1, 2, 3], [1.5, 1.5, 3]]))
        #expect(close(w, 78.0 / 84.0, 1e-12))
        #expect(Statistics.kendallW(rankings: [[1, 2]]) == nil)
    }

    /// numpy.percentile([1,2,3,4], [25,75]) = [1.75, 3.25] (linear, type 7).
    @Test func quartilesType7AndSpread() {
        #expect(Statistics.quantile([1, 2, 3, 4], 0.25) == 1.75)
        #expect(Statistics.quantile([4, 1, 3, 2], 0.75) == 3.25)
        #expect(Statistics.interquartileRange([2, 4, 4, 5, 7]) == 1)
        #expect(close(Statistics.sampleStandardDeviation([2, 4, 4, 4, 5, 5, 7, 9]), 2.13809, 1e-5))
        #expect(Statistics.sampleStandardDeviation([3]) == 0)
        #expect(Statistics.median([5, 1, 3, 2]) == 2.5)
        #expect(Statistics.range([3, 1, 5]) == 4)
        #expect(Statistics.averageRanks([10, 20, 20, 5]) == [3, 1.5, 1.5, 4])
    }

    @Test("Normalisations, including constant columns and zeros, never give NaN", arguments: Normalization.allCases)
    func normalisations(method: Normalization) {
        for column in [[1.0, 3, 5], [2, 2, 2], [0, 0, 0], [0, 4, 2], [5]] {
            for direction in CriterionDirection.allCases {
                let values = Weighing.normalize(column, direction: direction, method: method)
                #expect(values.count == column.count)
                #expect(values.allSatisfy { $0.isFinite && $0 >= 0 && $0 <= 1 }, "\(method) \(direction) \(column) → \(values)")
            }
        }
    }

    @Test func normalisationFormulas() {
        #expect(Weighing.normalize([1, 3, 5], direction: .benefit, method: .minMax) == [0, 0.5, 1])
        #expect(Weighing.normalize([1, 3, 5], direction: .cost, method: .minMax) == [1, 0.5, 0])
        #expect(Weighing.normalize([2, 4], direction: .benefit, method: .max) == [0.5, 1])
        #expect(Weighing.normalize([2, 4], direction: .cost, method: .max) == [1, 0.5])
        #expect(Weighing.normalize([1, 3], direction: .benefit, method: .sum) == [0.25, 0.75])
        #expect(Weighing.normalize([1, 3], direction: .cost, method: .sum) == [0.75, 0.25])
        #expect(Weighing.normalize([3, 4], direction: .benefit, method: .vector) == [0.6, 0.8])
        #expect(zip(Weighing.normalize([3, 4], direction: .cost, method: .vector), [0.4, 0.2]).allSatisfy { close($0, $1, 1e-12) })
    }

    @Test func directWeightsAreNormalisedWithANotice() {
        let exact = Weights.direct([50, 30, 20])
        #expect(!exact.adjusted)
        #expect(exact.weights == [0.5, 0.3, 0.2])
        let loose = Weights.direct([2, 1, 1])
        #expect(loose.adjusted)
        #expect(loose.weights == [0.5, 0.25, 0.25])
    }
}

@Suite("Weighing results")
struct WeighingResultTests {
    let criteria = [
        Criterion(name: "impact", weight: 60),
        Criterion(name: "kosten", weight: 40, direction: .cost),
        Criterion(name: "haalbaarheid", weight: 0, veto: 1),
    ]
    let ideas = [IdeaID(1), IdeaID(2), IdeaID(3)]

    func scores(_ table: [[[Int]]]) -> [ScoreKey: Int] {
        var result: [ScoreKey: Int] = [:]
        for (p, ideaRows) in table.enumerated() {
            for (i, row) in ideaRows.enumerated() {
                for (c, value) in row.enumerated() { result[ScoreKey(participant: p, idea: ideas[i], criterion: c)] = value }
            }
        }
        return result
    }

    @Test func weightedSumRanksAndVetoes() {
        let table = scores([
            [[5, 1, 4], [3, 3, 3], [4, 2, 1]],
            [[4, 2, 4], [3, 2, 3], [5, 1, 1]],
        ])
        let result = Weighing.results(criteria: criteria, ideas: ideas, participants: 2, scores: table, method: .weightedSum,
                                      normalization: .minMax, aggregate: .mean)
        #expect(result.ranking.map(\.idea) == [IdeaID(1), IdeaID(2), IdeaID(3)], "idea 3 is vetoed on feasibility and goes last")
        #expect(result.ranking.map(\.rank) == [1, 2, 3])
        #expect(result.ranking.last?.vetoed == true)
        #expect(result.ranking.allSatisfy { $0.score >= 0 && $0.score <= 1 })
        #expect(result.complete)
        let cell = result.cells.first { $0.idea == IdeaID(1) && $0.criterion == 0 }!
        #expect(cell.mean == 4.5 && cell.median == 4.5 && cell.range == 1)
        #expect(close(cell.sd, 0.70711))
        #expect(result.kendallW != nil)
    }

    @Test func emptyCellsCountAsTheMidpointAndMarkIncomplete() {
        let result = Weighing.results(criteria: criteria, ideas: ideas, participants: 2,
                                      scores: [ScoreKey(participant: 0, idea: IdeaID(1), criterion: 0): 5], method: .weightedSum,
                                      normalization: .minMax, aggregate: .mean)
        #expect(!result.complete)
        #expect(result.ranking.first?.idea == IdeaID(1))
        #expect(result.kendallW == nil)
    }

    @Test func disagreementIsMarkedForDiscussion() {
        let table = scores([
            [[1, 3, 3], [3, 3, 3], [3, 3, 3]],
            [[5, 3, 3], [3, 3, 3], [3, 3, 3]],
            [[1, 3, 3], [3, 3, 3], [4, 3, 3]],
        ])
        let result = Weighing.results(criteria: criteria, ideas: ideas, participants: 3, scores: table, method: .topsis,
                                      normalization: .vector, aggregate: .median)
        let discussed = result.cells.filter(\.discuss)
        #expect(discussed.map { "\($0.idea)/\($0.criterion)" } == ["#1/0"])
    }

    @Test func sensitivityNoticesAFragileTop() {
        let two = [Criterion(name: "a", weight: 50), Criterion(name: "b", weight: 50)]
        let ids = [IdeaID(1), IdeaID(2), IdeaID(3), IdeaID(4)]
        var table: [ScoreKey: Int] = [:]
        for (i, pair) in [(5, 1), (1, 5), (3, 3), (1, 1)].enumerated() {
            table[ScoreKey(participant: 0, idea: ids[i], criterion: 0)] = pair.0
            table[ScoreKey(participant: 0, idea: ids[i], criterion: 1)] = pair.1
        }
        let fragile = Weighing.results(criteria: two, ideas: ids, participants: 1, scores: table, method: .weightedSum,
                                       normalization: .minMax, aggregate: .mean)
        #expect(!fragile.sensitivity.stable)
        var robust = table
        robust[ScoreKey(participant: 0, idea: ids[0], criterion: 1)] = 5  // idea 1 best on both
        robust[ScoreKey(participant: 0, idea: ids[2], criterion: 1)] = 2  // idea 3 clearly third
        let stable = Weighing.results(criteria: two, ideas: ids, participants: 1, scores: robust, method: .weightedSum,
                                      normalization: .minMax, aggregate: .mean)
        #expect(stable.sensitivity.stable)
        #expect(stable.sensitivity.top == [ids[0], ids[1], ids[2]])
    }
}
