import AppCore
import Domain
import Foundation
import Storage

/// What the council report shows, read once: every idea with its cycles, decisions, history and case notes, and the
/// learning-capacity figures. Submitters' names are used only to mask them.
public struct CouncilData: Sendable {
    public var today: DayDate
    public var ideas: [IdeaDetail]
    public var learning: LearningCapacity
    public var triageDays: Int
    /// The calendar day of a stored moment (local time for users, UTC in golden tests).
    public var calendarDay: @Sendable (Date) -> DayDate

    public init(today: DayDate, ideas: [IdeaDetail], triageDays: Int, calendarDay: @escaping @Sendable (Date) -> DayDate) {
        self.today = today
        self.ideas = ideas
        self.triageDays = triageDays
        self.calendarDay = calendarDay
        learning = LearningCapacity.measure(ideas, today: today, triageDays: triageDays, day: calendarDay)
    }

    /// Reads the whole portfolio for the council report.
    public static func load(
        from database: any StoreReader, today: DayDate, triageDays: Int = Intake.defaultTriageDays,
        calendarDay: @escaping @Sendable (Date) -> DayDate = DayDate.local
    ) throws -> CouncilData {
        // `details()` brings each idea's intake record along (declined and waiting ideas are told apart by it).
        CouncilData(today: today, ideas: try database.details(), triageDays: triageDays, calendarDay: calendarDay)
    }

    /// Free text with every submitter's name, e-mail address, phone number, BSN and address masked.
    func clean(_ text: String, strings: Strings) -> String {
        let names = ideas.compactMap(\.idea.fields.submitter)
        let single = TextSanitizer.singleLine(text)
        return PersonalDataScan.masked(single, PersonalDataScan.findings(in: single, names: names), placeholder: strings.mask)
    }

    /// The local challenges in name order (ideas without a theme last), each with what the council should read.
    public func challenges(strings: Strings) -> [CouncilChallenge] {
        var byTheme: [String: [IdeaDetail]] = [:]
        for detail in ideas { byTheme[detail.idea.fields.theme, default: []].append(detail) }
        let names = byTheme.keys.filter { !$0.isEmpty }.sorted { TextSearch.fold($0) < TextSearch.fold($1) } + (byTheme[""] == nil ? [] : [""])
        return names.map { theme in challenge(theme, byTheme[theme]!.sorted { $0.idea.id.rawValue < $1.idea.id.rawValue }, strings: strings) }
    }

    private func challenge(_ theme: String, _ details: [IdeaDetail], strings: Strings) -> CouncilChallenge {
        func name(_ detail: IdeaDetail) -> String { "\(detail.idea.id) " + clean(detail.idea.fields.title, strings: strings) }
        var tried: [String] = []
        var learned: [String] = []
        var decided: [(Date, String)] = []
        var next: [String] = []
        var cases: [(DayDate, Int64, String)] = []
        for detail in details {
            for cycle in detail.cycles {
                let card = cycle.testCard
                if let bounds = card.bounds {
                    tried.append(strings.format(.councilBoundsLine, name(detail), cycle.number, clean(card.hypothesis, strings: strings),
                                                strings.budget(bounds.budgetCap), strings.duration(bounds.maxDuration),
                                                clean(bounds.stopRule, strings: strings)))
                } else {
                    tried.append(strings.format(.councilTriedLine, name(detail), cycle.number, clean(card.hypothesis, strings: strings)))
                }
                if let learning = cycle.learningCard {
                    learned.append(strings.format(.councilLearnedLine, name(detail), cycle.number,
                                                  Self.sentence(clean(learning.learned, strings: strings)),
                                                  clean(learning.therefore, strings: strings)))
                }
            }
            if detail.idea.stage == .stopped, let category = detail.idea.stopCategory {
                learned.append(strings.format(.councilStopped, name(detail), strings.stopCategory(category),
                                              clean(detail.idea.stopLearned ?? "—", strings: strings)))
            }
            for move in HistoryEntry.standing(detail.history.filter { $0.ideaID == detail.idea.id }) where move.kind == .moved {
                guard let target = move.stageAfter else { continue }
                decided.append((move.at, strings.format(.councilDecisionLine, calendarDay(move.at), name(detail), strings.stage(target),
                                                        clean(move.reason ?? "—", strings: strings))))
            }
            switch detail.idea.stage {
            case .experimenting:
                let cycle = detail.currentCycle
                next.append(strings.format(.councilRunning, name(detail), cycle?.number ?? detail.idea.cycleCount,
                                           (detail.idea.reviewDate ?? cycle?.reviewDate).map(\.description) ?? "—"))
            case .learning:
                if let therefore = detail.currentCycle?.learningCard?.therefore {
                    next.append(strings.format(.councilNextLearning, name(detail), clean(therefore, strings: strings)))
                }
            case .scaling:
                next.append(strings.format(.councilScaling, name(detail), detail.idea.reviewDate.map(\.description) ?? "—"))
            case .proposed:
                // Declined, merged or still-waiting inbox ideas are not proposals the team works on.
                if let intake = detail.intake, intake.status != .accepted { break }
                next.append(strings.format(.councilProposed, name(detail)))
            case .stopped:
                break
            }
            for note in detail.cases where note.publishable {
                let text = strings.format(.councilCaseLine, note.date, clean(note.text, strings: strings),
                                          note.shows.isEmpty ? "—" : clean(note.shows, strings: strings))
                cases.append((note.date, note.id ?? 0, text))
            }
        }
        let label = theme.isEmpty ? strings[.councilNoTheme] : clean(theme, strings: strings)
        var questions: [String] = []
        if let running = details.first(where: { $0.idea.stage == .experimenting && $0.currentCycle?.testCard.bounds != nil }) {
            questions.append(strings.format(.councilQuestionBounds, clean(running.idea.fields.title, strings: strings)))
        }
        if !learned.isEmpty { questions.append(strings.format(.councilQuestionLearning, label)) }
        let stops = details.filter { $0.idea.stage == .stopped }.count
        if stops > 0 { questions.append(strings.format(.councilQuestionStops, stops)) }
        if tried.isEmpty { questions.append(strings[.councilQuestionNoExperiment]) }
        questions.append(strings.format(.councilQuestionNext, label))
        return CouncilChallenge(
            name: label, tried: tried, learned: learned, decided: decided.sorted { $0.0 < $1.0 }.map(\.1), next: next, questions: questions,
            cases: cases.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.map(\.2))
    }

    /// A text ending in a full stop, so the next sentence can follow.
    static func sentence(_ text: String) -> String {
        guard let last = text.last else { return text }
        return ".!?".contains(last) ? text : text + "."
    }

    /// The two charts: experiments started per quarter, and the learning shares in percent, each with its target line.
    public func charts(strings: Strings) -> [CouncilChart] {
        let target = Double(LearningCapacity.startsTargetPerQuarter)
        let starts = learning.startsPerQuarter
        let startScale = max(target + 1, Double(starts.map(\.count).max() ?? 0))
        let startsChart = CouncilChart(
            title: strings[.councilChartStarts], categoryAxis: strings[.councilAxisQuarter], valueAxis: strings[.councilAxisCount],
            legend: strings[.councilLegendStarts],
            rows: starts.map { CouncilChart.Row(label: strings.quarter($0.quarter), value: Double($0.count), shown: "\($0.count)") },
            target: target, targetLabel: strings.format(.councilTarget, strings.format(.councilTargetStarts, Int(target))), scale: startScale)
        let shares: [(StringKey, LearningCapacity.Share)] = [
            (.learningLearningCards, learning.cyclesWithLearningCard), (.learningThreeMeasurements, learning.cyclesWithThreeMeasurements),
            (.learningStopsWithLearning, learning.stopsWithLearning), (.learningReviewsOnTime, learning.reviewsOnTime),
            (.learningIntakeInTime, learning.intakeAnsweredInTime),
        ]
        let shareTarget = Double(LearningCapacity.shareTargetPercent)
        let sharesChart = CouncilChart(
            title: strings[.councilChartShares], categoryAxis: strings[.learningTitle], valueAxis: strings[.councilAxisPercent],
            legend: strings[.councilLegendShare],
            rows: shares.map { key, share in
                CouncilChart.Row(label: key == .learningIntakeInTime ? strings.format(key, triageDays) : strings[key],
                                 value: share.percent.map(Double.init), shown: strings.share(share))
            },
            target: shareTarget, targetLabel: strings.format(.councilTarget, strings.format(.councilTargetShare, Int(shareTarget))), scale: 100)
        return [startsChart, sharesChart]
    }
}
