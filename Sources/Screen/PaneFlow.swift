import AppCore
import Domain

/// Blocks of text flowed into one or more column rectangles, each line wrapped to the column's width (never cut):
/// a block goes into the first column with room for all of it; one that fits nowhere is left out when optional, and
/// otherwise shown as far as it fits with a `▼` line saying how much is hidden.
struct PaneFlow {
    /// One line of text; continuation lines of a wrapped line start under its `indent`.
    struct Line {
        var text: String
        var style: Style
        var indent: Int

        init(_ text: String, _ style: Style = .plain, indent: Int = 0) {
            self.text = text
            self.style = style
            self.indent = indent
        }
    }

    /// Lines that belong together; an optional block is left out rather than shown in part.
    struct Block {
        var lines: [Line]
        var optional: Bool

        init(_ lines: [Line], optional: Bool = false) {
            self.lines = lines
            self.optional = optional
        }
    }

    /// A rectangle to fill from the top.
    struct Column {
        var x: Int
        var y: Int
        var width: Int
        var height: Int
        var used = 0

        init(x: Int, y: Int, width: Int, height: Int) {
            self.x = x
            self.y = y
            self.width = width
            self.height = height
        }
    }

    var columns: [Column]
    /// Bold everything (the projector view).
    var bold: Bool

    /// Places the blocks in order, one blank line between blocks in a column.
    mutating func place(_ blocks: [Block], into grid: inout CellGrid) {
        for block in blocks where !block.lines.isEmpty {
            var placed = false
            for index in columns.indices where columns[index].width > 0 {
                let lines = Self.wrap(block, width: columns[index].width)
                let gap = columns[index].used > 0 ? 1 : 0
                if columns[index].used + gap + lines.count <= columns[index].height {
                    draw(lines, in: index, gap: gap, into: &grid)
                    placed = true
                    break
                }
            }
            guard !placed, !block.optional,
                  let index = columns.indices.max(by: { columns[$0].height - columns[$0].used < columns[$1].height - columns[$1].used })
            else { continue }
            let gap = columns[index].used > 0 ? 1 : 0
            let room = columns[index].height - columns[index].used - gap
            guard room > 0 else { continue }
            let lines = Self.wrap(block, width: columns[index].width)
            let shown = Array(lines.prefix(room - 1))
            draw(shown + [("▼ \(lines.count - shown.count)", Palette.badge)], in: index, gap: gap, into: &grid)
        }
    }

    private mutating func draw(_ lines: [(String, Style)], in index: Int, gap: Int, into grid: inout CellGrid) {
        let column = columns[index]
        for (offset, line) in lines.enumerated() {
            let style = bold ? line.1.merging(Style(bold: true)) : line.1
            grid.put(line.0, x: column.x, y: column.y + column.used + gap + offset, maxWidth: column.width, style: style)
        }
        columns[index].used += gap + lines.count
    }

    /// A block's lines wrapped at spaces to `width`, continuation lines indented.
    static func wrap(_ block: Block, width: Int) -> [(String, Style)] {
        block.lines.flatMap { line in wrap(line.text, width: width, indent: line.indent).map { ($0, line.style) } }
    }

    /// Text wrapped at spaces to `width`: leading spaces stay on the first line, continuation lines start at `indent`.
    /// A number stays with its unit or comparison (`10 %`, `≥ 4`, `≤ 1`), and a `·` separator ends a line, never starts one.
    static func wrap(_ text: String, width: Int, indent: Int) -> [String] {
        let glue = "\u{00A0}"
        let glued = text.replacingAll(" %", with: glue + "%").replacingAll("≥ ", with: "≥" + glue).replacingAll("≤ ", with: "≤" + glue)
            .replacingAll(" · ", with: glue + "· ")
        return layout(glued, width: width, indent: indent).map { $0.replacingAll(glue, with: " ") }
    }

    private static func layout(_ text: String, width: Int, indent: Int) -> [String] {
        let lead = text.prefix { $0 == " " }.count
        let body = String(text.dropFirst(lead))
        guard !body.isEmpty else { return [""] }
        let first = DisplayWidth.wrap(body, to: max(1, width - lead))
        guard first.count > 1 else { return [String(repeating: " ", count: lead) + body] }
        let hanging = min(max(indent, lead), max(0, width - 8))
        let head = first[0]
        let rest = String(body.dropFirst(head.count)).drop { $0 == " " }
        return [String(repeating: " ", count: lead) + head]
            + DisplayWidth.wrap(String(rest), to: max(1, width - hanging)).map { String(repeating: " ", count: hanging) + $0 }
    }
}
