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

extension AppDatabase {
    /// Writes the benchmark data set straight into an empty database (one transaction, prepared statements); `progress`
    /// hears how many of its events are written (every idea writes at least one), now and then.
    public func generateBenchmarkData(_ set: BenchmarkDataSet, now: Date, progress: (Int) -> Void) throws {
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
        try bulkWrite { db in
            let insertIdea = try db.makeStatement(sql: """
                INSERT INTO idea (id, title, description, source, theme, tags, stage, position, createdAt, updatedAt, reviewDate, cycleCount)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            let insertEvent = try db.makeStatement(sql: "INSERT INTO event (at, actor, ideaId, kind, reason, before, after) VALUES (?, ?, ?, ?, ?, ?, ?)")
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
                try insertIdea.execute(arguments: [
                    number, "Idee \(number): \(words[number % words.count]) en \(words[(number / 3) % words.count])", description(number),
                    IdeaSource.allCases[number % 4].rawValue, BenchmarkDataSet.themes[number % 8],
                    "[\"\(words[number % 7])\",\"\(words[number % 5])\"]", stage.rawValue, positions[stage]!, created, created, review,
                    hasCycle ? 1 : 0,
                ])
                try insertEvent.execute(arguments: [created, "bench", number, "created", nil, nil, "{\"stage\":\"proposed\"}"])
                events += 1
                if stage != .proposed {
                    try insertEvent.execute(arguments: [created.addingTimeInterval(86_400), "bench", number, "moved", "bench",
                                                        "{\"stage\":\"proposed\"}", "{\"stage\":\"\(stage.rawValue)\"}"])
                    events += 1
                }
                if number % 1_000 == 0 { progress(events) }
            }
            let insertCycle = try db.makeStatement(sql: """
                INSERT INTO cycle (ideaId, number, hypothesis, action, metric, success, owner, reviewDate, startedAt)
                VALUES (?, 1, 'buren helpen elkaar', 'drie maanden proberen', 'deelnemers', 'minstens 20 deelnemers', 'Sanne', ?, ?)
                """)
            let insertMeasurement = try db.makeStatement(sql: "INSERT INTO measurement (cycleId, date, value, note) VALUES (?, ?, ?, '')")
            for idea in running {
                try insertCycle.execute(arguments: [idea, DayDate.local(now).adding(days: 30).description, now])
                let cycle = db.lastInsertedRowID
                for sample in 0..<5 {
                    try insertMeasurement.execute(arguments: [cycle, DayDate.local(now).adding(days: -7 * sample).description, Double(sample * 3 + 4)])
                }
            }
            let criteria = CriteriaSet.socialDomain
            try db.execute(sql: "INSERT OR REPLACE INTO criteriaSet (name, version, criteria, updatedAt) VALUES (?, ?, ?, ?)",
                           arguments: [criteria.name, criteria.version, EventJSON.encode(criteria.criteria), now])
            let insertScore = try db.makeStatement(sql: "INSERT INTO score (sessionId, participant, ideaId, criterion, value) VALUES (?, ?, ?, ?, ?)")
            for session in 0..<set.sessions {
                // Twenty distinct ideas, or all of them in a smaller set (a session weighs each idea once).
                let ideas = (0..<min(20, set.ideas)).map { IdeaID(Int64((session * 20 + $0) % set.ideas + 1)) }
                let participants = (1...6).map { "deelnemer \($0)" }
                try db.execute(sql: """
                    INSERT INTO session (setName, setVersion, criteria, ideas, participants, status, method, normalization, aggregate, createdAt)
                    VALUES (?, ?, ?, ?, ?, 'closed', 'weighted-sum', 'min-max', 'mean', ?)
                    """, arguments: [criteria.name, criteria.version, EventJSON.encode(criteria.criteria), EventJSON.encode(ideas),
                                     EventJSON.encode(participants), now])
                let id = db.lastInsertedRowID
                for participant in 0..<6 {
                    for idea in ideas {
                        for criterion in 0..<criteria.criteria.count {
                            try insertScore.execute(arguments: [id, participant, idea.rawValue, criterion,
                                                                1 + Int(idea.rawValue + Int64(participant + criterion)) % 5])
                        }
                    }
                }
            }
            while events < set.events {
                let idea = events % set.ideas + 1
                try insertEvent.execute(arguments: [now, "bench", idea, "edited", nil, "{\"theme\":\"a\"}", "{\"theme\":\"b\"}"])
                events += 1
                if events % 10_000 == 0 { progress(events) }
            }
            progress(events)
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
