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
            updatedAt: updatedAt
        )
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

    static func decode(_ text: String) -> [String] {
        (try? JSONDecoder().decode([String].self, from: Data(text.utf8))) ?? []
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

/// Stage and position, as recorded for moves and reorders.
struct PlacementSnapshot: Codable {
    var stage: String
    var position: Int64
}
