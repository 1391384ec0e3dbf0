import AppCore

/// Turns what ncurses reports into `Key`s: pure, so it is tested without a terminal.
public enum KeyDecoder {
    /// ncurses key codes used here (values from curses.h, stable across ncurses versions).
    public enum Code {
        public static let down: UInt32 = 0o402, up: UInt32 = 0o403, left: UInt32 = 0o404, right: UInt32 = 0o405
        public static let home: UInt32 = 0o406, backspace: UInt32 = 0o407, delete: UInt32 = 0o512
        public static let nextPage: UInt32 = 0o522, previousPage: UInt32 = 0o523, enter: UInt32 = 0o527
        public static let backTab: UInt32 = 0o541, end: UInt32 = 0o550, resize: UInt32 = 0o632
        /// `KEY_F0`: function key n is `f0 + n`.
        public static let f0: UInt32 = 0o410
    }

    /// A typed character (a Unicode scalar from `wget_wch`); nil for what the board ignores.
    public static func character(_ value: UInt32) -> Key? {
        switch value {
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 8, 127: return .backspace
        case 1...26:
            return .control(Character(Unicode.Scalar(value + 96)!))
        case 0, 28...31, 0x80...0x9F:
            return nil
        default:
            guard let scalar = Unicode.Scalar(value) else { return nil }
            return .character(Character(scalar))
        }
    }

    /// A function-key code (`KEY_CODE_YES`); nil for unknown codes and for resize (handled apart).
    public static func keyCode(_ code: UInt32) -> Key? {
        switch code {
        case Code.up: .up
        case Code.down: .down
        case Code.left: .left
        case Code.right: .right
        case Code.home: .home
        case Code.end: .end
        case Code.previousPage: .pageUp
        case Code.nextPage: .pageDown
        case Code.backspace: .backspace
        case Code.delete: .delete
        case Code.backTab: .backTab
        case Code.enter: .enter
        case (Code.f0 + 1)...(Code.f0 + 12): .function(Int(code - Code.f0))
        default: nil
        }
    }
}
