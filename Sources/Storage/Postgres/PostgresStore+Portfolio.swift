import Domain
import Foundation
import PostgresNIO

extension PostgresStore {
    /// The portfolio metrics for the portfolio view and reports; declined ideas from the inbox are left out (they left the
    /// board). `PortfolioMetrics.compute` defines them; this reads only the columns it uses, on one snapshot.
    public func portfolio(today: DayDate, staleDays: Int, theme: String? = nil) throws -> PortfolioMetrics {
        try read {
            let declined = Set(try session.query("SELECT ideaId FROM intake WHERE status = 'declined'").map { try $0[0].decode(Int64.self) })
            var ideas: [(id: IdeaID, title: String, theme: String, stage: Stage, updated: DayDate, review: DayDate?)] = []
            var ids = Set<IdeaID>()
            for row in try session.query("""
                SELECT id, title, theme, stage, updatedAt, reviewDate FROM idea
                WHERE \(theme)::text IS NULL OR proeftuin_nocase(theme) = proeftuin_nocase(\(theme)) ORDER BY id
                """) {
                let raw = try row[0].decode(Int64.self)
                guard !declined.contains(raw) else { continue }
                let record = "#\(raw)"
                let stage = try StoredValue.value(Stage.self, try row[3].decode(String.self), table: "idea", record: record, field: "stage")
                let updatedText = try row[4].decode(String.self)
                guard let updated = PostgresTime.date(updatedText) else {
                    throw StorageError.unreadableValue(table: "idea", record: record, field: "updatedAt", value: updatedText)
                }
                let review = try StoredValue.day(try row[5].decode(String?.self), table: "idea", record: record, field: "reviewDate")
                ideas.append((IdeaID(raw), try row[1].decode(String.self), try row[2].decode(String.self), stage, DayDate.local(updated), review))
                ids.insert(IdeaID(raw))
            }
            return PortfolioMetrics.compute(ideas: ideas, changes: try stageChanges().filter { ids.contains($0.idea) }, today: today,
                                            staleDays: staleDays, calendarDay: DayDate.local)
        }
    }

    /// The learning-capacity figures of the portfolio (or one theme), as `LearningCapacity.measure` defines them: over
    /// every idea's details in id order, with of its history (and of the ideas merged into it) only the moves, merges
    /// and decisions, as the SQLite store's `learningDetails` gives them to the measure.
    public func learningCapacity(today: DayDate, triageDays: Int, theme: String? = nil) throws -> LearningCapacity {
        let kinds: Set<EventKind> = [.moved, .merged, .decisionSaved]
        let details = try details(theme: theme).sorted { $0.idea.id.rawValue < $1.idea.id.rawValue }.map { detail in
            var measured = detail
            measured.history = detail.history.filter { kinds.contains($0.kind) }.map { entry in
                var kept = entry
                kept.before = nil
                return kept
            }
            return measured
        }
        return LearningCapacity.measure(details, today: today, triageDays: triageDays, day: DayDate.local)
    }

    /// Merges one idea into another: tags and sessions follow, the history is shown together, and the merged idea is
    /// stopped with category `merged` and a link (as `AppDatabase.merge`).
    public func merge(_ source: IdeaID, into target: IdeaID) throws {
        guard source != target else { throw DomainError.mergeIntoItself }
        let now = clock()
        try write {
            guard var from = try fetchIdea(source) else { throw DomainError.ideaNotFound(source) }
            guard var into = try fetchIdea(target) else { throw DomainError.ideaNotFound(target) }
            try ChangeWriter(postgres: self, now: now).refuseDeclined([source, target])
            func mergedInto(_ id: IdeaID) throws -> Int64? {
                try session.query("SELECT mergedInto FROM idea WHERE id = \(id.rawValue)").first?[0].decode(Int64?.self)
            }
            if let merged = try mergedInto(source) { throw DomainError.alreadyMerged(source, IdeaID(merged)) }
            // A merged idea takes no merges: A into B then B into A would make a cycle, and a chain hides where things went.
            if let merged = try mergedInto(target) { throw DomainError.mergeIntoMerged(target, into: IdeaID(merged)) }
            let beforeTags = into.fields.tags
            into.fields.tags = IdeaFields.normalisedTags(into.fields.tags + from.fields.tags)
            into.updatedAt = now
            try session.execute(PostgresRecordEncoder.update(IdeaRecord(into), in: "idea", key: "id"))
            // Sessions that weighed the source now count the target, unless it was weighed there too.
            for row in try session.query("SELECT id, ideas FROM session ORDER BY id") {
                let sessionID = try row[0].decode(Int64.self)
                var ids = try StoredValue.json([IdeaID].self, try row[1].decode(String.self), table: "session", record: "session \(sessionID)",
                                               field: "ideas")
                guard let index = ids.firstIndex(of: source), !ids.contains(target) else { continue }
                ids[index] = target
                try session.execute("UPDATE session SET ideas = \(EventJSON.encode(ids)) WHERE id = \(sessionID)")
                try session.execute("UPDATE score SET ideaId = \(target.rawValue) WHERE sessionId = \(sessionID) AND ideaId = \(source.rawValue)")
            }
            let link = "merged into \(target)"
            if from.stage != .stopped {
                _ = try ChangeWriter(postgres: self, now: now).apply(.move(MoveRequest(
                    id: source, target: .stopped, reason: link, gate: .stop(.merged, learned: link), enforceRules: false)))
                from = try idea(source)
            } else {
                from.stopCategory = .merged
                from.stopLearned = link
                try session.execute(PostgresRecordEncoder.update(IdeaRecord(from), in: "idea", key: "id"))
            }
            try session.execute("UPDATE idea SET mergedInto = \(target.rawValue) WHERE id = \(source.rawValue)")
            // An idea merged straight from the inbox counts as triaged (merged) that day.
            try session.execute("""
                UPDATE intake SET status = 'merged', triagedOn = \(DayDate.local(now).description)
                WHERE ideaId = \(source.rawValue) AND status = 'inbox'
                """)
            try appendEvent(idea: target, kind: .merged, reason: "merged \(source) into \(target)",
                            before: EventJSON.encode(["tags": beforeTags]),
                            after: EventJSON.encode(["tags": into.fields.tags, "merged": [from.fields.title]]), at: now)
        }
    }
}
