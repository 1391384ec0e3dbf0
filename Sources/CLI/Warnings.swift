import AppCore
import Domain
import Foundation

/// Warnings about what was just written or imported (likely duplicates, what looks like a citizen service number,
/// text that was cleaned, an unusual date), on standard error in the user's language.
enum Warnings {
    /// At most this many warnings are printed; the rest are counted.
    static let limit = 50

    static func print(_ lines: [String], strings: Strings) {
        print(lines.prefix(limit), total: lines.count, strings: strings)
    }

    /// Prints warnings gathered during a long operation, as `print(_:)` prints the whole list.
    static func print(_ lines: WarningLines, strings: Strings) {
        print(lines.kept[...], total: lines.total, strings: strings)
    }

    private static func print(_ first: ArraySlice<String>, total: Int, strings: Strings) {
        var text = first.prefix(limit).map { strings.format(.cliWarningLine, $0) + "\n" }.joined()
        if total > limit { text += strings.format(.cliWarningLine, strings.format(.cliWarningsMore, total - limit)) + "\n" }
        FileHandle.standardError.write(Data(text.utf8))
    }

    static func bsn(in fields: IdeaFields, strings: Strings) -> [String] {
        bsn(inTexts: fields.freeTexts, strings: strings)
    }

    /// A warning for every BSN-like number in any free text a person or a file filled in.
    static func bsn(inTexts texts: [String], strings: Strings) -> [String] {
        Privacy.possibleBSNs(inTexts: texts).map { strings.format(.cliWarningBSN, $0) }
    }

    static func duplicates(_ found: [DuplicateMatch<IdeaID>], strings: Strings) -> [String] {
        found.map { duplicate(of: .stored($0.key), title: $0.title, similarity: $0.similarity, strings: strings) }
    }

    /// A review date in the past or a measurement dated in the future: the board asks, the command line says so.
    static func date(_ check: DateCheck?, strings: Strings) -> [String] {
        switch check {
        case .reviewDateInPast(let date)?: [strings.format(.cliWarningReviewInPast, date)]
        case .measurementInFuture(let date)?: [strings.format(.cliWarningMeasurementInFuture, date)]
        case nil: []
        }
    }

    /// Per imported row, in file order: cleaned text, BSN-like numbers, likely duplicates.
    static func imported(_ drafts: [IdeaDraft], duplicates: [ImportDuplicate], strings: Strings) -> [String] {
        let byRow = Dictionary(grouping: duplicates, by: \.location)
        var lines: [String] = []
        for draft in drafts {
            var found: [String] = []
            if draft.wasCleaned { found.append(strings[.cliWarningCleaned]) }
            found += bsn(in: draft.fields, strings: strings)
            found += (byRow[draft.location] ?? []).map {
                duplicate(of: $0.match.key, title: $0.match.title, similarity: $0.match.similarity, strings: strings)
            }
            lines += found.map { "\(strings.location(draft.location)): \($0)" }
        }
        return lines
    }

    /// How many lines `imported([draft], duplicates:strings:)` gives, without making them.
    static func importedCount(_ draft: IdeaDraft, duplicates: [ImportDuplicate]) -> Int {
        (draft.wasCleaned ? 1 : 0) + Privacy.possibleBSNs(inTexts: draft.fields.freeTexts).count
            + duplicates.lazy.filter { $0.location == draft.location }.count
    }

    private static func duplicate(of source: DuplicateSource, title: String, similarity: Double, strings: Strings) -> String {
        let rounded = strings.number((similarity * 100).rounded() / 100)
        switch source {
        case .stored(let id): return strings.format(.cliWarningDuplicate, id, TextSanitizer.singleLine(title), rounded)
        case .row(let location): return strings.format(.cliWarningDuplicateRow, strings.location(location), TextSanitizer.singleLine(title), rounded)
        }
    }
}
