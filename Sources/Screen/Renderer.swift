import AppCore
import Domain
import Foundation

/// Draws the whole state into a fresh grid: the only entry point the terminal layer needs.
public struct Renderer: Sendable {
    /// Time zone for dates in the detail view.
    public var timeZone: TimeZone

    public init(timeZone: TimeZone = .current) {
        self.timeZone = timeZone
    }

    public func render(_ state: AppState) -> CellGrid {
        var grid = CellGrid(width: state.size.width, height: state.size.height)
        if BoardLayout.kind(for: state.size) == .tooSmall {
            TooSmallView.draw(state, into: &grid)
            return grid
        }
        draw(state.mode, state: state, into: &grid)
        if case .weighing = state.mode { return grid }  // the weighing view has a footer of its own
        FooterView.draw(state, into: &grid)
        return grid
    }

    /// Draws one mode; help and questions draw the view they cover first.
    private func draw(_ mode: Mode, state: AppState, into grid: inout CellGrid) {
        switch mode {
        case .detail(let detail):
            DetailView(timeZone: timeZone).draw(detail, state: state, into: &grid)
        case .entry(let form):
            if case .measurement(let id) = form.purpose {
                DetailView(timeZone: timeZone).draw(DetailState(id: id), state: state, into: &grid)
            } else {
                BoardView.draw(state, into: &grid)
            }
            EntryFormView.draw(form, state: state, into: &grid)
        case .decision(let decision):
            BoardView.draw(state, into: &grid)
            DecisionView.draw(decision, state: state, into: &grid)
        case .weighing(let weighing):
            WeighingView.draw(weighing, state: state, into: &grid)
        case .sharing(let share):
            WeighingView.draw(share.weighing, state: state, into: &grid)
            ShareView.draw(share, state: state, into: &grid)
        case .portfolio(let portfolio):
            PortfolioView.draw(portfolio, state: state, into: &grid)
        case .help(let help):
            draw(help.covered, state: state, into: &grid)
            HelpView.draw(help, state: state, into: &grid)
        case .confirm(let confirmation):
            draw(confirmation.returnTo, state: state, into: &grid)
            ConfirmView.draw(confirmation, state: state, into: &grid)
        case .prompt(let prompt):
            draw(prompt.returnTo ?? .board, state: state, into: &grid)
        case .form(let form):
            BoardView.draw(state, into: &grid)
            FormView.draw(form, state: state, into: &grid)
        case .moveMenu(let menu):
            BoardView.draw(state, into: &grid)
            MoveMenuView.draw(menu, state: state, into: &grid)
        case .weighingSetup(let setup):
            BoardView.draw(state, into: &grid)
            SetupView.draw(setup, state: state, into: &grid)
        case .sessionList(let list):
            BoardView.draw(state, into: &grid)
            SessionListView.draw(list, state: state, into: &grid)
        case .board, .filter:
            BoardView.draw(state, into: &grid)
        }
    }
}

/// The message shown instead of a broken picture when the terminal is below the minimum size.
enum TooSmallView {
    static func draw(_ state: AppState, into grid: inout CellGrid) {
        let strings = state.strings
        let lines = [
            strings.format(.tooSmall, BoardLayout.minimum.width, BoardLayout.minimum.height),
            "\(state.size.width)×\(state.size.height)",
            strings[.tooSmallHint],
        ]
        // Each line wraps to the width, so the message is read whole at any size.
        let rows = lines.enumerated().flatMap { offset, line in
            (DisplayWidth.wrap(line, to: max(1, grid.width)).nilIfEmpty ?? [""]).map { (offset, $0) }
        }
        let top = max(0, (grid.height - rows.count) / 2)
        for (row, (offset, text)) in rows.enumerated() {
            let x = max(0, (grid.width - DisplayWidth.of(text)) / 2)
            grid.put(text, x: x, y: top + row, style: offset == 0 ? Palette.error : Palette.plainOrFooter(offset))
        }
    }
}

extension Array {
    /// Nil for an empty array.
    var nilIfEmpty: [Element]? { isEmpty ? nil : self }
}

extension Palette {
    static func plainOrFooter(_ offset: Int) -> Style { offset == 1 ? Style.plain : Palette.footer }
}

/// Boxes with a title in the top border.
enum Box {
    static func draw(
        x: Int, y: Int, width: Int, height: Int, title: String = "", style: Style, titleStyle: Style? = nil,
        into grid: inout CellGrid
    ) {
        guard width >= 2, height >= 2 else { return }
        grid.put("┌" + String(repeating: "─", count: width - 2) + "┐", x: x, y: y, style: style)
        for row in (y + 1)..<(y + height - 1) {
            grid.put("│", x: x, y: row, style: style)
            grid.put("│", x: x + width - 1, y: row, style: style)
        }
        grid.put("└" + String(repeating: "─", count: width - 2) + "┘", x: x, y: y + height - 1, style: style)
        if !title.isEmpty, width > 4 {
            grid.put(" " + DisplayWidth.truncate(title, to: width - 4) + " ", x: x + 1, y: y, maxWidth: width - 2,
                     style: titleStyle ?? style)
        }
    }

    /// Clears a rectangle and draws a box around it: the frame of an overlay.
    static func overlay(x: Int, y: Int, width: Int, height: Int, title: String, into grid: inout CellGrid) {
        grid.fill(x: x, y: y, width: width, height: height, style: Palette.overlay)
        draw(x: x, y: y, width: width, height: height, title: title, style: Palette.focusedBorder,
             titleStyle: Palette.focusedColumnTitle, into: &grid)
    }
}
