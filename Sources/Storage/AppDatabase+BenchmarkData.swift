import Domain
import Foundation
import GRDB

/// The data set of the performance budgets: many ideas over eight themes with 200-character descriptions,
/// 50 weighing sessions, 2,000 experiment cycles with measurements, 100,000 events.
public struct BenchmarkDataSet: Sendable {
    public var ideas: Int
    public var cycles: Int
    public var sessions: Int
    public var events: Int

    public init(ideas: Int) {
        self.ideas = ideas
        cycles = min(2_000, ideas / 5)
        sessions = min(50, max(1, ideas / 200))
        events = max(ideas, ideas * 10)
    }

    public static let themes = [
        "Jeugd en gezin", "Armoede en schulden", "Zorg en ondersteuning", "Werk en participatie", "Eenzaamheid", "Wonen en wijk",
        "Gezondheid", "Veiligheid",
    ]
}

extension BenchmarkDataSet {
    /// Hands every row of the data set to `sink`, in the order the SQLite store has always written them (so ids match
    /// on both stores); `progress` hears how many of its events are written (every idea writes at least one), now and then.
    func write(into sink: some BenchmarkDataSink, now: Date, progress: (Int) -> Void) throws {
        let set = self
        let words = ["buurt", "inwoners", "samen", "ondersteuning", "wijkteam", "preventie", "jongeren", "ouderen", "schulden", "werk",
                     "vrijwilligers", "gezin", "school", "maatje", "huisarts", "bibliotheek"]
        func description(_ seed: Int) -> String {
            var text = ""
            var index = seed
            while text.count < 200 {
                text += words[index % words.count] + " "
                index = (index * 31 + 7) % 1_000_003
            }
            return String(text.prefix(200))
        }
        let stages: [Stage] = [.proposed, .proposed, .proposed, .proposed, .experimenting, .experimenting, .learning, .scaling, .stopped, .stopped]
        var positions: [Stage: Int64] = [:]
        var running: [Int64] = []
        var events = 0
        for number in 1...set.ideas {
            let stage = stages[number % stages.count]
            positions[stage, default: 0] += 1
            let created = now.addingTimeInterval(-Double(number % 400) * 86_400)
            let hasCycle = stage != .proposed && running.count < set.cycles
            if hasCycle { running.append(Int64(number)) }
            let review = hasCycle && stage != .stopped ? DayDate.local(now).adding(days: number % 60 - 20).description : nil
            try sink.idea(BenchmarkIdeaRow(
                id: Int64(number), title: "Idee \(number): \(words[number % words.count]) en \(words[(number / 3) % words.count])",
                description: description(number), source: IdeaSource.allCases[number % 4].rawValue, theme: BenchmarkDataSet.themes[number % 8],
                tags: "[\"\(words[number % 7])\",\"\(words[number % 5])\"]", stage: stage.rawValue, position: positions[stage]!,
                createdAt: created, reviewDate: review, cycleCount: hasCycle ? 1 : 0))
            try sink.event(at: created, idea: Int64(number), kind: "created", reason: nil, before: nil, after: "{\"stage\":\"proposed\"}")
            events += 1
            if stage != .proposed {
                try sink.event(at: created.addingTimeInterval(86_400), idea: Int64(number), kind: "moved", reason: "bench",
                               before: "{\"stage\":\"proposed\"}", after: "{\"stage\":\"\(stage.rawValue)\"}")
                events += 1
            }
            if number % 1_000 == 0 { progress(events) }
        }
        for idea in running {
            let cycle = try sink.cycle(idea: idea, reviewDate: DayDate.local(now).adding(days: 30).description, startedAt: now)
            for sample in 0..<5 {
                try sink.measurement(cycle: cycle, date: DayDate.local(now).adding(days: -7 * sample).description, value: Double(sample * 3 + 4))
            }
        }
        let criteria = CriteriaSet.socialDomain
        try sink.criteriaSet(criteria, at: now)
        for session in 0..<set.sessions {
            // Twenty distinct ideas, or all of them in a smaller set (a session weighs each idea once).
            let ideas = (0..<min(20, set.ideas)).map { IdeaID(Int64((session * 20 + $0) % set.ideas + 1)) }
            let participants = (1...6).map { "deelnemer \($0)" }
            let id = try sink.session(criteria, ideas: ideas, participants: participants, at: now)
            for participant in 0..<6 {
                for idea in ideas {
                    for criterion in 0..<criteria.criteria.count {
                        try sink.score(session: id, participant: participant, idea: idea.rawValue, criterion: criterion,
                                       value: 1 + Int(idea.rawValue + Int64(participant + criterion)) % 5)
                    }
                }
            }
        }
        while events < set.events {
            let idea = events % set.ideas + 1
            try sink.event(at: now, idea: Int64(idea), kind: "edited", reason: nil, before: "{\"theme\":\"a\"}", after: "{\"theme\":\"b\"}")
            events += 1
            if events % 10_000 == 0 { progress(events) }
        }
        try sink.finish()
        progress(events)
    }
}

extension AppDatabase {
    /// Writes the benchmark data set straight into an empty database (one transaction, prepared statements); `progress`
    /// hears how many of its events are written (every idea writes at least one), now and then.
    public func generateBenchmarkData(_ set: BenchmarkDataSet, now: Date, progress: (Int) -> Void) throws {
        try bulkWrite { db in
            try set.write(into: try SQLiteBenchmarkSink(db), now: now, progress: progress)
        }
    }

    /// The process's peak resident memory in bytes (Linux `VmHWM`), or nil elsewhere.
    public static func peakMemory() -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            let digits = line.filter(\.isNumber)
            return Int(digits).map { $0 * 1024 }
        }
        return nil
    }
}
