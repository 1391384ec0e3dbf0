import AppCore
import Domain

/// A row of block characters showing a series, scaled between its lowest and highest value (and the target).
public enum Sparkline {
    static let blocks: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    public static func draw(_ values: [Double], target: Double? = nil) -> String {
        let finite = values.filter(\.isFinite)
        guard !finite.isEmpty else { return "" }
        let all = finite + (target.map { [$0] } ?? [])
        let low = all.min()!
        let high = all.max()!
        return String(finite.map { value in
            guard high > low else { return blocks[3] }
            let index = Int(((value - low) / (high - low) * Double(blocks.count - 1)).rounded())
            return blocks[max(0, min(blocks.count - 1, index))]
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
