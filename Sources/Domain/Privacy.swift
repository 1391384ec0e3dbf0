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
        // Nine ASCII digits are needed at least; most texts have far fewer, and counting bytes is cheap.
        var digits = 0
        for byte in text.utf8 where byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") { digits += 1 }
        guard digits >= 9 else { return [] }
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
