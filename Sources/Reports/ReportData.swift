import AppCore
import Domain
import Foundation
import Storage

/// Everything a portfolio report shows, read once from storage.
public struct ReportData: Sendable {
    public var today: DayDate
    public var since: DayDate?
    public var theme: String?
    public var includePersonal: Bool
    public var ideas: [IdeaDetail]
    public var metrics: PortfolioMetrics
    /// Ideas untouched for longer count as stale (config `stale-days`).
    public var staleDays: Int
    /// How ideas and experiments score on the council's values; nil when no criteria set is marked as them.
    public var values: ValuesScores?
    /// The calendar day of a stored moment (local time for users, UTC in golden tests).
    public var calendarDay: @Sendable (Date) -> DayDate

    /// Reads the report's data; `theme` narrows it to one theme, `since` the activity to a period.
    public static func load(
        from database: any StoreReader, today: DayDate, since: DayDate?, theme: String?, includePersonal: Bool, staleDays: Int = 30,
        calendarDay: @escaping @Sendable (Date) -> DayDate = DayDate.local
    ) throws -> ReportData {
        // Declined ideas left the board: the report leaves them out too (they stay in the history and exports).
        let ideas = try database.details(theme: theme).filter { $0.intake?.status != .declined }
        return ReportData(
            today: today, since: since, theme: theme, includePersonal: includePersonal, ideas: ideas,
            metrics: try database.portfolio(today: today, staleDays: staleDays, theme: theme), staleDays: staleDays,
            values: try ValuesScores.load(from: database, ideas: ideas), calendarDay: calendarDay)
    }

    func inPeriod(_ date: Date) -> Bool {
        guard let since else { return true }
        return calendarDay(date) >= since
    }

    func inPeriod(_ day: DayDate) -> Bool {
        guard let since else { return true }
        return day >= since
    }

    var running: [IdeaDetail] { ideas.filter { $0.idea.stage == .experimenting || $0.idea.stage == .learning } }
    var stopped: [IdeaDetail] { ideas.filter { $0.idea.stage == .stopped } }

    /// Learning cards of all cycles, newest idea activity first.
    var learnings: [(IdeaDetail, Cycle)] {
        ideas.flatMap { detail in detail.cycles.compactMap { $0.learningCard == nil ? nil : (detail, $0) } }
    }

    /// Moves that still stand, with their reasons, in the period, oldest first: a move taken back by an undo is left
    /// out together with the undo (a redo appears once, as the move it is).
    var moves: [(IdeaDetail, HistoryEntry)] {
        // Sorted as (idea's place, move) pairs, so the sort moves two small values, not whole details.
        var found: [(idea: Int, entry: HistoryEntry)] = []
        for (index, detail) in ideas.enumerated() {
            for entry in HistoryEntry.standing(detail.history.filter { $0.ideaID == detail.idea.id })
            where entry.kind == .moved && inPeriod(entry.at) {
                found.append((index, entry))
            }
        }
        return found.sorted { $0.entry.at < $1.entry.at }.map { (ideas[$0.idea], $0.entry) }
    }

    /// Case notes marked publishable, oldest first, masked once more against the submitters' names (the report never
    /// shows a note that is not publishable).
    var publishableCases: [(IdeaDetail, CaseNote)] {
        let names = ideas.compactMap(\.idea.fields.submitter)
        return ideas.flatMap { detail in
            detail.cases.filter(\.publishable).map { note -> (IdeaDetail, CaseNote) in
                var masked = note
                let placeholder: (PersonalDataKind) -> String = { "[\($0.rawValue)]" }
                masked.text = PersonalDataScan.masked(note.text, PersonalDataScan.findings(in: note.text, names: names), placeholder: placeholder)
                masked.shows = PersonalDataScan.masked(note.shows, PersonalDataScan.findings(in: note.shows, names: names), placeholder: placeholder)
                return (detail, masked)
            }
        }.sorted { ($0.1.date, $0.1.id ?? 0) < ($1.1.date, $1.1.id ?? 0) }
    }

    var decisions: [(IdeaDetail, ConsentDecision)] {
        ideas.flatMap { detail in detail.decisions.map { (detail, $0) } }.sorted { ($0.1.id?.rawValue ?? 0) < ($1.1.id?.rawValue ?? 0) }
    }
}
