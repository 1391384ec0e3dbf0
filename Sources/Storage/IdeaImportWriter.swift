import Domain
import Foundation
import GRDB

/// Writes imported ideas one at a time inside one open transaction (`AppDatabase.importIdeas(dryRun:_:)`): three prepared
/// statements (idea, event, intake), the moment and its texts worked out once, each idea's `imported` event written without an encoder. In a
/// dry run it writes nothing and only counts.
public final class IdeaImportWriter {
    /// Every stored idea's id and title, by id, read in the same transaction: what the duplicate index starts from.
    public let storedTitles: [(IdeaID, String)]
    /// How many ideas were added (or, in a dry run, would have been).
    public private(set) var count = 0

    private let statements: (idea: Statement, event: Statement, intake: Statement)?
    /// The connection of the open transaction.
    private let db: Database
    private let now: Date
    private let nowValue: DatabaseValue
    private let nowText: String
    private let actor: String
    private let program: String
    private var positions: [Stage: Int64] = [:]

    init(_ db: Database, writing: Bool, now: Date, actor: String, program: String) throws {
        var titles: [(IdeaID, String)] = []
        let rows = try Row.fetchCursor(db, sql: "SELECT id, title FROM idea ORDER BY id")
        while let row = try rows.next() { titles.append((IdeaID(try row.decode(atIndex: 0)), try row.decode(atIndex: 1))) }
        storedTitles = titles
        self.db = db
        self.now = now
        nowValue = now.databaseValue
        let dates = ISO8601DateFormatter()
        nowText = dates.string(from: now)
        self.actor = actor
        self.program = program
        guard writing else {
            statements = nil
            return
        }
        for stage in Stage.allCases { positions[stage] = try ChangeWriter.nextPosition(in: stage, db) - 1 }
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

    /// Adds one checked row (its fields already validated, `IdeaImport.check`) in the stage its placement gives, with its
    /// `imported` event naming the stage the file asked for when that was held back; with an `arrival` it lands in the
    /// inbox, received that day, with who gets a reply.
    public func add(_ draft: IdeaDraft, arrival: Arrival? = nil) throws {
        count += 1
        guard let statements else { return }
        let placement = ImportPlacement(requested: draft.stage)
        let stage = placement.stage
        positions[stage, default: 0] += 1
        let position = positions[stage]!
        let fields = draft.fields
        try statements.idea.execute(arguments: [
            fields.title, fields.description, fields.source?.rawValue, fields.submitter, fields.theme,
            SnapshotJSON.stringArray(fields.tags), stage.rawValue, position, nowValue, nowValue,
        ])
        let id = db.lastInsertedRowID
        let idea = Idea(id: IdeaID(id), fields: fields, stage: stage, position: position, createdAt: now, updatedAt: now)
        try statements.event.execute(arguments: [
            nowValue, actor, id, EventKind.imported.rawValue, placement.note, SnapshotJSON.newIdea(idea, date: nowText), program,
        ])
        if let arrival {
            let record = IntakeRecord(Intake(ideaID: IdeaID(id), receivedOn: arrival.receivedOn, replyTo: arrival.replyTo))
            try statements.intake.execute(arguments: [
                record.ideaId, record.receivedOn, record.status, record.triagedOn, record.declineReason, record.replyTo, record.replySentOn,
            ])
        }
    }

    /// Checks what the whole import adds against a hard WIP limit of the proposed column (gates are never skipped: every
    /// row arrives as proposed, and a hard limit is never exceeded), a dry run as the import itself.
    func checkLimit(_ database: AppDatabase, _ db: Database) throws {
        guard let limit = try database.wipLimit(for: .proposed, in: db) else { return }
        // Written, the rows are in the column already; in a dry run they would come on top.
        let countAfter = try AppDatabase.boardCount(of: .proposed, db) + (statements == nil ? count : 0)
        try limit.checkImport(countAfter: countAfter)
    }
}

extension AppDatabase {
    /// An import of many ideas as one operation: `body` reads the rows (a file, chunk by chunk) and hands each checked
    /// one to the writer; everything happens in one transaction, all or nothing: when `body` throws, nothing is kept.
    /// A dry run reads in one read transaction and writes nothing.
    public func importIdeas<T>(dryRun: Bool, _ body: (IdeaImportWriter) throws -> T) throws -> T {
        let now = clock()
        /// The import inside the transaction: the rows, then the limit over all of them.
        func run(_ db: Database) throws -> T {
            let writer = try IdeaImportWriter(db, writing: !dryRun, now: now, actor: actor, program: program)
            let result = try body(writer)
            do { try writer.checkLimit(self, db) } catch let error as DomainError { throw DomainErrorBox(error: error) }
            return result
        }
        return try dryRun ? read(run) : bulkWrite(run)
    }
}
