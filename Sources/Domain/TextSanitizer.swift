/// Removes what must never reach a terminal or a single-line field: escape sequences,
/// control characters and bidirectional overrides.
public enum TextSanitizer {
    /// Text for one line: escape sequences removed, newlines and tabs become spaces, other controls dropped.
    public static func singleLine(_ text: String) -> String {
        clean(text, keepNewlines: false)
    }

    /// Text that may span lines: like `singleLine` but keeps newlines (CRLF becomes LF).
    public static func multiLine(_ text: String) -> String {
        clean(text, keepNewlines: true)
    }

    /// Whether the text holds anything `singleLine` would change apart from spacing; `keepingLineEnds`: anything
    /// `multiLine` removes (its line ends, LF or CRLF, are kept).
    public static func containsControlCharacters(_ text: String, keepingLineEnds: Bool = false) -> Bool {
        text.unicodeScalars.contains { scalar in
            if keepingLineEnds, scalar == "\n" || scalar == "\r" { return false }
            return isControl(scalar) || isBidiControl(scalar)
        }
    }

    private static func clean(_ text: String, keepNewlines: Bool) -> String {
        // Every case below starts at a control character: without any, the text comes out as it went in.
        guard containsControlCharacters(text) else { return text }
        var output = String.UnicodeScalarView()
        var scalars = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        while let scalar = pending ?? scalars.next() {
            pending = nil
            switch scalar.value {
            case 0x1B:  // ESC: skip the whole sequence
                pending = skipEscapeSequence(&scalars)
            case 0x9B:  // C1 CSI
                pending = skipControlSequenceBody(&scalars)
            case 0x9D, 0x90, 0x98, 0x9E, 0x9F:  // C1 OSC, DCS, SOS, PM, APC: up to ST or BEL
                pending = skipStringBody(&scalars)
            case 0x0D:
                if let next = scalars.next() {
                    if next.value != 0x0A { pending = next }
                }
                output.append(keepNewlines ? "\n" : " ")
            case 0x0A:
                output.append(keepNewlines ? "\n" : " ")
            case 0x09:
                output.append(" ")
            default:
                if isControl(scalar) || isBidiControl(scalar) { continue }
                output.append(scalar)
            }
        }
        return String(output)
    }

    /// Whether a scalar shows something: not white space, not a control, format or combining mark alone.
    public static func isVisible(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.properties.isWhitespace || isControl(scalar) { return false }
        switch scalar.properties.generalCategory {
        case .format, .control, .nonspacingMark, .enclosingMark, .lineSeparator, .paragraphSeparator, .spaceSeparator: return false
        default: return true
        }
    }

    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return value < 0x20 || value == 0x7F || (0x80...0x9F).contains(value)
    }

    /// Bidirectional embedding, override and isolate controls, which can reorder what follows them.
    static func isBidiControl(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value)
    }

    /// After ESC: consumes the rest of the sequence; returns a scalar read too far, if any.
    private static func skipEscapeSequence(_ scalars: inout String.UnicodeScalarView.Iterator) -> Unicode.Scalar? {
        guard let next = scalars.next() else { return nil }
        switch next {
        case "[": return skipControlSequenceBody(&scalars)
        case "]", "P", "X", "^", "_": return skipStringBody(&scalars)
        default:
            // Two-character escape (ESC c, ESC 7 …) or ESC + intermediate bytes + final byte.
            var current = next
            while (0x20...0x2F).contains(current.value) {
                guard let following = scalars.next() else { return nil }
                current = following
            }
            return nil
        }
    }

    /// CSI parameters and intermediates up to the final byte (0x40–0x7E).
    private static func skipControlSequenceBody(_ scalars: inout String.UnicodeScalarView.Iterator) -> Unicode.Scalar? {
        while let scalar = scalars.next() {
            if (0x40...0x7E).contains(scalar.value) { return nil }
            if !(0x20...0x3F).contains(scalar.value) { return scalar }
        }
        return nil
    }

    /// OSC/DCS/… strings end with BEL, ST (ESC \\) or C1 ST.
    private static func skipStringBody(_ scalars: inout String.UnicodeScalarView.Iterator) -> Unicode.Scalar? {
        while let scalar = scalars.next() {
            switch scalar.value {
            case 0x07, 0x9C: return nil
            case 0x1B:
                if let next = scalars.next(), next != "\\" { return next }
                return nil
            default: continue
            }
        }
        return nil
    }
}
