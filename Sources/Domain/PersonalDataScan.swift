import Foundation

/// Finding and masking personal data in free text (case notes): names of the portfolio's submitters, e-mail
/// addresses, Dutch phone numbers, BSNs that pass the eleven test, and postcodes with a house number.
public enum PersonalDataScan {
    /// Every finding in `text`, in order, none overlapping. `names` are the people to look for (the ideas' submitters);
    /// a name is found whole, and so is every run of its words with a capitalised word of three letters or more ("El Amrani",
    /// "Fatima"), case and accents ignored.
    public static func findings(in text: String, names: [String]) -> [PersonalDataFinding] {
        let original = Array(text)
        // Scanned with every kind of space as a space and every decimal digit (full-width, Arabic …) as its ASCII digit,
        // one character for one, so the ranges found hold for the text as written.
        let characters = original.map(plain)
        var found: [PersonalDataFinding] = []
        func taken(_ range: Range<Int>) -> Bool { found.contains { $0.range.overlaps(range) } }
        func add(_ kind: PersonalDataKind, _ range: Range<Int>) {
            guard !taken(range) else { return }
            found.append(PersonalDataFinding(kind: kind, range: range, text: String(original[range])))
        }
        for range in emails(characters) { add(.email, range) }
        for range in phones(characters) { add(.phone, range) }
        for range in bsns(characters) { add(.bsn, range) }
        for range in postcodes(characters) { add(.address, range) }
        for range in nameMatches(characters, names: names) { add(.name, range) }
        return found.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    /// The kinds found, each once, in order of first appearance.
    public static func kinds(_ findings: [PersonalDataFinding]) -> [PersonalDataKind] {
        var seen = Set<PersonalDataKind>()
        return findings.map(\.kind).filter { seen.insert($0).inserted }
    }

    /// The text with every finding replaced by its placeholder (`[naam]`, `[e-mail]` … as `placeholder` words it).
    public static func masked(_ text: String, _ findings: [PersonalDataFinding], placeholder: (PersonalDataKind) -> String) -> String {
        var characters = Array(text)
        for finding in findings.sorted(by: { $0.range.lowerBound > $1.range.lowerBound }) where finding.range.upperBound <= characters.count {
            characters.replaceSubrange(finding.range, with: Array(placeholder(finding.kind)))
        }
        return String(characters)
    }

    // MARK: - Scanners

    /// A space of any kind as " ", a decimal digit of any script as its ASCII digit, anything else as it is.
    private static func plain(_ c: Character) -> Character {
        if c.isWhitespace, !c.isNewline { return " " }
        if !c.isASCII, c.isNumber, let value = c.wholeNumberValue, (0...9).contains(value),
           c.unicodeScalars.count == 1, c.unicodeScalars.first!.properties.numericType == .decimal {
            return Character(String(value))
        }
        return c
    }

    private static func isDigit(_ c: Character) -> Bool { c.isASCII && c.isNumber }
    private static func isWordCharacter(_ c: Character) -> Bool { c.isLetter || c.isNumber }

    private static func emails(_ c: [Character]) -> [Range<Int>] {
        func local(_ x: Character) -> Bool { x.isASCII && (x.isLetter || x.isNumber || "._%+-".contains(x)) }
        func domain(_ x: Character) -> Bool { x.isASCII && (x.isLetter || x.isNumber || ".-".contains(x)) }
        var result: [Range<Int>] = []
        for at in c.indices where c[at] == "@" {
            var start = at
            while start > 0, local(c[start - 1]) { start -= 1 }
            var end = at + 1
            while end < c.count, domain(c[end]) { end += 1 }
            while end > at + 1, c[end - 1] == "." || c[end - 1] == "-" { end -= 1 }  // a full stop ends the sentence
            let host = String(c[(at + 1)..<end])
            guard start < at, host.contains("."), let tld = host.split(separator: ".").last, tld.count >= 2,
                  tld.allSatisfy(\.isLetter) else { continue }
            result.append(start..<end)
        }
        return result
    }

    /// `1234 AB 12`, `1234AB 12a`, `1234ab, 12`: four digits (not starting with 0), two letters (capitals, or any case when
    /// written against the digits, so "5678 en 12" is no address), a house number.
    private static func postcodes(_ c: [Character]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var i = 0
        while i + 6 <= c.count {
            defer { i += 1 }
            guard i == 0 || !isWordCharacter(c[i - 1]), c[i] != "0", (i..<i + 4).allSatisfy({ isDigit(c[$0]) }) else { continue }
            var j = i + 4
            let spaced = j < c.count && c[j] == " "
            if spaced { j += 1 }
            guard j + 2 <= c.count, c[j].isASCII, c[j].isLetter, c[j + 1].isASCII, c[j + 1].isLetter,
                  !spaced || (c[j].isUppercase && c[j + 1].isUppercase) else { continue }
            j += 2
            guard j == c.count || !isWordCharacter(c[j]) else { continue }
            // A postcode alone narrows a person down to a few houses: written together (`1234AB`), or spaced in capitals.
            let alone = i..<j
            var k = j
            if k < c.count, c[k] == "," { k += 1 }
            while k < c.count, c[k] == " " { k += 1 }
            var digits = 0
            while k < c.count, isDigit(c[k]) { k += 1; digits += 1 }
            guard (1...5).contains(digits) else {
                result.append(alone)
                i = alone.upperBound - 1
                continue
            }
            if k < c.count, c[k].isLetter, k + 1 == c.count || !isWordCharacter(c[k + 1]) { k += 1 }  // 12a
            guard k == c.count || !isWordCharacter(c[k]) else {
                result.append(alone)
                i = alone.upperBound - 1
                continue
            }
            result.append(i..<k)
            i = k - 1
        }
        return result
    }

    /// Dutch numbers: `06-12345678`, `06 1234 5678`, `020-1234567`, `0591 123456`, `+31 6 12345678`, `+31 (0)20 123 4567`,
    /// `0031 6 …`: a national number has ten digits starting with 0, an international one 31 and nine digits.
    private static func phones(_ c: [Character]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var i = 0
        while i < c.count {
            guard i == 0 || !isWordCharacter(c[i - 1]) && c[i - 1] != "+" else { i += 1; continue }
            var j = i
            var needed = 0
            if c[j] == "+", j + 2 < c.count, c[j + 1] == "3", c[j + 2] == "1" {
                j += 3; needed = 9
            } else if j + 3 < c.count, String(c[j..<j + 4]) == "0031" {
                j += 4; needed = 9
            } else if c[j] == "0", j + 1 < c.count, isDigit(c[j + 1]), c[j + 1] != "0" {
                needed = 10
            } else {
                i += 1; continue
            }
            if needed == 9 {
                // An optional separator and (0) after the country code.
                var k = j
                if k < c.count, c[k] == " " || c[k] == "-" { k += 1 }
                if k + 2 < c.count, c[k] == "(", c[k + 1] == "0", c[k + 2] == ")" { k += 3; j = k }
            }
            var digits = 0
            var end = j
            while end < c.count, digits < needed {
                if isDigit(c[end]) {
                    digits += 1; end += 1
                } else if " -./()".contains(c[end]), digits > 0 || needed == 9 {
                    // A run of at most three separators (`06 - 1234`, `06/1234`, `(020) 123`) between digits.
                    var next = end
                    while next < c.count, next - end < 3, " -./()".contains(c[next]) { next += 1 }
                    guard next < c.count, isDigit(c[next]) else { break }
                    end = next
                } else {
                    break
                }
            }
            if digits == needed, end == c.count || !isDigit(c[end]) {
                // `(020) 123 45 67`: the opening bracket goes with the number.
                let start = i > 0 && c[i - 1] == "(" && c[i..<end].contains(")") ? i - 1 : i
                result.append(start..<end)
                i = end
            } else {
                i += 1
            }
        }
        return result
    }

    /// Nine digits passing the eleven test, written together or in groups (`123456782`, `1234.56.782`, `123 456 782`).
    private static func bsns(_ c: [Character]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var i = 0
        while i < c.count {
            guard isDigit(c[i]), i == 0 || !isWordCharacter(c[i - 1]) else { i += 1; continue }
            var digits = ""
            var end = i
            while end < c.count, digits.count < 9 {
                if isDigit(c[end]) {
                    digits.append(c[end]); end += 1
                } else if ". -".contains(c[end]), end + 1 < c.count, isDigit(c[end + 1]), !digits.isEmpty {
                    end += 1
                } else {
                    break
                }
            }
            if digits.count == 9, end == c.count || !isWordCharacter(c[end]), Privacy.isBSN(digits) {
                result.append(i..<end)
                i = end
            } else {
                i += 1
            }
        }
        return result
    }

    /// Where the names (whole, or their parts of three letters or more) stand as words in the text.
    private static func nameMatches(_ c: [Character], names: [String]) -> [Range<Int>] {
        let folded = c.map { fold(String($0)) }
        var patterns: [[String]] = []
        for name in names where !name.contains("@") && !name.contains(where: { $0.isNumber }) {
            // Every run of the name's words that holds a capitalised word of three letters or more: "Fatima El Amrani",
            // "El Amrani", "Fatima", "Amrani" (not "El" alone).
            let words = name.split(whereSeparator: { $0.isWhitespace || $0 == "," }).map(String.init)
            for start in words.indices {
                for end in start..<words.count {
                    let run = words[start...end]
                    guard run.contains(where: { $0.count >= 3 && $0.first!.isUppercase }) else { continue }
                    patterns.append(Array(run.joined(separator: " ")).map { fold(String($0)) })
                }
            }
        }
        patterns.sort { $0.count > $1.count }  // whole names before their parts
        var result: [Range<Int>] = []
        for pattern in patterns {
            var i = 0
            while i + pattern.count <= folded.count {
                let range = i..<i + pattern.count
                if Array(folded[range]) == pattern, i == 0 || !isWordCharacter(c[i - 1]),
                   range.upperBound == c.count || !isWordCharacter(c[range.upperBound]),
                   !result.contains(where: { $0.overlaps(range) }) {
                    result.append(range)
                    i = range.upperBound
                } else {
                    i += 1
                }
            }
        }
        return result
    }

    private static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
    }
}
