/// The one formula for "these two ideas are probably the same": character-trigram similarity of their titles.
///
/// Titles are folded (lowercase, no accents), split into words of letters and digits, and each word padded
/// with a space on both sides gives its trigrams (`" sc"`, `"sch"` …). The similarity of two titles is the
/// Dice coefficient of their trigram sets, 2·|A∩B| / (|A| + |B|); at `threshold` or above they are likely
/// duplicates. Titles with fewer than `minimumLetters` letters and digits are never compared. Only titles
/// count: the board holds summaries, not descriptions, so the board and the command line use the same rule.
public enum Similarity {
    /// How similar counts as a likely duplicate.
    public static let threshold = 0.55

    /// Titles with fewer letters and digits than this are never reported as duplicates (nor found as one).
    public static let minimumLetters = 4

    /// Folded trigrams of a text (lowercase, no accents, words of letters and digits padded with a space), each
    /// packed into one number: three characters of 21 bits.
    public static func trigrams(_ text: String) -> Set<UInt64> {
        var codes: [UInt64] = []
        appendTrigrams(of: text, to: &codes)
        return Set(codes)
    }

    /// The distinct folded trigrams of a text, ascending, in `codes` (replacing what it held): the same set as
    /// `trigrams(_:)`, without a `Set` and, for ASCII text, without folding through Foundation.
    public static func sortedTrigrams(of text: String, into codes: inout [UInt64]) {
        codes.removeAll(keepingCapacity: true)
        appendTrigrams(of: text, to: &codes)
        guard codes.count > 1 else { return }
        codes.sort()
        var kept = 1
        for index in 1..<codes.count where codes[index] != codes[kept - 1] {
            codes[kept] = codes[index]
            kept += 1
        }
        codes.removeLast(codes.count - kept)
    }

    /// Appends every trigram of a text (repeats included) to `codes`.
    private static func appendTrigrams(of text: String, to codes: inout [UInt64]) {
        var first: UInt64 = 0, second: UInt64 = 0, length = 0  // the last two characters of the padded word, its length
        func push(_ code: UInt64) {
            if length >= 2 { codes.append(first << 42 | second << 21 | code) }
            first = second
            second = code
            length += 1
        }
        let space = UInt64(0x20)
        if isASCII(text) {
            // ASCII folds to its lowercase, and its letters and digits are exactly A–Z, a–z and 0–9 (a carriage return and
            // line feed, one `Character`, is no letter either way), so the bytes give what the characters give.
            for byte in text.utf8 {
                if let code = asciiLetterOrDigit(byte) {
                    if length == 0 { push(space) }
                    push(code)
                } else if length > 0 {
                    push(space)
                    length = 0
                }
            }
            if length > 0 { push(space) }
            return
        }
        for character in TextSearch.fold(text) {
            if character.isLetter || character.isNumber {
                if length == 0 { push(space) }
                push(code(character))
            } else if length > 0 {
                push(space)
                length = 0
            }
        }
        if length > 0 { push(space) }
    }

    /// Whether every byte of a text is ASCII.
    private static func isASCII(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 < 0x80 }
    }

    /// An ASCII letter folded to lowercase or a digit, as its code; nil for any other byte.
    private static func asciiLetterOrDigit(_ byte: UInt8) -> UInt64? {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): UInt64(byte)
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): UInt64(byte | 0x20)
        default: nil
        }
    }

    /// A character as 21 bits: its scalar, or for a cluster of several scalars a fixed hash above the last scalar.
    private static func code(_ character: Character) -> UInt64 {
        let scalars = character.unicodeScalars
        if scalars.count == 1 { return UInt64(scalars.first!.value) }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325  // FNV-1a, the same in every process
        for scalar in scalars { hash = (hash ^ UInt64(scalar.value)) &* 0x100_0000_01b3 }
        return 0x11_0000 + hash % (0x20_0000 - 0x11_0000)
    }

    /// Dice coefficient of two trigram sets, 0…1.
    public static func dice(_ a: Set<UInt64>, _ b: Set<UInt64>) -> Double {
        guard !a.isEmpty || !b.isEmpty else { return 0 }
        return 2 * Double(a.intersection(b).count) / Double(a.count + b.count)
    }

    /// Whether a title has enough letters and digits to be compared at all.
    public static func isComparable(_ title: String) -> Bool {
        var count = 0
        if isASCII(title) {
            for byte in title.utf8 where asciiLetterOrDigit(byte) != nil {
                count += 1
                if count >= minimumLetters { return true }
            }
            return false
        }
        for character in title where character.isLetter || character.isNumber {
            count += 1
            if count >= minimumLetters { return true }
        }
        return false
    }

    /// The similarity of two titles, 0…1; 0 when either is too short to compare.
    public static func of(_ title: String, _ other: String) -> Double {
        guard isComparable(title), isComparable(other) else { return 0 }
        return dice(trigrams(title), trigrams(other))
    }
}
