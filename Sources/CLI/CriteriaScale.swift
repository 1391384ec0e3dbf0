import AppCore
import Foundation

/// Reads `MIN-MAX` scales such as `1-5` or `1-10`.
enum CriteriaScale {
    static func parse(_ text: String) throws -> (Int, Int) {
        let parts = text.split(separator: "-").map { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard parts.count == 2, let low = parts[0], let high = parts[1] else {
            throw CLIError.usage(.cliUsageScale, [text])
        }
        return (low, high)
    }
}
