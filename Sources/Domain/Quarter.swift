/// A calendar quarter: `2026 Q3`.
public struct Quarter: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var year: Int
    /// 1 … 4.
    public var number: Int

    public init(year: Int, number: Int) {
        self.year = year
        self.number = number
    }

    /// The quarter a day falls in.
    public init(_ day: DayDate) {
        self.init(year: day.year, number: (day.month - 1) / 3 + 1)
    }

    public var next: Quarter { number == 4 ? Quarter(year: year + 1, number: 1) : Quarter(year: year, number: number + 1) }

    public static func < (lhs: Quarter, rhs: Quarter) -> Bool { (lhs.year, lhs.number) < (rhs.year, rhs.number) }

    /// `2026 Q3`; the Dutch interface writes `2026 K3`.
    public var description: String { "\(year) Q\(number)" }
}
