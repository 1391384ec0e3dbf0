/// Personal-data checks.
public enum Privacy {
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
