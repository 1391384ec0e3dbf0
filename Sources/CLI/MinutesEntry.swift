import AppCore
import Domain
import Reports

/// The minutes' account of how scores were entered: per participant, how many on their own terminal, on their own
/// phone or browser, typed by the facilitator, or from the command line.
enum MinutesEntry {
    static func lines(session: WeighingSession, strings: Strings) -> [String] {
        let order: [(ScoreChannel?, StringKey)] = [
            (.web, .channelWeb), (.terminal, .channelTerminal), (.board, .channelBoard), (.commandLine, .channelCommandLine),
            (nil, .channelUnrecorded),
        ]
        var lines = ["", "## \(strings[.minutesEntryTitle])", ""]
        for (index, name) in session.participants.enumerated() {
            let counts = session.channelCounts(of: index)
            let parts = order.compactMap { channel, key in counts[channel].map { "\($0) \(strings[key])" } }
            let text = parts.isEmpty ? strings[.minutesEntryNone] : parts.joined(separator: ", ")
            lines.append("- \(MarkdownEscape.inline(TextSanitizer.singleLine(name))): \(text)")
        }
        return lines
    }
}
