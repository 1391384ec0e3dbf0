import Domain
import Foundation
import PostgresNIO

extension PostgresStore {
    /// One idea with its cycles, decisions, history, case notes and intake: what the detail view and `show` need.
    public func detail(_ id: IdeaID) throws -> IdeaDetail {
        try read {
            guard let idea = try fetchIdea(id) else { throw DomainError.ideaNotFound(id) }
            let records = try session.query("SELECT * FROM cycle WHERE ideaId = \(id.rawValue) ORDER BY number")
                .map { try PostgresRowDecoder.decode(CycleRecord.self, $0, table: "cycle") }
            let cycles = try records.map { cycle in
                let measurements = try session.query("SELECT * FROM measurement WHERE cycleId = \(cycle.id!) ORDER BY date, id")
                    .map { try PostgresRowDecoder.decode(MeasurementRecord.self, $0, table: "measurement").measurement }
                return try cycle.cycle(measurements: measurements)
            }
            let decisions = try decisions(idea: id)
            let cases = try caseNotes(idea: id)
            var detail = IdeaDetail(idea: idea, cycles: cycles, decisions: decisions, history: try history(id), cases: cases)
            detail.intake = try intake(id)
            return detail
        }
    }

    /// Every idea (optionally of one theme) with its cycles, decisions and history, read in a few bulk queries on one snapshot.
    public func details(theme: String? = nil) throws -> [IdeaDetail] {
        try read {
            let ideas = try self.ideas(theme: theme)
            var measurements: [Int64: [MetricMeasurement]] = [:]
            for row in try session.query("SELECT * FROM measurement ORDER BY date, id") {
                let record = try PostgresRowDecoder.decode(MeasurementRecord.self, row, table: "measurement")
                measurements[record.cycleId, default: []].append(try record.measurement)
            }
            var cycles: [Int64: [Cycle]] = [:]
            for row in try session.query("SELECT * FROM cycle ORDER BY ideaId, number") {
                let record = try PostgresRowDecoder.decode(CycleRecord.self, row, table: "cycle")
                cycles[record.ideaId, default: []].append(try record.cycle(measurements: measurements[record.id!] ?? []))
            }
            var decisions: [Int64: [ConsentDecision]] = [:]
            for decision in try self.decisions(idea: nil) { decisions[decision.ideaID.rawValue, default: []].append(decision) }
            var cases: [Int64: [CaseNote]] = [:]
            for note in try caseNotes(idea: nil) { cases[note.idea.rawValue, default: []].append(note) }
            var intakes: [Int64: Intake] = [:]
            for intake in try self.intakes() { intakes[intake.ideaID.rawValue] = intake }
            var mergedInto: [Int64: Int64] = [:]
            for row in try session.query("SELECT id, mergedInto FROM idea WHERE mergedInto IS NOT NULL") {
                mergedInto[try row[0].decode(Int64.self)] = try row[1].decode(Int64.self)
            }
            var history: [Int64: [HistoryEntry]] = [:]
            for row in try session.query("SELECT * FROM event WHERE ideaId IS NOT NULL ORDER BY id") {
                let entry = try PostgresRowDecoder.decode(EventRecord.self, row, table: "event").entry
                let idea = entry.ideaID.rawValue
                history[idea, default: []].append(entry)
                if let target = mergedInto[idea] { history[target, default: []].append(entry) }
            }
            return ideas.map { idea in
                let key = idea.id.rawValue
                var detail = IdeaDetail(idea: idea, cycles: cycles[key] ?? [], decisions: decisions[key] ?? [], history: history[key] ?? [],
                                        cases: cases[key] ?? [])
                detail.intake = intakes[key]
                return detail
            }
        }
    }

    /// Stage changes from the event log (creations and moves), oldest first.
    public func stageChanges() throws -> [StageChange] {
        try session.query("""
            SELECT ideaId, at, kind, before, after, id, reason FROM event
            WHERE kind IN ('created', 'moved', 'restored', 'imported') ORDER BY id
            """).compactMap { row -> StageChange? in
            guard let ideaID = try row[0].decode(Int64?.self) else { return nil }
            let kind = try row[2].decode(String.self)
            let event = try row[5].decode(Int64.self)
            // These events always record the stage after them (and a move the stage before it).
            let after = try row[4].decode(String?.self)
            guard let to = try StoredValue.stage(inSnapshot: after, table: "event", record: "event \(event)", field: "after") else {
                throw StorageError.unreadableValue(table: "event", record: "event \(event)", field: "after", value: "NULL")
            }
            let from = kind == "moved"
                ? try StoredValue.stage(inSnapshot: try row[3].decode(String?.self), table: "event", record: "event \(event)", field: "before") : nil
            let atText = try row[1].decode(String.self)
            guard let at = PostgresTime.date(atText) else {
                throw StorageError.unreadableValue(table: "event", record: "event \(event)", field: "at", value: atText)
            }
            let reason = try row[6].decode(String?.self)
            let isUndo = kind == "moved"
                && HistoryEntry(at: at, actor: "", ideaID: IdeaID(ideaID), kind: .moved, reason: reason, before: nil, after: after).takeBack == .undo
            return StageChange(idea: IdeaID(ideaID), at: at, from: from, to: to, isUndo: isUndo)
        }
    }
}
