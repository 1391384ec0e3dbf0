import AppCore
import Domain
import Foundation

/// The facilitator's screen: the scoring grid for the current participant and the live results.
enum WeighingView {
    static func draw(_ weighing: WeighingState, state: AppState, into grid: inout CellGrid) {
        let strings = state.strings
        let session = weighing.session
        let projector = weighing.projector
        let emphasis = projector ? Style(bold: true) : Style.plain
        let status = session.status == .closed ? strings[.weighingClosed]
            : (session.status == .revealed ? strings[.weighingRevealed] : strings[.weighingBlind])
        let header = " " + strings.format(.weighingTitle, session.id.map(\.description) ?? "", session.setName, session.setVersion)
            + " │ " + strings.format(.weighingParticipant, weighing.participant + 1, session.participants.count,
                                     session.participants[weighing.participant]) + " │ " + status
        grid.putPadded(header, x: 0, y: 0, width: grid.width, style: Palette.header)

        let cellWidth = projector ? 9 : 7
        let titleWidth = max(12, min(projector ? 30 : 28, grid.width * 3 / 10))
        let gridWidth = min(grid.width, titleWidth + cellWidth * session.criteria.count)
        let sidePane = grid.width - gridWidth >= 36
        let rowStep = projector ? 2 : 1
        let top = 2
        // Criterion names and weights.
        let weights = Weights.normalized(session.criteria.map(\.weight))
        for (index, criterion) in session.criteria.enumerated() {
            let x = titleWidth + index * cellWidth
            let focused = index == weighing.column
            grid.put(DisplayWidth.truncate(criterion.name, to: cellWidth - 1), x: x, y: top, maxWidth: cellWidth - 1,
                     style: focused ? Palette.focusedColumnTitle : Palette.label)
            let arrow = criterion.direction == .benefit ? "↑" : "↓"
            grid.put("\(Int((weights[index] * 100).rounded()))%\(arrow)", x: x, y: top + 1, maxWidth: cellWidth - 1, style: Palette.badge)
        }
        // Idea rows, scrolled to keep the current row in view.
        let resultsHeight = sidePane ? 0 : min(12, session.ideas.count + 5)
        let available = max(1, (grid.height - top - 3 - resultsHeight) / rowStep)
        let first = max(0, min(weighing.row - available / 2, session.ideas.count - available))
        let discuss = Set(weighing.results.cells.filter(\.discuss).map { "\($0.idea.rawValue)/\($0.criterion)" })
        var y = top + 2
        for row in first..<min(session.ideas.count, first + available) {
            let idea = session.ideas[row]
            let title = "\(idea) \(weighing.titles[idea] ?? "")"
            grid.putPadded(" " + title, x: 0, y: y, width: titleWidth - 1,
                           style: row == weighing.row ? Palette.focusedColumnTitle.merging(emphasis) : emphasis)
            for column in session.criteria.indices {
                let key = ScoreKey(participant: weighing.participant, idea: idea, criterion: column)
                let current = row == weighing.row && column == weighing.column
                var text = session.scores[key].map(String.init) ?? "·"
                if !weighing.revealed, session.channels[key]?.isParticipantsOwn == true { text = "●" }  // their own: blind until reveal
                if current, let pending = weighing.pending { text = "\(pending)_" }
                var style = current ? Palette.selected : emphasis
                if weighing.revealed, discuss.contains("\(idea.rawValue)/\(column)") {
                    style = current ? Palette.selected : Palette.warning
                    text += "!"
                }
                let padded = String(repeating: " ", count: max(0, (cellWidth - 1 - DisplayWidth.of(text)) / 2)) + text
                grid.putPadded(padded, x: titleWidth + column * cellWidth, y: y, width: cellWidth - 1, style: style)
            }
            y += rowStep
        }
        if first + available < session.ideas.count {
            grid.put("▼ \(session.ideas.count - first - available)", x: 1, y: y, style: Palette.badge)
        }
        // Results: beside the grid when there is room, else below it.
        let paneX = sidePane ? gridWidth + 2 : 1
        let paneY = sidePane ? top : grid.height - 1 - resultsHeight
        let paneWidth = sidePane ? grid.width - paneX - 1 : grid.width - 2
        let paneHeight = sidePane ? grid.height - top - 2 : resultsHeight
        ResultsPane.draw(weighing, x: paneX, y: paneY, width: paneWidth, height: paneHeight, strings: strings, into: &grid)
        // Footer.
        let footerY = grid.height - 1
        if weighing.confirmClose {
            grid.putPadded(" " + strings.format(.weighingConfirmClose, session.id.map(\.description) ?? ""), x: 0, y: footerY,
                           width: grid.width, style: Palette.warning)
        } else if let message = state.message {
            grid.putPadded(" " + message.text, x: 0, y: footerY, width: grid.width, style: message.isError ? Palette.error : Palette.info)
        } else {
            grid.putPadded(" " + strings[projector ? .weighingProjectorHint : .weighingHint], x: 0, y: footerY, width: grid.width,
                           style: Palette.footer)
        }
    }
}

/// Progress while blind; the ranking, agreement, sensitivity and cells to discuss once revealed.
enum ResultsPane {
    static func draw(_ weighing: WeighingState, x: Int, y: Int, width: Int, height: Int, strings: Strings, into grid: inout CellGrid) {
        guard width > 10, height > 1 else { return }
        let session = weighing.session
        let result = weighing.results
        var lines: [(String, Style)] = []
        if !weighing.revealed {
            lines.append((strings[.weighingProgress], Palette.label))
            let total = session.ideas.count * session.criteria.count
            for (index, name) in session.participants.enumerated() {
                let done = weighing.progress(of: index)
                let mark = done == total ? " ✓" : ""
                lines.append(("\(name)  \(done)/\(total)\(mark)" + ProgressLabel.via(session, participant: index, strings: strings),
                              index == weighing.participant ? Palette.focusedColumnTitle : .plain))
            }
        } else {
            let method = result.method == .topsis ? "TOPSIS" : "\(result.method.rawValue) · \(result.normalization.rawValue)"
            lines.append(("\(strings[.weighingRanking]) · \(method) · \(result.aggregate.rawValue)", Palette.label))
            if !result.complete { lines.append((strings[.weighingIncomplete], Palette.badge)) }
            let barWidth = weighing.projector ? 16 : 10
            let titleWidth = max(6, width - barWidth - 18)
            for ranked in result.ranking {
                let filled = Int((ranked.score * Double(barWidth)).rounded())
                let bar = String(repeating: "█", count: max(0, min(barWidth, filled))) + String(repeating: "░", count: max(0, barWidth - filled))
                let title = DisplayWidth.truncate(weighing.titles[ranked.idea] ?? "\(ranked.idea)", to: titleWidth)
                let padded = title + String(repeating: " ", count: max(0, titleWidth - DisplayWidth.of(title)))
                let veto = ranked.vetoed ? " ✗ " + strings[.weighingVeto] : ""
                lines.append((String(format: "%2d. ", ranked.rank) + padded + " " + bar + String(format: " %.2f", ranked.score) + veto,
                              ranked.vetoed ? Palette.error : (ranked.rank == 1 ? Palette.info : .plain)))
            }
            lines.append(("", .plain))
            lines.append(("\(strings[.weighingAgreement]): " + (result.kendallW.map { String(format: "%.2f", $0) } ?? strings[.weighingNoAgreement]),
                          .plain))
            if result.sensitivity.stable {
                lines.append((strings[.weighingStable], Palette.info))
            } else if let change = result.sensitivity.changes.first {
                let sign = change.factor > 0 ? "+10 %" : "−10 %"
                lines.append((strings.format(.weighingUnstable, session.criteria[change.criterion].name, sign), Palette.warning))
            }
            let discussed = result.cells.filter(\.discuss).prefix(3)
            if !discussed.isEmpty {
                lines.append((strings[.weighingDiscuss] + ":", Palette.label))
                for cell in discussed {
                    lines.append((String(format: "  %@ × %@ (SD %.1f, IQR %.1f)", "\(cell.idea)", session.criteria[cell.criterion].name,
                                         cell.sd, cell.iqr), Palette.warning))
                }
            }
        }
        for (offset, line) in lines.prefix(height).enumerated() {
            let style = weighing.projector ? line.1.merging(Style(bold: true)) : line.1
            grid.putPadded(line.0, x: x, y: y + offset, width: width, style: style)
        }
    }
}

/// Choosing the criteria set and participants for a new session.
enum SetupView {
    static func draw(_ setup: SetupState, state: AppState, into grid: inout CellGrid) {
        let strings = state.strings
        let width = min(80, grid.width - 2)
        let ideaLines = min(6, setup.ideas.count)
        let setLines = max(1, min(5, setup.sets.count))
        let height = min(grid.height, ideaLines + setLines + 10)
        let x = (grid.width - width) / 2
        let y = max(0, (grid.height - height) / 2)
        Box.overlay(x: x, y: y, width: width, height: height, title: strings[.setupTitle], into: &grid)
        var row = y + 1
        grid.put(strings.format(.setupIdeas, setup.ideas.count), x: x + 2, y: row, style: Palette.label)
        row += 1
        for card in setup.ideas.prefix(ideaLines) {
            grid.putPadded("  \(card.id) \(card.title)", x: x + 2, y: row, width: width - 4)
            row += 1
        }
        if setup.ideas.count > ideaLines {
            grid.put("  … +\(setup.ideas.count - ideaLines)", x: x + 2, y: row - 1, style: Palette.badge)
        }
        grid.put(strings[.setupSet], x: x + 2, y: row, style: Palette.label)
        row += 1
        for (index, set) in setup.sets.prefix(setLines).enumerated() {
            let style = index == setup.selectedSet ? Palette.selected : Style.plain
            grid.putPadded("  \(set.name) v\(set.version): \(set.criteria.map(\.name).joined(separator: ", "))", x: x + 2, y: row,
                           width: width - 4, style: style)
            row += 1
        }
        if setup.sets.isEmpty { row += 1 }
        let label = strings[.setupParticipants] + " "
        let labelWidth = grid.put(label, x: x + 2, y: row, style: Palette.label)
        TextFieldView.drawInput(setup.participants, x: x + 2 + labelWidth, y: row, width: max(4, width - 4 - labelWidth),
                                style: Palette.focusedField, into: &grid)
        ErrorLines.draw(setup.error, x: x + 2, y: y + height - 3, width: width - 4, into: &grid)
        grid.putPadded(strings[.setupHint], x: x + 2, y: y + height - 2, width: width - 4, style: Palette.footer)
    }
}

/// The sessions to resume.
enum SessionListView {
    static func draw(_ list: SessionListState, state: AppState, into grid: inout CellGrid) {
        let strings = state.strings
        let width = min(80, grid.width - 2)
        let height = min(grid.height, max(1, list.sessions.count) + 5)
        let x = (grid.width - width) / 2
        let y = max(0, (grid.height - height) / 2)
        Box.overlay(x: x, y: y, width: width, height: height, title: strings[.sessionsTitle], into: &grid)
        if list.sessions.isEmpty {
            grid.put(strings[.sessionsEmpty], x: x + 2, y: y + 2, maxWidth: width - 4, style: Palette.badge)
        }
        for (index, session) in list.sessions.prefix(height - 5).enumerated() {
            let text = "\(session.id)  \(session.status.rawValue)  \(session.setName)  \(session.ideas)×\(session.participants)  "
                + DayDate.fromDate(session.createdAt)
            grid.putPadded(text, x: x + 2, y: y + 2 + index, width: width - 4, style: index == list.selected ? Palette.selected : .plain)
        }
        grid.putPadded(strings[.sessionsHint], x: x + 2, y: y + height - 2, width: width - 4, style: Palette.footer)
    }
}

extension DayDate {
    /// The UTC day of a moment, for lists (the terminal layer has no calendar of its own).
    static func fromDate(_ date: Date) -> String {
        DayDate(dayNumber: Int((date.timeIntervalSince1970 / 86_400).rounded(.down))).description
    }
}

extension Style {
    /// This style with another's attributes added (colours from the other when set).
    func merging(_ other: Style) -> Style {
        Style(
            foreground: other.foreground == .standard ? foreground : other.foreground,
            background: other.background == .standard ? background : other.background,
            bold: bold || other.bold, dim: dim || other.dim, reverse: reverse || other.reverse, underline: underline || other.underline)
    }
}
