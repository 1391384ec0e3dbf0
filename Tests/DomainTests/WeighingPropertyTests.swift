import Domain
import PropertyBased
import Testing

/// Random sessions: 2–6 ideas, 1–4 criteria (some cost), 1–5 participants, scores 1–5, random weights.
struct RandomSession: Sendable, CustomStringConvertible {
    var weights: [Int]
    var costs: [Bool]
    var participants: Int
    var ideas: Int
    var values: [Int]

    var criteria: [Criterion] {
        weights.indices.map { Criterion(name: "c\($0)", weight: Double(weights[$0]), direction: costs[$0] ? .cost : .benefit) }
    }

    var ideaIDs: [IdeaID] { (1...ideas).map { IdeaID(Int64($0)) } }

    func scores(participantOrder: [Int]) -> [ScoreKey: Int] {
        var result: [ScoreKey: Int] = [:]
        var index = 0
        for p in 0..<participants {
            for idea in ideaIDs {
                for c in weights.indices {
                    result[ScoreKey(participant: participantOrder[p], idea: idea, criterion: c)] = values[index % values.count]
                    index += 1
                }
            }
        }
        return result
    }

    var description: String { "weights \(weights) costs \(costs) participants \(participants) ideas \(ideas) values \(values.prefix(12))…" }
}

let randomSession = zip(
    Gen.int(in: 0...10).array(of: 1...4), Gen.bool.array(of: 4...4), Gen.int(in: 1...5), Gen.int(in: 2...6),
    Gen.int(in: 1...5).array(of: 1...40)
).map { weights, costs, participants, ideas, values in
    RandomSession(weights: weights, costs: costs, participants: participants, ideas: ideas, values: values)
}

@Suite("Weighing invariants")
struct WeighingPropertyTests {
    @Test func normalisedWeightsSumToOne() async {
        await propertyCheck(input: Gen.int(in: 0...1000).array(of: 1...12)) { raw in
            let weights = Weights.normalized(raw.map(Double.init))
            #expect(abs(weights.reduce(0, +) - 1) < 1e-9)
            #expect(weights.allSatisfy { $0 >= 0 })
        }
    }

    @Test func rankOrderCentroidSumsToOneAndDecreases() async {
        await propertyCheck(input: Gen.int(in: 1...30)) { n in
            let weights = Weights.rankOrderCentroid(count: n)
            #expect(abs(weights.reduce(0, +) - 1) < 1e-9)
            #expect(zip(weights, weights.dropFirst()).allSatisfy { $0 > $1 })
        }
    }

    @Test func rankingIsInvariantToParticipantOrder() async {
        await propertyCheck(input: randomSession) { session in
            let forward = Array(0..<session.participants)
            let backward = Array(forward.reversed())
            for method in WeighingMethod.allCases {
                for normalization in Normalization.allCases {
                    for aggregate in Aggregate.allCases {
                        let a = Weighing.results(criteria: session.criteria, ideas: session.ideaIDs, participants: session.participants,
                                                 scores: session.scores(participantOrder: forward), method: method,
                                                 normalization: normalization, aggregate: aggregate)
                        let b = Weighing.results(criteria: session.criteria, ideas: session.ideaIDs, participants: session.participants,
                                                 scores: session.scores(participantOrder: backward), method: method,
                                                 normalization: normalization, aggregate: aggregate)
                        #expect(a.ranking == b.ranking)
                    }
                }
            }
        }
    }

    @Test func scoresStayInTheUnitIntervalWithoutNaN() async {
        await propertyCheck(input: randomSession) { session in
            for method in WeighingMethod.allCases {
                for normalization in Normalization.allCases {
                    let result = Weighing.results(criteria: session.criteria, ideas: session.ideaIDs, participants: session.participants,
                                                  scores: session.scores(participantOrder: Array(0..<session.participants)),
                                                  method: method, normalization: normalization, aggregate: .mean)
                    #expect(result.ranking.allSatisfy { $0.score.isFinite && $0.score >= -1e-12 && $0.score <= 1 + 1e-12 })
                    // Competition ranks: each idea's rank is 1 + the ideas ranked strictly before it (ties share, 1 2 2 4).
                    #expect(competitionRanks(result.ranking))
                    if let w = result.kendallW { #expect(w >= -1e-9 && w <= 1 + 1e-9) }
                }
            }
        }
    }

    @Test func topsisClosenessIsInTheUnitInterval() async {
        await propertyCheck(input: Gen.int(in: 0...20).array(of: 6...6).array(of: 2...8), Gen.bool.array(of: 6...6)) { rows, costs in
            let matrix = rows.map { $0.map(Double.init) }
            let closeness = Weighing.topsis(matrix, weights: Weights.normalized([1, 2, 3, 1, 1, 2]),
                                            directions: costs.map { $0 ? .cost : .benefit })
            #expect(closeness.allSatisfy { $0.isFinite && $0 >= 0 && $0 <= 1 })
        }
    }
}

/// Whether ranks are competition ranks: each idea's rank is 1 + the number ranked before it, unless it shares the
/// rank of the idea before it (1, 2, 2, 4).
func competitionRanks(_ ranking: [RankedIdea]) -> Bool {
    var ok = true
    for (position, ranked) in ranking.enumerated() {
        let shared = position > 0 && ranking[position - 1].rank == ranked.rank && ranked.tied
        if ranked.rank != position + 1 && !shared { ok = false }
    }
    return ok
}
