import Domain
import Foundation
import GRDB

extension AppDatabase {
    // MARK: Inbox and replies

    /// Adds an idea from outside the team to the inbox (the proposed column, marked as waiting for triage), received on
    /// `receivedOn`, with who gets a reply; returns it.
    public func addToInbox(_ fields: IdeaFields, receivedOn: DayDate, replyTo: String?) throws -> Idea {
        let now = clock()
        let id: IdeaID = try write { db in
            do {
                let applied = try ChangeWriter(database: self, db: db, now: now).apply(.create(fields))
                let id = applied.focus!
                let intake = try Intake(ideaID: id, receivedOn: receivedOn).applying(.replyTo(replyTo), today: receivedOn)
                try IntakeRecord(intake).insert(db)
                return id
            } catch let error as DomainError {
                throw DomainErrorBox(error: error)
            }
        }
        return try idea(id)
    }

    /// The intake of one idea; nil when it did not come in through the inbox.
    public func intake(_ id: IdeaID) throws -> Intake? {
        try read { db in try IntakeRecord.fetchOne(db, key: id.rawValue)?.intake }
    }

    /// Every intake, by idea id.
    public func intakes() throws -> [Intake] {
        try read { db in try IntakeRecord.order(Column("ideaId")).fetchAll(db).map { try $0.intake } }
    }

    /// Carries out one triage or reply step on `today`, with its event row, in one transaction. Accepting also gives the
    /// idea its theme (`theme` already checked against the list of lokale opgaven). Records a reply contact for an idea
    /// without intake by starting one received on the day the idea was created.
    @discardableResult
    public func changeIntake(_ id: IdeaID, _ step: IntakeStep, today: DayDate) throws -> Intake {
        let now = clock()
        return try write { db in
            do {
                guard var idea = try IdeaRecord.fetchOne(db, key: id.rawValue)?.idea else { throw DomainError.ideaNotFound(id) }
                let stored = try IntakeRecord.fetchOne(db, key: id.rawValue)?.intake
                let current: Intake
                switch (stored, step) {
                case (let stored?, _): current = stored
                case (nil, .replyTo), (nil, .replySent):
                    current = Intake(ideaID: id, receivedOn: DayDate.local(idea.createdAt), status: .accepted,
                                     triagedOn: DayDate.local(idea.createdAt))
                case (nil, _): throw DomainError.noIntake(id)
                }
                let next = try current.applying(step, today: today)
                if stored == nil { try IntakeRecord(next).insert(db) } else { try IntakeRecord(next).update(db) }
                switch step {
                case .accept(let theme):
                    let writer = ChangeWriter(database: self, db: db, now: now)
                    if theme != idea.fields.theme {
                        var fields = idea.fields
                        fields.theme = theme
                        _ = try writer.apply(.edit(id, fields))
                        idea = try IdeaRecord.fetchOne(db, key: id.rawValue)!.idea
                    }
                    try appendEvent(db, idea: id, kind: .accepted, reason: idea.fields.theme, at: now)
                case .decline(let reason):
                    _ = reason
                    try appendEvent(db, idea: id, kind: .declined, reason: next.declineReason, at: now)
                case .merged:
                    break  // the merge records its own event
                case .replyTo:
                    // Who gets the reply is personal data: the event says that it changed, not to whom.
                    try appendEvent(db, idea: id, kind: .replyContact, at: now)
                case .replySent(let day):
                    try appendEvent(db, idea: id, kind: .replied, reason: day?.description, at: now)
                }
                return next
            } catch let error as DomainError {
                throw DomainErrorBox(error: error)
            }
        }
    }

    // MARK: Lokale opgaven

    /// The managed list of lokale opgaven, in the order they were added.
    public func challenges() throws -> [LocalChallenge] {
        try read { db in try ChallengeRecord.order(Column("position"), Column("name")).fetchAll(db).map(\.challenge) }
    }

    /// Adds lokale opgaven (already validated) to the end of the list; those already listed (case ignored) are refused
    /// unless `skipExisting` (seeding from config.toml).
    public func addChallenges(_ list: [LocalChallenge], skipExisting: Bool) throws {
        let now = clock()
        try write { db in
            var position = (try Int64.fetchOne(db, sql: "SELECT MAX(position) FROM challenge") ?? 0)
            for challenge in list {
                if try ChallengeRecord.filter(sql: "name = ? COLLATE NOCASE", arguments: [challenge.name]).fetchOne(db) != nil {
                    if skipExisting { continue }
                    throw DomainErrorBox(error: .challengeExists(challenge.name))
                }
                position += 1
                try ChallengeRecord(name: challenge.name, summary: challenge.summary, dataSource: challenge.dataSource, position: position)
                    .insert(db)
                try appendEvent(db, idea: nil, kind: .challengeChanged, reason: challenge.name, after: EventJSON.encode(challenge), at: now)
            }
        }
    }

    /// Replaces a lokale opgave (found by name, case ignored); a new name is carried over to every idea of the old one,
    /// each with its own edit event, in the same transaction.
    public func editChallenge(_ name: String, to edited: LocalChallenge) throws {
        let now = clock()
        try write { db in
            do {
                guard let stored = try ChallengeRecord.filter(sql: "name = ? COLLATE NOCASE", arguments: [name]).fetchOne(db) else {
                    throw DomainError.challengeNotFound(name, known: try String.fetchAll(db, sql: "SELECT name FROM challenge ORDER BY position"))
                }
                if TextSearch.fold(edited.name) != TextSearch.fold(stored.name),
                   try ChallengeRecord.filter(sql: "name = ? COLLATE NOCASE", arguments: [edited.name]).fetchOne(db) != nil {
                    throw DomainError.challengeExists(edited.name)
                }
                try db.execute(sql: "UPDATE challenge SET name = ?, summary = ?, dataSource = ? WHERE name = ?",
                               arguments: [edited.name, edited.summary, edited.dataSource, stored.name])
                try appendEvent(db, idea: nil, kind: .challengeChanged, reason: stored.name, before: EventJSON.encode(stored.challenge),
                                after: EventJSON.encode(edited), at: now)
                guard edited.name != stored.name else { return }
                let writer = ChangeWriter(database: self, db: db, now: now)
                for record in try IdeaRecord.filter(sql: "theme = ? COLLATE NOCASE", arguments: [stored.name]).fetchAll(db) {
                    var fields = try record.idea.fields
                    fields.theme = edited.name
                    _ = try writer.apply(.edit(IdeaID(record.id!), fields))
                }
            } catch let error as DomainError {
                throw DomainErrorBox(error: error)
            }
        }
    }

    /// Removes a lokale opgave no idea carries (refused, naming how many do, while any does).
    public func removeChallenge(_ name: String) throws {
        let now = clock()
        try write { db in
            guard let stored = try ChallengeRecord.filter(sql: "name = ? COLLATE NOCASE", arguments: [name]).fetchOne(db) else {
                throw DomainErrorBox(error: .challengeNotFound(
                    name, known: try String.fetchAll(db, sql: "SELECT name FROM challenge ORDER BY position")))
            }
            let using = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM idea WHERE theme = ? COLLATE NOCASE", arguments: [stored.name]) ?? 0
            guard using == 0 else { throw DomainErrorBox(error: .challengeInUse(stored.name, ideas: using)) }
            try db.execute(sql: "DELETE FROM challenge WHERE name = ?", arguments: [stored.name])
            try appendEvent(db, idea: nil, kind: .challengeChanged, reason: stored.name, before: EventJSON.encode(stored.challenge), at: now)
        }
    }

    // MARK: The council's values

    /// The name of the criteria set marked as the council's values, if any.
    public func valuesSetName() throws -> String? {
        try read { db in try String.fetchOne(db, sql: "SELECT setName FROM councilValues WHERE id = 1") }
    }

    /// Marks a stored criteria set as the council's values (replacing an earlier mark).
    public func markValuesSet(_ name: String) throws {
        let now = clock()
        try write { db in
            guard let stored = try String.fetchOne(db, sql: "SELECT name FROM criteriaSet WHERE name = ?", arguments: [name]) else {
                throw DomainErrorBox(error: .unknownCriteriaSet(name))
            }
            try db.execute(sql: "INSERT OR REPLACE INTO councilValues (id, setName) VALUES (1, ?)", arguments: [stored])
            try appendEvent(db, idea: nil, kind: .criteriaChanged, reason: "values: \(stored)", at: now)
        }
    }
}
