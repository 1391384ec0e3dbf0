import AppCore
import CNCurses
import Foundation
import Screen

/// What the terminal delivered while we waited.
public enum TerminalInput: Equatable {
    case key(Key)
    case resized(Size)
    case timeout
}

/// The only code that touches ncurses: start, stop, draw a grid (only what changed), read keys.
@MainActor
public final class Terminal {
    private var previous: CellGrid?
    private var stopped = false
    private let useColor: Bool

    private init(useColor: Bool) {
        self.useColor = useColor
    }

    /// Checks the environment and enters curses mode; throws a clear error instead of letting ncurses exit.
    public static func start(environment: [String: String], useMouse: Bool) throws(TerminalError) -> Terminal {
        guard pt_has_terminal() != 0 else { throw .notATerminal }
        guard let term = environment["TERM"], !term.isEmpty else { throw .termNotSet }
        _ = pt_setup_locale()
        pt_install_signal_handlers()
        let useColor = environment["NO_COLOR"].map(\.isEmpty) ?? true
        switch pt_start(term, useColor ? 1 : 0, useMouse ? 1 : 0) {
        case 0: break
        case -2: throw .unsuitableTerminal(term)
        default: throw .unknownTerminal(term)
        }
        return Terminal(useColor: useColor)
    }

    /// Leaves curses mode and restores the terminal; safe to call more than once.
    public func stop() {
        guard !stopped else { return }
        stopped = true
        pt_stop()
    }

    public var size: Size { Size(width: Int(pt_cols()), height: Int(pt_lines())) }

    /// While `on`, TERM and HUP (a closed terminal window) restore the terminal and are remembered instead of ending the
    /// program at once, so it can finish what must not be cut short; a second such signal ends it at once.
    public static func deferTermination(_ on: Bool) { pt_defer_termination(on ? 1 : 0) }

    /// The TERM or HUP signal that arrived while termination was deferred (the terminal is already restored), if any.
    public var endingSignal: Int32? {
        let number = pt_deferred_signal()
        return number == 0 ? nil : number
    }

    /// Draws a grid, writing only the rows that differ from the previous frame, in runs of equal style.
    public func draw(_ grid: CellGrid) {
        let full = previous.map { $0.width != grid.width || $0.height != grid.height } ?? true
        if full { pt_clear() }
        for y in 0..<grid.height {
            if !full, let previous, previous.row(y) == grid.row(y) { continue }
            writeRow(grid, y)
        }
        previous = grid
        if let cursor = grid.cursor {
            pt_refresh(Int32(cursor.y), Int32(cursor.x))
        } else {
            pt_refresh(-1, -1)
        }
    }

    /// Forces the next draw to repaint everything.
    public func invalidate() { previous = nil }

    /// Drops the keys typed but not read yet (typed while the board waited for its server): they were meant for a screen
    /// that never came and must not run as commands on the board.
    public func discardTypeahead() { flushinp() }

    private func writeRow(_ grid: CellGrid, _ y: Int) {
        let row = Array(grid.row(y))
        var start = 0
        while start < row.count {
            let style = row[start].style
            var end = start
            var text = ""
            while end < row.count, row[end].style == style || row[end].text.isEmpty {
                text += row[end].text
                end += 1
            }
            apply(style)
            pt_write(Int32(y), Int32(start), text)
            start = end
        }
    }

    private func apply(_ style: Style) {
        let pair = useColor ? pt_pair(colorNumber(style.foreground), colorNumber(style.background)) : 0
        pt_set_style(style.bold ? 1 : 0, style.dim ? 1 : 0, style.reverse ? 1 : 0, style.underline ? 1 : 0, pair)
    }

    private func colorNumber(_ color: Color) -> Int32 {
        color == .standard ? -1 : Int32(color.rawValue) - 1
    }

    /// Waits up to `timeout` milliseconds for a key or a resize.
    public func read(timeout milliseconds: Int) -> TerminalInput {
        var value: UInt32 = 0
        var mouseX: Int32 = 0
        var mouseY: Int32 = 0
        switch pt_read(Int32(milliseconds), &value, &mouseX, &mouseY) {
        case Int32(PT_CHAR):
            return KeyDecoder.character(value).map(TerminalInput.key) ?? .timeout
        case Int32(PT_KEYCODE):
            if value == KeyDecoder.Code.resize {
                previous = nil
                return .resized(size)
            }
            return KeyDecoder.keyCode(value).map(TerminalInput.key) ?? .timeout
        case Int32(PT_MOUSE):
            return .key(.mouseClick(x: Int(mouseX), y: Int(mouseY)))
        default:
            return .timeout
        }
    }
}
