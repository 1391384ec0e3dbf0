import AppCore
import Domain

/// A point on the screen, in columns and rows from the top left.
public struct Point: Equatable, Sendable {
    public var x: Int
    public var y: Int

    public init(x: Int, y: Int) {
        self.x = x
        self.y = y
    }
}

/// One screen cell: a character (empty for the right half of a wide character) and its style.
public struct Cell: Equatable, Sendable {
    public var text: String
    public var style: Style

    public init(_ text: String = " ", style: Style = .plain) {
        self.text = text
        self.style = style
    }

    public static let blank = Cell()
    /// The right half of a wide character.
    public static func continuation(_ style: Style) -> Cell { Cell("", style: style) }
}

/// An in-memory screen: what the terminal layer draws and what tests read as text lines.
public struct CellGrid: Equatable, Sendable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]
    /// Where the terminal cursor should show (a text field), or nil to hide it.
    public var cursor: Point?

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public subscript(x: Int, y: Int) -> Cell {
        cells[y * width + x]
    }

    /// The cells of one row.
    public func row(_ y: Int) -> ArraySlice<Cell> {
        cells[(y * width)..<((y + 1) * width)]
    }

    /// Writes text at a position, clipped to `maxWidth` columns and the grid edge; returns the columns used.
    ///
    /// Text is sanitised first: escape sequences and control characters never reach the grid.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, maxWidth: Int? = nil, style: Style = .plain) -> Int {
        guard y >= 0, y < height, x < width else { return 0 }
        let limit = min(maxWidth ?? width, width - max(0, x))
        if let used = putPrintable(text, x: x, y: y, limit: limit, style: style) { return used }
        var column = x
        for character in TextSanitizer.singleLine(String(Self.visiblePart(of: text, columns: limit + max(0, -x)))) {
            let w = DisplayWidth.of(character)
            if w == 0 { continue }
            if column - x + w > limit { break }
            if column >= 0 {
                set(Cell(String(character), style: style), x: column, y: y)
                if w == 2 { set(.continuation(style), x: column + 1, y: y) }
            }
            column += w
        }
        return column - x
    }

    /// At most what `columns` columns can show, with room for zero-width characters and escape codes that cleaning
    /// removes: a field of megabytes is cut before it is cleaned, so drawing it costs no more than drawing a short one.
    static func visiblePart(of text: String, columns: Int) -> Substring {
        text.prefix(max(0, columns) * 8 + 1_024)
    }

    /// Writes text truncated with `…` to fit `width` columns, padding the rest with spaces in the same style.
    public mutating func putPadded(_ text: String, x: Int, y: Int, width: Int, style: Style = .plain) {
        if putPaddedPrintable(text, x: x, y: y, width: width, style: style) { return }
        let fitted = DisplayWidth.truncate(TextSanitizer.singleLine(String(Self.visiblePart(of: text, columns: width))), to: width)
        let used = put(fitted, x: x, y: y, maxWidth: width, style: style)
        if used < width { fill(x: x + used, y: y, width: width - used, height: 1, style: style) }
    }

    /// Fills a rectangle with a character.
    public mutating func fill(x: Int, y: Int, width: Int, height: Int, character: Character = " ", style: Style = .plain) {
        let cell = Cell(String(character), style: style)
        for row in max(0, y)..<min(self.height, y + height) {
            for column in max(0, x)..<min(self.width, x + width) where column >= 0 {
                set(cell, x: column, y: row)
            }
        }
    }

    /// Each ASCII character as a cell's text, made once.
    private static let asciiText: [String] = (0..<128).map { String(Unicode.Scalar(UInt8($0))) }

    /// Whether a byte is printable ASCII (space to tilde): a character one column wide that cleaning keeps as it is.
    private static func isPrintable(_ byte: UInt8) -> Bool { byte >= 0x20 && byte <= 0x7E }

    /// `put` for text whose shown part is printable ASCII, byte by byte, without breaking it into characters or looking
    /// up widths (most titles and labels: a frame is mostly these); nil, with nothing drawn, for any other text.
    private mutating func putPrintable(_ text: String, x: Int, y: Int, limit: Int, style: Style) -> Int? {
        guard x >= 0 else { return nil }
        var text = text
        return text.withUTF8 { bytes -> Int? in
            let shown = min(bytes.count, max(0, limit))
            for index in 0..<shown where !Self.isPrintable(bytes[index]) { return nil }
            // A combining mark after the last byte shown would join its character.
            if shown < bytes.count, bytes[shown] >= 0x80 { return nil }
            for index in 0..<shown { set(Cell(Self.asciiText[Int(bytes[index])], style: style), x: x + index, y: y) }
            return shown
        }
    }

    /// `putPadded` for printable ASCII text that the grid does not clip, as `DisplayWidth.truncate` would cut it: the
    /// text and spaces when it fits, else its first `width − 1` characters and `…`; false, with nothing drawn, otherwise.
    private mutating func putPaddedPrintable(_ text: String, x: Int, y: Int, width: Int, style: Style) -> Bool {
        guard x >= 0, width > 0, x + width <= self.width, y >= 0, y < height else { return false }
        var text = text
        return text.withUTF8 { bytes -> Bool in
            let fits = bytes.count <= width
            // Cut: the first `width + 1` characters are single printable bytes, so the text is wider than `width`.
            for index in 0..<(fits ? bytes.count : width + 1) where !Self.isPrintable(bytes[index]) { return false }
            let kept = fits ? bytes.count : width - 1
            for index in 0..<kept { set(Cell(Self.asciiText[Int(bytes[index])], style: style), x: x + index, y: y) }
            if fits {
                fill(x: x + kept, y: y, width: width - kept, height: 1, style: style)
            } else {
                set(Cell("…", style: style), x: x + kept, y: y)
            }
            return true
        }
    }

    private mutating func set(_ cell: Cell, x: Int, y: Int) {
        guard x >= 0, x < width, y >= 0, y < height else { return }
        let index = y * width + x
        // Overwriting the right half of a wide character blanks its left half.
        if cells[index].text.isEmpty, !cell.text.isEmpty, x > 0 {
            cells[index - 1] = Cell(" ", style: cells[index - 1].style)
        }
        // Overwriting the left half of a wide character blanks its right half.
        // (A character two columns wide is at least three bytes long.)
        if cells[index].text.utf8.count >= 3, DisplayWidth.of(cells[index].text) == 2, x + 1 < width, cells[index + 1].text.isEmpty {
            cells[index + 1] = Cell(" ", style: cells[index + 1].style)
        }
        cells[index] = cell
    }

    /// One row as plain text.
    public func line(_ y: Int) -> String {
        row(y).map(\.text).joined()
    }

    /// All rows as plain text with trailing spaces removed: what tests compare.
    public func lines() -> [String] {
        (0..<height).map { y in
            var text = line(y)
            while text.hasSuffix(" ") { text.removeLast() }
            return text
        }
    }

    /// The whole grid as text, one line per row.
    public var text: String { lines().joined(separator: "\n") }
}
