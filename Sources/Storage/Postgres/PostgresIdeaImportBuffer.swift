import Domain
import Foundation
import PostgresNIO

/// Keeps the rows of an import on PostgreSQL (`PostgresStore.importIdeas(dryRun:_:)`) until the whole file is read,
/// then writes them in one transaction, a batch of rows per statement. The rows are kept rather than written as they
/// arrive because a serializable transaction the server aborts is run again from the start, and the file cannot be
/// read twice; the kept rows can be written again.
final class PostgresIdeaImportBuffer: IdeaImportStorage {
    private(set) var rows: [ImportedIdea] = []

    func write(_ idea: ImportedIdea) {
        rows.append(idea)
    }

    /// Writes every kept row inside the open transaction: each idea after the last of its stage, with its `imported`
    /// event and, for an arrival, its intake, as `GRDBIdeaImportStorage` writes them on SQLite.
    func flush(into store: PostgresStore, now: Date) throws {
        guard !rows.isEmpty else { return }
        let session = store.session
        var base: [Stage: Int64] = [:]
        for stage in Stage.allCases { base[stage] = try store.nextPosition(in: stage) - 1 }
        let time = PostgresTime.text(now)
        let date = ISO8601DateFormatter().string(from: now)
        // The ids in file order, taken from the sequence at once.
        let ids = try session.query("SELECT nextval(pg_get_serial_sequence('idea', 'id')) FROM generate_series(1, \(rows.count)::bigint)")
            .map { try $0[0].decode(Int64.self) }.sorted()
        var ideas: [[PostgresRecordEncoder.Value]] = []
        var events: [[PostgresRecordEncoder.Value]] = []
        var intakes: [[PostgresRecordEncoder.Value]] = []
        var intakeColumns: [String] = []
        ideas.reserveCapacity(rows.count)
        events.reserveCapacity(rows.count)
        func optional(_ text: String?) -> PostgresRecordEncoder.Value { text.map { .text($0) } ?? .null }
        for (row, id) in zip(rows, ids) {
            let position = base[row.stage, default: 0] + row.ordinal
            let fields = row.fields
            ideas.append([
                .integer(id), .text(fields.title), .text(fields.description), optional(fields.source?.rawValue), optional(fields.submitter),
                .text(fields.theme), .text(SnapshotJSON.stringArray(fields.tags)), .text(row.stage.rawValue), .integer(position), .text(time),
                .text(time), .integer(0),
            ])
            events.append([
                .text(time), .text(store.actor), .integer(id), .text(EventKind.imported.rawValue), optional(row.note),
                .text(row.snapshot(id: id, position: position, now: now, date: date)), .text(store.program),
            ])
            if let arrival = row.arrival {
                let record = IntakeRecord(Intake(ideaID: IdeaID(id), receivedOn: arrival.receivedOn, replyTo: arrival.replyTo))
                let (columns, values) = try PostgresRecordEncoder.encode(record)
                intakeColumns = columns
                intakes.append(values)
            }
        }
        try PostgresBatchInsert.insert(ideas, into: "idea", columns: [
            "id", "title", "description", "source", "submitter", "theme", "tags", "stage", "position", "createdAt", "updatedAt", "cycleCount",
        ], session)
        try PostgresBatchInsert.insert(events, into: "event", columns: ["at", "actor", "ideaId", "kind", "reason", "after", "program"], session)
        try PostgresBatchInsert.insert(intakes, into: "intake", columns: intakeColumns, session)
    }
}
