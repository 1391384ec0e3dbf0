/// A one-line editable text with a cursor, as used by forms, the reason prompt and the filter.
public struct TextField: Equatable, Sendable {
    public private(set) var characters: [Character]
    /// Cursor position in characters, 0...count.
    public private(set) var cursor: Int

    public init(_ text: String = "") {
        characters = Array(text)
        cursor = characters.count
    }

    public var text: String { String(characters) }

    /// Inserts typed text at the cursor (control characters are ignored).
    public mutating func insert(_ character: Character) {
        guard !character.unicodeScalars.contains(where: { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }) else { return }
        characters.insert(character, at: cursor)
        cursor += 1
    }

    /// Applies an editing command; returns false when the command is not an editing command.
    @discardableResult
    public mutating func edit(_ command: Command) -> Bool {
        switch command {
        case .cursorLeft: cursor = max(0, cursor - 1)
        case .cursorRight: cursor = min(characters.count, cursor + 1)
        case .cursorStart: cursor = 0
        case .cursorEnd: cursor = characters.count
        case .deleteBackward:
            if cursor > 0 {
                characters.remove(at: cursor - 1)
                cursor -= 1
            }
        case .deleteForward:
            if cursor < characters.count { characters.remove(at: cursor) }
        case .clearField:
            characters = []
            cursor = 0
        default: return false
        }
        return true
    }
}
