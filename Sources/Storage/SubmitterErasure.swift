import Domain
import Foundation
import GRDB

/// Erases one person's name as submitter from a Proeftuin database: the live one, a backup or a file set aside.
///
/// Names match the way people write them (`Privacy.sameName`: case in any script, accents, spacing), and the event
/// log's snapshots are read as JSON, so a name with quotes, slashes or backslashes (escaped in the JSON) is found too.
struct SubmitterErasure {
    let name: String

    /// What one run changed.
    struct Outcome {
        var ideas: [Int64] = []
        var events = 0
    }

    /// Whether an idea's submitter is this person.
    func isSubmitter(_ submitter: String) -> Bool { Privacy.sameName(submitter, name) }

    /// Whether the contact an inbox reply goes to names this person.
    func namesContact(_ contact: String) -> Bool { Privacy.sameName(contact, name) || Privacy.mentions(contact, name: name) }

    /// Whether the contact an inbox reply goes to is erased: one that names this person, and any contact of an idea
    /// they submitted (their e-mail address or phone number, which need not hold their name).
    func erasesContact(_ contact: String, ofTheirIdea: Bool) -> Bool { ofTheirIdea || namesContact(contact) }

    /// An event snapshot without the person as submitter (the same text when it did not name them).
    func erased(snapshot: String) -> String { Personal.eraseSubmitter(name, in: snapshot) }

    /// Whether an idea's free text (title or description) still mentions the name.
    func isMentioned(title: String, description: String) -> Bool {
        Privacy.mentions(title, name: name) || Privacy.mentions(description, name: name)
    }

    /// Erases the name inside the current write transaction; the append-only trigger of the event log is lifted and put
    /// back inside it (erasure is the one sanctioned rewrite). Works on older schemas: absent tables are skipped.
    func run(in db: Database) throws -> Outcome {
        var outcome = Outcome()
        if try db.tableExists("idea") {
            for row in try Row.fetchAll(db, sql: "SELECT id, submitter FROM idea WHERE submitter IS NOT NULL") {
                guard let submitter = row[1] as String?, isSubmitter(submitter) else { continue }
                outcome.ideas.append(row[0])
                try db.execute(sql: "UPDATE idea SET submitter = NULL WHERE id = ?", arguments: [row[0] as Int64])
            }
        }
        if try db.tableExists("intake") {
            // Who gets a reply may name the same person: erased with them.
            let theirs = Set(outcome.ideas)
            for row in try Row.fetchAll(db, sql: "SELECT ideaId, replyTo FROM intake WHERE replyTo IS NOT NULL") {
                let id: Int64 = row[0]
                guard let contact = row[1] as String?, erasesContact(contact, ofTheirIdea: theirs.contains(id)) else { continue }
                if !outcome.ideas.contains(id) { outcome.ideas.append(id) }
                try db.execute(sql: "UPDATE intake SET replyTo = NULL WHERE ideaId = ?", arguments: [id])
            }
        }
        guard try db.tableExists("event") else { return outcome }
        let guarded = try Bool.fetchOne(db, sql: "SELECT COUNT(*) > 0 FROM sqlite_master WHERE type = 'trigger' AND name = 'event_no_update'") ?? false
        if guarded { try db.execute(sql: "DROP TRIGGER event_no_update") }
        let rows = try Row.fetchAll(db, sql: """
            SELECT id, before, after FROM event WHERE before LIKE '%"submitter"%' OR after LIKE '%"submitter"%'
            """)
        for row in rows {
            let before: String? = row[1]
            let after: String? = row[2]
            let newBefore = before.map(erased(snapshot:))
            let newAfter = after.map(erased(snapshot:))
            if newBefore != before || newAfter != after {
                try db.execute(sql: "UPDATE event SET before = ?, after = ? WHERE id = ?", arguments: [newBefore, newAfter, row[0] as Int64])
                outcome.events += 1
            }
        }
        if guarded {
            try db.execute(sql: """
                CREATE TRIGGER event_no_update BEFORE UPDATE ON event
                BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
                """)
        }
        return outcome
    }

    /// Ideas whose title or description still mention the name (free text is for a person to edit).
    func stillMentioned(in db: Database) throws -> [IdeaSummary] {
        try Row.fetchAll(db, sql: "SELECT id, title, description, stage FROM idea ORDER BY id").compactMap { row in
            let title: String = row[1]
            let description: String = row[2]
            guard isMentioned(title: title, description: description) else { return nil }
            let id: Int64 = row[0]
            let stage = try StoredValue.value(Stage.self, row[3] as String, table: "idea", record: "#\(id)", field: "stage")
            return IdeaSummary(id: IdeaID(id), title: title, theme: "", tags: [], stage: stage, position: 0)
        }
    }
}
