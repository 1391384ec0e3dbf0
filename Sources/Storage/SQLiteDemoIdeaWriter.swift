import Domain
import Foundation
import GRDB

/// The demo ideas' writer on the SQLite store, inside its write transaction.
struct SQLiteDemoIdeaWriter: DemoIdeaWriter {
    let database: AppDatabase
    let db: Database

    func apply(_ change: IdeaChange, at moment: Date) throws -> AppliedChange {
        try ChangeWriter(database: database, db: db, now: moment).apply(change)
    }

    func idea(titled title: String) throws -> Idea? {
        try IdeaRecord.filter(Column("title") == title).fetchOne(db)?.idea
    }

    func addCaseNote(_ note: CaseNote, at now: Date) throws {
        let record = CaseNoteRecord(note, createdAt: now)
        try record.insert(db)
        try database.appendEvent(db, idea: note.idea, kind: .caseNoted, after: EventJSON.encode(
            CaseNoteEvent(caseNote: db.lastInsertedRowID, cycle: record.cycle, publishable: record.publishable)), at: now)
    }

    func saveWipLimit(_ limit: WipLimit) throws {
        try WipLimitRecord(stage: limit.stage.rawValue, limit: limit.limit, hard: limit.hard).save(db)
    }
}
