import Domain
import Foundation
import PostgresNIO

/// The demo ideas' writer on the PostgreSQL store, inside its write transaction.
struct PostgresDemoIdeaWriter: DemoIdeaWriter {
    let store: PostgresStore

    func apply(_ change: IdeaChange, at moment: Date) throws -> AppliedChange {
        try ChangeWriter(postgres: store, now: moment).apply(change)
    }

    func idea(titled title: String) throws -> Idea? {
        try store.session.query("SELECT * FROM idea WHERE title = \(title) ORDER BY id LIMIT 1").first.map { row in
            try PostgresRowDecoder.decode(IdeaRecord.self, row, table: "idea").idea
        }
    }

    func addCaseNote(_ note: CaseNote, at now: Date) throws {
        var record = CaseNoteRecord(note, createdAt: now)
        record.id = nil
        guard let row = try store.session.query(PostgresRecordEncoder.insert(record, into: "caseNote", omitting: ["id"], returning: "id")).first
        else {
            throw PostgresStoreError.serverError(server: store.location.redacted, code: "?", detail: "no id returned for a new case note")
        }
        try store.appendEvent(idea: note.idea, kind: .caseNoted, after: EventJSON.encode(
            CaseNoteEvent(caseNote: try row[0].decode(Int64.self), cycle: record.cycle, publishable: record.publishable)), at: now)
    }

    func saveWipLimit(_ limit: WipLimit) throws {
        try store.session.execute("""
            INSERT INTO wipLimit (stage, "limit", hard) VALUES (\(limit.stage.rawValue), \(limit.limit), \(limit.hard))
            ON CONFLICT (stage) DO UPDATE SET "limit" = excluded."limit", hard = excluded.hard
            """)
    }
}
