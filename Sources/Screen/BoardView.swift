import Foundation
import AppCore
import Domain

/// The Kanban board: header, columns of cards (or one column with a tab strip); the footer is drawn by `FooterView`.
enum BoardView {
    static func draw(_ state: AppState, into grid: inout CellGrid) {
        drawHeader(state, into: &grid)
        let columns = BoardLayout.columns(for: state.size, focused: state.focusedStage)
        if BoardLayout.kind(for: state.size) == .narrow { drawTabs(state, into: &grid) }
        for column in columns {
            drawColumn(column.stage, x: column.x, width: column.width, state: state, into: &grid)
        }
        if state.isLoaded, state.ideaCount == 0 { drawEmptyHint(state, into: &grid) }
    }

    /// The top line: app name, count, filter, the selected card's full title, and the data directory.
    private static func drawHeader(_ state: AppState, into grid: inout CellGrid) {
        let strings = state.strings
        grid.fill(x: 0, y: 0, width: grid.width, height: 1, style: Palette.header)
        var left = " \(strings[.appName]) · \(strings.ideas(state.ideaCount))"
        if state.inboxOnly { left += " · " + strings[.inboxFilterLabel] }
        if state.inboxCount > 0 { left += " · ✉\(state.inboxCount)" }
        if !state.filter.isEmpty { left += " · " + strings.format(.filterLabel, state.filter) }
        if !state.isLoaded { left += " · " + strings[.loading] }
        if let card = state.selectedCard { left += " │ \(card.id) \(card.title)" }
        // Without a connection to the database server the board says so where it names its data, whatever else must give way.
        let label = state.offline ? " ⚠ " + strings[.offlineLabel] + " " : state.dataLabel.isEmpty ? "" : " " + state.dataLabel + " "
        let labelFits = state.offline || DisplayWidth.of(left) + DisplayWidth.of(label) + 2 <= grid.width
        let room = labelFits ? max(0, grid.width - DisplayWidth.of(label)) : grid.width
        grid.put(DisplayWidth.truncate(left, to: room), x: 0, y: 0, style: Palette.header)
        if labelFits {
            grid.put(label, x: max(0, grid.width - DisplayWidth.of(label)), y: 0, style: state.offline ? Palette.offline : Palette.header)
        }
    }

    private static func drawTabs(_ state: AppState, into grid: inout CellGrid) {
        let strings = state.strings
        let full = Stage.boardOrder.map { "\(strings.stage($0)) \(state.count(in: $0))" }
        let total = full.reduce(0) { $0 + DisplayWidth.of($1) + 3 }
        let labels = total <= grid.width
            ? full
            : Stage.boardOrder.map { "\(String(strings.stage($0).prefix(3))) \(state.count(in: $0))" }
        var x = 0
        for (stage, label) in zip(Stage.boardOrder, labels) {
            let style = stage == state.focusedStage ? Palette.focusedTab : Palette.tab
            x += grid.put(" \(label) ", x: x, y: 1, style: style)
            if x < grid.width - 1 { x += grid.put("│", x: x, y: 1, style: Palette.border) }
        }
    }

    /// A column's title: the stage name, shortened when it must be, and its count (with the WIP limit) whole.
    static func columnTitle(_ stage: Stage, state: AppState, room: Int) -> String {
        let count = columnCount(stage, state: state, room: room)
        let name = DisplayWidth.truncate(state.strings.stage(stage), to: max(1, room - DisplayWidth.of(count) - 1))
        return name + " " + count
    }

    /// The count a column's title shows in `room`: its cards, or with a WIP limit the stage's count against it.
    static func columnCount(_ stage: Stage, state: AppState, room: Int) -> String {
        let visible = state.count(in: stage)
        var count = "\(visible)"
        if let limit = state.wipLimits[stage] {
            // Filtered (text or inbox): how many show, then the stage's whole count against its limit.
            let filtered = !state.filter.isEmpty || state.inboxOnly
            count = "\(filtered ? "\(visible)·" : "")\(state.stageCounts[stage] ?? 0)/\(limit.limit)"
            // A narrow column keeps at least four letters of its name: filtered, it then says only how many show (the
            // colour still tells a limit reached or passed).
            if filtered, room - DisplayWidth.of(count) - 1 < 4 { count = "\(visible)" }
        }
        return count
    }

    private static func drawColumn(_ stage: Stage, x: Int, width: Int, state: AppState, into grid: inout CellGrid) {
        let strings = state.strings
        let focused = stage == state.focusedStage
        let top = BoardLayout.boxTop(for: state.size)
        let inner = BoardLayout.innerHeight(for: state.size)
        let count = state.count(in: stage)
        let visible = BoardLayout.visibleCards(for: state.size)
        let scroll = min(state.scrollTop[stage] ?? 0, max(0, count - visible))
        // Cards scrolled away above are told: the title gives up room for at least the short "▲n", as long as its count
        // stays whole and its name keeps three letters; else the bottom border tells them, beside those below.
        var above = scroll > 0 ? DisplayWidth.of("▲\(scroll)") : 0
        if above > 0 {
            let nameRoom = width - 4 - above - DisplayWidth.of(columnCount(stage, state: state, room: width - 4 - above)) - 1
            if nameRoom < min(4, DisplayWidth.of(strings.stage(stage))) { above = 0 }
        }
        let title = columnTitle(stage, state: state, room: width - 4 - above)
        var titleStyle = focused ? Palette.focusedColumnTitle : Palette.columnTitle
        if let limit = state.wipLimits[stage] {
            let count = state.stageCounts[stage] ?? 0
            if count >= limit.limit { titleStyle = count > limit.limit ? Palette.error : Palette.warning }
        }
        Box.draw(
            x: x, y: top, width: width, height: inner + 2, title: title,
            style: focused ? Palette.focusedBorder : Palette.border, titleStyle: titleStyle, into: &grid)
        let innerWidth = width - 2
        guard innerWidth > 0 else { return }
        if count == 0 {
            let note = state.filter.isEmpty && !state.inboxOnly ? strings[.emptyColumn] : strings[.noMatches]
            // The leading space goes first when the column is narrow, so the note keeps its closing bracket.
            let shown = DisplayWidth.of(note) < innerWidth ? " " + note : note
            grid.put(shown, x: x + 1, y: top + 1, maxWidth: innerWidth, style: Palette.badge)
            return
        }
        let height = BoardLayout.cardHeight(for: state.size)
        let selectedIndex = focused ? state.selectedIndex(in: stage) : nil
        for index in scroll..<min(count, scroll + visible) {
            // A windowed board holds what it shows; a card not held (its window still being read) stays blank.
            guard let card = state.card(at: index, in: stage) else { continue }
            let y = top + 1 + (index - scroll) * height
            CardView.draw(card, x: x + 1, y: y, width: innerWidth, titleLines: height - 1, selected: index == selectedIndex,
                          marked: state.marked.contains(card.id), today: state.today, triageDays: state.triageDays, into: &grid)
        }
        if above > 0 {
            drawMarker(" \(strings.format(.moreAbove, scroll)) ", compact: "▲\(scroll)", x: x, y: top, width: width,
                       reserved: min(width - 4 - above, DisplayWidth.of(title)) + 2, into: &grid)
        }
        let below = count - scroll - visible
        if scroll > 0, above == 0 {
            let both = "▲\(scroll)" + (below > 0 ? " ▼\(below)" : "")
            drawMarker(" \(both) ", compact: both, x: x, y: top + inner + 1, width: width, reserved: 0, into: &grid)
        } else if below > 0 {
            drawMarker(" \(strings.format(.moreBelow, below)) ", compact: "▼\(below)", x: x, y: top + inner + 1,
                       width: width, reserved: 0, into: &grid)
        }
    }

    /// An empty portfolio says what to do first, in a box in the middle of the board.
    private static func drawEmptyHint(_ state: AppState, into grid: inout CellGrid) {
        let text = state.strings[.emptyBoard]
        let width = min(grid.width - 2, DisplayWidth.of(text) + 4)
        let x = (grid.width - width) / 2
        let y = max(BoardLayout.boxTop(for: state.size) + 2, grid.height / 2 - 1)
        Box.overlay(x: x, y: y, width: width, height: 3, title: "", into: &grid)
        grid.put(text, x: x + 2, y: y + 1, maxWidth: width - 4, style: Palette.info)
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

/// One card: one or two title lines, and a badge line with id, overdue review, past maximum duration (⧗), cycle, weighing rank and theme.
enum CardView {
    /// A theme gets at least this many columns before the cycle and rank badges make room for it.
    static let themeRoom = 6

    static func draw(
        _ card: IdeaSummary, x: Int, y: Int, width: Int, titleLines: Int = 1, selected: Bool, marked: Bool = false, today: DayDate,
        triageDays: Int = Intake.defaultTriageDays, into grid: inout CellGrid
    ) {
        let titleStyle = selected ? Palette.selected : Palette.cardTitle
        for line in titleRows(TextSanitizer.singleLine(card.title), width: width - 1, lines: titleLines).enumerated() {
            grid.putPadded((line.offset == 0 && marked ? "●" : " ") + line.element, x: x, y: y + line.offset, width: width,
                           style: titleStyle)
        }
        if marked { grid.put("●", x: x, y: y, style: selected ? Palette.selected : Palette.info) }
        let badgeY = y + titleLines
        let badgeStyle = selected ? Palette.selectedBadge : Palette.badge
        grid.putPadded("", x: x, y: badgeY, width: width, style: badgeStyle)
        var badges: [(text: String, style: Style, droppable: Bool)] = [("\(card.id)", badgeStyle, false)]
        if card.inboxSince != nil {
            // In the inbox: ✉, and ✉! in the error colour once its answer deadline (triage-days) has passed.
            badges.append(card.isTriageOverdue(today: today, triageDays: triageDays)
                ? ("✉!", selected ? Palette.selected : Palette.error, false) : ("✉", selected ? Palette.selected : Palette.info, false))
        }
        if card.isOverdue(today: today) { badges.append(("⚠", selected ? Palette.selected : Palette.error, false)) }
        if card.isPastMaxDuration(today: today) { badges.append(("⧗", selected ? Palette.selected : Palette.error, false)) }
        if card.cycle > 0 { badges.append(("↻\(card.cycle)", badgeStyle, true)) }
        if let weighing = card.weighing { badges.append(("★\(weighing.rank)", selected ? Palette.selected : Palette.info, true)) }
        let indent = width < 24 ? 1 : 3
        let themeNeeds = card.theme.isEmpty ? 0 : min(themeRoom, DisplayWidth.of(card.theme)) + 2
        func used() -> Int { indent + badges.reduce(0) { $0 + DisplayWidth.of($1.text) + 1 } }
        // The theme stays: the cycle badge, then the rank, make room for it first.
        while used() + themeNeeds > width, let index = badges.firstIndex(where: \.droppable) { badges.remove(at: index) }
        var column = x + indent
        for badge in badges where x + width - column > DisplayWidth.of(badge.text) {
            column += grid.put(badge.text + " ", x: column, y: badgeY, style: badge.style)
        }
        if !card.theme.isEmpty, x + width - column > 3 {
            column += grid.put("· ", x: column, y: badgeY, style: badgeStyle)
            grid.put(DisplayWidth.truncate(card.theme, to: x + width - column), x: column, y: badgeY,
                     style: selected ? Palette.selected : Palette.theme)
        }
    }

    /// The title over `lines` rows: wrapped at word boundaries, the last row shortened with … when it does not fit.
    static func titleRows(_ title: String, width: Int, lines: Int) -> [String] {
        guard lines > 1, width > 0 else { return [DisplayWidth.truncate(title, to: max(0, width))] }
        var rows = DisplayWidth.wrap(title, to: width)
        if rows.isEmpty { rows = [""] }
        if rows.count > lines {
            rows = Array(rows.prefix(lines - 1)) + [DisplayWidth.truncate(rows[(lines - 1)...].joined(separator: " "), to: width)]
        }
        return rows
    }
}

/// The bottom line: a message, the reason prompt, the filter line, or the keys of the view on screen.
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
            case .acceptTheme(let id):
                let offered = ThemeCatalog.suggestions(for: prompt.field.text, among: state.offeredThemes, limit: 1).first
                label = offered.map { strings.format(.promptAcceptSuggesting, id, $0) } ?? strings.format(.promptAccept, id)
            case .declineReason(let id): label = strings.format(.promptDecline, id)
            }
            if let error = prompt.error {
                grid.putPadded(" " + error, x: 0, y: y - 1, width: grid.width, style: Palette.error)
            } else {
                grid.putPadded(" " + hintLine(state, width: grid.width), x: 0, y: y - 1, width: grid.width, style: Palette.footer)
            }
            TextFieldView.draw(label: label, field: prompt.field, x: 0, y: y, width: grid.width, into: &grid)
        case .filter(let field):
            TextFieldView.draw(label: "/", field: field, x: 0, y: y, width: grid.width, into: &grid)
        case .confirm:
            grid.putPadded(" " + hintLine(state, width: grid.width), x: 0, y: y, width: grid.width, style: Palette.warning)
        default:
            if let message = state.message {
                grid.putPadded(" " + message.text, x: 0, y: y, width: grid.width,
                               style: message.isError ? Palette.error : Palette.info)
            } else {
                grid.putPadded(" " + hintLine(state, width: grid.width), x: 0, y: y, width: grid.width, style: Palette.footer)
            }
        }
    }

    /// The keys of the view on screen that fit in `width` columns: its anchors (help, and the way out) always, the
    /// others in order of use as far as they fit.
    static func hintLine(_ state: AppState, width: Int) -> String {
        guard let context = state.mode.keyContext else { return state.strings[.moveMenuHint] }
        let (hints, anchors) = FooterHints.texts(for: context, keymap: state.keymap, strings: state.strings,
                                                 hasCard: context != .board || state.selectedCard != nil)
        return fit(hints, anchors: anchors, width: width - 1)
    }

    /// Joins hints with " · ": every anchor at the end, and as many hints as fit, taken by rank and shown in order.
    static func fit(_ hints: [(text: String, rank: Int)], anchors: [String], width: Int) -> String {
        let separator = " · "
        var used = DisplayWidth.of(anchors.joined(separator: separator))
        var chosen: Set<Int> = []
        for (index, hint) in hints.enumerated().sorted(by: { $0.element.rank < $1.element.rank })
        where used + DisplayWidth.of(hint.text) + separator.count <= width {
            chosen.insert(index)
            used += DisplayWidth.of(hint.text) + separator.count
        }
        let shown = hints.enumerated().filter { chosen.contains($0.offset) }.map(\.element.text)
        return DisplayWidth.truncate((shown + anchors).joined(separator: separator), to: width)
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

    /// Just the input area, `width` columns wide. Selected text (typing replaces it) stands out; `completion` is shown
    /// faintly after the cursor (what → would take). A field without the focus shows its text from the start and
    /// leaves the cursor where it is.
    static func drawInput(
        _ field: TextField, x: Int, y: Int, width: Int, style: Style, completion: String = "", focused: Bool = true,
        into grid: inout CellGrid
    ) {
        let characters: [Character] = field.characters.map { TextSanitizer.singleLine(String($0)).isEmpty ? " " : $0 }
        let cursor = focused ? field.cursor : 0
        var start = 0
        var cursorOffset = DisplayWidth.of(String(characters[0..<cursor]))
        while cursorOffset >= width, start < cursor {
            cursorOffset -= DisplayWidth.of(characters[start])
            start += 1
        }
        grid.fill(x: x, y: y, width: width, height: 1, style: style)
        let shown = grid.put(String(characters[start...]), x: x, y: y, maxWidth: width, style: field.selected ? Palette.selection : style)
        if !completion.isEmpty, field.cursor == characters.count, shown < width {
            grid.put(TextSanitizer.singleLine(completion), x: x + shown, y: y, maxWidth: width - shown, style: Palette.completion)
        }
        if focused { grid.cursor = Point(x: x + cursorOffset, y: y) }
    }
}
