import Domain
import Foundation
import GRDB

/// What `forget` changed, and what a person still has to look at.
public struct ForgetReport: Equatable, Sendable {
    public var ideasChanged: Int
    public var eventsChanged: Int
    /// Ideas whose title or description still mention the name (free text is not rewritten automatically).
    public var stillMentioned: [IdeaSummary]
}

extension AppDatabase {
    /// Erases a submitter's name from every idea and from the event log's snapshots, then rewrites the
    /// database file so the name's bytes are gone (secure_delete, VACUUM, WAL truncated).
    public func forget(submitter name: String) throws -> ForgetReport {
        let clean = TextSanitizer.singleLine(name).trimmingCharactersInWhitespace()
        guard !clean.isEmpty else { throw DomainError.emptyName }
        let now = clock()
        let report = try write { db -> ForgetReport in
            let ideas = try Int64.fetchAll(db, sql: "SELECT id FROM idea WHERE submitter = ? COLLATE NOCASE", arguments: [clean])
            try db.execute(sql: "UPDATE idea SET submitter = NULL WHERE submitter = ? COLLATE NOCASE", arguments: [clean])
            // The event log is append-only; erasure of personal data is the one sanctioned rewrite, done inside this transaction.
            try db.execute(sql: "DROP TRIGGER event_no_update")
            var events = 0
            let rows = try Row.fetchAll(db, sql: "SELECT id, before, after FROM event WHERE before LIKE ? OR after LIKE ?",
                                        arguments: ["%\(clean)%", "%\(clean)%"])
            for row in rows {
                let before: String? = (try row.decode(atIndex: 1))
                let after: String? = (try row.decode(atIndex: 2))
                let newBefore = before.map { Personal.eraseSubmitter(clean, in: $0) }
                let newAfter = after.map { Personal.eraseSubmitter(clean, in: $0) }
                if newBefore != before || newAfter != after {
                    try db.execute(sql: "UPDATE event SET before = ?, after = ? WHERE id = ?", arguments: [newBefore, newAfter, row[0] as DatabaseValue])
                    events += 1
                }
            }
            try db.execute(sql: """
                CREATE TRIGGER event_no_update BEFORE UPDATE ON event
                BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
                """)
            try appendEvent(db, idea: nil, kind: .forgotten, after: "{\"ideas\":\(ideas.count),\"events\":\(events)}", at: now)
            let mentioned = try Row.fetchAll(db, sql: """
                SELECT id, title, stage FROM idea WHERE title LIKE ? OR description LIKE ? ORDER BY id
                """, arguments: ["%\(clean)%", "%\(clean)%"]).map { row in
                let id: Int64 = (try row.decode(atIndex: 0))
                let stage = try StoredValue.value(Stage.self, (try row.decode(atIndex: 2)) as String, table: "idea", record: "#\(id)", field: "stage")
                return IdeaSummary(id: IdeaID(id), title: (try row.decode(atIndex: 1)), theme: "", tags: [], stage: stage, position: 0)
            }
            return ForgetReport(ideasChanged: ideas.count, eventsChanged: events, stillMentioned: mentioned)
        }
        try compact()
        return report
    }

    /// Rewrites the database file without free pages and empties the WAL, so erased bytes do not linger.
    public func compact() throws {
        do {
            try pool.writeWithoutTransaction { db in
                try db.checkpoint(.truncate)
                try db.execute(sql: "VACUUM")
                try db.checkpoint(.truncate)
            }
            _ = try pool.barrierWriteWithoutTransaction { db in try db.checkpoint(.truncate) }
        } catch {
            throw StorageError.wrap(error, path: directory.path)
        }
    }

    /// Merges one idea into another: tags and sessions follow, the history is shown together, and the
    /// merged idea is stopped with category `merged` and a link.
    public func merge(_ source: IdeaID, into target: IdeaID) throws {
        guard source != target else { throw DomainError.mergeIntoItself }
        let now = clock()
        try write { db in
            guard var from = try IdeaRecord.fetchOne(db, key: source.rawValue)?.idea else { throw DomainError.ideaNotFound(source) }
            guard var into = try IdeaRecord.fetchOne(db, key: target.rawValue)?.idea else { throw DomainError.ideaNotFound(target) }
            if let merged = try Int64.fetchOne(db, sql: "SELECT mergedInto FROM idea WHERE id = ?", arguments: [source.rawValue]) {
                throw DomainError.alreadyMerged(source, IdeaID(merged))
            }
            let beforeTags = into.fields.tags
            into.fields.tags = IdeaFields.normalisedTags(into.fields.tags + from.fields.tags)
            into.updatedAt = now
            try IdeaRecord(into).update(db)
            // Sessions that weighed the source now count the target, unless it was weighed there too.
            for row in try Row.fetchAll(db, sql: "SELECT id, ideas FROM session") {
                var ids = try StoredValue.json([IdeaID].self, (try row.decode(atIndex: 1)), table: "session", record: "session \(row[0] as DatabaseValue)", field: "ideas")
                guard let index = ids.firstIndex(of: source), !ids.contains(target) else { continue }
                ids[index] = target
                try db.execute(sql: "UPDATE session SET ideas = ? WHERE id = ?", arguments: [EventJSON.encode(ids), row[0] as DatabaseValue])
                try db.execute(sql: "UPDATE score SET ideaId = ? WHERE sessionId = ? AND ideaId = ?",
                               arguments: [target.rawValue, row[0] as DatabaseValue, source.rawValue])
            }
            let link = "merged into \(target)"
            if from.stage != .stopped {
                _ = try ChangeWriter(database: self, db: db, now: now).apply(.move(MoveRequest(
                    id: source, target: .stopped, reason: link, gate: .stop(.merged, learned: link), enforceRules: false)))
                from = try IdeaRecord.fetchOne(db, key: source.rawValue)!.idea
            } else {
                from.stopCategory = .merged
                from.stopLearned = link
                try IdeaRecord(from).update(db)
            }
            try db.execute(sql: "UPDATE idea SET mergedInto = ? WHERE id = ?", arguments: [target.rawValue, source.rawValue])
            try appendEvent(db, idea: target, kind: .merged, reason: "merged \(source) into \(target)",
                            before: EventJSON.encode(["tags": beforeTags]),
                            after: EventJSON.encode(["tags": into.fields.tags, "merged": [from.fields.title]]), at: now)
        }
    }
}

extension Personal {
    /// A JSON snapshot with `"submitter":"name"` (any case) replaced by null.
    static func eraseSubmitter(_ name: String, in json: String) -> String {
        rewriteSubmitter(in: json, matching: { $0.string?.lowercased() == name.lowercased() }, to: .null)
    }
}
