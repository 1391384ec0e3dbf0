import Domain
import Foundation
import PostgresNIO

/// Writes one `IdeaChange` inside an open PostgreSQL transaction, with its event row, and works out its inverse: the same
/// rules, refusals and events as the SQLite store's `ChangeWriter`, case by case (keep the two in step).
struct PostgresChangeWriter {
    let store: PostgresStore
    let now: Date
    /// True while taking a change back (undo or redo): refusals then say that nothing was undone.
    var undoing = false

    private var session: PostgresSession { store.session }

    func apply(_ change: IdeaChange) throws -> AppliedChange {
        switch change {
        case .create(let fields):
            let clean = try fields.validated()
            // A new idea lands in proposed: a hard limit there refuses it, as it refuses a move or an import into it.
            if let limit = try store.wipLimitsInTransaction()[.proposed], limit.hard {
                try limit.check(countAfter: try store.boardCount(of: .proposed) + 1, override: nil)
            }
            var record = IdeaRecord(
                Idea(id: IdeaID(0), fields: clean, stage: .proposed, position: try nextPosition(in: .proposed),
                     createdAt: now, updatedAt: now))
            record.id = nil
            let id = try insertReturningID(record, into: "idea")
            var idea = try record.idea
            idea.id = IdeaID(id)
            try event(idea.id, .created, after: EventJSON.encode(idea))
            return AppliedChange(change: change, inverse: .delete(idea), focus: idea.id, focusStage: .proposed)

        case .edit(let id, let fields):
            var idea = try fetch(id)
            let clean = try fields.validated()
            let before = idea.fields
            if clean.submitter != before.submitter { try refuseErasedName(clean.submitter, of: id) }
            idea.fields = clean
            idea.updatedAt = now
            try update(IdeaRecord(idea), in: "idea")
            try event(id, .edited, before: EventJSON.encode(before), after: EventJSON.encode(clean))
            return AppliedChange(change: change, inverse: .editFrom(id, base: clean, edited: before), focus: id, focusStage: idea.stage)

        case .editFrom(let id, let base, let edited):
            let current = try fetch(id).fields
            let (merged, conflicts) = IdeaFields.merge(base: try base.validated(), edited: try edited.validated(), current: current)
            guard conflicts.isEmpty else { throw try changedSince(id, fields: conflicts, kinds: [.edited]) }
            if merged == current {
                return AppliedChange(change: change, inverse: .editFrom(id, base: edited, edited: base), focus: id,
                                     focusStage: try fetch(id).stage)
            }
            let applied = try apply(.edit(id, merged))
            return AppliedChange(change: change, inverse: .editFrom(id, base: merged, edited: current), focus: applied.focus,
                                 focusStage: applied.focusStage)

        case .move(let request):
            return try move(request, change: change)

        case .revertMove(let revert):
            return try revertMove(revert, change: change)

        case .swap(let firstID, let secondID):
            var first = try fetch(firstID)
            var second = try fetch(secondID)
            try store.refuseDeclined([firstID, secondID])
            guard first.stage == second.stage else { throw try changedSince(secondID, fields: [], kinds: [.moved]) }
            let before = PlacementSnapshot(stage: first.stage.rawValue, position: first.position)
            (first.position, second.position) = (second.position, first.position)
            if first.position == second.position { second.position = second.position &+ 1 }
            first.updatedAt = now
            second.updatedAt = now
            try update(IdeaRecord(first), in: "idea")
            try update(IdeaRecord(second), in: "idea")
            try event(firstID, .reordered, before: EventJSON.encode(before),
                      after: EventJSON.encode(PlacementSnapshot(stage: first.stage.rawValue, position: first.position)))
            return AppliedChange(change: change, inverse: .swap(firstID, secondID), focus: firstID, focusStage: first.stage)

        case .delete(let created):
            let id = created.id
            let idea = try fetch(id)
            // Anything built on the idea since keeps it: cycles, decisions, ideas merged into it, weighing sessions.
            let hanging = try count("""
                SELECT (SELECT COUNT(*) FROM cycle WHERE ideaId = \(id.rawValue))
                + (SELECT COUNT(*) FROM decision WHERE ideaId = \(id.rawValue))
                + (SELECT COUNT(*) FROM idea WHERE mergedInto = \(id.rawValue))
                + (SELECT COUNT(*) FROM session, json_array_elements_text(session.ideas::json) AS listed (value)
                   WHERE listed.value = \(String(id.rawValue)))
                """)
            if idea.fields != created.fields || idea.stage != created.stage || hanging > 0 {
                throw try changedSince(id, fields: [], kinds: nil)
            }
            try session.execute("DELETE FROM idea WHERE id = \(id.rawValue)")
            try event(id, .deleted, before: EventJSON.encode(idea))
            return AppliedChange(change: change, inverse: .restore(idea), focus: nil, focusStage: idea.stage)

        case .restore(let idea):
            try refuseErasedName(idea.fields.submitter, of: idea.id)
            try session.execute(PostgresRecordEncoder.insert(IdeaRecord(idea), into: "idea"))
            try event(idea.id, .restored, after: EventJSON.encode(idea))
            return AppliedChange(change: change, inverse: .delete(idea), focus: idea.id, focusStage: idea.stage)

        case .addMeasurement(let id, let measurement):
            let idea = try fetch(id)
            guard let cycle = try currentCycle(of: idea) else { throw DomainError.noCycle(id) }
            let clean = MetricMeasurement(date: measurement.date, value: measurement.value,
                                          note: TextSanitizer.singleLine(measurement.note).trimmingCharactersInWhitespace())
            guard clean.value.isFinite else { throw DomainError.invalidNumber("\(clean.value)") }
            try NumberKind.measurement.check(clean.value)
            try TextLimit.check(clean.note, field: "note", limit: TextLimit.text)
            try session.execute(PostgresRecordEncoder.insert(
                MeasurementRecord(id: nil, cycleId: cycle.id!, date: clean.date.description, value: clean.value, note: clean.note),
                into: "measurement", omitting: ["id"]))
            try event(id, .measured, after: EventJSON.encode(MeasurementEvent(cycle: cycle.number, measurement: clean)))
            return AppliedChange(change: change, inverse: .removeMeasurement(id, cycle: cycle.number, clean), focus: id,
                                 focusStage: idea.stage)

        case .removeMeasurement(let id, let number, let measurement):
            let idea = try fetch(id)
            guard let cycle = try cycle(of: id, number: number) else { throw DomainError.noCycle(id) }
            try session.execute("""
                DELETE FROM measurement WHERE id = (SELECT id FROM measurement
                WHERE cycleId = \(cycle.id!) AND date = \(measurement.date.description) AND value = \(measurement.value)
                AND note = \(measurement.note) ORDER BY id DESC LIMIT 1)
                """)
            try event(id, .measurementRemoved, before: EventJSON.encode(MeasurementEvent(cycle: number, measurement: measurement)))
            return AppliedChange(change: change, inverse: .addMeasurement(id, measurement), focus: id, focusStage: idea.stage)

        case .saveDecision(let decision):
            return try saveDecision(decision, change: change)

        case .saveDecisionFrom(let base, let edited):
            guard let id = edited.id, let record = try decisionRecord(id) else {
                throw DomainError.decisionNotFound(edited.id?.description ?? "?")
            }
            let (merged, conflicts) = ConsentDecision.merge(base: base, edited: edited, current: try record.decision)
            guard conflicts.isEmpty else { throw try changedSince(edited.ideaID, fields: conflicts, kinds: [.decisionSaved]) }
            let applied = try saveDecision(merged, change: change)
            return AppliedChange(change: change, inverse: applied.inverse, focus: applied.focus, focusStage: applied.focusStage)

        case .amendDecision(let id, let amendment):
            guard let record = try decisionRecord(id) else { throw DomainError.decisionNotFound(id.description) }
            let applied = try saveDecision(try record.decision.amended(amendment), change: change)
            return AppliedChange(change: change, inverse: applied.inverse, focus: applied.focus, focusStage: applied.focusStage)

        case .deleteDecision(let id):
            guard let record = try decisionRecord(id) else { throw DomainError.decisionNotFound(id.description) }
            let decision = try record.decision
            if record.updatedAt != record.createdAt {  // objections or judgements were recorded since it was made
                throw try changedSince(decision.ideaID, fields: [], kinds: [.decisionSaved])
            }
            try session.execute("DELETE FROM decision WHERE id = \(id.rawValue)")
            try event(decision.ideaID, .decisionDeleted, before: EventJSON.encode(decision))
            return AppliedChange(change: change, inverse: .saveDecision(decision), focus: decision.ideaID, focusStage: nil)
        }
    }

    // MARK: Moves

    private func move(_ request: MoveRequest, change: IdeaChange) throws -> AppliedChange {
        let idea = try fetch(request.id)
        try store.refuseDeclined([request.id])
        let reason = TextSanitizer.singleLine(request.reason).trimmingCharactersInWhitespace()
        let override = request.wipOverride.map { TextSanitizer.singleLine($0).trimmingCharactersInWhitespace() }
        if let from = request.from, idea.stage != from {
            throw try changedSince(idea.id, fields: [], kinds: [.moved, .imported, .merged])
        }
        if request.enforceRules {
            try idea.stage.validateMove(to: request.target)
            guard !reason.isEmpty else { throw DomainError.reasonRequired }
            try TextLimit.check(reason, field: "reason", limit: TextLimit.text)
            try TextLimit.check(override ?? "", field: "reason", limit: TextLimit.text)
            try request.gate.check(for: request.target)
            if let limit = try store.wipLimitsInTransaction()[request.target] {
                let count = try store.boardCount(of: request.target)
                try limit.check(countAfter: count + 1, override: override)
            }
        }
        var moved = idea
        moved.stage = request.target
        moved.position = try nextPosition(in: request.target)
        moved.updatedAt = now
        var revert = MoveRevert(
            id: idea.id, stage: idea.stage, position: idea.position, reviewDate: idea.reviewDate,
            stopCategory: idea.stopCategory, stopLearned: idea.stopLearned, removeCycle: nil, restoreLearning: nil,
            removeDecision: nil, redo: MoveRequest(id: request.id, target: request.target, reason: reason, gate: request.gate,
                                                   wipOverride: override, enforceRules: false, from: idea.stage))
        switch request.gate {
        case .none:
            if request.target == .proposed || request.target == .stopped {
                moved.reviewDate = nil
            }
            if request.target == .proposed {
                moved.stopCategory = nil
                moved.stopLearned = nil
            }
        case .experiment(let card, let owner, let review):
            guard idea.cycleCount >= 0, idea.cycleCount < Int(Int32.max) else {
                throw StorageError.unreadableValue(table: "idea", record: "#\(idea.id.rawValue)", field: "cycleCount", value: "\(idea.cycleCount)")
            }
            let number = idea.cycleCount + 1
            try session.execute(PostgresRecordEncoder.insert(
                CycleRecord(idea: idea.id, number: number, card: card, owner: owner, reviewDate: review, startedAt: now),
                into: "cycle", omitting: ["id"]))
            moved.cycleCount = number
            moved.reviewDate = review
            revert.removeCycle = number
        case .learning(let card):
            guard var cycle = try currentCycle(of: idea) else { throw DomainError.noCycle(idea.id) }
            revert.restoreLearning = RestoredLearning(cycle: cycle.number, card: cycle.learningCard)
            cycle.learningCard = card
            try update(cycle, in: "cycle")
        case .decision(let id):
            let decision = try consentedDecision(id, for: idea.id)
            moved.reviewDate = decision.reviewDate
        case .inlineDecision(let decision):
            var consented = decision
            consented.ideaID = idea.id
            consented.outcome = .consented
            var record = DecisionRecord(consented, createdAt: now, updatedAt: now)
            record.id = nil
            let id = DecisionID(try insertReturningID(record, into: "decision"))
            consented.id = id
            try event(idea.id, .decisionSaved, after: EventJSON.encode(consented))
            moved.reviewDate = decision.reviewDate
            revert.removeDecision = id
        case .stop(let category, let learned):
            moved.stopCategory = category
            moved.stopLearned = learned
            moved.reviewDate = nil
        }
        try update(IdeaRecord(moved), in: "idea")
        try event(
            idea.id, .moved, reason: reason,
            before: EventJSON.encode(PlacementSnapshot(stage: idea.stage.rawValue, position: idea.position)),
            after: EventJSON.encode(PlacementSnapshot(stage: moved.stage.rawValue, position: moved.position,
                                                      gate: request.gate == .none ? nil : request.gate, wipOverride: override,
                                                      takeBack: undoing ? TakeBack.redo.rawValue : nil)))
        return AppliedChange(change: change, inverse: .revertMove(revert), focus: idea.id, focusStage: request.target)
    }

    private func revertMove(_ revert: MoveRevert, change: IdeaChange) throws -> AppliedChange {
        let idea = try fetch(revert.id)
        try checkRevertible(revert, idea)
        var back = idea
        back.stage = revert.stage
        back.position = revert.position
        back.reviewDate = revert.reviewDate
        back.stopCategory = revert.stopCategory
        back.stopLearned = revert.stopLearned
        back.updatedAt = now
        if let number = revert.removeCycle {
            try session.execute("DELETE FROM cycle WHERE ideaId = \(idea.id.rawValue) AND number = \(number)")
            back.cycleCount = number - 1
        }
        if let restore = revert.restoreLearning, var cycle = try cycle(of: idea.id, number: restore.cycle) {
            cycle.learningCard = restore.card
            try update(cycle, in: "cycle")
        }
        if let decision = revert.removeDecision {
            try session.execute("DELETE FROM decision WHERE id = \(decision.rawValue)")
        }
        try update(IdeaRecord(back), in: "idea")
        try event(
            idea.id, .moved, reason: "undo",
            before: EventJSON.encode(PlacementSnapshot(stage: idea.stage.rawValue, position: idea.position)),
            after: EventJSON.encode(PlacementSnapshot(stage: back.stage.rawValue, position: back.position,
                                                      takeBack: TakeBack.undo.rawValue)))
        var redo = revert.redo
        redo.enforceRules = false
        return AppliedChange(change: change, inverse: .move(redo), focus: idea.id, focusStage: revert.stage)
    }

    /// Refuses to take a move back when someone else built on it since (see `ChangeWriter.checkRevertible`).
    private func checkRevertible(_ revert: MoveRevert, _ idea: Idea) throws {
        guard idea.stage == revert.redo.target else { throw try changedSince(idea.id, fields: [], kinds: [.moved, .imported, .merged]) }
        if let number = revert.removeCycle {
            guard idea.cycleCount == number, let cycle = try cycle(of: idea.id, number: number) else {
                throw try changedSince(idea.id, fields: [], kinds: [.moved])
            }
            if try count("SELECT COUNT(*) FROM measurement WHERE cycleId = \(cycle.id!)") > 0 {
                throw try changedSince(idea.id, fields: [], kinds: [.measured])
            }
            if cycle.learningCard != nil { throw try changedSince(idea.id, fields: [], kinds: [.moved]) }
        }
        if let restore = revert.restoreLearning, case .learning(let card) = revert.redo.gate,
           let cycle = try cycle(of: idea.id, number: restore.cycle), cycle.learningCard != card {
            throw try changedSince(idea.id, fields: [], kinds: nil)
        }
        if let id = revert.removeDecision, let record = try decisionRecord(id), record.updatedAt != record.createdAt {
            throw try changedSince(idea.id, fields: [], kinds: [.decisionSaved])
        }
    }

    /// The refusal of a change made on stale data, naming the newest event of the given kinds (any kind: nil) on the idea.
    private func changedSince(_ id: IdeaID, fields: [String], kinds: [EventKind]?) throws -> DomainError {
        let names = kinds?.map(\.rawValue)
        let rows = try session.query("""
            SELECT kind, at, actor, program FROM event WHERE ideaId = \(id.rawValue)
            AND (\(names == nil) OR kind = ANY(\(names ?? [])::text[])) ORDER BY id DESC LIMIT 1
            """)
        let notice = try rows.first.flatMap { row -> ChangeNotice? in
            guard let kind = EventKind(rawValue: try row[0].decode(String.self)) else { return nil }
            let atText = try row[1].decode(String.self)
            guard let at = Date.fromDatabaseValue(atText.databaseValue) else {
                throw StorageError.unreadableValue(table: "event", record: "event of #\(id.rawValue)", field: "at", value: atText)
            }
            return ChangeNotice(kind: kind, at: at, actor: try row[2].decode(String.self), program: try row[3].decode(String?.self))
        }
        return .changedSince(id, fields: fields, notice: notice, undoing: undoing)
    }

    private func consentedDecision(_ id: DecisionID, for idea: IdeaID) throws -> ConsentDecision {
        guard let decision = try decisionRecord(id)?.decision else { throw DomainError.decisionNotFound(id.description) }
        guard decision.ideaID == idea else { throw DomainError.decisionForAnotherIdea(id, decision.ideaID) }
        guard decision.outcome == .consented else { throw DomainError.decisionNotConsented(id) }
        return decision
    }

    // MARK: Decisions

    private func saveDecision(_ decision: ConsentDecision, change: IdeaChange) throws -> AppliedChange {
        let idea = try fetch(decision.ideaID)
        var clean = decision
        clean.proposal = TextSanitizer.multiLine(decision.proposal).trimmingCharactersInWhitespace()
        clean.responsible = TextSanitizer.singleLine(decision.responsible).trimmingCharactersInWhitespace()
        clean.evaluationCriteria = TextSanitizer.multiLine(decision.evaluationCriteria).trimmingCharactersInWhitespace()
        clean.objections = decision.objections.map {
            Objection(who: TextSanitizer.singleLine($0.who), text: TextSanitizer.multiLine($0.text), qualified: $0.qualified,
                      resolution: $0.resolution, resolutionNote: TextSanitizer.multiLine($0.resolutionNote),
                      previousProposal: $0.previousProposal.map(TextSanitizer.multiLine))
        }
        clean.concerns = decision.concerns.map { Concern(who: TextSanitizer.singleLine($0.who), text: TextSanitizer.multiLine($0.text)) }
        for (field, text) in [("proposal", clean.proposal), ("evaluation", clean.evaluationCriteria)] {
            try TextLimit.check(text, field: field, limit: TextLimit.text)
        }
        try TextLimit.check(clean.responsible, field: "responsible", limit: TextLimit.line)
        for item in clean.objections.map({ ($0.who, $0.text + $0.resolutionNote) }) + clean.concerns.map({ ($0.who, $0.text) }) {
            try TextLimit.check(item.0, field: "who", limit: TextLimit.line)
            try TextLimit.check(item.1, field: "text", limit: TextLimit.text)
        }
        if clean.outcome == .consented { clean = try clean.consented() }
        if let id = clean.id, let existing = try decisionRecord(id) {
            try update(DecisionRecord(clean, createdAt: existing.createdAt, updatedAt: now), in: "decision")
            try event(idea.id, .decisionSaved, before: EventJSON.encode(try existing.decision), after: EventJSON.encode(clean))
            return AppliedChange(change: change, inverse: .saveDecisionFrom(base: clean, edited: try existing.decision), focus: idea.id,
                                 focusStage: idea.stage)
        }
        var record = DecisionRecord(clean, createdAt: now, updatedAt: now)
        // A decision with an id that no longer exists keeps it (a redo of a deletion), as SQLite's INSERT does.
        let id = DecisionID(record.id == nil ? try insertReturningID(record, into: "decision") : try insertKeepingID(&record, into: "decision"))
        clean.id = id
        try event(idea.id, .decisionSaved, after: EventJSON.encode(clean))
        return AppliedChange(change: change, inverse: .deleteDecision(id), focus: idea.id, focusStage: idea.stage)
    }

    // MARK: Helpers

    /// Refuses an undo or redo that would write back a submitter's name the event log no longer holds for this idea.
    private func refuseErasedName(_ name: String?, of id: IdeaID) throws {
        guard undoing, let name else { return }
        let snapshots = try session.query("""
            SELECT before, after FROM event WHERE ideaId = \(id.rawValue)
            AND (before LIKE '%"submitter"%' OR after LIKE '%"submitter"%')
            """)
        let known = try snapshots.flatMap { row in
            [try row[0].decode(String?.self), try row[1].decode(String?.self)].compactMap { $0 }.flatMap(Personal.submitters)
        }
        guard !known.contains(name) else { return }
        throw DomainError.erasedPersonalData(id)
    }

    private func fetch(_ id: IdeaID) throws -> Idea {
        guard let idea = try store.fetchIdea(id) else { throw DomainError.ideaNotFound(id) }
        return idea
    }

    private func currentCycle(of idea: Idea) throws -> CycleRecord? {
        try session.query("SELECT * FROM cycle WHERE ideaId = \(idea.id.rawValue) ORDER BY number DESC LIMIT 1").first
            .map { try PostgresRowDecoder.decode(CycleRecord.self, $0, table: "cycle") }
    }

    private func cycle(of id: IdeaID, number: Int) throws -> CycleRecord? {
        try session.query("SELECT * FROM cycle WHERE ideaId = \(id.rawValue) AND number = \(number)").first
            .map { try PostgresRowDecoder.decode(CycleRecord.self, $0, table: "cycle") }
    }

    private func decisionRecord(_ id: DecisionID) throws -> DecisionRecord? {
        try session.query("SELECT * FROM decision WHERE id = \(id.rawValue)").first
            .map { try PostgresRowDecoder.decode(DecisionRecord.self, $0, table: "decision") }
    }

    private func count(_ query: PostgresQuery) throws -> Int {
        try session.query(query).first?[0].decode(Int.self) ?? 0
    }

    /// Inserts a record whose id the server numbers; returns that id.
    private func insertReturningID<T: Encodable>(_ record: T, into table: String) throws -> Int64 {
        guard let id = try session.query(PostgresRecordEncoder.insert(record, into: table, omitting: ["id"], returning: "id")).first else {
            throw PostgresStoreError.serverError(server: store.location.redacted, code: "?", detail: "no id returned for a new \(table) row")
        }
        return try id[0].decode(Int64.self)
    }

    /// Inserts a record with its own id; returns it.
    private func insertKeepingID(_ record: inout DecisionRecord, into table: String) throws -> Int64 {
        try session.execute(PostgresRecordEncoder.insert(record, into: table))
        return record.id!
    }

    private func update<T: Encodable>(_ record: T, in table: String) throws {
        try session.execute(PostgresRecordEncoder.update(record, in: table, key: "id"))
    }

    /// One past the highest position in a column; a position at the very top of the range is a damaged value.
    func nextPosition(in stage: Stage) throws -> Int64 {
        guard let row = try session.query("SELECT id, position FROM idea WHERE stage = \(stage.rawValue) ORDER BY position DESC LIMIT 1").first
        else { return 1 }
        let position = try row[1].decode(Int64.self)
        let (next, overflow) = position.addingReportingOverflow(1)
        if overflow || next > Int64.max / 2 {
            throw StorageError.unreadableValue(table: "idea", record: "#\(try row[0].decode(Int64.self))", field: "position", value: "\(position)")
        }
        return next
    }

    private func event(_ idea: IdeaID, _ kind: EventKind, reason: String? = nil, before: String? = nil, after: String? = nil) throws {
        try store.appendEvent(idea: idea, kind: kind, reason: reason, before: before, after: after, at: now)
    }
}
