import Domain
import Foundation
import PropertyBased
@testable import Storage
import Testing

/// The remembered local days give the calendar's own answer for every moment, in zones with daylight saving changes
/// and odd offsets, in any order of the moments asked.
@Suite struct LocalDayCacheTests {
    /// The calendar's own conversion of `date` to a day in `calendar`'s zone.
    private func direct(_ date: Date, _ calendar: Calendar) -> DayDate {
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return DayDate(year: parts.year!, month: parts.month!, day: parts.day!)!
    }

    private func calendar(_ zone: String) -> Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: zone)!
        return calendar
    }

    /// Moments around midnight and around the 2026 daylight saving changes of Amsterdam (29 March, 25 October), asked
    /// twice: the second answer comes from the cache.
    @Test(arguments: ["Europe/Amsterdam", "Australia/Lord_Howe", "Asia/Kathmandu", "America/St_Johns", "UTC"])
    func edgesOfDays(zone: String) {
        let calendar = calendar(zone)
        let cache = LocalDayCache(calendar: calendar)
        var moments: [Date] = []
        for day in [Date(timeIntervalSince1970: 1_774_742_400), Date(timeIntervalSince1970: 1_792_886_400),
                    Date(timeIntervalSince1970: 1_775_347_200), Date(timeIntervalSince1970: 0)] {
            for minutes in stride(from: -36 * 60, through: 36 * 60, by: 15) {
                moments.append(day.addingTimeInterval(Double(minutes) * 60))
                moments.append(day.addingTimeInterval(Double(minutes) * 60 - 0.001))
            }
        }
        for pass in 0..<2 {
            for moment in moments {
                #expect(cache.day(of: moment) == direct(moment, calendar), "pass \(pass), \(moment) in \(zone)")
            }
        }
    }

    /// St. John's put its clocks back at one minute past midnight on 7 November 2010: 7 November began, and a minute
    /// later the last hour of 6 November came back. A moment of that hour is on the 6th, asked before or after the 7th.
    @Test func aDayThatStartsTwice() {
        let calendar = calendar("America/St_Johns")
        let seventh = Date(timeIntervalSince1970: 1_289_097_030)  // 2010-11-07 02:30:30 UTC, 00:00:30 on the 7th
        let sixth = Date(timeIntervalSince1970: 1_289_098_800)  // 2010-11-07 03:00:00 UTC, 23:30 on the 6th again
        #expect(direct(seventh, calendar).description == "2010-11-07" && direct(sixth, calendar).description == "2010-11-06")
        for order in [[seventh, sixth], [sixth, seventh, sixth]] {
            let cache = LocalDayCache(calendar: calendar)
            for moment in order { #expect(cache.day(of: moment) == direct(moment, calendar), "\(moment) after \(order)") }
        }
    }

    /// Any moments from 1900 to 2100 in any order give the calendar's day, in Amsterdam (whose offset before 1937 was
    /// not a whole quarter of an hour).
    @Test func anyMomentsInAnyOrder() async {
        let calendar = calendar("Europe/Amsterdam")
        let cache = LocalDayCache(calendar: calendar)
        let seconds = Gen.int(in: -2_208_988_800...4_102_444_800).array(of: 1...40)
        await propertyCheck(count: 300, input: seconds) { values in
            for value in values {
                let moment = Date(timeIntervalSince1970: Double(value))
                #expect(cache.day(of: moment) == direct(moment, calendar))
            }
        }
    }
}
