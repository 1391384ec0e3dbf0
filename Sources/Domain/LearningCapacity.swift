import Foundation

/// How well the organisation learns from its experiments, measured from the portfolio's records (see docs/learning.md).
/// Each share is `part` of `whole`; a median is nil when nothing was measured yet.
public struct LearningCapacity: Equatable, Sendable {
    /// A count out of a total.
    public struct Share: Equatable, Sendable {
        public var part: Int
        public var whole: Int

        public init(_ part: Int, of whole: Int) {
            self.part = part
            self.whole = whole
        }

        /// The share as a whole percentage (rounded half up); nil when there is nothing to count.
        public var percent: Int? { whole == 0 ? nil : (part * 200 + whole) / (2 * whole) }
    }

    /// Experiments started per quarter, oldest first, every quarter from the first start up to today's quarter.
    public var startsPerQuarter: [(quarter: Quarter, count: Int)]
    /// Median days from an idea's creation to its first experiment.
    public var medianDaysToFirstExperiment: Double?
    /// Median days from an experiment's start to its learning card.
    public var medianDaysToLearningCard: Double?
    /// Ended cycles that have a learning card.
    public var cyclesWithLearningCard: Share
    /// Ended cycles with at least three measurements.
    public var cyclesWithThreeMeasurements: Share
    /// Stopped ideas that recorded what was learned.
    public var stopsWithLearning: Share
    /// Experiment reviews held by their review date, of those held or due.
    public var reviewsOnTime: Share
    /// Ideas from outside the team answered within the triage deadline, of those answered or past it.
    public var intakeAnsweredInTime: Share

    public init(
        startsPerQuarter: [(quarter: Quarter, count: Int)], medianDaysToFirstExperiment: Double?, medianDaysToLearningCard: Double?,
        cyclesWithLearningCard: Share, cyclesWithThreeMeasurements: Share, stopsWithLearning: Share, reviewsOnTime: Share,
        intakeAnsweredInTime: Share
    ) {
        self.startsPerQuarter = startsPerQuarter
        self.medianDaysToFirstExperiment = medianDaysToFirstExperiment
        self.medianDaysToLearningCard = medianDaysToLearningCard
        self.cyclesWithLearningCard = cyclesWithLearningCard
        self.cyclesWithThreeMeasurements = cyclesWithThreeMeasurements
        self.stopsWithLearning = stopsWithLearning
        self.reviewsOnTime = reviewsOnTime
        self.intakeAnsweredInTime = intakeAnsweredInTime
    }

    public static func == (lhs: LearningCapacity, rhs: LearningCapacity) -> Bool {
        lhs.startsPerQuarter.map(\.quarter) == rhs.startsPerQuarter.map(\.quarter)
            && lhs.startsPerQuarter.map(\.count) == rhs.startsPerQuarter.map(\.count)
            && lhs.medianDaysToFirstExperiment == rhs.medianDaysToFirstExperiment
            && lhs.medianDaysToLearningCard == rhs.medianDaysToLearningCard
            && lhs.cyclesWithLearningCard == rhs.cyclesWithLearningCard
            && lhs.cyclesWithThreeMeasurements == rhs.cyclesWithThreeMeasurements
            && lhs.stopsWithLearning == rhs.stopsWithLearning && lhs.reviewsOnTime == rhs.reviewsOnTime
            && lhs.intakeAnsweredInTime == rhs.intakeAnsweredInTime
    }

    /// The targets drawn as lines in the council report's charts.
    public static let startsTargetPerQuarter = 3
    /// The target for every share, in percent.
    public static let shareTargetPercent = 80

    /// Words a stop's "what we learned" must not be only, to count as learning recorded.
    static let emptyLearning: Set<String> = ["-", "--", "?", "nvt", "n.v.t.", "n.v.t", "geen", "niets", "none", "n/a", "na", "nothing"]

    /// Measures the portfolio. `day` turns a recorded moment into the local calendar day (the caller's clock and zone);
    /// `triageDays` is the answer deadline for intake.
    public static func measure(_ details: [IdeaDetail], today: DayDate, triageDays: Int, day: (Date) -> DayDate) -> LearningCapacity {
        var starts: [Quarter: Int] = [:]
        var toFirst: [Double] = []
        var toLearning: [Double] = []
        var learningCards = Share(0, of: 0)
        var measured = Share(0, of: 0)
        var stops = Share(0, of: 0)
        var reviews = Share(0, of: 0)
        var intakeShare = Share(0, of: 0)
        for detail in details {
            let idea = detail.idea
            let created = day(idea.createdAt)
            let moves = HistoryEntry.standing(detail.history).filter { $0.kind == .moved }
            let experimentStarts = moves.filter { $0.stageAfter == .experimenting }
            for start in experimentStarts { starts[Quarter(day(start.at)), default: 0] += 1 }
            if let first = experimentStarts.first { toFirst.append(Double(created.days(until: day(first.at)))) }
            // Each experiment start is closed by the next standing move (to learning, stopped …), if any.
            // The n-th standing start opened the n-th cycle (an undone start took its cycle with it).
            var startNumber = 0
            for (index, move) in moves.enumerated() where move.stageAfter == .experimenting {
                let startDay = day(move.at)
                let close = moves.dropFirst(index + 1).first
                if let close, close.stageAfter == .learning { toLearning.append(Double(startDay.days(until: day(close.at)))) }
                let review = startNumber < detail.cycles.count ? detail.cycles[startNumber].reviewDate : nil
                startNumber += 1
                if let close, let review {
                    reviews.whole += 1
                    if day(close.at) <= review { reviews.part += 1 }
                } else if let review, review < today {
                    reviews.whole += 1
                }
            }
            for cycle in detail.cycles {
                let running = cycle.number == detail.cycles.last?.number && idea.stage == .experimenting
                guard !running else { continue }
                learningCards.whole += 1
                measured.whole += 1
                if cycle.learningCard != nil { learningCards.part += 1 }
                if cycle.measurements.count >= 3 { measured.part += 1 }
            }
            if idea.stage == .stopped {
                stops.whole += 1
                let learned = (idea.stopLearned ?? "").trimmingCharactersInWhitespace()
                if !learned.isEmpty, !emptyLearning.contains(learned.lowercased()) { stops.part += 1 }
            }
            if let arrival = detail.intake {
                // Through the inbox: answered when triaged (accepted, merged or declined), by `triageDays` after arrival.
                if let inTime = arrival.triagedInTime(triageDays: triageDays) {
                    intakeShare.whole += 1
                    if inTime { intakeShare.part += 1 }
                } else if arrival.answerDue(triageDays: triageDays) < today {
                    intakeShare.whole += 1
                }
            } else if let source = idea.fields.source, source != .internal {
                let deadline = created.adding(days: triageDays)
                if let answered = firstAnswer(detail).map(day) {
                    intakeShare.whole += 1
                    if answered <= deadline { intakeShare.part += 1 }
                } else if deadline < today {
                    intakeShare.whole += 1
                }
            }
        }
        var quarters: [(Quarter, Int)] = []
        if var quarter = starts.keys.min() {
            let last = max(Quarter(today), starts.keys.max()!)
            while quarter <= last {
                quarters.append((quarter, starts[quarter] ?? 0))
                quarter = quarter.next
            }
        }
        return LearningCapacity(
            startsPerQuarter: quarters.map { (quarter: $0.0, count: $0.1) },
            medianDaysToFirstExperiment: toFirst.isEmpty ? nil : Statistics.median(toFirst),
            medianDaysToLearningCard: toLearning.isEmpty ? nil : Statistics.median(toLearning),
            cyclesWithLearningCard: learningCards, cyclesWithThreeMeasurements: measured, stopsWithLearning: stops,
            reviewsOnTime: reviews, intakeAnsweredInTime: intakeShare)
    }

    /// When an idea from outside that did not come through the inbox was first answered: its first standing move or
    /// merge, or its first decision. (One that came through the inbox is answered when it is triaged.)
    public static func firstAnswer(_ detail: IdeaDetail) -> Date? {
        HistoryEntry.standing(detail.history).first { [.moved, .merged, .decisionSaved].contains($0.kind) }?.at
    }
}
