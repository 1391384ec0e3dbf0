import Domain
import Foundation
import PostgresNIO

extension PostgresStore {
    // MARK: Inbox and replies

    /// Adds an idea from outside the team to the inbox (the proposed column, marked as waiting for triage), received on
    /// `receivedOn`, with who gets a reply; returns it.
    public func addToInbox(_ fields: IdeaFields, receivedOn: DayDate, replyTo: String?) throws -> Idea {
        let now = clock()
        let id: IdeaID = try write {
            let applied = try ChangeWriter(postgres: self, now: now).apply(.create(fields))
            let id = applied.focus!
            let intake = try Intake(ideaID: id, receivedOn: receivedOn).applying(.replyTo(replyTo), today: receivedOn)
            try session.execute(PostgresRecordEncoder.insert(IntakeRecord(intake), into: "intake"))
            return id
        }
        return try idea(id)
    }

    /// The intake of one idea; nil when it did not come in through the inbox.
    public func intake(_ id: IdeaID) throws -> Intake? {
        try storedIntake(id)
    }

    private func storedIntake(_ id: IdeaID) throws -> Intake? {
        try session.query("SELECT * FROM intake WHERE ideaId = \(id.rawValue)").first
            .map { try PostgresRowDecoder.decode(IntakeRecord.self, $0, table: "intake").intake }
    }

    /// Every intake, by idea id.
    public func intakes() throws -> [Intake] {
        try session.query("SELECT * FROM intake ORDER BY ideaId").map { try PostgresRowDecoder.decode(IntakeRecord.self, $0, table: "intake").intake }
    }

    /// Carries out one triage or reply step on `today`, with its event row, in one transaction (as `AppDatabase.changeIntake`).
    @discardableResult
    public func changeIntake(_ id: IdeaID, _ step: IntakeStep, today: DayDate) throws -> Intake {
        let now = clock()
        return try write {
            guard var idea = try fetchIdea(id) else { throw DomainError.ideaNotFound(id) }
            let stored = try storedIntake(id)
            let current: Intake
            switch (stored, step) {
            case (let stored?, _): current = stored
            case (nil, .replyTo), (nil, .replySent):
                current = Intake(ideaID: id, receivedOn: DayDate.local(idea.createdAt), status: .accepted, triagedOn: DayDate.local(idea.createdAt))
            case (nil, _): throw DomainError.noIntake(id)
            }
            let next = try current.applying(step, today: today)
            if stored == nil {
                try session.execute(PostgresRecordEncoder.insert(IntakeRecord(next), into: "intake"))
            } else {
                try session.execute(PostgresRecordEncoder.update(IntakeRecord(next), in: "intake", key: "ideaId"))
            }
            switch step {
            case .accept(let theme):
                if theme != idea.fields.theme {
                    var fields = idea.fields
                    fields.theme = theme
                    _ = try ChangeWriter(postgres: self, now: now).apply(.edit(id, fields))
                    idea = try self.idea(id)
                }
                try appendEvent(idea: id, kind: .accepted, reason: idea.fields.theme, at: now)
            case .decline:
                try appendEvent(idea: id, kind: .declined, reason: next.declineReason, at: now)
            case .merged:
                break  // the merge records its own event
            case .replyTo:
                // Who gets the reply is personal data: the event says that it changed, not to whom.
                try appendEvent(idea: id, kind: .replyContact, at: now)
            case .replySent(let day):
                try appendEvent(idea: id, kind: .replied, reason: day?.description, at: now)
            }
            return next
        }
    }

    // MARK: Lokale opgaven

    /// The managed list of lokale opgaven, in the order they were added.
    public func challenges() throws -> [LocalChallenge] {
        try session.query("SELECT * FROM challenge ORDER BY position, proeftuin_nocase(name) COLLATE \"C\"")
            .map { try PostgresRowDecoder.decode(ChallengeRecord.self, $0, table: "challenge").challenge }
    }

    /// The stored lokale opgave of a name (ASCII case ignored), with whatever transaction is open.
    private func storedChallenge(_ name: String) throws -> ChallengeRecord? {
        try session.query("SELECT * FROM challenge WHERE proeftuin_nocase(name) = proeftuin_nocase(\(name))").first
            .map { try PostgresRowDecoder.decode(ChallengeRecord.self, $0, table: "challenge") }
    }

    private func challengeNames() throws -> [String] {
        try session.query("SELECT name FROM challenge ORDER BY position").map { try $0[0].decode(String.self) }
    }

    /// Adds lokale opgaven (already validated) to the end of the list; those already listed (case ignored) are refused
    /// unless `skipExisting` (seeding from config.toml).
    public func addChallenges(_ list: [LocalChallenge], skipExisting: Bool) throws {
        let now = clock()
        try write {
            var position = try session.query("SELECT MAX(position) FROM challenge").first?[0].decode(Int64?.self) ?? 0
            for challenge in list {
                if try storedChallenge(challenge.name) != nil {
                    if skipExisting { continue }
                    throw DomainError.challengeExists(challenge.name)
                }
                position += 1
                try session.execute("""
                    INSERT INTO challenge (name, summary, dataSource, position)
                    VALUES (\(challenge.name), \(challenge.summary), \(challenge.dataSource), \(position))
                    """)
                try appendEvent(idea: nil, kind: .challengeChanged, reason: challenge.name, after: EventJSON.encode(challenge), at: now)
            }
        }
    }

    /// Replaces a lokale opgave (found by name, case ignored); a new name is carried over to every idea of the old one,
    /// each with its own edit event, in the same transaction.
    public func editChallenge(_ name: String, to edited: LocalChallenge) throws {
        let now = clock()
        try write {
            guard let stored = try storedChallenge(name) else { throw DomainError.challengeNotFound(name, known: try challengeNames()) }
            if TextSearch.fold(edited.name) != TextSearch.fold(stored.name), try storedChallenge(edited.name) != nil {
                throw DomainError.challengeExists(edited.name)
            }
            try session.execute("""
                UPDATE challenge SET name = \(edited.name), summary = \(edited.summary), dataSource = \(edited.dataSource)
                WHERE name = \(stored.name)
                """)
            try appendEvent(idea: nil, kind: .challengeChanged, reason: stored.name, before: EventJSON.encode(stored.challenge),
                            after: EventJSON.encode(edited), at: now)
            guard edited.name != stored.name else { return }
            let writer = ChangeWriter(postgres: self, now: now)
            for row in try session.query("SELECT * FROM idea WHERE proeftuin_nocase(theme) = proeftuin_nocase(\(stored.name)) ORDER BY id") {
                let idea = try PostgresRowDecoder.decode(IdeaRecord.self, row, table: "idea").idea
                var fields = idea.fields
                fields.theme = edited.name
                _ = try writer.apply(.edit(idea.id, fields))
            }
        }
    }

    /// Removes a lokale opgave no idea carries (refused, naming how many do, while any does).
    public func removeChallenge(_ name: String) throws {
        let now = clock()
        try write {
            guard let stored = try storedChallenge(name) else { throw DomainError.challengeNotFound(name, known: try challengeNames()) }
            let using = try session.query("SELECT COUNT(*) FROM idea WHERE proeftuin_nocase(theme) = proeftuin_nocase(\(stored.name))")
                .first?[0].decode(Int.self) ?? 0
            guard using == 0 else { throw DomainError.challengeInUse(stored.name, ideas: using) }
            try session.execute("DELETE FROM challenge WHERE name = \(stored.name)")
            try appendEvent(idea: nil, kind: .challengeChanged, reason: stored.name, before: EventJSON.encode(stored.challenge), at: now)
        }
    }
}
