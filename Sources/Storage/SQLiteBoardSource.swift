import Domain
import GRDB

/// A board slice's queries on SQLite, inside the read `db` belongs to.
struct SQLiteBoardSource: BoardSliceSource {
    let db: Database

    func inboxCount() throws -> Int { try AppDatabase.inboxCount(db) }

    func changeCounter() throws -> Int64 { try AppDatabase.changeCounter(db) }

    func boardCounts() throws -> [Stage: Int] { try AppDatabase.boardCountsByStage(db) }

    func boardCount(of stage: Stage) throws -> Int { try AppDatabase.boardCount(of: stage, db) }

    func boardIndex(of id: IdeaID, in stage: Stage?) throws -> (stage: Stage, index: Int)? {
        try AppDatabase.boardIndex(of: id, in: stage, db)
    }

    func windowCards(_ stage: Stage, backwards: Bool, limit: Int, offset: Int) throws -> [IdeaSummary] {
        try AppDatabase.windowCards(db, stage: stage, backwards: backwards, limit: limit, offset: offset)
    }

    func cards(of ids: [IdeaID]) throws -> [IdeaID: IdeaSummary] { try AppDatabase.summaries(of: ids, in: db) }

    func searchEntries(fold: (Int64, String, () throws -> String) throws -> String) throws -> [Stage: [BoardSearchCache.Entry]] {
        try AppDatabase.searchEntries(db, fold: fold)
    }

    func waitingIDs() throws -> Set<Int64> {
        Set(try Int64.fetchAll(db, sql: "SELECT ideaId FROM intake WHERE status = 'inbox'"))
    }
}
