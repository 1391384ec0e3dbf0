import Domain

/// The queries a board slice needs from one store, inside one read snapshot; each store writes them in its own SQL and
/// driver, and `BoardSliceReader` holds the rules once. Declined ideas are left off everywhere.
protocol BoardSliceSource {
    /// How many ideas wait in the inbox; a damaged intake status is named.
    func inboxCount() throws -> Int
    /// The change counter: moved on by every write another program must notice.
    func changeCounter() throws -> Int64
    /// Ideas per column of the board.
    func boardCounts() throws -> [Stage: Int]
    /// The ideas of one column of the board.
    func boardCount(of stage: Stage) throws -> Int
    /// Where an idea on the board stands: its column (`stage`, when given, must be it) and its index there in board order.
    func boardIndex(of id: IdeaID, in stage: Stage?) throws -> (stage: Stage, index: Int)?
    /// `limit` cards of a column after stepping over `offset` (from its end when `backwards`), in board order.
    func windowCards(_ stage: Stage, backwards: Bool, limit: Int, offset: Int) throws -> [IdeaSummary]
    /// The cards of these ideas that are on the board.
    func cards(of ids: [IdeaID]) throws -> [IdeaID: IdeaSummary]
    /// Every idea on the board with the filter's folded text, per column in board order (`fold` as `BoardSearchCache`).
    func searchEntries(fold: (Int64, String, () throws -> String) throws -> String) throws -> [Stage: [BoardSearchCache.Entry]]
    /// The ids of the ideas waiting in the inbox.
    func waitingIDs() throws -> Set<Int64>
}
