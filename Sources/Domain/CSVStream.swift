/// CSV read from UTF-8 bytes as they arrive, in one pass, holding only the record being read: the rules of `CSV`
/// (separator from the header, byte-order mark, CRLF, quoted fields with separators, quotes and newlines, blank lines
/// skipped, errors naming the physical line), fed chunk by chunk so a file never has to be in memory whole.
public struct CSVStream: Sendable {
    private var separator: UInt8?
    /// Bytes of the header line kept until the separator is known.
    private var head: [UInt8] = []
    private var headScalars = 0
    /// Whether the first bytes were checked for a byte-order mark.
    private var startChecked = false
    private var field: [UInt8] = []
    private var fields: [String] = []
    private var line = 1
    private var recordLine = 1
    private var inQuotes = false
    /// A quote was read inside quotes: the next byte decides between a doubled quote and the closing one.
    private var quoteSeen = false
    private var quoteLine = 1
    private var fieldWasQuoted = false
    /// A carriage return ended a line: a line feed right after it belongs to the same line end.
    private var afterReturn = false

    /// A reader with the separator given, or detected from the header line when nil.
    public init(separator: Character? = nil) {
        self.separator = separator?.asciiValue
    }

    private static let quote = UInt8(ascii: "\""), newline = UInt8(ascii: "\n"), carriageReturn = UInt8(ascii: "\r")
    /// The header is looked at over this many characters at most, as `CSV.detectSeparator` does.
    private static let headerWindow = 4096

    /// Reads more bytes; every record they complete goes to `record`, in file order.
    public mutating func feed(_ bytes: some Sequence<UInt8>, _ record: (CSVRecord) throws -> Void) throws {
        for byte in bytes { try take(byte, record) }
    }

    /// Reads more bytes, as `feed(_:_:)` does, from an array (a file's chunk): the bytes are read from its buffer.
    public mutating func feed(_ bytes: [UInt8], _ record: (CSVRecord) throws -> Void) throws {
        try bytes.withUnsafeBufferPointer { buffer in
            for byte in buffer { try take(byte, record) }
        }
    }

    /// Ends the input: the last record, if any, goes to `record`; an unclosed quote is an error.
    public mutating func finish(_ record: (CSVRecord) throws -> Void) throws {
        if !startChecked { try settleStart(record) }
        if separator == nil { try settleSeparator(record) }
        if quoteSeen {
            quoteSeen = false
            inQuotes = false
        }
        if inQuotes {
            throw CSV.ParseError(line: quoteLine, message: "a quoted field is never closed: add the closing quote")
        }
        if !field.isEmpty || !fields.isEmpty || fieldWasQuoted { try endRecord(record) }
    }

    private static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    private mutating func take(_ byte: UInt8, _ record: (CSVRecord) throws -> Void) throws {
        guard startChecked else {
            head.append(byte)
            if head.count < 3 && Self.byteOrderMark.starts(with: head) { return }  // may still be a byte-order mark
            try settleStart(record)
            return
        }
        try afterStart(byte, record)
    }

    /// Drops a byte-order mark from the bytes kept at the start and reads the others.
    private mutating func settleStart(_ record: (CSVRecord) throws -> Void) throws {
        startChecked = true
        let kept = head == Self.byteOrderMark ? [] : head
        head = []
        for byte in kept { try afterStart(byte, record) }
    }

    private mutating func afterStart(_ byte: UInt8, _ record: (CSVRecord) throws -> Void) throws {
        guard separator != nil else {
            head.append(byte)
            if byte & 0xC0 != 0x80 { headScalars += 1 }
            if byte == Self.newline || byte == Self.carriageReturn || headScalars >= Self.headerWindow { try settleSeparator(record) }
            return
        }
        try step(byte, record)
    }

    /// Picks the separator from the header bytes kept so far (semicolons when the header has more of them than
    /// commas), then reads them.
    private mutating func settleSeparator(_ record: (CSVRecord) throws -> Void) throws {
        var semicolons = 0, commas = 0
        for byte in head {
            if byte == Self.newline || byte == Self.carriageReturn { break }
            if byte == UInt8(ascii: ";") { semicolons += 1 } else if byte == UInt8(ascii: ",") { commas += 1 }
        }
        separator = semicolons > commas ? UInt8(ascii: ";") : UInt8(ascii: ",")
        let kept = head
        head = []
        for byte in kept { try step(byte, record) }
    }

    private mutating func step(_ byte: UInt8, _ record: (CSVRecord) throws -> Void) throws {
        if afterReturn {
            afterReturn = false
            if byte == Self.newline { return }
        }
        if quoteSeen {
            quoteSeen = false
            if byte == Self.quote {
                field.append(Self.quote)
                return
            }
            inQuotes = false
        }
        if inQuotes {
            switch byte {
            case Self.quote: quoteSeen = true
            case Self.newline, Self.carriageReturn:
                line += 1
                field.append(Self.newline)
                afterReturn = byte == Self.carriageReturn
            default: field.append(byte)
            }
            return
        }
        switch byte {
        case Self.quote:
            guard field.isEmpty && !fieldWasQuoted else {
                throw CSV.ParseError(line: line, message: "a quote inside an unquoted field: put the whole field in quotes and double the quote")
            }
            inQuotes = true
            fieldWasQuoted = true
            quoteLine = line
        case separator:
            fields.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
            fieldWasQuoted = false
        case Self.newline, Self.carriageReturn:
            try endRecord(record)
            line += 1
            recordLine = line
            afterReturn = byte == Self.carriageReturn
        default:
            if fieldWasQuoted {
                throw CSV.ParseError(line: line, message: "text after a closing quote: separate fields with '\(Character(Unicode.Scalar(separator ?? 44)))'")
            }
            field.append(byte)
        }
    }

    private mutating func endRecord(_ record: (CSVRecord) throws -> Void) throws {
        fields.append(String(decoding: field, as: UTF8.self))
        let blank = fields.count == 1 && fields[0].isEmpty && !fieldWasQuoted
        let done = fields
        fields = []
        field.removeAll(keepingCapacity: true)
        fieldWasQuoted = false
        if !blank { try record(CSVRecord(line: recordLine, fields: done)) }
    }
}
