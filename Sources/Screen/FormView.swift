import AppCore
import Domain

/// The new/edit idea form, drawn as a box over the board.
enum FormView {
    static func draw(_ form: FormState, state: AppState, into grid: inout CellGrid) {
        let strings = state.strings
        let width = grid.width < 90 ? grid.width - 2 : 76
        let fields = FormState.Field.allCases
        let height = min(grid.height, fields.count + 6)
        let x = (grid.width - width) / 2
        let y = max(0, (grid.height - height) / 2)
        let title: String
        switch form.purpose {
        case .create: title = strings[.formNewTitle]
        case .edit(let id): title = strings.format(.formEditTitle, id)
        }
        Box.overlay(x: x, y: y, width: width, height: height, title: title, into: &grid)
        let labelWidth = min(16, (fields.map { DisplayWidth.of(strings[$0.label]) }.max() ?? 0) + 1)
        let inputX = x + 2 + labelWidth + 1
        let inputWidth = x + width - 2 - inputX
        var cursor: Point? = nil
        for (offset, field) in fields.enumerated() {
            let row = y + 2 + offset
            guard row < y + height - 2 else { break }
            let focused = field == form.focus
            grid.putPadded(strings[field.label], x: x + 2, y: row, width: labelWidth,
                           style: focused ? Palette.focusedColumnTitle : Palette.label)
            let style = focused ? Palette.focusedField : Palette.field
            if field == .source {
                let choice = "‹ \(strings.source(form.source)) ›"
                grid.putPadded(choice, x: inputX, y: row, width: inputWidth, style: style)
            } else if let text = form.texts[field] {
                let completion = focused && field == .theme ? completionOfTheme(form, state: state) : ""
                TextFieldView.drawInput(text, x: inputX, y: row, width: inputWidth, style: style, completion: completion,
                                        focused: focused, into: &grid)
                if focused { cursor = grid.cursor }
            }
        }
        grid.cursor = cursor
        let noteY = y + height - 3
        if form.focus == .theme {
            let offered = ThemeCatalog.suggestions(for: form.texts[.theme]?.text ?? "", among: state.offeredThemes)
            if !offered.isEmpty {
                grid.putPadded(strings.format(.formThemes, offered.joined(separator: " · ")), x: x + 2, y: y + height - 2,
                               width: width - 4, style: Palette.info)
            }
        }
        if !form.duplicates.isEmpty {
            let list = form.duplicates.map { "\($0.id) \($0.title)" }.joined(separator: "; ")
            grid.putPadded(strings.format(.formDuplicates, list), x: x + 2, y: noteY, width: width - 4, style: Palette.warning)
        } else if let notice = form.notice {
            grid.putPadded(notice, x: x + 2, y: noteY, width: width - 4, style: Palette.info)
        }
        ErrorLines.draw(form.error, x: x + 2, y: noteY, width: width - 4, into: &grid)
    }

    /// What → would add to the theme typed so far: the rest of the first theme that starts with it.
    static func completionOfTheme(_ form: FormState, state: AppState) -> String {
        guard let typed = form.texts[.theme]?.text, !typed.isEmpty, form.texts[.theme]?.selected == false,
              let first = ThemeCatalog.suggestions(for: typed, among: state.offeredThemes).first,
              TextSearch.fold(first).hasPrefix(TextSearch.fold(typed)), first.count > typed.count
        else { return "" }
        return String(first.dropFirst(typed.count))
    }
}

/// The menu of stages an idea may move to (`m`).
enum MoveMenuView {
    static func draw(_ menu: MoveMenuState, state: AppState, into grid: inout CellGrid) {
        let strings = state.strings
        let title = strings.format(.moveMenuTitle, menu.id)
        let lines = menu.targets.enumerated().map { "\($0.offset + 1)  \(strings.stage($0.element))" }
        let contentWidth = ([title, strings[.moveMenuHint]] + lines).map { DisplayWidth.of($0) }.max() ?? 10
        let width = min(grid.width - 2, contentWidth + 6)
        let height = lines.count + 4
        let x = (grid.width - width) / 2
        let y = max(0, (grid.height - height) / 2)
        Box.overlay(x: x, y: y, width: width, height: height, title: title, into: &grid)
        for (offset, line) in lines.enumerated() {
            grid.put(line, x: x + 2, y: y + 1 + offset, maxWidth: width - 4)
        }
        grid.put(strings[.moveMenuHint], x: x + 2, y: y + height - 2, maxWidth: width - 4, style: Palette.footer)
    }
}

/// The scrollable key help (`HelpLines`): the keys of the view it was opened from first.
enum HelpView {
    static func draw(_ help: HelpState, state: AppState, into grid: inout CellGrid) {
        let strings = state.strings
        let size = Size(width: grid.width, height: grid.height)
        let width = HelpState.boxWidth(for: size)
        let x = (grid.width - width) / 2
        let y = 1
        let height = grid.height - 2
        Box.overlay(x: x, y: y, width: width, height: height, title: strings[.helpTitle], into: &grid)
        let lines = help.lines(state)
        let room = HelpState.rows(for: size)
        let scroll = min(help.scroll, max(0, lines.count - room))
        let keyWidth = HelpLines.keyWidth
        for (offset, line) in lines.dropFirst(scroll).prefix(room).enumerated() {
            let row = y + 1 + offset
            if line.isHeading {
                grid.put(line.keys, x: x + 2, y: row, maxWidth: width - 4, style: Palette.focusedColumnTitle)
            } else {
                grid.put(line.keys, x: x + 2, y: row, maxWidth: keyWidth, style: Palette.label)
                grid.put(line.action, x: x + 2 + keyWidth + 1, y: row, maxWidth: width - keyWidth - 5)
            }
        }
        var footer = strings[.helpFooter]
        if lines.count > room { footer += "  \(scroll + 1)–\(min(lines.count, scroll + room))/\(lines.count)" }
        grid.put(footer, x: x + 2, y: y + height - 2, maxWidth: width - 4, style: Palette.footer)
        grid.cursor = nil
    }
}

/// A yes/no question in a box over the form it is about.
enum ConfirmView {
    static func draw(_ confirmation: Confirmation, state: AppState, into grid: inout CellGrid) {
        let text = state.strings.question(confirmation.question)
        let lines = DisplayWidth.wrap(text, to: max(10, min(70, grid.width - 6)))
        let width = min(grid.width - 2, (lines.map { DisplayWidth.of($0) }.max() ?? 10) + 4)
        let height = lines.count + 2
        let x = (grid.width - width) / 2
        let y = max(0, (grid.height - height) / 2)
        Box.overlay(x: x, y: y, width: width, height: height, title: "", into: &grid)
        for (offset, line) in lines.enumerated() {
            grid.put(line, x: x + 2, y: y + 1 + offset, maxWidth: width - 4, style: Palette.warning)
        }
        grid.cursor = nil
    }
}
