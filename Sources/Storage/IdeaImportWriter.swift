import Domain
import Foundation
import GRDB

/// Takes the checked rows of an import one at a time (`Store.importIdeas(dryRun:_:)`), places each (its stage, its
/// place in that stage) and hands it to its store's backend (`IdeaImportStorage`); in a dry run it writes nothing and
/// only counts.
public final class IdeaImportWriter {
    /// Every stored idea's id and title, by id, read before the first row: what the duplicate index starts from.
    public let storedTitles: [(IdeaID, String)]
    /// How many ideas were added (or, in a dry run, would have been).
    public private(set) var count = 0

    /// Where the rows go; nil in a dry run.
    private let storage: (any IdeaImportStorage)?
    /// How many rows each stage has received so far.
    private var added: [Stage: Int64] = [:]

    init(storedTitles: [(IdeaID, String)], storage: (any IdeaImportStorage)?) {
        self.storedTitles = storedTitles
        self.storage = storage
    }

    /// Adds one checked row (its fields already validated, `IdeaImport.check`) in the stage its placement gives, with its
    /// `imported` event naming the stage the file asked for when that was held back; with an `arrival` it lands in the
    /// inbox, received that day, with who gets a reply.
    public func add(_ draft: IdeaDraft, arrival: Arrival? = nil) throws {
        count += 1
        guard let storage else { return }
        let placement = ImportPlacement(requested: draft.stage)
        let ordinal = added[placement.stage, default: 0] + 1
        added[placement.stage] = ordinal
        try storage.write(ImportedIdea(fields: draft.fields, stage: placement.stage, ordinal: ordinal, note: placement.note, arrival: arrival))
    }

    /// Checks what the whole import adds against a hard WIP limit of the proposed column (gates are never skipped: every
    /// row arrives as proposed, and a hard limit is never exceeded), a dry run as the import itself. `boardCount` is the
    /// proposed column's count on the board as stored now: with the rows when they were written, without in a dry run.
    func checkLimit(_ limit: WipLimit?, boardCount: Int) throws {
        guard let limit else { return }
        try limit.checkImport(countAfter: boardCount + (storage == nil ? count : 0))
    }

    /// Every stored idea's id and title, by id.
    static func storedTitles(_ db: Database) throws -> [(IdeaID, String)] {
        var titles: [(IdeaID, String)] = []
        let rows = try Row.fetchCursor(db, sql: "SELECT id, title FROM idea ORDER BY id")
        while let row = try rows.next() { titles.append((IdeaID(try row.decode(atIndex: 0)), try row.decode(atIndex: 1))) }
        return titles
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
            let storage = dryRun ? nil : try GRDBIdeaImportStorage(db, now: now, actor: actor, program: program)
            let writer = IdeaImportWriter(storedTitles: try IdeaImportWriter.storedTitles(db), storage: storage)
            let result = try body(writer)
            let limit = try wipLimit(for: .proposed, in: db)
            let count = try Self.boardCount(of: .proposed, db)
            do { try writer.checkLimit(limit, boardCount: count) } catch let error as DomainError { throw DomainErrorBox(error: error) }
            return result
        }
        return try dryRun ? read(run) : bulkWrite(run)
    }
}
