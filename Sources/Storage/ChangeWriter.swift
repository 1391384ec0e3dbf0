import Domain
import Foundation

/// Writes one `IdeaChange` inside an open transaction, with its event row, and works out its inverse: every rule of a
/// change (refusals, events and their snapshots, inverses) written once over either store's reads and writes (`ChangeStore`).
struct ChangeWriter<Store: ChangeStore> {
    let store: Store
    let now: Date
    /// True while taking a change back (undo or redo): refusals then say that nothing was undone.
    var undoing = false

    func apply(_ change: IdeaChange) throws -> AppliedChange {
        switch change {
        case .create(let fields):
            let clean = try fields.validated()
            // A new idea lands in proposed: a hard limit there refuses it, as it refuses a move or an import into it.
            if let limit = try store.wipLimit(for: .proposed), limit.hard {
                try limit.check(countAfter: try store.boardCount(of: .proposed) + 1, override: nil)
            }
            let idea = try store.insertIdea(
                Idea(id: IdeaID(0), fields: clean, stage: .proposed, position: try store.nextPosition(in: .proposed),
                     createdAt: now, updatedAt: now))
            try event(idea.id, .created, after: EventJSON.encode(idea))
            return AppliedChange(change: change, inverse: .delete(idea), focus: idea.id, focusStage: .proposed)

        case .edit(let id, let fields):
            var idea = try fetch(id)
            let clean = try fields.validated()
            let before = idea.fields
            if clean.submitter != before.submitter { try refuseErasedName(clean.submitter, of: id) }
            idea.fields = clean
            idea.updatedAt = now
            try store.updateIdea(idea)
            try event(id, .edited, before: EventJSON.encode(before), after: EventJSON.encode(clean))
            // Undo takes back only the fields this edit changed, and only while nobody changed them since.
            return AppliedChange(change: change, inverse: .editFrom(id, base: clean, edited: before), focus: id, focusStage: idea.stage)

        case .editFrom(let id, let base, let edited):
            let current = try fetch(id).fields
            let (merged, conflicts) = IdeaFields.merge(base: try base.validated(), edited: try edited.validated(), current: current)
            guard conflicts.isEmpty else { throw try changedSince(id, fields: conflicts, kinds: [.edited]) }
            if merged == current {  // nothing left to change: the same edit was made elsewhere, or it is an undo of nothing
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
            try refuseDeclined([firstID, secondID])
            guard first.stage == second.stage else { throw try changedSince(secondID, fields: [], kinds: [.moved]) }
            let before = PlacementSnapshot(stage: first.stage.rawValue, position: first.position)
            (first.position, second.position) = (second.position, first.position)
            if first.position == second.position { second.position = second.position &+ 1 }
            first.updatedAt = now
            second.updatedAt = now
            try store.updateIdea(first)
            try store.updateIdea(second)
            try event(firstID, .reordered, before: EventJSON.encode(before),
                      after: EventJSON.encode(PlacementSnapshot(stage: first.stage.rawValue, position: first.position)))
            return AppliedChange(change: change, inverse: .swap(firstID, secondID), focus: firstID, focusStage: first.stage)

        case .delete(let created):
            let id = created.id
            let idea = try fetch(id)
            // Anything built on the idea since keeps it: cycles, decisions, ideas merged into it, weighing sessions.
            let hanging = try store.dependents(of: id)
            if idea.fields != created.fields || idea.stage != created.stage || hanging > 0 {
                throw try changedSince(id, fields: [], kinds: nil)
            }
            try store.deleteIdea(id)
            try event(id, .deleted, before: EventJSON.encode(idea))
            return AppliedChange(change: change, inverse: .restore(idea), focus: nil, focusStage: idea.stage)

        case .restore(let idea):
            try refuseErasedName(idea.fields.submitter, of: idea.id)
            try store.restoreIdea(idea)
            try event(idea.id, .restored, after: EventJSON.encode(idea))
            return AppliedChange(change: change, inverse: .delete(idea), focus: idea.id, focusStage: idea.stage)

        case .addMeasurement(let id, let measurement):
            let idea = try fetch(id)
            guard let cycle = try store.currentCycle(of: id) else { throw DomainError.noCycle(id) }
            let clean = MetricMeasurement(date: measurement.date, value: measurement.value,
                                    note: TextSanitizer.singleLine(measurement.note).trimmingCharactersInWhitespace())
            guard clean.value.isFinite else { throw DomainError.invalidNumber("\(clean.value)") }
            try NumberKind.measurement.check(clean.value)
            try TextLimit.check(clean.note, field: "note", limit: TextLimit.text)
            try store.insertMeasurement(
                MeasurementRecord(id: nil, cycleId: cycle.id!, date: clean.date.description, value: clean.value, note: clean.note))
            try event(id, .measured, after: EventJSON.encode(MeasurementEvent(cycle: cycle.number, measurement: clean)))
            return AppliedChange(change: change, inverse: .removeMeasurement(id, cycle: cycle.number, clean), focus: id,
                                 focusStage: idea.stage)

        case .removeMeasurement(let id, let number, let measurement):
            let idea = try fetch(id)
            guard let cycle = try store.cycle(of: id, number: number) else { throw DomainError.noCycle(id) }
            try store.deleteNewestMeasurement(measurement, inCycle: cycle.id!)
            try event(id, .measurementRemoved, before: EventJSON.encode(MeasurementEvent(cycle: number, measurement: measurement)))
            return AppliedChange(change: change, inverse: .addMeasurement(id, measurement), focus: id, focusStage: idea.stage)

        case .saveDecision(let decision):
            return try saveDecision(decision, change: change)

        case .saveDecisionFrom(let base, let edited):
            guard let id = edited.id, let record = try store.decision(id) else {
                throw DomainError.decisionNotFound(edited.id?.description ?? "?")
            }
            let (merged, conflicts) = ConsentDecision.merge(base: base, edited: edited, current: try record.decision)
            guard conflicts.isEmpty else { throw try changedSince(edited.ideaID, fields: conflicts, kinds: [.decisionSaved]) }
            let applied = try saveDecision(merged, change: change)
            return AppliedChange(change: change, inverse: applied.inverse, focus: applied.focus, focusStage: applied.focusStage)

        case .amendDecision(let id, let amendment):
            guard let record = try store.decision(id) else { throw DomainError.decisionNotFound(id.description) }
            let applied = try saveDecision(try record.decision.amended(amendment), change: change)
            return AppliedChange(change: change, inverse: applied.inverse, focus: applied.focus, focusStage: applied.focusStage)

        case .deleteDecision(let id):
            guard let record = try store.decision(id) else { throw DomainError.decisionNotFound(id.description) }
            let decision = try record.decision
            if record.updatedAt != record.createdAt {  // objections or judgements were recorded since it was made
                throw try changedSince(decision.ideaID, fields: [], kinds: [.decisionSaved])
            }
            try store.deleteDecision(id)
            try event(decision.ideaID, .decisionDeleted, before: EventJSON.encode(decision))
            return AppliedChange(change: change, inverse: .saveDecision(decision), focus: decision.ideaID, focusStage: nil)
        }
    }

    /// Refuses a change to the board's order of ideas declined at intake: they are off the board for good.
    func refuseDeclined(_ ids: [IdeaID]) throws {
        for id in ids where try store.isDeclined(id) {
            throw DomainError.ideaDeclined(id)
        }
    }

    // MARK: Moves

    private func move(_ request: MoveRequest, change: IdeaChange) throws -> AppliedChange {
        let idea = try fetch(request.id)
        try refuseDeclined([request.id])
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
            if let limit = try store.wipLimit(for: request.target) {
                let count = try store.boardCount(of: request.target)
                try limit.check(countAfter: count + 1, override: override)
            }
        }
        var moved = idea
        moved.stage = request.target
        moved.position = try store.nextPosition(in: request.target)
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
            try store.insertCycle(CycleRecord(idea: idea.id, number: number, card: card, owner: owner, reviewDate: review, startedAt: now))
            moved.cycleCount = number
            moved.reviewDate = review
            revert.removeCycle = number
        case .learning(let card):
            guard var cycle = try store.currentCycle(of: idea.id) else { throw DomainError.noCycle(idea.id) }
            revert.restoreLearning = RestoredLearning(cycle: cycle.number, card: cycle.learningCard)
            cycle.learningCard = card
            try store.updateCycle(cycle)
        case .decision(let id):
            let decision = try consentedDecision(id, for: idea.id)
            moved.reviewDate = decision.reviewDate
        case .inlineDecision(let decision):
            var consented = decision
            consented.ideaID = idea.id
            consented.outcome = .consented
            consented.id = nil  // a decision made in the move is a new one, numbered by the store
            let id = try store.insertDecision(DecisionRecord(consented, createdAt: now, updatedAt: now))
            consented.id = id
            try event(idea.id, .decisionSaved, after: EventJSON.encode(consented))
            moved.reviewDate = decision.reviewDate
            revert.removeDecision = id
        case .stop(let category, let learned):
            moved.stopCategory = category
            moved.stopLearned = learned
            moved.reviewDate = nil
        }
        try store.updateIdea(moved)
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
            try store.deleteCycle(of: idea.id, number: number)
            back.cycleCount = number - 1
        }
        if let restore = revert.restoreLearning, var cycle = try store.cycle(of: idea.id, number: restore.cycle) {
            cycle.learningCard = restore.card
            try store.updateCycle(cycle)
        }
        if let decision = revert.removeDecision {
            try store.deleteDecision(decision)
        }
        try store.updateIdea(back)
        try event(
            idea.id, .moved, reason: "undo",
            before: EventJSON.encode(PlacementSnapshot(stage: idea.stage.rawValue, position: idea.position)),
            after: EventJSON.encode(PlacementSnapshot(stage: back.stage.rawValue, position: back.position,
                                                      takeBack: TakeBack.undo.rawValue)))
        var redo = revert.redo
        redo.enforceRules = false
        return AppliedChange(change: change, inverse: .move(redo), focus: idea.id, focusStage: revert.stage)
    }

    /// Refuses to take a move back when someone else built on it since: moved the idea on, measured or learned in
    /// the cycle it started, or recorded objections on the decision it made. Undo never destroys others' work.
    private func checkRevertible(_ revert: MoveRevert, _ idea: Idea) throws {
        guard idea.stage == revert.redo.target else { throw try changedSince(idea.id, fields: [], kinds: [.moved, .imported, .merged]) }
        if let number = revert.removeCycle {
            guard idea.cycleCount == number, let cycle = try store.cycle(of: idea.id, number: number) else {
                throw try changedSince(idea.id, fields: [], kinds: [.moved])
            }
            if try store.measurementCount(inCycle: cycle.id!) > 0 {
                throw try changedSince(idea.id, fields: [], kinds: [.measured])
            }
            if cycle.learningCard != nil { throw try changedSince(idea.id, fields: [], kinds: [.moved]) }
        }
        if let restore = revert.restoreLearning, case .learning(let card) = revert.redo.gate,
           let cycle = try store.cycle(of: idea.id, number: restore.cycle), cycle.learningCard != card {
            throw try changedSince(idea.id, fields: [], kinds: nil)
        }
        if let id = revert.removeDecision, let record = try store.decision(id), record.updatedAt != record.createdAt {
            throw try changedSince(idea.id, fields: [], kinds: [.decisionSaved])
        }
    }

    /// The refusal of a change made on stale data, naming the newest event of the given kinds (any kind: nil) on the idea.
    private func changedSince(_ id: IdeaID, fields: [String], kinds: [EventKind]?) throws -> DomainError {
        .changedSince(id, fields: fields, notice: try store.newestNotice(of: id, kinds: kinds), undoing: undoing)
    }

    private func consentedDecision(_ id: DecisionID, for idea: IdeaID) throws -> ConsentDecision {
        guard let decision = try store.decision(id)?.decision else {
            throw DomainError.decisionNotFound(id.description)
        }
        guard decision.ideaID == idea else { throw DomainError.decisionForAnotherIdea(id, decision.ideaID) }
        guard decision.outcome == .consented else { throw DomainError.decisionNotConsented(id) }
        return decision
    }

    // MARK: Decisions

    private func saveDecision(_ decision: ConsentDecision, change: IdeaChange) throws -> AppliedChange {
        let idea = try fetch(decision.ideaID)
        var clean = try decision.cleaned()
        if clean.outcome == .consented { clean = try clean.consented() }
        if let id = clean.id, let existing = try store.decision(id) {
            try store.updateDecision(DecisionRecord(clean, createdAt: existing.createdAt, updatedAt: now))
            try event(idea.id, .decisionSaved, before: EventJSON.encode(try existing.decision), after: EventJSON.encode(clean))
            // Undo takes back only this save's part: objections others added since stay.
            return AppliedChange(change: change, inverse: .saveDecisionFrom(base: clean, edited: try existing.decision), focus: idea.id,
                                 focusStage: idea.stage)
        }
        // A decision with an id that no longer exists keeps it (a redo of a deletion).
        let id = try store.insertDecision(DecisionRecord(clean, createdAt: now, updatedAt: now))
        clean.id = id
        try event(idea.id, .decisionSaved, after: EventJSON.encode(clean))
        return AppliedChange(change: change, inverse: .deleteDecision(id), focus: idea.id, focusStage: idea.stage)
    }

    // MARK: Helpers

    // Hardening
    /// Refuses an undo or redo that would write back a submitter's name the event log no longer holds for this idea:
    /// `forget` erased it from every snapshot, so the name came from a board's memory of an older change. An undo can
    /// never bring erased personal data back.
    private func refuseErasedName(_ name: String?, of id: IdeaID) throws {
        guard undoing, let name else { return }
        let known = try store.submitterSnapshots(of: id).flatMap(Personal.submitters)
        guard !known.contains(name) else { return }
        throw DomainError.erasedPersonalData(id)
    }

    private func fetch(_ id: IdeaID) throws -> Idea {
        guard let idea = try store.idea(id) else { throw DomainError.ideaNotFound(id) }
        return idea
    }

    private func event(_ idea: IdeaID, _ kind: EventKind, reason: String? = nil, before: String? = nil, after: String? = nil) throws {
        try store.appendEvent(idea: idea, kind: kind, reason: reason, before: before, after: after, at: now)
    }
}
