import Domain
import Foundation
import GRDB

extension AppDatabase {
    /// The case notes of one idea (or all), oldest first.
    public func caseNotes(idea: IdeaID?) throws -> [CaseNote] {
        try read { db in
            var request = CaseNoteRecord.order(Column("date"), Column("id"))
            if let idea { request = request.filter(Column("ideaId") == idea.rawValue) }
            return try request.fetchAll(db).map { try $0.note }
        }
    }

    /// The names of the portfolio's submitters: the people a case note must not name.
    public func submitterNames() throws -> [String] {
        try read { db in try submitterNames(in: db) }
    }

    func submitterNames(in db: Database) throws -> [String] {
        try String.fetchAll(db, sql: "SELECT DISTINCT submitter FROM idea WHERE submitter IS NOT NULL AND submitter != '' ORDER BY submitter")
    }

    /// Running experiments past their maximum duration (started + maximum duration < today), longest overdue first;
    /// each `reviewDate` is the last day the experiment was allowed to run.
    public func pastMaxDuration(today: DayDate) throws -> [DueReview] {
        let found = try read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT idea.id, idea.title, cycle.startedAt, cycle.maxDuration FROM idea
                JOIN cycle ON cycle.ideaId = idea.id AND cycle.number = idea.cycleCount
                WHERE idea.stage = 'experimenting' AND cycle.maxDuration IS NOT NULL
                """)
            return try rows.map { row -> DueReview in
                let id: Int64 = try row.decode(atIndex: 0)
                let text: String = try row.decode(atIndex: 3)
                guard let duration = MaxDuration(parsing: text) else {
                    throw StorageError.unreadableValue(table: "cycle", record: "cycle of #\(id)", field: "maxDuration", value: text)
                }
                let lastDay = DayDate.local(try row.decode(atIndex: 2) as Date).adding(days: duration.days)
                return DueReview(idea: IdeaID(id), title: try row.decode(atIndex: 1), stage: .experimenting, reviewDate: lastDay, kind: .maxDuration)
            }
        }
        return found.filter { $0.reviewDate < today }.sorted { ($0.reviewDate, $0.idea) < ($1.reviewDate, $1.idea) }
    }

    /// Saves a case note to the idea's current cycle, refused while it holds personal data (checked against the
    /// submitters in the same transaction). The event row names the note, never its text, so the log keeps no casework.
    @discardableResult
    public func addCaseNote(_ note: CaseNote) throws -> CaseNote {
        let now = clock()
        return try write { db in
            do {
                guard let idea = try IdeaRecord.fetchOne(db, key: note.idea.rawValue) else { throw DomainError.ideaNotFound(note.idea) }
                var clean = try note.validated(names: try submitterNames(in: db))
                clean.cycle = idea.cycleCount > 0 ? idea.cycleCount : nil
                let record = CaseNoteRecord(clean, createdAt: now)
                try record.insert(db)
                clean.id = db.lastInsertedRowID
                try appendEvent(db, idea: note.idea, kind: .caseNoted,
                                after: EventJSON.encode(CaseNoteEvent(caseNote: clean.id!, cycle: clean.cycle, publishable: clean.publishable)),
                                at: now)
                return clean
            } catch let error as DomainError {
                throw DomainErrorBox(error: error)
            }
        }
    }
}

/// What the event log records of a case note: which one, not what it says.
struct CaseNoteEvent: Codable {
    var caseNote: Int64
    var cycle: Int?
    var publishable: Bool
}
