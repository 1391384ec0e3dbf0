/// Dates that are valid but unusual enough to ask about before saving: a review date already past, a measurement
/// dated in the future.
public enum DateCheck: Equatable, Sendable {
    /// A review date before today.
    case reviewDateInPast(DayDate)
    /// A measurement dated after today.
    case measurementInFuture(DayDate)

    /// What to ask about a review date, if anything.
    public static func review(_ date: DayDate, today: DayDate) -> DateCheck? {
        date < today ? .reviewDateInPast(date) : nil
    }

    /// What to ask about a measurement date, if anything.
    public static func measurement(_ date: DayDate, today: DayDate) -> DateCheck? {
        date > today ? .measurementInFuture(date) : nil
    }

    /// What to ask about the dates a move's gate sets (the experiment's or the decision's review date).
    public static func gate(_ gate: StageGate, today: DayDate) -> DateCheck? {
        switch gate {
        case .experiment(_, _, let date): review(date, today: today)
        case .inlineDecision(let decision): review(decision.reviewDate, today: today)
        default: nil
        }
    }
}
