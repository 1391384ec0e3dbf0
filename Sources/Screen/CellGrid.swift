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
        let fitted = DisplayWidth.truncate(TextSanitizer.singleLine(String(Self.visiblePart(of: text, columns: width))), to: width)
        let used = put(fitted, x: x, y: y, maxWidth: width, style: style)
        if used < width { fill(x: x + used, y: y, width: width - used, height: 1, style: style) }
    }

    /// Fills a rectangle with a character.
    public mutating func fill(x: Int, y: Int, width: Int, height: Int, character: Character = " ", style: Style = .plain) {
        for row in max(0, y)..<min(self.height, y + height) {
            for column in max(0, x)..<min(self.width, x + width) where column >= 0 {
                set(Cell(String(character), style: style), x: column, y: row)
            }
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
        if DisplayWidth.of(cells[index].text) == 2, x + 1 < width, cells[index + 1].text.isEmpty {
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
