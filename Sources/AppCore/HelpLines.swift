/// The lines of the key help, generated from the key table: every context's keys, the one help was opened from first;
/// descriptions longer than the room wrap onto lines of their own. The help view draws them, the reducer scrolls them.
public enum HelpLines {
    /// One line of help: a heading, or keys with (part of) what they do.
    public struct Line: Equatable, Sendable {
        public var keys: String
        public var action: String
        public var isHeading: Bool
    }

    /// Width of the key column.
    public static let keyWidth = 22

    /// The lines for a help text `width` columns wide.
    public static func lines(_ strings: Strings, keymap: Keymap = .standard, first: KeyContext? = nil, width: Int = 200) -> [Line] {
        var lines: [Line] = []
        let contexts = (first.map { [$0] } ?? []) + KeyContext.allCases.filter { $0 != first }
        let room = max(10, width - keyWidth - 1)
        for context in contexts {
            if !lines.isEmpty { lines.append(Line(keys: "", action: "", isHeading: true)) }
            lines.append(Line(keys: strings[context.titleKey], action: "", isHeading: true))
            for binding in keymap.bindings(in: context) {
                let keys = binding.command == .digit(0) ? "0-9" : binding.keys.map(\.label).joined(separator: " ")
                let parts = DisplayWidth.wrap(strings[binding.help], to: room)
                for (index, part) in (parts.isEmpty ? [""] : parts).enumerated() {
                    lines.append(Line(keys: index == 0 ? keys : "", action: part, isHeading: false))
                }
            }
        }
        return lines
    }
}
