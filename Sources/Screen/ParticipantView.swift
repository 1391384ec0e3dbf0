import AppCore
import Domain

/// A participant's own scoring screen: their grid of the session (their scores only), where they are, and a clear
/// "done" once every cell is scored.
public enum ParticipantView {
    public static func render(_ state: ParticipantState) -> CellGrid {
        var grid = CellGrid(width: state.size.width, height: state.size.height)
        let strings = state.strings
        guard BoardLayout.kind(for: state.size) != .tooSmall else {
            grid.put(strings.format(.tooSmall, BoardLayout.minimum.width, BoardLayout.minimum.height), x: 0, y: 0, style: Palette.error)
            return grid
        }
        let session = state.session
        let total = session.cellsThisRound
        let scored = session.progress(of: state.participant)
        let progress = strings.format(.participantProgress, scored, total) + " "
        grid.putPadded(" " + strings.format(.participantTitle, session.id.map(\.description) ?? "", state.name), x: 0, y: 0,
                       width: grid.width, style: Palette.header)
        grid.put(progress, x: max(0, grid.width - DisplayWidth.of(progress)), y: 0, style: Palette.header)

        // Where the participant stands: closed, done, or scoring blind.
        var status: [(String, Style)] = []
        if let reason = session.excluded[state.participant] {
            status.append((strings.format(.participantExcludedNotice, reason), Palette.warning))
        } else if session.status == .closed {
            status.append((strings[.participantClosed], Palette.warning))
        } else if state.isDone {
            status.append((strings.format(strings.counted(total, .participantDone, one: .participantDoneOne), total), Palette.info.merging(Style(bold: true))))
        } else {
            status.append((strings[.participantBlind], Palette.badge))
        }
        if session.revote != nil, session.status == .open, !state.isExcluded { status.append((strings[.participantNotInRound], Palette.label)) }
        if session.status == .revealed { status.append((strings[.participantRevealed], Palette.label)) }
        var y = 2
        for (text, style) in status {
            for line in DisplayWidth.wrap(text, to: grid.width - 2).prefix(2) {
                grid.putPadded(line, x: 1, y: y, width: grid.width - 2, style: style)
                y += 1
            }
        }

        // The grid: the participant's own scores only.
        // The titles first, as wide as they need up to half the screen; then cells as wide as the longest criterion name
        // (8 to 13 columns) in what is left; the titles take whatever remains, at least 40 % of the screen.
        let count = max(1, session.criteria.count)
        let longest = session.criteria.map { DisplayWidth.of($0.name) }.max() ?? 0
        let needed = session.ideas.map { DisplayWidth.of(" \($0) \(state.titles[$0] ?? "")") + 1 }.max() ?? 0
        let cellWidth = max(8, min(min(13, longest + 1), (grid.width - max(30, min(needed, grid.width / 2))) / count))
        let titleWidth = max(14, min(max(min(40, grid.width * 4 / 10), needed), grid.width - count * cellWidth))
        let top = y + 1
        for (index, criterion) in session.criteria.enumerated() {
            grid.put(DisplayWidth.truncate(criterion.name, to: cellWidth - 1), x: titleWidth + index * cellWidth, y: top,
                     maxWidth: cellWidth - 1, style: index == state.column ? Palette.focusedColumnTitle : Palette.label)
        }
        let detailHeight = 3
        let available = max(1, grid.height - top - 2 - detailHeight)
        let first = max(0, min(state.row - available / 2, session.ideas.count - available))
        var row = top + 1
        for index in first..<min(session.ideas.count, first + available) {
            let idea = session.ideas[index]
            grid.putPadded(" \(idea) \(state.titles[idea] ?? "")", x: 0, y: row, width: titleWidth - 1,
                           style: index == state.row ? Palette.focusedColumnTitle : .plain)
            for column in session.criteria.indices {
                let key = ScoreKey(participant: state.participant, idea: idea, criterion: column)
                let current = index == state.row && column == state.column
                var text: String
                switch session.entry(key) {
                case .score(let value)?: text = "\(value)"
                case .abstain?: text = "–"
                case nil: text = "·"
                }
                if current, let pending = state.pending { text = "\(pending)_" }
                // Round 2: cells not voted on again stay as round 1 left them, dimmed.
                let style = current ? Palette.selected : (session.isOpen(key.cell) ? Style.plain : Palette.badge)
                let padded = String(repeating: " ", count: max(0, (cellWidth - 1 - DisplayWidth.of(text)) / 2)) + text
                grid.putPadded(padded, x: titleWidth + column * cellWidth, y: row, width: cellWidth - 1, style: style)
            }
            row += 1
        }
        if first + available < session.ideas.count {
            grid.put("▼ \(session.ideas.count - first - available)", x: 1, y: row, style: Palette.badge)
        }

        // The criterion under the cursor: its scale, which way is better, and its description.
        if session.criteria.indices.contains(state.column) {
            let criterion = session.criteria[state.column]
            let direction = strings[criterion.direction == .benefit ? .participantBenefit : .participantCost]
            let detailTop = grid.height - 1 - detailHeight
            grid.putPadded(" \(criterion.name): \(criterion.scaleMin)–\(criterion.scaleMax), \(direction)", x: 0, y: detailTop,
                           width: grid.width, style: Palette.label)
            for (offset, line) in DisplayWidth.wrap(criterion.description, to: grid.width - 2).prefix(detailHeight - 1).enumerated() {
                grid.putPadded(" " + line, x: 0, y: detailTop + 1 + offset, width: grid.width, style: Palette.badge)
            }
        }

        let footerY = grid.height - 1
        if let message = state.message {
            grid.putPadded(" " + message.text, x: 0, y: footerY, width: grid.width, style: message.isError ? Palette.error : Palette.info)
        } else {
            grid.putPadded(" " + strings[.participantHint], x: 0, y: footerY, width: grid.width, style: Palette.footer)
        }
        return grid
    }
}
