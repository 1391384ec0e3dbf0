import Foundation

/// Personal-data checks.
public enum Privacy {
    // Hardening
    /// Every BSN-like number in several free-text fields, each once, in the order found.
    public static func possibleBSNs(inTexts texts: [String]) -> [String] {
        var seen = Set<String>()
        return texts.flatMap { possibleBSNs(in: $0) }.filter { seen.insert($0).inserted }
    }

    /// A name as people recognise it: case (any script), accents, compatibility forms (ligatures, full width) and spacing
    /// ignored, so `ÉLODIE  d'Arc` and `elodie d'arc`, `Ĳsbrand` and `ijsbrand` are one person.
    public static func nameKey(_ name: String) -> String {
        // Compatibility forms first: the Dutch ligature Ĳ is I and J, a full-width Ａ is A.
        let folded = name.precomposedStringWithCompatibilityMapping
            .folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        return folded.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// Whether two names are the same person's as written (see `nameKey`).
    public static func sameName(_ a: String, _ b: String) -> Bool {
        let key = nameKey(a)
        return !key.isEmpty && key == nameKey(b)
    }

    /// Whether a free text mentions a name, matched the same way.
    public static func mentions(_ text: String, name: String) -> Bool {
        let key = nameKey(name)
        return !key.isEmpty && nameKey(text).contains(key)
    }

    /// Nine-digit runs in a text that pass the Dutch "elfproef" for a citizen service number (BSN):
    /// 9·d1 + 8·d2 + … + 2·d8 − 1·d9 is divisible by 11 (and the number is not all zeros).
    public static func possibleBSNs(in text: String) -> [String] {
        var found: [String] = []
        var run = ""
        func flush() {
            if run.count == 9, isBSN(run) { found.append(run) }
            run = ""
        }
        for character in text {
            if character.isASCII, character.isNumber {
                run.append(character)
            } else if character == "." || character == " " || character == "-", !run.isEmpty, run.count < 9 {
                continue  // 123.456.782 and 123 456 782 are written that way too
            } else {
                flush()
            }
        }
        flush()
        return found
    }

    /// The eleven-test for a nine-digit string.
    public static func isBSN(_ digits: String) -> Bool {
        let values = digits.compactMap(\.wholeNumberValue)
        guard values.count == 9, values.contains(where: { $0 != 0 }) else { return false }
        var sum = 0
        for (index, value) in values.enumerated() {
            sum += index < 8 ? (9 - index) * value : -value
        }
        return sum % 11 == 0
    }
}

/// Finding ideas that are probably the same: character-trigram similarity of titles and descriptions.
public enum Similarity {
    /// Folded trigrams of a text (lowercase, no accents, letters and digits only).
    public static func trigrams(_ text: String) -> Set<String> {
        let folded = TextSearch.fold(text).map { $0.isLetter || $0.isNumber ? $0 : " " }
        let words = String(folded).split(separator: " ")
        var result = Set<String>()
        for word in words {
            let padded = Array(" \(word) ")
            guard padded.count >= 3 else { continue }
            for start in 0...(padded.count - 3) { result.insert(String(padded[start..<start + 3])) }
        }
        return result
    }

    /// Dice coefficient of two trigram sets, 0…1.
    public static func dice(_ a: Set<String>, _ b: Set<String>) -> Double {
        guard !a.isEmpty || !b.isEmpty else { return 0 }
        return 2 * Double(a.intersection(b).count) / Double(a.count + b.count)
    }

    /// Title similarity counts most; descriptions add evidence when both have one.
    public static func score(title: String, description: String, against other: (title: String, description: String)) -> Double {
        let titles = dice(trigrams(title), trigrams(other.title))
        guard !description.isEmpty, !other.description.isEmpty else { return titles }
        return 0.7 * titles + 0.3 * dice(trigrams(description), trigrams(other.description))
    }

    /// How similar counts as a likely duplicate.
    public static let threshold = 0.55
}

/// An inverted index of title trigrams, so likely duplicates among 10,000 titles are found per keystroke
/// by counting shared trigrams instead of comparing every title.
public struct TitleIndex: Equatable, Sendable {
    private var postings: [String: [Int32]] = [:]
    private var sizes: [Int] = []

    public init(titles: [String]) {
        sizes.reserveCapacity(titles.count)
        for (index, title) in titles.enumerated() {
            let trigrams = Similarity.trigrams(title)
            sizes.append(trigrams.count)
            for trigram in trigrams { postings[trigram, default: []].append(Int32(index)) }
        }
    }

    /// Indexes of titles whose Dice similarity to `title` is at least `threshold`, most similar first.
    public func similar(to title: String, threshold: Double = Similarity.threshold, limit: Int = 3) -> [(index: Int, score: Double)] {
        let query = Similarity.trigrams(title)
        guard !query.isEmpty else { return [] }
        var shared: [Int32: Int] = [:]
        for trigram in query {
            for index in postings[trigram] ?? [] { shared[index, default: 0] += 1 }
        }
        var found: [(index: Int, score: Double)] = []
        for (index, count) in shared {
            let score = 2 * Double(count) / Double(query.count + sizes[Int(index)])
            if score >= threshold { found.append((Int(index), score)) }
        }
        return Array(found.sorted { ($0.score, -$0.index) > ($1.score, -$1.index) }.prefix(limit))
    }
}
