import AppCore
import Domain

/// A row of block characters showing a series, scaled between its lowest and highest value (and the target).
public enum Sparkline {
    static let blocks: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    public static func draw(_ values: [Double], target: Double? = nil) -> String {
        let finite = values.filter(\.isFinite)
        guard !finite.isEmpty else { return "" }
        let all = finite + (target.flatMap { $0.isFinite ? [$0] : nil } ?? [])
        let low = all.min()!
        let high = all.max()!
        return String(finite.suffix(1_000).map { value in
            guard high > low else { return blocks[3] }
            return blocks[ChartScale.step(value, low: low, high: high, steps: blocks.count - 1)]
        })
    }

    /// A number without a needless `.0`.
    public static func number(_ value: Double) -> String { NumberParsing.text(value) }
}

/// The status of an objection in words.
enum ObjectionText {
    static func status(_ objection: Objection, _ strings: Strings) -> String {
        var parts: [String] = []
        switch objection.qualified {
        case true?: parts.append(strings[.decisionQualified])
        case false?: parts.append(strings[.decisionNotQualified])
        case nil: parts.append(strings[.decisionUnjudged])
        }
        if let resolution = objection.resolution {
            let word = strings[resolution == .amended ? .decisionAmended : .decisionWithdrawn]
            parts.append(objection.resolutionNote.isEmpty ? word : "\(word): \(objection.resolutionNote)")
        }
        if let previous = objection.previousProposal { parts.append(strings.format(.objectionPreviousProposal, previous)) }
        return parts.joined(separator: ", ")
    }
}
