import AppCore
import Domain

/// The team lead's overview: stage × theme, WIP, funnel, throughput, lead times, overdue and stale ideas.
enum PortfolioView {
    static func draw(_ portfolio: PortfolioState, state: AppState, into grid: inout CellGrid) {
        let strings = state.strings
        // Figures computed in the background are current only for the data as it is now; while new ones are computed the
        // last ones stay on screen, marked as being updated (a reorder changes no figure), or the view says they come.
        let current = portfolio.metrics ?? state.portfolioFigures.current
        var header = " \(strings[.portfolioTitle]) · \(strings.ideas(state.ideaCount)) · \(state.today)"
        if current == nil, state.portfolioFigures.latest != nil { header += " · " + strings[.portfolioUpdating] }
        grid.putPadded(header, x: 0, y: 0, width: grid.width, style: Palette.header)
        guard let metrics = current ?? state.portfolioFigures.latest?.metrics else {
            grid.putPadded(" " + strings[.portfolioComputing], x: 0, y: 2, width: grid.width, style: Palette.info)
            return
        }
        let room = grid.height - 2
        // The lists of overdue and stale ideas can hold tens of thousands: only the lines up to the screen's end are made.
        let total = self.lines(metrics, state: state, width: grid.width - 2, listLimit: 0).count + metrics.overdue.count + metrics.stale.count
        let scroll = min(portfolio.scroll, max(0, total - room))
        let lines = self.lines(metrics, state: state, width: grid.width - 2, listLimit: scroll + room)
        for (offset, line) in lines.dropFirst(scroll).prefix(room).enumerated() {
            grid.putPadded(line.0, x: 1, y: 1 + offset, width: grid.width - 2, style: line.1)
        }
    }

    /// The view's lines; each list (overdue, stale) holds at most `listLimit` ideas: a list cut there reaches below the
    /// screen's end, so every line above it is the same as without the limit.
    static func lines(_ metrics: PortfolioMetrics, state: AppState, width: Int, listLimit: Int = .max) -> [(String, Style)] {
        let strings = state.strings
        var lines: [(String, Style)] = []
        // Each stage column as wide as its name (at least 6), so no name is cut while there is room; the theme takes the
        // rest. Only when that leaves the theme too little do the columns share the room equally, names shortened.
        let names = Stage.boardOrder.map { strings.stage($0) }
        var cells = names.map { max(6, DisplayWidth.of($0) + 2) }
        if width - cells.reduce(0, +) < 12 { cells = cells.map { _ in max(6, (width - 12) / cells.count) } }
        let themeWidth = max(8, width - cells.reduce(0, +))
        func pad(_ text: String, _ width: Int) -> String {
            let cut = DisplayWidth.truncate(text, to: width)
            return cut + String(repeating: " ", count: max(0, width - DisplayWidth.of(cut)))
        }
        func right(_ text: String, _ width: Int) -> String {
            String(repeating: " ", count: max(0, width - DisplayWidth.of(text))) + text
        }
        func row(_ values: [String]) -> String {
            zip(values, cells).map { right(DisplayWidth.truncate($0, to: $1 - 1), $1) }.joined()
        }
        lines.append((pad(strings[.portfolioMatrix], themeWidth) + row(names), Palette.label))
        for theme in metrics.themes {
            lines.append((pad(theme, themeWidth) + row(Stage.boardOrder.map { "\(metrics.matrix[theme]?[$0] ?? 0)" }), .plain))
        }
        lines.append((pad("Σ", themeWidth) + row(Stage.boardOrder.map { "\(metrics.stageCounts[$0] ?? 0)" }), Palette.label))
        lines.append(("", .plain))
        let wip = Stage.boardOrder.compactMap { stage -> String? in
            guard let limit = state.wipLimits[stage] else { return nil }
            return "\(strings.stage(stage)) \(metrics.stageCounts[stage] ?? 0)/\(limit.limit)"
        }.joined(separator: "   ")
        let over = Stage.boardOrder.contains { stage in state.wipLimits[stage].map { (metrics.stageCounts[stage] ?? 0) >= $0.limit } ?? false }
        lines.append(("\(strings[.portfolioWip]): \(wip)", over ? Palette.warning : .plain))
        lines.append(("", .plain))
        lines.append((strings[.portfolioFunnel], Palette.label))
        let widest = max(1, Stage.boardOrder.map { metrics.stageCounts[$0] ?? 0 }.max() ?? 1)
        let barRoom = max(4, width - 20)
        for stage in Stage.boardOrder {
            let count = metrics.stageCounts[stage] ?? 0
            let bar = String(repeating: "█", count: count * barRoom / widest)
            lines.append((pad(strings.stage(stage), 14) + " " + bar + " \(count)", Palette.info))
        }
        lines.append(("", .plain))
        lines.append((strings[.portfolioThroughput], Palette.label))
        for month in metrics.throughput {
            lines.append(("\(month.month)  " + String(repeating: "■", count: month.scaled) + String(repeating: "□", count: month.stopped)
                          + "  \(month.scaled)/\(month.stopped)", .plain))
        }
        lines.append(("", .plain))
        let lead = Stage.boardOrder.compactMap { stage in
            metrics.medianLeadTime[stage].map { "\(strings.stage(stage)) \(strings.format(.portfolioDays, Int($0.rounded())))" }
        }
        lines.append(("\(strings[.portfolioLeadTime]): " + (lead.isEmpty ? strings[.portfolioNone] : lead.joined(separator: " · ")), .plain))
        lines.append(("", .plain))
        lines.append((strings.format(.portfolioOverdue, metrics.overdue.count), metrics.overdue.isEmpty ? Palette.label : Palette.error))
        for review in metrics.overdue.prefix(listLimit) {
            lines.append(("  \(review.reviewDate)  \(review.idea)  \(strings.stage(review.stage))  \(review.title)", .plain))
        }
        lines.append(("", .plain))
        lines.append((strings.format(.portfolioStale, state.staleDays, metrics.stale.count), metrics.stale.isEmpty ? Palette.label : Palette.warning))
        for stale in metrics.stale.prefix(listLimit) {
            lines.append(("  \(right(strings.format(.portfolioDays, stale.days), 6))  \(stale.idea)  \(strings.stage(stale.stage))  \(stale.title)", .plain))
        }
        if let learning = metrics.learning {
            lines.append(("", .plain))
            lines.append((strings[.learningTitle], Palette.label))
            for (label, value) in strings.learningFigures(learning, triageDays: metrics.triageDays) {
                // A long figure (the starts per quarter) wraps under its label instead of being cut.
                for (index, line) in DisplayWidth.wrap("\(label): \(value)", to: max(8, width - 4)).enumerated() {
                    lines.append(((index == 0 ? "  " : "    ") + line, .plain))
                }
            }
        }
        return lines
    }
}
