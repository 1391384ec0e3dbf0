import Domain
import Foundation

extension DayDate {
    /// The calendar day of a moment in the local time zone.
    public static func local(_ date: Date) -> DayDate {
        LocalDayCache.shared.day(of: date)
    }
}
