import AppCore
import Domain

/// How a participant is scoring, for the facilitator's progress list: on their own terminal, on their phone (their own
/// page), or nothing when the facilitator types for them.
enum ProgressLabel {
    /// `  terminal`, `  phone`, `  terminal, phone` or empty.
    static func via(_ session: WeighingSession, participant: Int, strings: Strings) -> String {
        let used = Set(session.channelCounts(of: participant).keys.compactMap { $0 })
        let names = [(ScoreChannel.terminal, StringKey.progressViaTerminal), (.web, .progressViaWeb)]
            .filter { used.contains($0.0) }.map { strings[$0.1] }
        return names.isEmpty ? "" : "  " + names.joined(separator: ", ")
    }
}
