import Domain
import Foundation
import GRDB

/// Writes imported ideas into one open SQLite transaction (`AppDatabase.importIdeas(dryRun:_:)`): three prepared
/// statements (idea, event, intake), the moment and its texts worked out once, each idea's `imported` event written
/// without an encoder.
final class GRDBIdeaImportStorage: IdeaImportStorage {
    private let statements: (idea: Statement, event: Statement, intake: Statement)
    /// The connection of the open transaction.
    private let db: Database
    private let now: Date
    private let nowValue: DatabaseValue
    private let nowText: String
    private let actor: String
    private let program: String
    /// The last position in each stage before the import.
    private let base: [Stage: Int64]

    init(_ db: Database, now: Date, actor: String, program: String) throws {
        self.db = db
        self.now = now
        nowValue = now.databaseValue
        nowText = ISO8601DateFormatter().string(from: now)
        self.actor = actor
        self.program = program
        var base: [Stage: Int64] = [:]
        for stage in Stage.allCases { base[stage] = try SQLiteChangeStore.nextPosition(in: stage, db) - 1 }
        self.base = base
        statements = (
            try db.makeStatement(sql: """
                INSERT INTO idea (title, description, source, submitter, theme, tags, stage, position, createdAt, updatedAt, reviewDate,
                                  stopCategory, stopLearned, cycleCount)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, NULL, 0)
                """),
            try db.makeStatement(sql: """
                INSERT INTO event (at, actor, ideaId, kind, reason, before, after, program) VALUES (?, ?, ?, ?, ?, NULL, ?, ?)
                """),
            try db.makeStatement(sql: """
                INSERT INTO intake (ideaId, receivedOn, status, triagedOn, declineReason, replyTo, replySentOn) VALUES (?, ?, ?, ?, ?, ?, ?)
                """))
    }

    func write(_ row: ImportedIdea) throws {
        let position = base[row.stage, default: 0] + row.ordinal
        let fields = row.fields
        try statements.idea.execute(arguments: [
            fields.title, fields.description, fields.source?.rawValue, fields.submitter, fields.theme,
            SnapshotJSON.stringArray(fields.tags), row.stage.rawValue, position, nowValue, nowValue,
        ])
        let id = db.lastInsertedRowID
        try statements.event.execute(arguments: [
            nowValue, actor, id, EventKind.imported.rawValue, row.note, row.snapshot(id: id, position: position, now: now, date: nowText), program,
        ])
        if let arrival = row.arrival {
            let record = IntakeRecord(Intake(ideaID: IdeaID(id), receivedOn: arrival.receivedOn, replyTo: arrival.replyTo))
            try statements.intake.execute(arguments: [
                record.ideaId, record.receivedOn, record.status, record.triagedOn, record.declineReason, record.replyTo, record.replySentOn,
            ])
        }
    }
}
