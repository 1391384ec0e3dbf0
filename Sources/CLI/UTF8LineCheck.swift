/// Checks UTF-8 byte by byte across chunks and names the lines (split at line feeds, 1-based) that are not valid.
struct UTF8LineCheck {
    private(set) var invalidLines: [Int] = []
    private var line = 1
    private var needed = 0
    private var lower: UInt8 = 0x80
    private var upper: UInt8 = 0xBF

    mutating func check(_ bytes: [UInt8]) {
        for byte in bytes {
            if byte == 0x0A {
                if needed > 0 { markInvalid() }
                needed = 0
                line += 1
                continue
            }
            if needed > 0 {
                if byte < lower || byte > upper {
                    markInvalid()
                    needed = 0
                } else {
                    needed -= 1
                    lower = 0x80
                    upper = 0xBF
                    continue
                }
            }
            switch byte {
            case 0x00...0x7F: break
            case 0xC2...0xDF: needed = 1
            case 0xE0: (needed, lower) = (2, 0xA0)
            case 0xE1...0xEC, 0xEE, 0xEF: needed = 2
            case 0xED: (needed, upper) = (2, 0x9F)
            case 0xF0: (needed, lower) = (3, 0x90)
            case 0xF1...0xF3: needed = 3
            case 0xF4: (needed, upper) = (3, 0x8F)
            default: markInvalid()
            }
        }
    }

    /// The end of the input: a character cut off at the end makes the last line invalid.
    mutating func finish() {
        if needed > 0 { markInvalid() }
        needed = 0
    }

    private mutating func markInvalid() {
        if invalidLines.last != line { invalidLines.append(line) }
    }
}
