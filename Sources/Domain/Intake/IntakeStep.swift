/// One triage or reply step on an idea from outside the team, as data.
public enum IntakeStep: Equatable, Sendable {
    /// Accept it onto the board with this lokale opgave (theme).
    case accept(theme: String)
    /// Decline it with a reason: it leaves the board, the reason is kept in its history.
    case decline(reason: String)
    /// It was merged into another idea (recorded by the merge itself).
    case merged
    /// Record or change who gets a reply (nil or empty: nobody named).
    case replyTo(String?)
    /// The reply was sent on this day (nil: not sent after all).
    case replySent(DayDate?)
}
