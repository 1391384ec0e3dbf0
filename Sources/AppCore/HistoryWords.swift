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
    /// its old text, or else the recorded reason.
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
        default:
            return entry.reason ?? ""
        }
    }

    private static func proposal(in json: String?) -> String? {
        guard let json else { return nil }
        return (try? JSONDecoder().decode(ProposalSnapshot.self, from: Data(json.utf8)))?.proposal
    }
}
