import Foundation
import AppCore
import Domain

/// The Kanban board: header, columns of cards (or one column with a tab strip), footer.
enum BoardView {
    static func draw(_ state: AppState, into grid: inout CellGrid) {
        drawHeader(state, into: &grid)
        let columns = BoardLayout.columns(for: state.size, focused: state.focusedStage)
        if BoardLayout.kind(for: state.size) == .narrow { drawTabs(state, into: &grid) }
        for column in columns {
            drawColumn(column.stage, x: column.x, width: column.width, state: state, into: &grid)
        }
        FooterView.draw(state, into: &grid)
    }

    /// The top line: app name, count, filter, the selected card's full title, and the data directory.
    private static func drawHeader(_ state: AppState, into grid: inout CellGrid) {
        let strings = state.strings
        grid.fill(x: 0, y: 0, width: grid.width, height: 1, style: Palette.header)
        var left = " \(strings[.appName]) · \(strings.format(.ideaCount, state.allCards.count))"
        if !state.filter.isEmpty { left += " · " + strings.format(.filterLabel, state.filter) }
        if !state.isLoaded { left += " · " + strings[.loading] }
        if let card = state.selectedCard { left += " │ \(card.id) \(card.title)" }
        let label = state.dataLabel.isEmpty ? "" : " " + state.dataLabel + " "
        let labelFits = DisplayWidth.of(left) + DisplayWidth.of(label) + 2 <= grid.width
        let room = labelFits ? grid.width - DisplayWidth.of(label) : grid.width
        grid.put(DisplayWidth.truncate(left, to: room), x: 0, y: 0, style: Palette.header)
        if labelFits { grid.put(label, x: grid.width - DisplayWidth.of(label), y: 0, style: Palette.header) }
    }

    private static func drawTabs(_ state: AppState, into grid: inout CellGrid) {
        let strings = state.strings
        let full = Stage.boardOrder.map { "\(strings.stage($0)) \(state.cards(in: $0).count)" }
        let total = full.reduce(0) { $0 + DisplayWidth.of($1) + 3 }
        let labels = total <= grid.width
            ? full
            : Stage.boardOrder.map { "\(String(strings.stage($0).prefix(3))) \(state.cards(in: $0).count)" }
        var x = 0
        for (stage, label) in zip(Stage.boardOrder, labels) {
            let style = stage == state.focusedStage ? Palette.focusedTab : Palette.tab
            x += grid.put(" \(label) ", x: x, y: 1, style: style)
            if x < grid.width - 1 { x += grid.put("│", x: x, y: 1, style: Palette.border) }
        }
    }

    private static func drawColumn(_ stage: Stage, x: Int, width: Int, state: AppState, into grid: inout CellGrid) {
        let strings = state.strings
        let focused = stage == state.focusedStage
        let top = BoardLayout.boxTop(for: state.size)
        let inner = BoardLayout.innerHeight(for: state.size)
        let cards = state.cards(in: stage)
        var title = "\(strings.stage(stage)) \(cards.count)"
        var titleStyle = focused ? Palette.focusedColumnTitle : Palette.columnTitle
        if let limit = state.wipLimits[stage] {
            let count = state.stageCounts[stage] ?? 0
            title = "\(strings.stage(stage)) \(state.filter.isEmpty ? "" : "\(cards.count)·")\(count)/\(limit.limit)"
            if count >= limit.limit { titleStyle = count > limit.limit ? Palette.error : Palette.warning }
        }
        Box.draw(
            x: x, y: top, width: width, height: inner + 2, title: title,
            style: focused ? Palette.focusedBorder : Palette.border, titleStyle: titleStyle, into: &grid)
        let innerWidth = width - 2
        guard innerWidth > 0 else { return }
        if cards.isEmpty {
            let note = state.filter.isEmpty ? strings[.emptyColumn] : strings[.noMatches]
            grid.put(" " + note, x: x + 1, y: top + 1, maxWidth: innerWidth, style: Palette.badge)
            return
        }
        let visible = BoardLayout.visibleCards(for: state.size)
        let scroll = min(state.scrollTop[stage] ?? 0, max(0, cards.count - visible))
        let selectedIndex = focused ? state.selectedIndex(in: stage) : nil
        for index in scroll..<min(cards.count, scroll + visible) {
            let y = top + 1 + (index - scroll) * BoardLayout.cardHeight
            CardView.draw(cards[index], x: x + 1, y: y, width: innerWidth, selected: index == selectedIndex,
                          marked: state.marked.contains(cards[index].id), today: state.today, into: &grid)
        }
        if scroll > 0 {
            drawMarker(" \(strings.format(.moreAbove, scroll)) ", compact: "▲\(scroll)", x: x, y: top, width: width,
                       reserved: min(width - 4, DisplayWidth.of(title)) + 2, into: &grid)
        }
        let below = cards.count - scroll - visible
        if below > 0 {
            drawMarker(" \(strings.format(.moreBelow, below)) ", compact: "▼\(below)", x: x, y: top + inner + 1,
                       width: width, reserved: 0, into: &grid)
        }
    }

    /// A "▲ 3 more" note at the right end of a border line, or "▲3" when the line has little room.
    private static func drawMarker(
        _ label: String, compact: String, x: Int, y: Int, width: Int, reserved: Int, into grid: inout CellGrid
    ) {
        let room = width - 2 - reserved
        let text = DisplayWidth.of(label) <= room ? label : (DisplayWidth.of(compact) <= room ? compact : "")
        guard !text.isEmpty else { return }
        grid.put(text, x: x + width - 1 - DisplayWidth.of(text), y: y, style: Palette.columnTitle)
    }
}

/// One card: the title line, and a badge line with id, overdue review, cycle, weighing rank and theme.
enum CardView {
    static func draw(
        _ card: IdeaSummary, x: Int, y: Int, width: Int, selected: Bool, marked: Bool = false, today: DayDate, into grid: inout CellGrid
    ) {
        let titleStyle = selected ? Palette.selected : Palette.cardTitle
        grid.putPadded((marked ? "●" : " ") + card.title, x: x, y: y, width: width, style: titleStyle)
        if marked { grid.put("●", x: x, y: y, style: selected ? Palette.selected : Palette.info) }
        let badgeStyle = selected ? Palette.selectedBadge : Palette.badge
        grid.putPadded("", x: x, y: y + 1, width: width, style: badgeStyle)
        var column = x + 3
        func badge(_ text: String, _ style: Style) {
            let room = x + width - column
            guard room > DisplayWidth.of(text) else { return }
            column += grid.put(text + " ", x: column, y: y + 1, style: style)
        }
        badge("\(card.id)", badgeStyle)
        if card.isOverdue(today: today) { badge("⚠", selected ? Palette.selected : Palette.error) }
        if card.cycle > 0 { badge("↻\(card.cycle)", badgeStyle) }
        if let weighing = card.weighing { badge("★\(weighing.rank)", selected ? Palette.selected : Palette.info) }
        if !card.theme.isEmpty, x + width - column > 3 {
            column += grid.put("· ", x: column, y: y + 1, style: badgeStyle)
            grid.put(DisplayWidth.truncate(card.theme, to: x + width - column), x: column, y: y + 1,
                     style: selected ? Palette.selected : Palette.theme)
        }
    }
}

/// The bottom line: a message, the reason prompt, the filter line or the key hints.
enum FooterView {
    static func draw(_ state: AppState, into grid: inout CellGrid) {
        let y = grid.height - 1
        let strings = state.strings
        grid.fill(x: 0, y: y, width: grid.width, height: 1)
        switch state.mode {
        case .prompt(let prompt):
            let label: String
            switch prompt.purpose {
            case .moveReason(let context): label = strings.format(.promptReason, context.id, strings.stage(context.to))
            case .moveOnDecision(let context, let decision): label = strings.format(.promptScaleOnDecision, context.id, decision)
            case .wipOverride(let request, let limit): label = strings.format(.promptWipOverride, strings.stage(request.target), limit)
            }
            TextFieldView.draw(label: label, field: prompt.field, x: 0, y: y, width: grid.width, into: &grid)
            if let error = prompt.error {
                grid.putPadded(" " + error, x: 0, y: y - 1, width: grid.width, style: Palette.error)
            }
        case .filter(let field):
            TextFieldView.draw(label: "/", field: field, x: 0, y: y, width: grid.width, into: &grid)
        default:
            if let message = state.message {
                grid.putPadded(" " + message.text, x: 0, y: y, width: grid.width,
                               style: message.isError ? Palette.error : Palette.info)
            } else {
                let hints = FooterHints.adapted(
                    BoardLayout.kind(for: state.size) == .narrow ? strings[.footerNarrowHints] : strings[.footerHints], to: state.keymap)
                grid.putPadded(" " + hints, x: 0, y: y, width: grid.width, style: Palette.footer)
            }
        }
    }
}

/// A labelled one-line text field that scrolls to keep the cursor visible; places the cursor.
enum TextFieldView {
    static func draw(label: String, field: TextField, x: Int, y: Int, width: Int, style: Style = .plain, into grid: inout CellGrid) {
        let labelText = DisplayWidth.truncate(label, to: max(width / 2, width - 24))
        let labelWidth = grid.put(labelText, x: x, y: y, style: Palette.label)
        let room = width - labelWidth
        guard room > 1 else { return }
        drawInput(field, x: x + labelWidth, y: y, width: room, style: style, into: &grid)
    }

    /// Just the input area, `width` columns wide.
    static func drawInput(_ field: TextField, x: Int, y: Int, width: Int, style: Style, into grid: inout CellGrid) {
        let characters: [Character] = field.characters.map { TextSanitizer.singleLine(String($0)).isEmpty ? " " : $0 }
        var start = 0
        var cursorOffset = DisplayWidth.of(String(characters[0..<field.cursor]))
        while cursorOffset >= width, start < field.cursor {
            cursorOffset -= DisplayWidth.of(characters[start])
            start += 1
        }
        grid.fill(x: x, y: y, width: width, height: 1, style: style)
        grid.put(String(characters[start...]), x: x, y: y, maxWidth: width, style: style)
        grid.cursor = Point(x: x + cursorOffset, y: y)
    }
}

/// The footer's key hints, rewritten for keys the user rebound in `config.toml`.
enum FooterHints {
    static func adapted(_ hints: String, to keymap: Keymap) -> String {
        guard keymap != .standard else { return hints }
        var words = hints.components(separatedBy: " ")
        let standard = Keymap.standard.bindings(in: .board)
        for (old, new) in zip(standard, keymap.bindings(in: .board)) where old.keys != new.keys {
            guard let from = old.keys.first?.label, let to = new.keys.first?.label else { continue }
            for index in words.indices {
                let parts = words[index].components(separatedBy: "/")
                guard parts.contains(from) else { continue }
                words[index] = parts.map { $0 == from ? to : $0 }.joined(separator: "/")
            }
        }
        return words.joined(separator: " ")
    }
}
