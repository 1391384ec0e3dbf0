import AppCore
import Domain
import Foundation

/// The facilitator's screen: the grid (one participant's entries while blind, the group's aggregate with its spread after
/// the reveal) and the results beside or below it. The projector view is bold, shows no score at all while blind, and
/// wraps or abbreviates with a legend instead of cutting.
enum WeighingView {
    static func draw(_ weighing: WeighingState, state: AppState, into grid: inout CellGrid) {
        let strings = state.strings
        let session = weighing.session
        let projector = weighing.projector
        header(weighing, strings: strings, into: &grid)

        let showGroup = weighing.showsGroup
        let cellWidth = projector ? 9 : (showGroup ? 8 : 7)
        let idWidth = session.ideas.map { DisplayWidth.of($0.description) }.max() ?? 2
        let cellsWidth = cellWidth * session.criteria.count
        // The projector shows ids only (the titles are in the ranking or the legend); the normal view shows short titles.
        let preferredLabel = projector ? idWidth + 2 : max(12, min(28, grid.width - 40 - cellsWidth))
        let sidePane = grid.width - min(grid.width, preferredLabel + cellsWidth) - 3 >= (projector ? 30 : 34)
        // With the results below the grid the titles may use the width the pane does not need.
        let labelWidth = projector || sidePane ? preferredLabel : max(preferredLabel, min(44, grid.width - cellsWidth - 1))
        let gridWidth = min(grid.width, labelWidth + cellsWidth)
        let top = 2
        let bottom = grid.height - 2  // last row above the footer
        // Below the grid: after the reveal the results matter more than the grid, which scrolls around the cursor.
        let paneBelowHeight = sidePane ? 0 : (weighing.revealed ? max(6, (grid.height - 4) * 3 / 5) : min(14, max(6, (grid.height - 4) / 2)))
        let gridRowsAvailable = max(1, bottom - top - 2 - paneBelowHeight - (sidePane ? 0 : 1) + 1)
        let rowStep = projector && !weighing.revealed && gridRowsAvailable >= session.ideas.count * 2 ? 2 : 1
        let abbreviated = criterionHeader(weighing, x: labelWidth, y: top, cellWidth: cellWidth, into: &grid)
        let visible = max(1, gridRowsAvailable / rowStep)
        let first = max(0, min(weighing.row - visible / 2, session.ideas.count - visible))
        var y = top + 2
        for row in first..<min(session.ideas.count, first + visible) {
            drawRow(row, weighing, y: y, labelWidth: labelWidth, cellWidth: cellWidth, strings: strings, into: &grid)
            y += rowStep
        }
        if first + visible < session.ideas.count {
            grid.put("▼ \(session.ideas.count - first - visible)", x: 1, y: y, style: Palette.badge)
            y += 1
        }
        if first > 0 { grid.put("▲ \(first)", x: 1, y: top + 1, style: Palette.badge) }
        let paneWidth = sidePane ? grid.width - gridWidth - 3 : (grid.width >= 70 ? (grid.width - 3) / 2 : grid.width - 2)
        var blocks = WeighingBlocks.blocks(weighing, strings: strings, projector: projector, bars: !projector && paneWidth >= 50)
        if projector, weighing.whatIf == nil { blocks += legend(weighing, abbreviated: abbreviated, strings: strings) }
        blocks = scrolled(blocks, by: weighing.paneScroll)
        var columns: [PaneFlow.Column] = []
        if sidePane {
            let x = gridWidth + 2
            columns.append(PaneFlow.Column(x: x, y: top, width: grid.width - x - 1, height: bottom - top + 1))
            let belowGrid = y + 1
            columns.append(PaneFlow.Column(x: 1, y: belowGrid, width: gridWidth - 1, height: max(0, bottom - belowGrid + 1)))
        } else {
            let paneY = bottom - paneBelowHeight + 1
            if grid.width >= 70 {  // two columns side by side
                let half = (grid.width - 3) / 2
                columns.append(PaneFlow.Column(x: 1, y: paneY, width: half, height: paneBelowHeight))
                columns.append(PaneFlow.Column(x: half + 2, y: paneY, width: grid.width - half - 3, height: paneBelowHeight))
            } else {
                columns.append(PaneFlow.Column(x: 1, y: paneY, width: grid.width - 2, height: paneBelowHeight))
            }
        }
        var flow = PaneFlow(columns: columns, bold: projector)
        flow.place(blocks, into: &grid)
        footer(weighing, state: state, into: &grid)
    }

    /// The blocks with the first `lines` lines scrolled away (PgDn), marked `▲ n` at the top.
    static func scrolled(_ blocks: [PaneFlow.Block], by lines: Int) -> [PaneFlow.Block] {
        guard lines > 0 else { return blocks }
        var skip = min(lines, blocks.reduce(0) { $0 + $1.lines.count } - 1)
        let hidden = skip
        var result: [PaneFlow.Block] = []
        for var block in blocks {
            let dropped = min(skip, block.lines.count)
            skip -= dropped
            block.lines.removeFirst(dropped)
            if !block.lines.isEmpty { result.append(block) }
        }
        guard hidden > 0, !result.isEmpty else { return result }
        result[0].lines.insert(PaneFlow.Line("▲ \(hidden)", Palette.badge), at: 0)
        result[0].optional = false
        return result
    }

    /// ` Weighing S4 · sociaal v1 │ round 2 │ Participant 1/8: Anne │ blind`, the timer at the right.
    static func header(_ weighing: WeighingState, strings: Strings, into grid: inout CellGrid) {
        let session = weighing.session
        var parts = [strings.format(.weighingTitle, session.id.map(\.description) ?? "", session.setName, session.setVersion)]
        if session.round > 1 { parts.append(strings.format(.weighingRound, session.round)) }
        let name = session.participants.indices.contains(weighing.participant) ? session.participants[weighing.participant] : ""
        if weighing.showsGroup {
            parts.append(strings.format(.weighingGroupHeader, strings.aggregate(session.aggregate)))
        } else {
            var who = strings.format(.weighingParticipant, weighing.participant + 1, session.participants.count, name)
            if weighing.showIndividual { who += " " + strings[.weighingOwnScores] }
            parts.append(who)
        }
        parts.append(strings.sessionStatus(session.status))
        var timer = ""
        if let running = weighing.timer, let now = weighing.now {
            timer = "⏱ " + strings.format(running.scope == .idea ? .weighingTimerIdea : .weighingTimerRound, running.elapsed(at: now)) + " "
        }
        let timerWidth = DisplayWidth.of(timer)
        grid.putPadded(" " + parts.joined(separator: " │ "), x: 0, y: 0, width: grid.width - timerWidth, style: Palette.header)
        if timerWidth > 0 { grid.put(timer, x: grid.width - timerWidth, y: 0, style: Palette.header) }
    }

    /// Criterion names (abbreviated with a full stop when they do not fit, explained in the legend) and their weights;
    /// returns the abbreviated ones.
    static func criterionHeader(_ weighing: WeighingState, x: Int, y: Int, cellWidth: Int, into grid: inout CellGrid) -> [Int] {
        let session = weighing.session
        let weights = Weights.normalized(session.criteria.map(\.weight))
        var abbreviated: [Int] = []
        for (index, criterion) in session.criteria.enumerated() {
            let column = x + index * cellWidth
            let focused = index == weighing.column
            var name = TextSanitizer.singleLine(criterion.name)
            if DisplayWidth.of(name) > cellWidth - 1 {
                name = DisplayWidth.truncate(name, to: cellWidth - 2, ellipsis: "") + "."
                abbreviated.append(index)
            }
            grid.put(name, x: column, y: y, maxWidth: cellWidth - 1, style: focused ? Palette.focusedColumnTitle : Palette.label)
            let arrow = criterion.direction == .benefit ? "↑" : "↓"
            grid.put("\(Int((weights[index] * 100).rounded()))%\(arrow)", x: column, y: y + 1, maxWidth: cellWidth - 1, style: Palette.badge)
        }
        return abbreviated
    }

    /// One idea's row: its label, then per criterion the participant's entry (a mark only on the projector while blind)
    /// or the group's aggregate ± SD.
    static func drawRow(
        _ row: Int, _ weighing: WeighingState, y: Int, labelWidth: Int, cellWidth: Int, strings: Strings, into grid: inout CellGrid
    ) {
        let session = weighing.session
        let idea = session.ideas[row]
        let emphasis = weighing.projector ? Style(bold: true) : Style.plain
        let label = weighing.projector ? "\(idea)" : "\(idea) \(weighing.titles[idea] ?? "")"
        grid.putPadded(" " + label, x: 0, y: y, width: labelWidth - 1,
                       style: row == weighing.row ? Palette.focusedColumnTitle.merging(emphasis) : emphasis)
        let discuss = Set(weighing.revealed ? weighing.results.discussList.map(\.cell) : [])
        let chosen = Set(weighing.revoteMarks + (session.revote?.cells ?? []))
        for column in session.criteria.indices {
            let cell = SessionCell(idea: idea, criterion: column)
            let key = ScoreKey(participant: weighing.participant, idea: idea, criterion: column)
            let current = row == weighing.row && column == weighing.column
            var style = emphasis
            var text: String
            if weighing.withholdsGroup {
                text = ""  // one person's scores would be shown as the group's
            } else if weighing.showsGroup {
                let spread = weighing.results.cells[row * session.criteria.count + column]
                if spread.count > 0 {
                    let value = session.aggregate == .mean ? spread.mean : spread.median
                    text = strings.decimal(value, 1) + "±" + strings.decimal(spread.sd, 1)
                } else {
                    text = spread.abstained > 0 ? "–" : "·"
                }
                if discuss.contains(cell) { style = Palette.warning }
            } else if !session.isOpen(cell) {
                // Round 2: cells not voted on again stay as round 1 left them.
                text = weighing.projector && !weighing.revealed ? "" : (session.entry(key).map(entryText) ?? "·")
                style = Palette.badge
            } else {
                // Blind on the projector; a participant's own entry is never shown before the reveal (only that it is there).
                let blind = !weighing.revealed && (weighing.projector || session.channels[key]?.isParticipantsOwn == true)
                switch session.entry(key) {
                case .score(let value)?: text = blind ? "●" : "\(value)"
                case .abstain?: text = !weighing.revealed && session.channels[key]?.isParticipantsOwn == true ? "●" : "–"
                case nil: text = "·"
                }
                if current, weighing.pending != nil { text = blind ? "●_" : "\(weighing.pending!)_" }
            }
            if chosen.contains(cell) { style = style.merging(Style(underline: true)) }
            if current { style = Palette.selected.merging(emphasis) }
            let padded = String(repeating: " ", count: max(0, (cellWidth - 1 - DisplayWidth.of(text)) / 2)) + text
            grid.putPadded(padded, x: labelWidth + column * cellWidth, y: y, width: cellWidth - 1, style: style)
        }
    }

    private static func entryText(_ entry: CellEntry) -> String {
        switch entry {
        case .score(let value): "\(value)"
        case .abstain: "–"
        }
    }

    /// What the projector's abbreviations mean (always shown when a name was shortened), then each veto and what the
    /// cells show (left out when there is no room).
    static func legend(_ weighing: WeighingState, abbreviated: [Int], strings: Strings) -> [PaneFlow.Block] {
        let criteria = weighing.session.criteria
        var blocks: [PaneFlow.Block] = []
        if !abbreviated.isEmpty {
            blocks.append(PaneFlow.Block([PaneFlow.Line(abbreviated.map { index -> String in
                let name = TextSanitizer.singleLine(criteria[index].name)
                return DisplayWidth.truncate(name, to: 7, ellipsis: "") + ". = " + name
            }.joined(separator: " · "), Palette.badge, indent: 2)]))
        }
        var lines: [PaneFlow.Line] = []
        let vetoes = criteria.compactMap { criterion in criterion.veto.map { "\(criterion.name) \($0.label)" } }
        if !vetoes.isEmpty { lines.append(PaneFlow.Line(strings.format(.weighingLegendVeto, vetoes.joined(separator: ", ")), Palette.badge, indent: 2)) }
        lines.append(PaneFlow.Line(weighing.showsGroup ? strings.format(.weighingLegendGroup, strings.aggregate(weighing.session.aggregate))
                                                       : strings[.weighingLegendMarks], Palette.badge, indent: 2))
        blocks.append(PaneFlow.Block(lines, optional: true))
        return blocks
    }

    /// The prompt, a question waiting for `y`, the last message, or the keys (as many as fit).
    static func footer(_ weighing: WeighingState, state: AppState, into grid: inout CellGrid) {
        let strings = state.strings
        let session = weighing.session
        let y = grid.height - 1
        if let prompt = weighing.prompt {
            let label: String
            switch prompt.purpose {
            case .note(let cell): label = strings.format(.weighingPromptNote, cell.idea, session.criteria[cell.criterion].name)
            case .addParticipant: label = strings[.weighingPromptAddParticipant]
            case .exclude(let index): label = strings.format(.weighingPromptExclude, session.participants[index])
            }
            if let error = prompt.error {
                grid.putPadded(" " + error, x: 0, y: y - 1, width: grid.width, style: Palette.error)
            } else if let notice = prompt.notice {
                grid.putPadded(" " + notice, x: 0, y: y - 1, width: grid.width, style: Palette.info)
            }
            grid.fill(x: 0, y: y, width: grid.width, height: 1)
            TextFieldView.draw(label: " " + label, field: prompt.field, x: 0, y: y, width: grid.width, style: Palette.focusedField, into: &grid)
            return
        }
        let id = session.id.map(\.description) ?? ""
        switch weighing.confirming {
        case .close(let complete, let total)?:
            let text = complete < total ? strings.format(strings.counted(complete, .weighingConfirmCloseIncomplete, one: .weighingConfirmCloseIncompleteOne), complete, total, id)
                                        : strings.format(.weighingConfirmClose, id)
            putWrapped(text, y: y, style: Palette.warning, into: &grid)
        case .revote(let cells)?:
            putWrapped(strings.format(.weighingConfirmRevote, strings.cells(cells.count)), y: y, style: Palette.warning, into: &grid)
        case nil:
            if let message = state.message {
                putWrapped(message.text, y: y, style: message.isError ? Palette.error : Palette.info, into: &grid)
            } else {
                let hint = weighing.whatIf != nil ? strings[.weighingWhatIfHint]
                    : strings[weighing.projector ? .weighingProjectorHint : .weighingHint]
                grid.putPadded(" " + fitted(hint, width: grid.width - 2), x: 0, y: y, width: grid.width, style: Palette.footer)
            }
        }
    }

    /// A footer line; one too long for the width takes the line above as well instead of being cut.
    static func putWrapped(_ text: String, y: Int, style: Style, into grid: inout CellGrid) {
        let lines = DisplayWidth.wrap(TextSanitizer.singleLine(text), to: grid.width - 2)
        if lines.count > 1, y > 0 {
            grid.putPadded(" " + lines[0], x: 0, y: y - 1, width: grid.width, style: style)
            grid.putPadded(" " + lines.dropFirst().joined(separator: " "), x: 0, y: y, width: grid.width, style: style)
        } else {
            grid.putPadded(" " + text, x: 0, y: y, width: grid.width, style: style)
        }
    }

    /// A `·`-separated list of keys shortened from the end until it fits, keeping the last item (help).
    static func fitted(_ hint: String, width: Int) -> String {
        var items = hint.components(separatedBy: " · ")
        while items.count > 2, DisplayWidth.of(items.joined(separator: " · ")) > width {
            items.remove(at: items.count - 2)
        }
        return items.joined(separator: " · ")
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
            // The last line says how many more there are (those not listed above it), over the whole line.
            grid.putPadded("  … +\(setup.ideas.count - ideaLines + 1)", x: x + 2, y: row - 1, width: width - 4, style: Palette.badge)
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
            let text = "\(session.id)  \(strings.sessionStatus(session.status))  \(session.setName)  \(session.ideas)×\(session.participants)  "
                + DayDate.fromDate(session.createdAt)
            grid.putPadded(text, x: x + 2, y: y + 2 + index, width: width - 4, style: index == list.selected ? Palette.selected : .plain)
        }
        grid.putPadded(strings[.sessionsHint], x: x + 2, y: y + height - 2, width: width - 4, style: Palette.footer)
    }
}

extension DayDate {
    /// The UTC day of a moment, for lists (the terminal layer has no calendar of its own).
    static func fromDate(_ date: Date) -> String {
        let days = (date.timeIntervalSince1970 / 86_400).rounded(.down)
        return DayDate(dayNumber: 0).adding(days: days.isFinite ? Int(max(-4e6, min(4e6, days))) : 0).description
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
