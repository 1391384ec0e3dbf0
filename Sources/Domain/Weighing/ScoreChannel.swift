/// How a score reached a session: typed by the facilitator on the board, entered by the participant on their own
/// terminal or web page, or given from the command line. Stored with every score; scores from before it was recorded have none.
public enum ScoreChannel: String, CaseIterable, Sendable, Codable {
    /// Typed by the facilitator on the board's weighing screen.
    case board
    /// Entered by the participant on their own terminal (`proeftuin session join`).
    case terminal
    /// Entered by the participant on their own web page (a phone, through a shared link).
    case web
    /// Given from the command line (`proeftuin session score` or `session import`).
    case commandLine = "cli"

    /// Whether the participant entered the score themselves: the facilitator's grid hides its value until reveal.
    public var isParticipantsOwn: Bool { self == .terminal || self == .web }
}
