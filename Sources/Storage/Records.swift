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

    /// How messages name this idea: `#12`.
    var recordName: String { "#\(id ?? 0)" }

    /// The idea; throws `StorageError.unreadableValue` when a stored value cannot be read.
    var idea: Idea {
        get throws {
            let table = Self.databaseTableName
            return Idea(
                id: IdeaID(id ?? 0),
                fields: IdeaFields(
                    title: title, description: description,
                    source: try StoredValue.value(IdeaSource.self, source, table: table, record: recordName, field: "source"),
                    submitter: submitter, theme: theme,
                    tags: try StoredValue.tags(tags, table: table, record: recordName, field: "tags")),
                stage: try StoredValue.value(Stage.self, stage, table: table, record: recordName, field: "stage"),
                position: position,
                createdAt: createdAt,
                updatedAt: updatedAt,
                reviewDate: try StoredValue.day(reviewDate, table: table, record: recordName, field: "reviewDate"),
                stopCategory: try StoredValue.value(StopCategory.self, stopCategory, table: table, record: recordName, field: "stopCategory"),
                stopLearned: stopLearned,
                cycleCount: cycleCount
            )
        }
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
    var budgetCap: Double?
    var maxDuration: String?
    var harm: String?
    var safeguard: String?
    var stopRule: String?

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
        budgetCap = card.bounds?.budgetCap
        maxDuration = card.bounds?.maxDuration.description
        harm = card.bounds?.harm
        safeguard = card.bounds?.safeguard
        stopRule = card.bounds?.stopRule
    }

    /// The test card's bounds: nil when none were recorded (older cycles); refused when only some are, or unreadable.
    func bounds() throws -> SafeBounds? {
        let record = "cycle \(number) of #\(ideaId)"
        if budgetCap == nil, maxDuration == nil, harm == nil, safeguard == nil, stopRule == nil { return nil }
        guard let budgetCap, budgetCap.isFinite, budgetCap >= 0 else {
            throw StorageError.unreadableValue(table: Self.databaseTableName, record: record, field: "budgetCap", value: budgetCap.map { "\($0)" } ?? "NULL")
        }
        guard let maxDuration, let duration = MaxDuration(parsing: maxDuration) else {
            throw StorageError.unreadableValue(table: Self.databaseTableName, record: record, field: "maxDuration", value: maxDuration ?? "NULL")
        }
        for (field, value) in [("harm", harm), ("safeguard", safeguard), ("stopRule", stopRule)] where value == nil {
            throw StorageError.unreadableValue(table: Self.databaseTableName, record: record, field: field, value: "NULL")
        }
        return SafeBounds(budgetCap: budgetCap, maxDuration: duration, harm: harm ?? "", safeguard: safeguard ?? "", stopRule: stopRule ?? "")
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

    /// The cycle with its measurements; throws `StorageError.unreadableValue` when its review date cannot be read.
    func cycle(measurements: [MetricMeasurement]) throws -> Cycle {
        Cycle(
            number: number,
            testCard: TestCard(hypothesis: hypothesis, action: action, metric: metric, successCriterion: success, bounds: try bounds()),
            owner: owner,
            reviewDate: try StoredValue.day(reviewDate, table: Self.databaseTableName, record: "cycle \(number) of #\(ideaId)",
                                            field: "reviewDate"),
            measurements: measurements, learningCard: learningCard, startedOn: DayDate.local(startedAt))
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

    /// The measurement; throws `StorageError.unreadableValue` when its date cannot be read.
    var measurement: MetricMeasurement {
        get throws {
            MetricMeasurement(
                date: try StoredValue.day(date, table: Self.databaseTableName, record: "measurement \(id ?? 0)", field: "date"),
                value: try StoredValue.measured(value, record: "measurement \(id ?? 0)"), note: note)
        }
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

    /// How messages name this decision: `D3`.
    var recordName: String { DecisionID(id ?? 0).description }

    /// The decision; throws `StorageError.unreadableValue` when a stored value cannot be read (an unreadable
    /// list of objections must never read as "no objections").
    var decision: ConsentDecision {
        get throws {
            let table = Self.databaseTableName
            return ConsentDecision(
                id: id.map(DecisionID.init), ideaID: IdeaID(ideaId),
                kind: try StoredValue.value(DecisionKind.self, kind, table: table, record: recordName, field: "kind"),
                proposal: proposal, responsible: responsible,
                reviewDate: try StoredValue.day(reviewDate, table: table, record: recordName, field: "reviewDate"),
                evaluationCriteria: evaluation,
                objections: try StoredValue.json([Objection].self, objections, table: table, record: recordName, field: "objections"),
                concerns: try StoredValue.json([Concern].self, concerns, table: table, record: recordName, field: "concerns"),
                outcome: try StoredValue.value(DecisionOutcome.self, outcome, table: table, record: recordName, field: "outcome"))
        }
    }
}

/// The `wipLimit` table row.
struct WipLimitRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "wipLimit"

    var stage: String
    var limit: Int
    var hard: Bool

    /// The limit; throws `StorageError.unreadableValue` when its stage cannot be read.
    var wipLimit: WipLimit {
        get throws {
            WipLimit(stage: try StoredValue.value(Stage.self, stage, table: Self.databaseTableName, record: "WIP limit", field: "stage"),
                     limit: limit, hard: hard)
        }
    }
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

    /// The history entry; throws `StorageError.unreadableValue` when its kind cannot be read.
    var entry: HistoryEntry {
        get throws {
            HistoryEntry(
                at: at, actor: actor, ideaID: IdeaID(ideaId ?? 0),
                kind: try StoredValue.value(EventKind.self, kind, table: Self.databaseTableName, record: "event \(id ?? 0)", field: "kind"),
                reason: reason, before: before, after: after, program: program)
        }
    }
}

/// Tags are stored as a JSON array in one column.
enum TagCoding {
    static func encode(_ tags: [String]) -> String {
        (try? String(decoding: JSONEncoder().encode(tags), as: UTF8.self)) ?? "[]"
    }

    /// The tags joined with U+001F, as `IdeaSummary.tagText` keeps them; nil when the text is not a JSON array of strings.
    static func searchText(_ text: String) -> String? {
        if text == "[]" { return "" }
        return decode(text)?.joined(separator: "\u{1F}")
    }

    /// The tags of a JSON array of strings; nil when the text is not one.
    static func decode(_ text: String) -> [String]? {
        if text == "[]" { return [] }
        // Fast path for what `encode` writes when no tag needs escaping: ["a","b"]. Anything else it meets
        // (spaces, escapes, control characters, a missing comma) goes to the decoder, which decides.
        if text.hasPrefix("[\""), text.hasSuffix("\"]"), !text.utf8.contains(UInt8(ascii: "\\")) {
            var tags: [String] = []
            var current = String.UnicodeScalarView()
            var inside = false
            var afterTag = false
            var wellFormed = true
            for scalar in text.unicodeScalars.dropFirst().dropLast() {
                if inside {
                    if scalar == "\"" {
                        tags.append(String(current))
                        current = String.UnicodeScalarView()
                        inside = false
                        afterTag = true
                    } else if scalar.value < 0x20 {
                        wellFormed = false
                        break
                    } else {
                        current.append(scalar)
                    }
                } else if scalar == "\"", !afterTag {
                    inside = true
                } else if scalar == ",", afterTag {
                    afterTag = false
                } else {
                    wellFormed = false
                    break
                }
            }
            if wellFormed, !inside, afterTag { return tags }
        }
        return try? JSONDecoder().decode([String].self, from: Data(text.utf8))
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
    /// `undo` or `redo` when the move took an earlier one back (`TakeBack`).
    var takeBack: String? = nil
}
