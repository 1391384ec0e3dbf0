import Domain
import Foundation

/// An event of an idea's history in words, the same on the board, on the command line and in the report: an undone
/// move says so instead of showing the reason `undo`, a move over a WIP limit shows why, an amended proposal shows
/// its old text.
public enum HistoryWords {
    private struct ProposalSnapshot: Decodable {
        var proposal: String
    }

    /// What kind of event it was: "moved", or "undone"/"redone" for a move taken back or done again.
    public static func kind(_ entry: HistoryEntry, strings: Strings) -> String {
        switch entry.takeBack {
        case .undo?: strings[.historyUndone]
        case .redo?: strings[.historyRedone]
        case nil: strings.event(entry.kind)
        }
    }

    /// What the event changed: "Proposed → Experimenting: reason (over the WIP limit: why)", an amended proposal with
    /// its old text, the fields an edit changed, the session a score was given in, or else the recorded reason.
    public static func change(_ entry: HistoryEntry, strings: Strings) -> String {
        switch entry.kind {
        case .moved:
            let from = entry.stageBefore.map(strings.stage) ?? "?"
            let to = entry.stageAfter.map(strings.stage) ?? "?"
            var text = "\(from) → \(to)"
            if entry.takeBack != .undo, let reason = entry.reason, !reason.isEmpty { text += ": \(reason)" }
            if let override = entry.wipOverride { text += " (" + strings.format(.historyWipOverride, override) + ")" }
            return text
        case .decisionSaved:
            guard let before = proposal(in: entry.before), let after = proposal(in: entry.after), before != after else {
                return entry.reason ?? ""
            }
            return strings.format(.historyProposalAmended, before)
        case .edited:
            guard let before = decode(IdeaFields.self, entry.before), let after = decode(IdeaFields.self, entry.after) else {
                return entry.reason ?? ""
            }
            var changed: [String] = []
            if before.title != after.title { changed.append(strings[.fieldTitle]) }
            if before.description != after.description { changed.append(strings[.fieldDescription]) }
            if before.theme != after.theme { changed.append(strings[.fieldTheme]) }
            if before.tags != after.tags { changed.append(strings[.detailTags]) }
            if before.source != after.source { changed.append(strings[.fieldSource]) }
            if before.submitter != after.submitter { changed.append(strings[.fieldSubmitter]) }
            return changed.joined(separator: ", ").lowercased()
        case .scored:
            // One line per idea per session: which session.
            guard let mark = decode(SessionMark.self, entry.after) else { return entry.reason ?? "" }
            return strings.format(.eventScoredIn, SessionID(mark.session))
        default:
            return entry.reason ?? ""
        }
    }

    /// The session a `scored` event names.
    private struct SessionMark: Decodable {
        var session: Int64
    }

    private static func proposal(in json: String?) -> String? {
        decode(ProposalSnapshot.self, json)?.proposal
    }

    private static func decode<T: Decodable>(_ type: T.Type, _ json: String?) -> T? {
        guard let json else { return nil }
        return try? JSONDecoder().decode(type, from: Data(json.utf8))
    }
}
