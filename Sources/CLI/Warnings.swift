import Domain
import Foundation

/// Warnings about what was just written or imported: likely duplicates and what looks like a citizen service number.
/// Every warning's English wording is here, in one place.
enum Warnings {
    /// At most this many warnings are printed; the rest are counted.
    static let limit = 50

    static func print(_ lines: [String]) {
        var text = lines.prefix(limit).map { "warning: \($0)\n" }.joined()
        if lines.count > limit { text += "warning: … and \(lines.count - limit) more warnings\n" }
        FileHandle.standardError.write(Data(text.utf8))
    }

    static func bsn(in fields: IdeaFields) -> [String] {
        Privacy.possibleBSNs(in: fields.title + " " + fields.description).map {
            "'\($0)' looks like a citizen service number (BSN); it is personal data: remove it if it is one"
        }
    }

    static func duplicates(_ found: [DuplicateMatch<IdeaID>]) -> [String] {
        found.map { duplicate(of: $0.key, title: $0.title, similarity: $0.similarity) }
    }

    private static func duplicate(of id: IdeaID, title: String, similarity: Double) -> String {
        "likely duplicate of \(id) '\(TextSanitizer.singleLine(title))' (similarity \(String(format: "%.2f", similarity))); merge with 'proeftuin merge'"
    }
}
