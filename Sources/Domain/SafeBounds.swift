/// What makes an experiment safe enough to try: a budget cap, a maximum duration, who could be harmed and how that
/// is prevented, and the rule that stops it at once.
public struct SafeBounds: Equatable, Sendable, Codable {
    /// The most the experiment may cost, in euros.
    public var budgetCap: Double
    /// How long it may run at most.
    public var maxDuration: MaxDuration
    /// Who could be harmed by it.
    public var harm: String
    /// How that harm is prevented.
    public var safeguard: String
    /// "We stop at once if …"
    public var stopRule: String

    public init(budgetCap: Double, maxDuration: MaxDuration, harm: String, safeguard: String, stopRule: String) {
        self.budgetCap = budgetCap
        self.maxDuration = maxDuration
        self.harm = harm
        self.safeguard = safeguard
        self.stopRule = stopRule
    }

    /// The last day the experiment may run when it started on `start`.
    public func lastDay(startedOn start: DayDate) -> DayDate { start.adding(days: maxDuration.days) }

    /// The largest budget cap accepted, in euros.
    public static let largestBudget: Double = 1_000_000_000

    /// Reads a budget as people type it: `2500`, `€ 2.500`, `2500,50`, `EUR 300`; nil when it is no amount of 0 or more.
    public static func budget(parsing text: String) -> Double? {
        var trimmed = text.trimmingCharactersInWhitespace()
        for prefix in ["€", "EUR", "eur", "euro"] where trimmed.hasPrefix(prefix) {
            trimmed = String(trimmed.dropFirst(prefix.count)).trimmingCharactersInWhitespace()
        }
        for suffix in ["euro", "EUR", "eur", "€", ",-", ".-"] where trimmed.hasSuffix(suffix) {
            trimmed = String(trimmed.dropLast(suffix.count)).trimmingCharactersInWhitespace()
        }
        // Points between groups of three digits are thousands separators in Dutch (2.500, 1.250.000).
        let groups = trimmed.split(separator: ".", omittingEmptySubsequences: false)
        if !trimmed.contains(","), groups.count > 1, (1...3).contains(groups[0].count), groups.dropFirst().allSatisfy({ $0.count == 3 }) {
            trimmed = trimmed.replacingAll(".", with: "")
        }
        // `2,500` is 2500 to an English reader and 2,50 to a Dutch one: cents never come in threes, so it is refused.
        let decimals = trimmed.split(separator: ",", omittingEmptySubsequences: false)
        if decimals.count == 2, decimals[1].count == 3, decimals[1].allSatisfy(\.isNumber) { return nil }
        guard let value = NumberParsing.number(trimmed), value >= 0, value <= largestBudget else { return nil }
        return value
    }
}

/// A maximum duration in weeks or days, as typed (`6 weken`, `30 dagen`, `6w`, `30d`).
public struct MaxDuration: Equatable, Sendable, Codable, CustomStringConvertible {
    /// The unit the duration was given in.
    public enum Unit: String, Sendable, Codable {
        case days
        case weeks
    }

    public var count: Int
    public var unit: Unit

    public init(count: Int, unit: Unit) {
        self.count = count
        self.unit = unit
    }

    /// The duration in days.
    public var days: Int { unit == .weeks ? count * 7 : count }

    /// The stored and command-line form: `6w`, `30d`.
    public var description: String { "\(count)\(unit == .weeks ? "w" : "d")" }

    /// The longest duration accepted: ten years.
    public static let longestDays = 3653

    /// Parses `6 weken`, `6 weeks`, `1 week`, `6w`, `6wk`, `30 dagen`, `30 days`, `1 dag`, `30d`; nil without a unit or
    /// outside 1 day … 10 years.
    public init?(parsing text: String) {
        let trimmed = text.trimmingCharactersInWhitespace().lowercased()
        let digits = trimmed.prefix(while: { $0.isASCII && $0.isNumber })
        let rest = trimmed.dropFirst(digits.count).trimmingCharactersInWhitespace()
        guard !digits.isEmpty, digits.count <= 5, let count = Int(digits), count >= 1 else { return nil }
        let unit: Unit
        switch rest {
        case "w", "wk", "wkn", "week", "weken", "weeks": unit = .weeks
        case "d", "dag", "dagen", "day", "days": unit = .days
        default: return nil
        }
        guard (unit == .weeks ? count * 7 : count) <= Self.longestDays else { return nil }
        self.init(count: count, unit: unit)
    }
}
