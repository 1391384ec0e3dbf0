/// A change to a live weighing session, as data: checked by `WeighingSession.applying(_:)` and carried out by storage in
/// the same transaction that reads the session, so a board, a script and a participant's own device can all send them.
public enum SessionChange: Equatable, Sendable {
    /// Scores, abstentions or clearings, all or none.
    case enter([ScoreInput])
    /// A participant who joins late.
    case addParticipant(String)
    /// A participant who leaves: their entries stay stored but count nowhere; the reason goes into the minutes.
    case excludeParticipant(String, reason: String)
    /// A note on a cell (an empty text removes it).
    case note(SessionCell, String)
    /// A second round on these cells: round-1 entries are kept, the cells are emptied and the session is blind again.
    case startRevote([SessionCell])
}
