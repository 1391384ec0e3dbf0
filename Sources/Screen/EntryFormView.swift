import AppCore
import Domain

/// A generic labelled form box (gate forms, measurements, objections): fields, error line, hint.
enum EntryFormView {
    static func draw(_ form: EntryForm, state: AppState, into grid: inout CellGrid) {
        let width = min(84, grid.width - 2)
        let height = min(grid.height, form.fields.count + 7)
        let x = (grid.width - width) / 2
        let y = max(0, (grid.height - height) / 2)
        drawBox(form, x: x, y: y, width: width, height: height, strings: state.strings, into: &grid)
    }

    /// Draws the form in a given box; shared with the decision screen's small forms.
    static func drawBox(_ form: EntryForm, x: Int, y: Int, width: Int, height: Int, strings: Strings, into grid: inout CellGrid) {
        Box.overlay(x: x, y: y, width: width, height: height, title: form.title, into: &grid)
        let labelWidth = min(26, (form.fields.map { DisplayWidth.of(strings[$0.key.label]) }.max() ?? 0) + 1)
        let inputX = x + 2 + labelWidth + 1
        let inputWidth = x + width - 2 - inputX
        var cursor: Point? = nil
        for (index, field) in form.fields.enumerated() {
            let row = y + 2 + index
            guard row < y + height - 4, inputWidth > 2 else { break }
            let at = FieldRow.draw(field, focused: index == form.focus, labelX: x + 2, labelWidth: labelWidth, inputX: inputX,
                                   inputWidth: inputWidth, y: row, strings: strings, into: &grid)
            cursor = at ?? cursor
        }
        grid.cursor = cursor
        // Without a notice the error may take the notice's line too (a gate form missing many fields names them all).
        ErrorLines.draw(form.error, x: x + 2, y: y + height - 4, width: width - 4, lines: form.notice == nil ? 3 : 2, into: &grid)
        if let notice = form.notice {
            grid.putPadded(notice, x: x + 2, y: y + height - 2, width: width - 4, style: Palette.warning)
        }
    }
}

/// One labelled field of a form: free text with a cursor, or a choice shown as ‹ value ›.
enum FieldRow {
    /// Draws the field; returns where the cursor goes when it is the focused text field.
    static func draw(
        _ field: EntryField, focused: Bool, labelX: Int, labelWidth: Int, inputX: Int, inputWidth: Int, y: Int, strings: Strings,
        into grid: inout CellGrid
    ) -> Point? {
        grid.putPadded(strings[field.key.label], x: labelX, y: y, width: labelWidth,
                       style: focused ? Palette.focusedColumnTitle : Palette.label)
        let style = focused ? Palette.focusedField : Palette.field
        if field.choices != nil {
            grid.putPadded("‹ \(strings.choice(field.value, of: field.key)) ›", x: inputX, y: y, width: inputWidth, style: style)
            return nil
        }
        TextFieldView.drawInput(field.text, x: inputX, y: y, width: inputWidth, style: style, focused: focused, into: &grid)
        return focused ? grid.cursor : nil
    }
}

/// A refusal in a form, wrapped over up to `lines` lines (two unless told) so the list of missing fields stays readable.
enum ErrorLines {
    static func draw(_ error: String?, x: Int, y: Int, width: Int, lines count: Int = 2, into grid: inout CellGrid) {
        guard let error, width > 0, count > 0 else { return }
        var lines = DisplayWidth.wrap(error, to: width)
        if lines.count > count {
            lines = Array(lines.prefix(count - 1)) + [DisplayWidth.truncate(lines[(count - 1)...].joined(separator: " "), to: width)]
        }
        for (offset, line) in lines.enumerated() {
            grid.putPadded(line, x: x, y: y + offset, width: width, style: Palette.error)
        }
    }
}

/// The consent screen: proposal fields, the objection round, concerns, and the keys that drive it.
enum DecisionView {
    static func draw(_ decision: DecisionState, state: AppState, into grid: inout CellGrid) {
        let strings = state.strings
        let width = min(96, grid.width - 2)
        let height = grid.height - 2
        let x = (grid.width - width) / 2
        let y = 1
        Box.overlay(x: x, y: y, width: width, height: height, title: decision.form.title, into: &grid)
        var form = decision.form
        if decision.listFocus { form.focus = -1 }
        let labelWidth = min(24, (form.fields.map { DisplayWidth.of(strings[$0.key.label]) }.max() ?? 0) + 1)
        let inputX = x + 2 + labelWidth + 1
        let inputWidth = x + width - 2 - inputX
        var cursor: Point? = nil
        var row = y + 2
        for (index, field) in form.fields.enumerated() where row < y + height - 4 {
            let at = FieldRow.draw(field, focused: index == form.focus && decision.entry == nil, labelX: x + 2, labelWidth: labelWidth,
                                   inputX: inputX, inputWidth: inputWidth, y: row, strings: strings, into: &grid)
            cursor = at ?? cursor
            row += 1
        }
        row += 1
        let listStyle = decision.listFocus ? Palette.focusedColumnTitle : Palette.label
        grid.put(strings[.decisionObjections], x: x + 2, y: row, style: listStyle)
        row += 1
        if decision.objections.isEmpty, row < y + height - 3 {
            grid.put("  " + strings[.decisionNoObjections], x: x + 2, y: row, style: Palette.badge)
            row += 1
        }
        for (index, objection) in decision.objections.enumerated() where row < y + height - 4 {
            let selected = decision.listFocus && index == decision.selectedObjection
            let status = ObjectionText.status(objection, strings)
            let style = selected ? Palette.selected : (objection.blocksConsent ? Palette.warning : Style.plain)
            // Wrapped over up to three lines, so the status (and an amended proposal's old text) stays readable at 80 columns.
            let line = TextSanitizer.singleLine("\(index + 1). \(objection.who): \(objection.text)  [\(status)]")
            var parts = DisplayWidth.of(line) <= width - 6 ? [line] : DisplayWidth.wrap(line, to: max(1, width - 9))
            if parts.count > 3 { parts = Array(parts.prefix(2)) + [DisplayWidth.truncate(parts[2...].joined(separator: " "), to: width - 9)] }
            for (offset, part) in parts.enumerated() where row < y + height - 4 {
                grid.putPadded((offset == 0 ? "  " : "     ") + part, x: x + 2, y: row, width: width - 4, style: style)
                row += 1
            }
        }
        if !decision.concerns.isEmpty, row < y + height - 4 {
            row += 1
            grid.put(strings[.decisionConcerns], x: x + 2, y: row, style: Palette.label)
            row += 1
            for concern in decision.concerns where row < y + height - 4 {
                grid.putPadded("  • \(concern.who): \(concern.text)", x: x + 2, y: row, width: width - 4)
                row += 1
            }
        }
        ErrorLines.draw(decision.error, x: x + 2, y: y + height - 4, width: width - 4, into: &grid)
        if let notice = decision.form.notice {
            grid.putPadded(notice, x: x + 2, y: y + height - 2, width: width - 4, style: Palette.warning)
        }
        grid.cursor = cursor
        if let entry = decision.entry {
            let entryWidth = min(70, width - 4)
            let entryHeight = entry.fields.count + 7
            EntryFormView.drawBox(entry, x: (grid.width - entryWidth) / 2, y: max(0, (grid.height - entryHeight) / 2),
                                  width: entryWidth, height: entryHeight, strings: strings, into: &grid)
        }
    }
}
