import Domain
import Foundation

/// The local calendar days met so far, each with the moments it spans, so converting a moment to its day is a lookup
/// once its day was met: the portfolio's figures and the reports convert every idea's and event's moment, and the
/// calendar's own conversion was a sixth of that work. Exact in any time zone: a moment is answered from a day only when
/// it falls within that day's own start and end, and only days without a change of the clock are kept.
final class LocalDayCache: @unchecked Sendable {
    /// The cache every `DayDate.local` call shares.
    static let shared = LocalDayCache(calendar: .current)

    /// A local day and the moments it spans, as seconds since 1970 (start included, end not).
    private struct Span {
        var start: Double
        var end: Double
        var day: DayDate
    }

    private let calendar: Calendar
    private let lock = NSLock()
    /// The days met, by the whole UTC day (seconds since 1970 divided by 86,400) their moments were in.
    private var spans: [Int: [Span]] = [:]
    /// How many UTC days are kept before the cache starts again (a few hundred bytes each).
    private let capacity = 50_000

    init(calendar: Calendar) {
        self.calendar = calendar
    }

    /// The local calendar day of `date`.
    func day(of date: Date) -> DayDate {
        let seconds = date.timeIntervalSince1970
        guard seconds.isFinite, abs(seconds) < 1e15 else { return convert(date) }
        let key = Int((seconds / 86_400).rounded(.down))
        lock.lock()
        if let found = spans[key]?.first(where: { $0.start <= seconds && seconds < $0.end }) {
            lock.unlock()
            return found.day
        }
        lock.unlock()
        let day = convert(date)
        guard let interval = calendar.dateInterval(of: .day, for: date) else { return day }
        let span = Span(start: interval.start.timeIntervalSince1970, end: interval.end.timeIntervalSince1970, day: day)
        guard span.start <= seconds, seconds < span.end else { return day }
        // A day with a change of the clock inside it may not be one stretch of time: where the clocks went back just
        // after midnight, an hour of the day before comes back within it. Such days are converted every time.
        if let change = calendar.timeZone.nextDaylightSavingTimeTransition(after: interval.start), change < interval.end { return day }
        lock.lock()
        if spans.count >= capacity { spans.removeAll(keepingCapacity: true) }
        spans[key, default: []].append(span)
        lock.unlock()
        return day
    }

    /// The calendar's own conversion.
    private func convert(_ date: Date) -> DayDate {
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return DayDate(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1) ?? DayDate(dayNumber: 0)
    }
}
