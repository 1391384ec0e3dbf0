import Foundation

/// A stage change read from the event log, for flow metrics.
public struct StageChange: Equatable, Sendable {
    public var idea: IdeaID
    public var at: Date
    public var from: Stage?
    public var to: Stage
    /// True when this change undid the idea's previous move.
    public var isUndo: Bool

    public init(idea: IdeaID, at: Date, from: Stage?, to: Stage, isUndo: Bool = false) {
        self.idea = idea
        self.at = at
        self.from = from
        self.to = to
        self.isUndo = isUndo
    }

    /// The changes that still stand: an undo removes itself and the idea's move it took back, so undone moves never
    /// count in throughput or time in stage (a redo counts as the move it is). Oldest first in, oldest first out.
    public static func standing(_ changes: [StageChange]) -> [StageChange] {
        var result: [StageChange] = []
        for change in changes {
            if change.isUndo {
                if let index = result.lastIndex(where: { $0.idea == change.idea && $0.from != nil }) { result.remove(at: index) }
                continue
            }
            result.append(change)
        }
        return result
    }
}

/// What the portfolio view and the report summarise.
public struct PortfolioMetrics: Equatable, Sendable {
    public struct Stale: Equatable, Sendable {
        public var idea: IdeaID
        public var title: String
        public var stage: Stage
        public var days: Int

        public init(idea: IdeaID, title: String, stage: Stage, days: Int) {
            self.idea = idea
            self.title = title
            self.stage = stage
            self.days = days
        }
    }

    /// Themes in order (empty theme last as "—"), and per theme the count per stage.
    public var themes: [String]
    public var matrix: [String: [Stage: Int]]
    public var stageCounts: [Stage: Int]
    public var overdue: [DueReview]
    public var stale: [Stale]
    /// Ideas that reached scaling or stopped, per month (`YYYY-MM`), oldest first, the last `months` months.
    public var throughput: [(month: String, scaled: Int, stopped: Int)]
    /// Median days spent in a stage, over stays that ended.
    public var medianLeadTime: [Stage: Double]
    /// The learning-capacity figures, when they were measured with the metrics.
    public var learning: LearningCapacity?
    /// The intake answer deadline the learning figures were measured with, in days.
    public var triageDays: Int = Intake.defaultTriageDays

    public init(
        themes: [String], matrix: [String: [Stage: Int]], stageCounts: [Stage: Int], overdue: [DueReview], stale: [Stale],
        throughput: [(month: String, scaled: Int, stopped: Int)], medianLeadTime: [Stage: Double]
    ) {
        self.themes = themes
        self.matrix = matrix
        self.stageCounts = stageCounts
        self.overdue = overdue
        self.stale = stale
        self.throughput = throughput
        self.medianLeadTime = medianLeadTime
    }

    public static func == (lhs: PortfolioMetrics, rhs: PortfolioMetrics) -> Bool {
        lhs.themes == rhs.themes && lhs.matrix == rhs.matrix && lhs.stageCounts == rhs.stageCounts && lhs.overdue == rhs.overdue
            && lhs.stale == rhs.stale && lhs.medianLeadTime == rhs.medianLeadTime
            && lhs.throughput.map { "\($0.month)/\($0.scaled)/\($0.stopped)" } == rhs.throughput.map { "\($0.month)/\($0.scaled)/\($0.stopped)" }
    }

    /// Computes the metrics from the ideas, their stage changes (oldest first) and today's date.
    public static func compute(
        ideas: [(id: IdeaID, title: String, theme: String, stage: Stage, updated: DayDate, review: DayDate?)],
        changes: [StageChange], today: DayDate, staleDays: Int, months: Int = 6, calendarDay: (Date) -> DayDate
    ) -> PortfolioMetrics {
        var matrix: [String: [Stage: Int]] = [:]
        var stageCounts: [Stage: Int] = [:]
        var overdue: [DueReview] = []
        var stale: [Stale] = []
        for idea in ideas {
            let theme = idea.theme.isEmpty ? "—" : idea.theme
            matrix[theme, default: [:]][idea.stage, default: 0] += 1
            stageCounts[idea.stage, default: 0] += 1
            if let review = idea.review, review < today, [.experimenting, .learning, .scaling].contains(idea.stage) {
                overdue.append(DueReview(idea: idea.id, title: idea.title, stage: idea.stage, reviewDate: review,
                                         kind: idea.stage == .scaling ? .decision : .experiment))
            }
            let days = idea.updated.days(until: today)
            if idea.stage != .stopped, days > staleDays {
                stale.append(Stale(idea: idea.id, title: idea.title, stage: idea.stage, days: days))
            }
        }
        let themes = matrix.keys.sorted { ($0 == "—" ? 1 : 0, TextSearch.fold($0)) < ($1 == "—" ? 1 : 0, TextSearch.fold($1)) }
        // Throughput per month.
        var monthKeys: [String] = []
        var cursor = DayDate(year: today.year, month: today.month, day: 1)!
        for _ in 0..<months {
            monthKeys.insert(String(cursor.description.prefix(7)), at: 0)
            cursor = cursor.adding(days: -1)
            cursor = DayDate(year: cursor.year, month: cursor.month, day: 1)!
        }
        let changes = StageChange.standing(changes)
        var scaled: [String: Int] = [:]
        var stopped: [String: Int] = [:]
        for change in changes {
            let month = String(calendarDay(change.at).description.prefix(7))
            if change.to == .scaling { scaled[month, default: 0] += 1 }
            if change.to == .stopped { stopped[month, default: 0] += 1 }
        }
        // Lead time: from entering a stage to leaving it.
        var entered: [IdeaID: (Stage, Date)] = [:]
        var stays: [Stage: [Double]] = [:]
        for change in changes {
            if let (stage, since) = entered[change.idea], change.from == stage || change.from == nil {
                stays[stage, default: []].append(change.at.timeIntervalSince(since) / 86_400)
            }
            entered[change.idea] = (change.to, change.at)
        }
        return PortfolioMetrics(
            themes: themes, matrix: matrix, stageCounts: stageCounts,
            overdue: overdue.sorted { ($0.reviewDate, $0.idea) < ($1.reviewDate, $1.idea) },
            stale: stale.sorted { ($0.days, $1.idea.rawValue) > ($1.days, $0.idea.rawValue) },
            throughput: monthKeys.map { ($0, scaled[$0] ?? 0, stopped[$0] ?? 0) },
            medianLeadTime: stays.mapValues { Statistics.median($0) })
    }
}
