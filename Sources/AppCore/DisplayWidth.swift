/// Terminal display width of text: wide (CJK, emoji) characters take two columns, combining and
/// zero-width ones none. Computed without the C library so results do not depend on the locale.
public enum DisplayWidth {
    /// Columns one character takes: 0, 1 or 2.
    public static func of(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        if first.value < 0x7F { return first.value < 0x20 ? 0 : 1 }
        if scalars.contains(where: { $0.value == 0xFE0F }) { return 2 }  // emoji presentation selector
        return of(scalar: first)
    }

    /// Columns of a single scalar.
    public static func of(scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x20 || (0x7F...0x9F).contains(value) { return 0 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control: return 0
        default: break
        }
        if (0x1160...0x11FF).contains(value) || value == 0x200B { return 0 }
        if scalar.properties.isEmojiPresentation { return 2 }
        return isWide(value) ? 2 : 1
    }

    /// Columns a text takes.
    public static func of(_ text: some StringProtocol) -> Int {
        var total = 0
        for character in text { total += of(character) }
        return total
    }

    /// East Asian Wide and Fullwidth ranges (Unicode 15, condensed).
    private static func isWide(_ value: UInt32) -> Bool {
        switch value {
        case 0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0, 0x23F3,
             0x25FD...0x25FE, 0x2614...0x2615, 0x2648...0x2653, 0x267F, 0x2693, 0x26A1, 0x26AA...0x26AB,
             0x26BD...0x26BE, 0x26C4...0x26C5, 0x26CE, 0x26D4, 0x26EA, 0x26F2...0x26F3, 0x26F5, 0x26FA, 0x26FD,
             0x2705, 0x270A...0x270B, 0x2728, 0x274C, 0x274E, 0x2753...0x2755, 0x2757, 0x2795...0x2797, 0x27B0,
             0x27BF, 0x2B1B...0x2B1C, 0x2B50, 0x2B55, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF,
             0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19,
             0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x16FE0...0x16FE4, 0x17000...0x18CFF,
             0x1B000...0x1B2FF, 0x1F004, 0x1F0CF, 0x1F18E, 0x1F191...0x1F19A, 0x1F200...0x1F251,
             0x1F300...0x1F64F, 0x1F680...0x1F6FF, 0x1F7E0...0x1F7EB, 0x1F90C...0x1F9FF, 0x1FA70...0x1FAFF,
             0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }

    /// The longest prefix that fits in `width` columns, with `…` when cut; never splits a character.
    /// Reads only as far as it needs to, so a title of megabytes costs no more than a short one.
    public static func truncate(_ text: String, to width: Int, ellipsis: String = "…") -> String {
        guard width > 0 else { return "" }
        let room = width - of(ellipsis)
        var used = 0
        var result = ""
        var cut: String? = nil  // the prefix that leaves room for the ellipsis
        for character in text {
            let w = of(character)
            if used + w > room, cut == nil { cut = result }
            if used + w > width { return room >= 0 ? (cut ?? result) + ellipsis : "" }
            used += w
            result.append(character)
        }
        return result
    }

    /// Splits text into lines of at most `width` columns, breaking at spaces where possible; a word longer than a line
    /// is broken hard. Lines after the first have `hanging` columns fewer (for the caller's indent). One pass over the
    /// text: an unbroken word of megabytes takes linear time.
    public static func wrap(_ text: String, to width: Int, hanging: Int = 0) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        /// The room of the line being filled.
        var room: Int { lines.isEmpty ? width : max(1, width - hanging) }
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            var lineWidth = 0
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: true) {
                let wordWidth = of(word)
                if lineWidth > 0, lineWidth + 1 + wordWidth <= room {
                    line += " "
                    line += word
                    lineWidth += 1 + wordWidth
                    continue
                }
                if lineWidth > 0 {
                    lines.append(line)
                    line = ""
                    lineWidth = 0
                }
                guard wordWidth > room else {
                    line = String(word)
                    lineWidth = wordWidth
                    continue
                }
                var piece = ""
                var pieceWidth = 0
                for character in word {  // a word longer than the line: hard breaks
                    let w = of(character)
                    if pieceWidth + w <= room {
                        piece.append(character)
                        pieceWidth += w
                        continue
                    }
                    if !piece.isEmpty {
                        lines.append(piece)
                        piece = ""
                        pieceWidth = 0
                    }
                    if w <= room {
                        piece.append(character)
                        pieceWidth = w
                    } else {
                        lines.append("")  // a wide character in a 1-column line: left out, an empty line in its place
                    }
                }
                line = piece
                lineWidth = pieceWidth
            }
            lines.append(line)
        }
        return lines
    }
}
