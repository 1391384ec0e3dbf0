import Domain

/// A terminal size in columns and rows.
public struct Size: Equatable, Sendable {
    public var width: Int
    public var height: Int

    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }
}

/// The geometry of the board, shared by the reducer (scrolling) and the renderer (drawing).
public enum BoardLayout {
    /// Smaller than this shows only a message.
    public static let minimum = Size(width: 40, height: 10)
    /// Smaller than this (in either direction) shows one column at a time.
    public static let wide = Size(width: 60, height: 15)
    /// Columns narrower than this inside give each card two title lines.
    public static let roomyColumn = 30

    /// Rows per card: one or two title lines, then a badge line with the theme. Narrow board columns (80 or 120
    /// columns wide) wrap titles over two lines; wide ones and the one-column view need one.
    public static func cardHeight(for size: Size) -> Int {
        guard kind(for: size) == .wide else { return 2 }
        return size.width / Stage.boardOrder.count - 2 < roomyColumn ? 3 : 2
    }

    public enum Kind: Equatable, Sendable {
        case tooSmall, narrow, wide
    }

    public static func kind(for size: Size) -> Kind {
        if size.width < minimum.width || size.height < minimum.height { return .tooSmall }
        if size.width < wide.width || size.height < wide.height { return .narrow }
        return .wide
    }

    /// First row of the column boxes (after the header, and the tab strip when narrow).
    public static func boxTop(for size: Size) -> Int {
        kind(for: size) == .narrow ? 2 : 1
    }

    /// Rows inside a column box.
    public static func innerHeight(for size: Size) -> Int {
        // header (+ tab strip), box top border, box bottom border, footer
        max(0, size.height - boxTop(for: size) - 3)
    }

    /// How many cards fit in a column at once.
    public static func visibleCards(for size: Size) -> Int {
        max(1, innerHeight(for: size) / cardHeight(for: size))
    }

    /// The x offset and width of each displayed column, left to right.
    public static func columns(for size: Size, focused: Stage) -> [(stage: Stage, x: Int, width: Int)] {
        switch kind(for: size) {
        case .tooSmall: return []
        case .narrow: return [(focused, 0, size.width)]
        case .wide:
            let count = Stage.boardOrder.count
            let base = size.width / count
            let extra = size.width % count
            var x = 0
            return Stage.boardOrder.enumerated().map { index, stage in
                let width = base + (index < extra ? 1 : 0)
                defer { x += width }
                return (stage, x, width)
            }
        }
    }

    /// The scroll offset that keeps `index` visible, moving as little as possible from `top`.
    public static func scroll(top: Int, keeping index: Int, count: Int, visible: Int) -> Int {
        var result = top
        if index < result { result = index }
        if index >= result + visible { result = index - visible + 1 }
        return max(0, min(result, max(0, count - visible)))
    }
}
