import AppCore
import Domain

/// One criterion in a line: weight, direction, scale and veto.
enum CriteriaText {
    static func describe(_ criterion: Criterion, strings: Strings) -> String {
        var parts = [strings.number(criterion.weight), strings.direction(criterion.direction), "\(criterion.scaleMin)–\(criterion.scaleMax)"]
        if let veto = criterion.veto { parts.append("veto \(veto.label)") }
        return parts.joined(separator: ", ")
    }
}
