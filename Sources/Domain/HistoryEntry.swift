import Foundation

/// The kind of an event-log row.
public enum EventKind: String, Sendable, Codable, CaseIterable {
    case created
    case edited
    case moved
    case reordered
    case deleted
    case restored
    case measured
    case measurementRemoved
    case decisionSaved
    case decisionDeleted
    case wipLimitSet
    case criteriaChanged
    case sessionCreated
    case scored
    case sessionUpdated
    case sessionClosed
    case imported
    case merged
    case forgotten
}

/// One row of an idea's history, read back from the append-only event log.
public struct HistoryEntry: Equatable, Sendable, Codable {
    public var at: Date
    public var actor: String
    public var ideaID: IdeaID
    public var kind: EventKind
    public var reason: String?
    /// JSON of the relevant fields before the change (nil for a creation).
    public var before: String?
    /// JSON of the relevant fields after the change (nil for a deletion).
    public var after: String?

    public init(at: Date, actor: String, ideaID: IdeaID, kind: EventKind, reason: String?, before: String?, after: String?) {
        self.at = at
        self.actor = actor
        self.ideaID = ideaID
        self.kind = kind
        self.reason = reason
        self.before = before
        self.after = after
    }
}

extension HistoryEntry {
    private struct StageSnapshot: Decodable { var stage: String }

    /// The stage recorded before a move or reorder, if the event holds one.
    public var stageBefore: Stage? { Self.stage(in: before) }

    /// The stage recorded after a move or reorder, if the event holds one.
    public var stageAfter: Stage? { Self.stage(in: after) }

    private static func stage(in json: String?) -> Stage? {
        guard let json, let snapshot = try? JSONDecoder().decode(StageSnapshot.self, from: Data(json.utf8)) else { return nil }
        return Stage(rawValue: snapshot.stage)
    }
}
