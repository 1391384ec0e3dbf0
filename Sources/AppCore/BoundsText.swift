import Domain

/// A test card's safe-to-try bounds as label and text lines, the same on the board, the command line and in reports.
public enum BoundsText {
    /// Budget cap, maximum duration (with the day it ends when the start is known), who could be harmed, how that is
    /// prevented, and the stop rule; nothing for cycles started before bounds were asked.
    public static func lines(_ bounds: SafeBounds?, cycle: Cycle?, strings: Strings) -> [(String, String)] {
        guard let bounds else { return [] }
        var duration = strings.duration(bounds.maxDuration)
        if let last = cycle?.lastAllowedDay { duration += " (" + strings.format(.detailRunsUntil, last) + ")" }
        return [
            (strings[.fieldBudget], strings.budget(bounds.budgetCap)),
            (strings[.fieldMaxDuration].components(separatedBy: " (").first ?? "", duration),
            (strings[.fieldHarm], bounds.harm),
            (strings[.fieldSafeguard], bounds.safeguard),
            (strings[.fieldStopRule], bounds.stopRule),
        ]
    }
}
