import Domain
import Foundation
import PostgresNIO

extension PostgresStore {
    /// Adds many ideas in one transaction (all or nothing), each placed in its stage with an `imported` event; a row with
    /// an arrival lands in the inbox (as `AppDatabase.importIdeas(_:arrivals:)`).
    public func importIdeas(_ rows: [(IdeaFields, Stage)], arrivals: [Arrival?] = []) throws {
        let now = clock()
        try write {
            var positions: [Stage: Int64] = [:]
            for stage in Stage.allCases { positions[stage] = try nextPosition(in: stage) - 1 }
            // Hardening: gates are never skipped (every row arrives as proposed) and a hard limit is never exceeded.
            if let limit = try wipLimitsInTransaction()[.proposed] {
                try limit.checkImport(countAfter: try boardCount(of: .proposed) + rows.count)
            }
            for (offset, (fields, requested)) in rows.enumerated() {
                let placement = ImportPlacement(requested: requested)
                let stage = placement.stage
                let clean = try fields.validated()
                positions[stage, default: 0] += 1
                var record = IdeaRecord(Idea(id: IdeaID(0), fields: clean, stage: stage, position: positions[stage]!, createdAt: now, updatedAt: now))
                record.id = nil
                guard let row = try session.query(PostgresRecordEncoder.insert(record, into: "idea", omitting: ["id"], returning: "id")).first else {
                    throw PostgresStoreError.serverError(server: location.redacted, code: "?", detail: "no id returned for an imported idea")
                }
                var idea = try record.idea
                idea.id = IdeaID(try row[0].decode(Int64.self))
                try appendEvent(idea: idea.id, kind: .imported, reason: placement.note, after: EventJSON.encode(idea), at: now)
                if offset < arrivals.count, let arrival = arrivals[offset] {
                    let intake = IntakeRecord(Intake(ideaID: idea.id, receivedOn: arrival.receivedOn, replyTo: arrival.replyTo))
                    try session.execute(PostgresRecordEncoder.insert(intake, into: "intake"))
                }
            }
        }
    }
}

extension PostgresStore {
    /// An import of many ideas as one operation (as `AppDatabase.importIdeas(dryRun:_:)`): `body` reads the rows (a file,
    /// chunk by chunk) and hands each checked one to the writer, which keeps them (`PostgresIdeaImportBuffer`); then all
    /// are written in one transaction, with the hard WIP limit checked over all of them: all or nothing, and when `body`
    /// throws nothing is written. A dry run writes nothing. The stored titles the duplicates are found against are read
    /// before the rows.
    public func importIdeas<T>(dryRun: Bool, _ body: (IdeaImportWriter) throws -> T) throws -> T {
        let now = clock()
        let buffer = dryRun ? nil : PostgresIdeaImportBuffer()
        let writer = IdeaImportWriter(storedTitles: try read { try ideaTitles() }, storage: buffer)
        let result = try body(writer)
        /// The rows, then the limit over all of them.
        func finish() throws {
            try buffer?.flush(into: self, now: now)
            try writer.checkLimit(try wipLimitsInTransaction()[.proposed], boardCount: try boardCount(of: .proposed))
        }
        if dryRun { try read(finish) } else { try bulkWrite(finish) }
        return result
    }
}
