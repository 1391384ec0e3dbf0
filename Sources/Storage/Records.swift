import Domain
import Foundation
import GRDB

/// The `idea` table row.
struct IdeaRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "idea"

    var id: Int64?
    var title: String
    var description: String
    var source: String?
    var submitter: String?
    var theme: String
    /// JSON array of strings.
    var tags: String
    var stage: String
    var position: Int64
    var createdAt: Date
    var updatedAt: Date
    var reviewDate: String?
    var stopCategory: String?
    var stopLearned: String?
    var cycleCount: Int

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let title = Column(CodingKeys.title)
        static let theme = Column(CodingKeys.theme)
        static let tags = Column(CodingKeys.tags)
        static let stage = Column(CodingKeys.stage)
        static let position = Column(CodingKeys.position)
    }

    init(_ idea: Idea) {
        id = idea.id.rawValue
        title = idea.fields.title
        description = idea.fields.description
        source = idea.fields.source?.rawValue
        submitter = idea.fields.submitter
        theme = idea.fields.theme
        tags = TagCoding.encode(idea.fields.tags)
        stage = idea.stage.rawValue
        position = idea.position
        createdAt = idea.createdAt
        updatedAt = idea.updatedAt
        reviewDate = idea.reviewDate?.description
        stopCategory = idea.stopCategory?.rawValue
        stopLearned = idea.stopLearned
        cycleCount = idea.cycleCount
    }

    var idea: Idea {
        Idea(
            id: IdeaID(id ?? 0),
            fields: IdeaFields(
                title: title, description: description, source: source.flatMap(IdeaSource.init(rawValue:)),
                submitter: submitter, theme: theme, tags: TagCoding.decode(tags)),
            stage: Stage(rawValue: stage) ?? .proposed,
            position: position,
            createdAt: createdAt,
            updatedAt: updatedAt,
            reviewDate: reviewDate.flatMap(DayDate.init(parsing:)),
            stopCategory: stopCategory.flatMap(StopCategory.init(rawValue:)),
            stopLearned: stopLearned,
            cycleCount: cycleCount
        )
    }
}

/// The `cycle` table row: one experiment cycle with its test and learning cards.
struct CycleRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "cycle"

    var id: Int64?
    var ideaId: Int64
    var number: Int
    var hypothesis: String
    var action: String
    var metric: String
    var success: String
    var owner: String
    var reviewDate: String
    var startedAt: Date
    var observed: String?
    var learned: String?
    var therefore: String?

    init(idea: IdeaID, number: Int, card: TestCard, owner: String, reviewDate: DayDate, startedAt: Date) {
        ideaId = idea.rawValue
        self.number = number
        hypothesis = card.hypothesis
        action = card.action
        metric = card.metric
        success = card.successCriterion
        self.owner = owner
        self.reviewDate = reviewDate.description
        self.startedAt = startedAt
    }

    var learningCard: LearningCard? {
        get {
            guard let observed, let learned, let therefore else { return nil }
            return LearningCard(observed: observed, learned: learned, therefore: therefore)
        }
        set {
            observed = newValue?.observed
            learned = newValue?.learned
            therefore = newValue?.therefore
        }
    }

    func cycle(measurements: [MetricMeasurement]) -> Cycle {
        Cycle(
            number: number,
            testCard: TestCard(hypothesis: hypothesis, action: action, metric: metric, successCriterion: success),
            owner: owner, reviewDate: DayDate(parsing: reviewDate) ?? DayDate(dayNumber: 0), measurements: measurements,
            learningCard: learningCard)
    }
}

/// The `measurement` table row.
struct MeasurementRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "measurement"

    var id: Int64?
    var cycleId: Int64
    var date: String
    var value: Double
    var note: String

    var measurement: MetricMeasurement {
        MetricMeasurement(date: DayDate(parsing: date) ?? DayDate(dayNumber: 0), value: value, note: note)
    }
}

/// The `decision` table row; objections and concerns are JSON arrays.
struct DecisionRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "decision"

    var id: Int64?
    var ideaId: Int64
    var kind: String
    var proposal: String
    var responsible: String
    var reviewDate: String
    var evaluation: String
    var objections: String
    var concerns: String
    var outcome: String
    var createdAt: Date
    var updatedAt: Date

    init(_ decision: ConsentDecision, createdAt: Date, updatedAt: Date) {
        id = decision.id?.rawValue
        ideaId = decision.ideaID.rawValue
        kind = decision.kind.rawValue
        proposal = decision.proposal
        responsible = decision.responsible
        reviewDate = decision.reviewDate.description
        evaluation = decision.evaluationCriteria
        objections = EventJSON.encode(decision.objections)
        concerns = EventJSON.encode(decision.concerns)
        outcome = decision.outcome.rawValue
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    var decision: ConsentDecision {
        ConsentDecision(
            id: id.map(DecisionID.init), ideaID: IdeaID(ideaId), kind: DecisionKind(rawValue: kind) ?? .continue,
            proposal: proposal, responsible: responsible, reviewDate: DayDate(parsing: reviewDate) ?? DayDate(dayNumber: 0),
            evaluationCriteria: evaluation,
            objections: (try? JSONDecoder().decode([Objection].self, from: Data(objections.utf8))) ?? [],
            concerns: (try? JSONDecoder().decode([Concern].self, from: Data(concerns.utf8))) ?? [],
            outcome: DecisionOutcome(rawValue: outcome) ?? .open)
    }
}

/// The `wipLimit` table row.
struct WipLimitRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "wipLimit"

    var stage: String
    var limit: Int
    var hard: Bool
}

/// The `event` table row: append-only audit trail.
struct EventRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "event"

    var id: Int64?
    var at: Date
    var actor: String
    var ideaId: Int64?
    var kind: String
    var reason: String?
    var before: String?
    var after: String?
    /// Which program wrote the row (`board`, `cli` …); nil for rows written before v6.
    var program: String?

    var entry: HistoryEntry {
        HistoryEntry(
            at: at, actor: actor, ideaID: IdeaID(ideaId ?? 0), kind: EventKind(rawValue: kind) ?? .edited,
            reason: reason, before: before, after: after)
    }
}

/// Tags are stored as a JSON array in one column.
enum TagCoding {
    static func encode(_ tags: [String]) -> String {
        (try? String(decoding: JSONEncoder().encode(tags), as: UTF8.self)) ?? "[]"
    }

    /// The tags joined with U+001F, as `IdeaSummary.tagText` keeps them.
    static func searchText(_ text: String) -> String {
        if text == "[]" { return "" }
        return decode(text).joined(separator: "\u{1F}")
    }

    static func decode(_ text: String) -> [String] {
        if text == "[]" { return [] }
        // Fast path for what `encode` writes when no tag needs escaping: ["a","b"].
        if text.hasPrefix("[\""), text.hasSuffix("\"]"), !text.utf8.contains(UInt8(ascii: "\\")) {
            var tags: [String] = []
            var current = ""
            var inside = false
            for character in text.dropFirst().dropLast() {
                if character == "\"" {
                    if inside { tags.append(current); current = "" }
                    inside.toggle()
                } else if inside {
                    current.append(character)
                }
            }
            return tags
        }
        return (try? JSONDecoder().decode([String].self, from: Data(text.utf8))) ?? []
    }
}

/// JSON snapshots for the event log's before/after columns.
enum EventJSON {
    static func encode<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        return (try? String(decoding: encoder.encode(value), as: UTF8.self)) ?? "{}"
    }
}

/// Stage and position, as recorded for moves and reorders; moves also record their gate.
struct PlacementSnapshot: Codable {
    var stage: String
    var position: Int64
    var gate: StageGate? = nil
    var wipOverride: String? = nil
}
