/// A horizontal bar chart for the council report, drawn as text (Markdown) or inline SVG (HTML), with both axes named
/// with their unit, a legend, and a named target line.
public struct CouncilChart: Equatable, Sendable {
    public struct Row: Equatable, Sendable {
        public var label: String
        /// nil: nothing to measure yet (drawn as —).
        public var value: Double?
        public var shown: String
    }

    public var title: String
    /// What the rows are (e.g. "quarter").
    public var categoryAxis: String
    /// What the bar length measures, with its unit (e.g. "share (%)").
    public var valueAxis: String
    public var legend: String
    public var rows: [Row]
    public var target: Double
    /// The target line's name (e.g. "target: 3 per quarter").
    public var targetLabel: String
    /// The right end of the value axis.
    public var scale: Double

    /// Text columns a bar may take.
    static let textWidth = 30

    /// The chart as monospaced text lines (for a fenced code block).
    public func text() -> [String] {
        let labelWidth = max(categoryAxis.count, rows.map { $0.label.count }.max() ?? 0)
        func pad(_ text: String) -> String { text + String(repeating: " ", count: max(0, labelWidth - text.count)) }
        let targetColumn = min(Self.textWidth - 1, Int((target / scale * Double(Self.textWidth)).rounded()))
        var lines = [title, pad(categoryAxis) + " │ " + valueAxis + " →"]
        for row in rows {
            var cells = Array(repeating: Character(" "), count: Self.textWidth)
            let length = row.value.map { min(Self.textWidth, Int(($0 / scale * Double(Self.textWidth)).rounded())) } ?? 0
            for index in 0..<length { cells[index] = "█" }
            cells[targetColumn] = index(targetColumn, below: length) ? "╋" : "┆"
            lines.append(pad(row.label) + " │" + String(cells) + " " + row.shown)
        }
        let axis = String(repeating: "─", count: Self.textWidth)
        lines.append(pad("") + " └" + axis)
        let low = "0"
        let high = NumberText.plain(scale)
        lines.append(pad("") + "  " + low + String(repeating: " ", count: max(1, Self.textWidth - low.count - high.count)) + high)
        lines.append("█ " + legend + "   ┆ " + targetLabel)
        return lines
    }

    private func index(_ column: Int, below length: Int) -> Bool { column < length }

    /// The chart as an inline SVG element: labelled axes, bars with their values, a dashed target line, a legend.
    public func svg(escape: (String) -> String) -> String {
        let width = 640.0
        let rowHeight = 22.0
        let labelWidth = min(320.0, max(80.0, Double(rows.map { $0.label.count }.max() ?? 8) * 6.2 + 12))
        let x0 = labelWidth + 8
        let plot = width - x0 - 110
        let top = 26.0
        let bottom = top + Double(rows.count) * rowHeight
        let height = bottom + 64
        func x(_ value: Double) -> Double { x0 + value / scale * plot }
        func n(_ value: Double) -> String { NumberText.plain((value * 10).rounded() / 10) }
        var parts: [String] = []
        parts.append("<svg class=\"chart\" viewBox=\"0 0 \(n(width)) \(n(height))\" role=\"img\" aria-label=\"\(escape(title))\" xmlns=\"http://www.w3.org/2000/svg\">")
        parts.append("<title>\(escape(title))</title>")
        parts.append("<text x=\"0\" y=\"14\" class=\"axis-title\">\(escape(categoryAxis))</text>")
        let targetX = x(target)
        for (index, row) in rows.enumerated() {
            let y = top + Double(index) * rowHeight
            parts.append("<text x=\"\(n(labelWidth))\" y=\"\(n(y + 15))\" text-anchor=\"end\">\(escape(row.label))</text>")
            if let value = row.value, value > 0 {
                parts.append("<rect x=\"\(n(x0))\" y=\"\(n(y + 4))\" width=\"\(n(x(value) - x0))\" height=\"\(n(rowHeight - 8))\" class=\"bar\"/>")
            }
            let end = row.value.map { x($0) } ?? x0
            parts.append("<text x=\"\(n(max(end, targetX) + 6))\" y=\"\(n(y + 15))\">\(escape(row.shown))</text>")
        }
        parts.append("<line x1=\"\(n(x0))\" y1=\"\(n(top))\" x2=\"\(n(x0))\" y2=\"\(n(bottom))\" class=\"axis\"/>")
        parts.append("<line x1=\"\(n(x0))\" y1=\"\(n(bottom))\" x2=\"\(n(x0 + plot))\" y2=\"\(n(bottom))\" class=\"axis\"/>")
        for tick in [0, scale / 2, scale] {
            parts.append("<line x1=\"\(n(x(tick)))\" y1=\"\(n(bottom))\" x2=\"\(n(x(tick)))\" y2=\"\(n(bottom + 4))\" class=\"axis\"/>")
            parts.append("<text x=\"\(n(x(tick)))\" y=\"\(n(bottom + 16))\" text-anchor=\"middle\">\(NumberText.plain((tick * 10).rounded() / 10))</text>")
        }
        parts.append("<text x=\"\(n(x0 + plot / 2))\" y=\"\(n(bottom + 32))\" text-anchor=\"middle\" class=\"axis-title\">\(escape(valueAxis))</text>")
        parts.append("<line x1=\"\(n(targetX))\" y1=\"\(n(top - 4))\" x2=\"\(n(targetX))\" y2=\"\(n(bottom))\" class=\"target\"/>")
        parts.append("<text x=\"\(n(targetX))\" y=\"\(n(top - 8))\" text-anchor=\"middle\" class=\"target-label\">\(escape(targetLabel))</text>")
        let legendY = bottom + 50
        parts.append("<rect x=\"\(n(x0))\" y=\"\(n(legendY - 9))\" width=\"12\" height=\"10\" class=\"bar\"/>")
        parts.append("<text x=\"\(n(x0 + 18))\" y=\"\(n(legendY))\">\(escape(legend))</text>")
        parts.append("<line x1=\"\(n(x0 + plot / 2))\" y1=\"\(n(legendY - 4))\" x2=\"\(n(x0 + plot / 2 + 20))\" y2=\"\(n(legendY - 4))\" class=\"target\"/>")
        parts.append("<text x=\"\(n(x0 + plot / 2 + 26))\" y=\"\(n(legendY))\">\(escape(targetLabel))</text>")
        parts.append("</svg>")
        return parts.joined(separator: "\n")
    }
}
