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
    /// A case note was added (the event names the note, not its text).
    case caseNoted
    // Participants
    case sessionShared
    case sharingStopped
    /// An idea from the inbox accepted onto the board (reason: its lokale opgave).
    case accepted
    /// An idea from the inbox declined (reason: why).
    case declined
    /// Who gets the reply was recorded or changed (the contact itself is not logged).
    case replyContact
    /// The reply was sent (reason: the day) or marked as not sent.
    case replied
    /// A lokale opgave was added, changed or removed.
    case challengeChanged
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
    /// The program that made the change (`board`, `cli` …); nil for changes recorded before programs were.
    public var program: String?

    public init(
        at: Date, actor: String, ideaID: IdeaID, kind: EventKind, reason: String?, before: String?, after: String?, program: String? = nil
    ) {
        self.program = program
        self.at = at
        self.actor = actor
        self.ideaID = ideaID
        self.kind = kind
        self.reason = reason
        self.before = before
        self.after = after
    }
}

/// How an event took an earlier change back: `u` (undo) or `U` (redo).
public enum TakeBack: String, Equatable, Sendable, Codable {
    case undo
    case redo
}

extension HistoryEntry {
    private struct StageSnapshot: Decodable { var stage: String? }
    private struct MoveSnapshot: Decodable {
        var wipOverride: String?
        var takeBack: TakeBack?
    }

    /// The reason recorded for going over a WIP limit with this move, if it did.
    public var wipOverride: String? {
        guard kind == .moved, let after, JSONField.mentions("wipOverride", in: after) else { return nil }
        return (try? JSONDecoder().decode(MoveSnapshot.self, from: Data(after.utf8)))?.wipOverride
    }

    /// Whether this move undid or redid an earlier one. Moves undone before the marker existed carry the reason `undo`.
    public var takeBack: TakeBack? {
        guard kind == .moved else { return nil }
        if let after, JSONField.mentions("takeBack", in: after), let marker = (try? JSONDecoder().decode(MoveSnapshot.self, from: Data(after.utf8)))?.takeBack {
            return marker
        }
        return reason == TakeBack.undo.rawValue && !JSONField.mentions("\"gate\"", in: after ?? "") ? .undo : nil
    }

    /// The moves of a history that still stand: a move taken back by an undo leaves the list together with the undo
    /// (a redo is an ordinary move again). Other events pass unchanged. Oldest first, as the history is.
    public static func standing(_ entries: [HistoryEntry]) -> [HistoryEntry] {
        var result: [HistoryEntry] = []
        for entry in entries {
            if entry.takeBack == .undo {
                if let index = result.lastIndex(where: { $0.kind == .moved && $0.ideaID == entry.ideaID }) { result.remove(at: index) }
                continue
            }
            result.append(entry)
        }
        return result
    }

    /// The stage recorded before a move or reorder, if the event holds one.
    public var stageBefore: Stage? { Self.stage(inSnapshot: before) }

    /// The stage recorded after a move or reorder, if the event holds one.
    public var stageAfter: Stage? { Self.stage(inSnapshot: after) }

    /// The `stage` of an event's before/after JSON snapshot, if it holds one.
    public static func stage(inSnapshot json: String?) -> Stage? {
        guard let json else { return nil }
        if let fast = JSONField.string("stage", in: json) { return fast.flatMap(Stage.init(rawValue:)) }
        guard let snapshot = try? JSONDecoder().decode(StageSnapshot.self, from: Data(json.utf8)) else { return nil }
        return snapshot.stage.flatMap(Stage.init(rawValue:))
    }
}
