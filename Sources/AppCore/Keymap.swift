import Domain

/// The key table in use: the standard bindings with the user's overrides from `config.toml` applied.
public struct Keymap: Equatable, Sendable {
    public let bindings: [KeyBinding]
    private let lookup: [KeyContext: [Key: Command]]

    public init(_ bindings: [KeyBinding]) {
        self.bindings = bindings
        var table: [KeyContext: [Key: Command]] = [:]
        for binding in bindings {
            for key in binding.keys {
                var command = binding.command
                if case .digit = command, case .character(let character) = key, let value = character.wholeNumberValue {
                    command = .digit(value)
                }
                table[binding.context, default: [:]][key] = command
            }
        }
        lookup = table
    }

    /// The standard key table.
    public static let standard = Keymap(KeyTable.bindings)

    /// The command a key triggers in a context, if any.
    public func command(for key: Key, in context: KeyContext) -> Command? {
        lookup[context]?[key]
    }

    /// The bindings of one context, in table order.
    public func bindings(in context: KeyContext) -> [KeyBinding] {
        bindings.filter { $0.context == context }
    }

    /// Board commands that `[keys]` in the config file may rebind, by name.
    public static let overridable: [String: Command] = [
        "up": .selectUp, "down": .selectDown, "left": .selectLeft, "right": .selectRight, "first": .selectFirst,
        "last": .selectLast, "move-back": .moveCardBack, "move-forward": .moveCardForward, "move-to": .moveCardTo,
        "reorder-up": .reorderUp, "reorder-down": .reorderDown, "open": .openDetail, "new": .newIdea, "edit": .editIdea,
        "filter": .startFilter, "undo": .undo, "redo": .redo, "help": .showHelp, "quit": .quit, "mark": .toggleMark,
        "weigh": .startWeighing, "sessions": .listSessions, "portfolio": .showPortfolio, "refresh": .refresh,
        "inbox": .toggleInbox, "accept": .acceptIdea, "decline": .declineIdea, "reply-sent": .markReplySent,
    ]

    /// The keymap with board commands rebound (`["quit": "Q"]`); refuses unknown names, unknown keys and collisions.
    public func overriding(_ overrides: [String: String]) throws(KeymapError) -> Keymap {
        guard !overrides.isEmpty else { return self }
        var rebound: [Command: Key] = [:]
        for (name, text) in overrides.sorted(by: { $0.key < $1.key }) {
            guard let command = Self.overridable[name] else { throw .unknownCommand(name) }
            guard let key = Key(parsing: text) else { throw .unknownKey(name, text) }
            rebound[command] = key
        }
        let updated = bindings.map { binding in
            guard binding.context == .board, let key = rebound[binding.command] else { return binding }
            return KeyBinding([key], binding.command, binding.context, binding.help)
        }
        var seen: [Key: Command] = [:]
        for binding in updated where binding.context == .board {
            for key in binding.keys {
                if let other = seen[key], other != binding.command {
                    let names = Self.overridable.filter { $0.value == binding.command || $0.value == other }.map(\.key).sorted()
                    throw .collision(key.label, names)
                }
                seen[key] = binding.command
            }
        }
        return Keymap(updated)
    }
}

/// A key override in the config file that cannot be used.
public enum KeymapError: Error, Equatable, CustomStringConvertible {
    case unknownCommand(String)
    case unknownKey(String, String)
    case collision(String, [String])

    public var description: String {
        switch self {
        case .unknownCommand(let name):
            "config.toml [keys]: '\(name)' is not a board command; use one of " + Keymap.overridable.keys.sorted().joined(separator: ", ")
        case .unknownKey(let name, let text):
            "config.toml [keys]: '\(text)' for \(name) is not a key; use a character, Ctrl-X, Enter, Esc, Tab, Space, Up, Down, Left, Right, Home, End, PgUp, PgDn or F1-F12"
        case .collision(let key, let names):
            "config.toml [keys]: the key \(key) would do two things on the board (\(names.joined(separator: " and "))): choose another key"
        }
    }
}

extension Key {
    /// Parses a key as written in the config file: `Q`, `Ctrl-X`, `Enter`, `Space`, `PgDn` …
    public init?(parsing text: String) {
        let named: [String: Key] = [
            "enter": .enter, "return": .enter, "esc": .escape, "escape": .escape, "tab": .tab, "shift-tab": .backTab,
            "space": .character(" "), "up": .up, "down": .down, "left": .left, "right": .right, "home": .home, "end": .end,
            "pgup": .pageUp, "pageup": .pageUp, "pgdn": .pageDown, "pagedown": .pageDown, "backspace": .backspace, "delete": .delete,
        ]
        if let key = named[text.lowercased()] {
            self = key
        } else if text.lowercased().hasPrefix("f"), let number = Int(text.dropFirst()), (1...12).contains(number) {
            self = .function(number)
        } else if text.lowercased().hasPrefix("ctrl-"), text.count == 6, let letter = text.last?.lowercased().first, letter.isLetter {
            self = .control(letter)
        } else if text.count == 1, let character = text.first, !character.isWhitespace {
            self = .character(character)
        } else {
            return nil
        }
    }
}
