/// One key hint in the footer: the keys of one or more commands and a short word for what they do.
public struct FooterHint: Equatable, Sendable {
    public let commands: [Command]
    /// Between the keys of several commands: "" for ←↓↑→, "/" for H/L.
    public let joiner: String
    public let label: StringKey
    /// The key to show when the command has several (`q` rather than Esc), if it is bound to it.
    public let preferred: Key?
    /// Which hints stay when not all fit: lower first (nil: in the order listed, after ranked ones).
    public let rank: Int?
    /// Whether every key of the (one) command is shown, as "↑↓" for a command bound to both arrows.
    public let allKeys: Bool

    public init(
        _ commands: [Command], joiner: String = "/", preferring preferred: Key? = nil, rank: Int? = nil, allKeys: Bool = false,
        _ label: StringKey
    ) {
        self.commands = commands
        self.joiner = joiner
        self.label = label
        self.preferred = preferred
        self.rank = rank
        self.allKeys = allKeys
    }
}

/// The footer's key hints per view, from the key table: each view shows its own keys, the most useful first, and
/// always ends with how to get help and how to get out (`? help`, `q quit` on the board; `F1 help`, `Esc cancel` in
/// a form, where `?` and `q` are typed).
public enum FooterHints {
    /// The hints of a context in order of use, and the anchors that are always shown.
    public static func hints(for context: KeyContext) -> (hints: [FooterHint], anchors: [FooterHint]) {
        switch context {
        case .board:
            // Shown in this order; at 80 columns the triage keys (open, new, move, edit) stay first.
            return ([
                FooterHint([.selectLeft, .selectDown, .selectUp, .selectRight], joiner: "", rank: 5, .hintSelect),
                FooterHint([.openDetail], rank: 1, .hintOpen), FooterHint([.newIdea], rank: 2, .hintNew),
                FooterHint([.editIdea], rank: 4, .hintEdit), FooterHint([.moveCardBack, .moveCardForward], rank: 3, .hintMove),
                FooterHint([.moveCardTo], rank: 8, .hintMoveTo), FooterHint([.startFilter], rank: 6, .hintFilter),
                FooterHint([.undo], rank: 7, .hintUndo), FooterHint([.showPortfolio], rank: 9, .hintPortfolio),
            ], [FooterHint([.showHelp], .hintHelp), FooterHint([.quit], .hintQuit)])
        case .detail:
            return ([
                FooterHint([.addMeasurement], .hintMeasurement), FooterHint([.newDecision], .hintDecision),
                FooterHint([.continueDecision], .hintObjections), FooterHint([.editIdea], .hintEdit),
                FooterHint([.addCaseNote], .hintCaseNote),
                FooterHint([.scrollUp, .scrollDown], joiner: "", .hintScroll),
            ], [FooterHint([.showHelp], .hintHelp), FooterHint([.back], .hintBack)])
        case .form, .entry:
            return ([
                FooterHint([.submit], .hintSave), FooterHint([.advance, .nextField], .hintNextField),
                FooterHint([.previousField], .hintPreviousField),
            ], [FooterHint([.showHelp], .hintHelp), FooterHint([.cancel], .hintCancel)])
        case .decision:
            return ([
                FooterHint([.advance, .nextField], .hintNextFieldOrList), FooterHint([.addObjection], .hintObjection),
                FooterHint([.addConcern], .hintConcern), FooterHint([.saveOpen], .hintSaveOpen),
            ], [FooterHint([.showHelp], .hintHelp), FooterHint([.cancel], .hintCancel)])
        case .objections:
            return ([
                FooterHint([.giveConsent], .hintConsent), FooterHint([.markQualified], .hintQualified),
                FooterHint([.markNotQualified], .hintNotQualified), FooterHint([.markAmended], .hintAmended),
                FooterHint([.markWithdrawn], .hintWithdrawn), FooterHint([.addObjection], .hintObjection),
                FooterHint([.addConcern], .hintConcern), FooterHint([.focusFields], .hintFields),
            ], [FooterHint([.showHelp], .hintHelp), FooterHint([.cancel], .hintCancel)])
        case .prompt:
            return ([FooterHint([.submit], .hintConfirm)], [FooterHint([.cancel], .hintBack)])
        case .filter:
            return ([FooterHint([.submit], .hintKeepFilter)], [FooterHint([.cancel], .hintClearFilter)])
        case .help:
            return ([FooterHint([.scrollUp, .scrollDown], joiner: "", .hintScroll), FooterHint([.pageDown], .hintPage)],
                    [FooterHint([.back], .hintClose)])
        case .portfolio:
            return ([FooterHint([.scrollUp, .scrollDown], joiner: "", .hintScroll), FooterHint([.pageDown], .hintPage)],
                    [FooterHint([.showHelp], .hintHelp), FooterHint([.back], .hintBack)])
        case .sessions:
            return ([FooterHint([.selectUp, .selectDown], joiner: "", .hintSelect), FooterHint([.openDetail], .hintOpen)],
                    [FooterHint([.showHelp], .hintHelp), FooterHint([.back], .hintBack)])
        case .sessionSetup:
            return ([FooterHint([.nextField], allKeys: true, .hintChooseSet), FooterHint([.submit], .hintStartSession)],
                    [FooterHint([.showHelp], .hintHelp), FooterHint([.cancel], .hintCancel)])
        case .weighing:
            return ([
                FooterHint([.digit(0)], .hintScore), FooterHint([.nextParticipant], .hintParticipant),
                FooterHint([.toggleReveal], .hintReveal), FooterHint([.cycleMethod], .hintMethod),
                FooterHint([.toggleProjector], .hintProjector), FooterHint([.closeSession], .hintCloseSession),
            ], [FooterHint([.showHelp], .hintHelp), FooterHint([.back], preferring: .character("q"), .hintBoard)])
        case .whatIf:
            return ([
                FooterHint([.selectLeft, .selectRight], joiner: "", .hintCriterion),
                FooterHint([.increaseWeight, .decreaseWeight], joiner: "", .hintWeight), FooterHint([.resetWeights], .hintResetWeights),
            ], [FooterHint([.showHelp], .hintHelp), FooterHint([.back], .hintClose)])
        case .confirm:
            return ([], [FooterHint([.confirm], .hintYes), FooterHint([.cancel], .hintNo)])
        case .global:
            return ([], [FooterHint([.showHelp], .hintHelp), FooterHint([.quit], .hintQuit)])
        case .sharing:
            return ([FooterHint([.nextParticipant], .hintParticipant)], [FooterHint([.back], .hintBack)])
        case .participant:
            return ([FooterHint([.digit(0)], .hintScore), FooterHint([.selectLeft, .selectDown, .selectUp, .selectRight], joiner: "", .hintSelect)],
                    [FooterHint([.quit], .hintQuit)])
        }
    }

    /// Board commands that act on the selected card: not offered while there is none (an empty board).
    public static let cardCommands: Set<Command> = [.openDetail, .editIdea, .moveCardBack, .moveCardForward, .moveCardTo]

    /// The hint texts of a context ("H/L move") with the keys of the keymap in use, each with its rank (which stay
    /// when not all fit), and its anchors apart. Without a selected card, the board leaves out what needs one.
    public static func texts(for context: KeyContext, keymap: Keymap, strings: Strings, hasCard: Bool = true)
        -> (hints: [(text: String, rank: Int)], anchors: [String])
    {
        var (hints, anchors) = hints(for: context)
        if !hasCard { hints = hints.filter { Set($0.commands).isDisjoint(with: cardCommands) } }
        func text(_ hint: FooterHint) -> String? {
            if hint.allKeys, let binding = keymap.bindings(in: context).first(where: { $0.command == hint.commands.first }) {
                return binding.keys.map(\.label).joined() + " " + strings[hint.label]
            }
            // "y/n" in English, "j/n" in Dutch: the yes key shown is the one of the language on screen.
            let preferred = hint.preferred ?? (hint.commands == [.confirm] ? Key.character(strings.language == .nl ? "j" : "y") : nil)
            let keys = hint.commands.compactMap { label(of: $0, in: context, keymap: keymap, preferring: preferred) }
            guard keys.count == hint.commands.count else { return nil }
            return keys.joined(separator: hint.joiner) + " " + strings[hint.label]
        }
        let ranked = hints.enumerated().compactMap { index, hint in text(hint).map { ($0, hint.rank ?? 100 + index) } }
        return (ranked, anchors.compactMap(text))
    }

    /// How the first key of a command is written in a context (or everywhere); nil when no key does it.
    static func label(of command: Command, in context: KeyContext, keymap: Keymap, preferring preferred: Key? = nil) -> String? {
        if command == .digit(0), keymap.bindings(in: context).contains(where: { $0.command == .digit(0) }) { return "0-9" }
        for place in [context, .global] {
            if let binding = keymap.bindings(in: place).first(where: { $0.command == command }), let key = binding.keys.first {
                return preferred.flatMap { binding.keys.contains($0) ? $0.label : nil } ?? key.label
            }
        }
        return nil
    }
}
