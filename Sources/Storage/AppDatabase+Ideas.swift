import Domain
import Foundation
import GRDB

extension AppDatabase {
    /// Card summaries of every idea in board order (stage, then position): all the board reads.
    public func summaries() throws -> [IdeaSummary] {
        try read { db in
            let rows = try Row.fetchCursor(
                db, sql: "SELECT id, title, theme, tags, stage, position FROM idea ORDER BY stage, position, id")
            var result: [IdeaSummary] = []
            while let row = try rows.next() {
                result.append(
                    IdeaSummary(
                        id: IdeaID(row[0]), title: row[1], theme: row[2], tags: TagCoding.decode(row[3]),
                        stage: Stage(rawValue: row[4]) ?? .proposed, position: row[5]))
            }
            return result
        }
    }

    /// One idea in full.
    public func idea(_ id: IdeaID) throws -> Idea {
        try read { db in
            guard let record = try IdeaRecord.fetchOne(db, key: id.rawValue) else {
                throw DomainErrorBox(error: .ideaNotFound(id))
            }
            return record.idea
        }
    }

    /// Ideas in board order, optionally of one stage or theme (theme compared case-insensitively).
    public func ideas(stage: Stage? = nil, theme: String? = nil) throws -> [Idea] {
        try read { db in
            var request = IdeaRecord.all()
            if let stage { request = request.filter(IdeaRecord.Columns.stage == stage.rawValue) }
            if let theme { request = request.filter(IdeaRecord.Columns.theme.collating(.nocase) == theme) }
            let ordered = try request.fetchAll(db).map(\.idea)
            return ordered.sorted { lhs, rhs in
                (lhs.stage.columnIndex, lhs.position, lhs.id.rawValue) < (rhs.stage.columnIndex, rhs.position, rhs.id.rawValue)
            }
        }
    }

    /// The event-log rows of one idea, oldest first.
    public func history(_ id: IdeaID) throws -> [HistoryEntry] {
        try read { db in
            try EventRecord.filter(Column("ideaId") == id.rawValue).order(Column("id")).fetchAll(db).map(\.entry)
        }
    }

    /// Number of ideas per stage.
    public func countsByStage() throws -> [Stage: Int] {
        try read { db in
            var counts: [Stage: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT stage, COUNT(*) FROM idea GROUP BY stage") {
                if let stage = Stage(rawValue: row[0]) { counts[stage] = row[1] }
            }
            return counts
        }
    }

    /// Number of event-log rows.
    public func eventCount() throws -> Int {
        try read { db in try EventRecord.fetchCount(db) }
    }

    /// Adds a new idea at the end of the proposed column and returns it.
    @discardableResult
    public func add(_ fields: IdeaFields) throws -> Idea {
        let applied = try apply(.create(fields))
        return try idea(applied.focus!)
    }

    /// Carries out one change with its event-log row in a single transaction; returns how to undo it.
    @discardableResult
    public func apply(_ change: IdeaChange) throws -> AppliedChange {
        let now = clock()
        return try write { db in
            do {
                return try ChangeWriter(database: self, db: db, now: now).apply(change)
            } catch let error as DomainError {
                throw DomainErrorBox(error: error)
            }
        }
    }
}

/// Writes one `IdeaChange` inside an open transaction.
private struct ChangeWriter {
    let database: AppDatabase
    let db: Database
    let now: Date

    func apply(_ change: IdeaChange) throws -> AppliedChange {
        switch change {
        case .create(let fields):
            let clean = try fields.validated()
            var record = IdeaRecord(
                Idea(id: IdeaID(0), fields: clean, stage: .proposed, position: try nextPosition(in: .proposed),
                     createdAt: now, updatedAt: now))
            record.id = nil
            try record.insert(db)
            let idea = IdeaRecord(Idea(id: IdeaID(db.lastInsertedRowID), fields: clean, stage: .proposed,
                                       position: record.position, createdAt: now, updatedAt: now)).idea
            try database.appendEvent(db, idea: idea.id, kind: .created, after: EventJSON.encode(idea), at: now)
            return AppliedChange(change: change, inverse: .delete(idea.id), focus: idea.id, focusStage: .proposed)

        case .edit(let id, let fields):
            var idea = try fetch(id)
            let clean = try fields.validated()
            let before = idea.fields
            idea.fields = clean
            idea.updatedAt = now
            try IdeaRecord(idea).update(db)
            try database.appendEvent(
                db, idea: id, kind: .edited, before: EventJSON.encode(before), after: EventJSON.encode(clean), at: now)
            return AppliedChange(change: change, inverse: .edit(id, before), focus: id, focusStage: idea.stage)

        case .move(let id, let target, let reason, let enforceRules):
            let idea = try fetch(id)
            let cleanReason = TextSanitizer.singleLine(reason).trimmingCharactersInWhitespace()
            if enforceRules {
                try idea.stage.validateMove(to: target)
                guard !cleanReason.isEmpty else { throw DomainError.reasonRequired }
            }
            return try place(idea, stage: target, position: try nextPosition(in: target), reason: cleanReason, change: change)

        case .place(let id, let stage, let position, let reason):
            return try place(try fetch(id), stage: stage, position: position, reason: reason, change: change)

        case .swap(let firstID, let secondID):
            var first = try fetch(firstID)
            var second = try fetch(secondID)
            let before = PlacementSnapshot(stage: first.stage.rawValue, position: first.position)
            (first.position, second.position) = (second.position, first.position)
            if first.position == second.position { second.position += 1 }
            first.updatedAt = now
            second.updatedAt = now
            try IdeaRecord(first).update(db)
            try IdeaRecord(second).update(db)
            try database.appendEvent(
                db, idea: firstID, kind: .reordered, before: EventJSON.encode(before),
                after: EventJSON.encode(PlacementSnapshot(stage: first.stage.rawValue, position: first.position)), at: now)
            return AppliedChange(change: change, inverse: .swap(firstID, secondID), focus: firstID, focusStage: first.stage)

        case .delete(let id):
            let idea = try fetch(id)
            _ = try IdeaRecord.deleteOne(db, key: id.rawValue)
            try database.appendEvent(db, idea: id, kind: .deleted, before: EventJSON.encode(idea), at: now)
            return AppliedChange(change: change, inverse: .restore(idea), focus: nil, focusStage: idea.stage)

        case .restore(let idea):
            try IdeaRecord(idea).insert(db)
            try database.appendEvent(db, idea: idea.id, kind: .restored, after: EventJSON.encode(idea), at: now)
            return AppliedChange(change: change, inverse: .delete(idea.id), focus: idea.id, focusStage: idea.stage)
        }
    }

    private func fetch(_ id: IdeaID) throws -> Idea {
        guard let record = try IdeaRecord.fetchOne(db, key: id.rawValue) else { throw DomainError.ideaNotFound(id) }
        return record.idea
    }

    private func nextPosition(in stage: Stage) throws -> Int64 {
        let maximum = try Int64.fetchOne(db, sql: "SELECT MAX(position) FROM idea WHERE stage = ?", arguments: [stage.rawValue])
        return (maximum ?? 0) + 1
    }

    private func place(_ idea: Idea, stage: Stage, position: Int64, reason: String, change: IdeaChange) throws -> AppliedChange {
        var moved = idea
        moved.stage = stage
        moved.position = position
        moved.updatedAt = now
        try IdeaRecord(moved).update(db)
        try database.appendEvent(
            db, idea: idea.id, kind: .moved, reason: reason,
            before: EventJSON.encode(PlacementSnapshot(stage: idea.stage.rawValue, position: idea.position)),
            after: EventJSON.encode(PlacementSnapshot(stage: stage.rawValue, position: position)), at: now)
        let inverse = IdeaChange.place(idea.id, stage: idea.stage, position: idea.position, reason: "undo: \(reason)")
        return AppliedChange(change: change, inverse: inverse, focus: idea.id, focusStage: stage)
    }
}
