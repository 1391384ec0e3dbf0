/// A one-line editable text with a cursor, as used by forms, the reason prompt and the filter.
///
/// A pre-filled field entered with Tab or Enter has its whole text selected: typing replaces it, Backspace clears
/// it, and ← → Home End put the cursor in it instead, so a stray key never lands in the middle of kept text.
public struct TextField: Equatable, Sendable {
    public private(set) var characters: [Character]
    /// Cursor position in characters, 0...count.
    public private(set) var cursor: Int
    /// Whether the whole text is selected (typing replaces it).
    public private(set) var selected = false
    /// Whether the text is the person's own (typed, or brought back from their draft) rather than pre-filled: such
    /// text is never selected on entry, so a key typed there adds to it instead of replacing it.
    public private(set) var isOwnText = false

    public init(_ text: String = "") {
        characters = Array(text)
        cursor = characters.count
    }

    public var text: String { String(characters) }

    /// Selects the whole text (when there is any): what entering a pre-filled field does.
    public mutating func selectAll() {
        selected = !characters.isEmpty && !isOwnText
        cursor = characters.count
    }

    /// Brings back text the person typed earlier (a draft kept after a crash): cursor at the end, never selected.
    public mutating func restore(_ text: String) {
        set(text)
        isOwnText = !characters.isEmpty
    }

    /// Replaces the text, cursor at the end, nothing selected.
    public mutating func set(_ text: String) {
        characters = Array(text)
        cursor = characters.count
        selected = false
        isOwnText = false
    }

    /// Inserts typed text at the cursor (control characters are ignored); replaces a selection.
    public mutating func insert(_ character: Character) {
        guard !character.unicodeScalars.contains(where: { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }) else { return }
        if selected { set("") }
        characters.insert(character, at: cursor)
        cursor += 1
        isOwnText = true
    }

    /// Applies an editing command; returns false when the command is not an editing command.
    @discardableResult
    public mutating func edit(_ command: Command) -> Bool {
        let wasSelected = selected
        switch command {
        case .cursorLeft, .cursorRight, .cursorStart, .cursorEnd, .deleteBackward, .deleteForward, .clearField: selected = false
        default: return false
        }
        switch command {
        case .cursorLeft: cursor = wasSelected ? 0 : max(0, cursor - 1)
        case .cursorRight: cursor = wasSelected ? characters.count : min(characters.count, cursor + 1)
        case .cursorStart: cursor = 0
        case .cursorEnd: cursor = characters.count
        case .deleteBackward:
            if wasSelected {
                set("")
            } else if cursor > 0 {
                characters.remove(at: cursor - 1)
                cursor -= 1
            }
        case .deleteForward:
            if wasSelected {
                set("")
            } else if cursor < characters.count {
                characters.remove(at: cursor)
            }
        default:
            set("")
        }
        return true
    }
}
