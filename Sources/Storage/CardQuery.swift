/// The SQL a card summary is read with, the same on SQLite and PostgreSQL; each store decodes the rows with its own driver
/// (columns 0–11: the idea and, for an idea experimenting, its current cycle's start and maximum duration; 12 in
/// `windowSelect`: the day an idea waiting in the inbox arrived).
enum CardQuery {
    private static let columns = """
        idea.id, idea.title, idea.theme, idea.tags, idea.stage, idea.position, idea.reviewDate, idea.cycleCount,
        idea.weighScore, idea.weighRank, cycle.startedAt, cycle.maxDuration
        """
    private static let cycleJoin = "LEFT JOIN cycle ON cycle.ideaId = idea.id AND cycle.number = idea.cycleCount AND idea.stage = 'experimenting'"

    /// Every card of the board is read with this; the inbox's days come apart (`openIntake`).
    static let summarySelect = "SELECT \(columns) FROM idea \(cycleJoin)"

    /// A few cards (a window) are read with this: as `summarySelect`, and the day an idea waiting in the inbox arrived,
    /// so a window costs its own cards even when the inbox holds 100,000.
    static let windowSelect = """
        SELECT \(columns), intake.receivedOn FROM idea \(cycleJoin)
        LEFT JOIN intake ON intake.ideaId = idea.id AND intake.status = 'inbox'
        """
}
