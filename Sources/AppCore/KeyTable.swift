/// One row of the key table: the keys, what they do, where, and the help text.
public struct KeyBinding: Equatable, Sendable {
    public let keys: [Key]
    public let command: Command
    public let context: KeyContext
    public let help: StringKey

    public init(_ keys: [Key], _ command: Command, _ context: KeyContext, _ help: StringKey) {
        self.keys = keys
        self.command = command
        self.context = context
        self.help = help
    }
}

/// The single key table: dispatch, the `?` help overlay and `docs/keybindings.md` are all derived from it.
public enum KeyTable {
    public static let bindings: [KeyBinding] = [
        // Board
        KeyBinding([.up, .character("k")], .selectUp, .board, .helpSelectUp),
        KeyBinding([.down, .character("j")], .selectDown, .board, .helpSelectDown),
        KeyBinding([.left, .character("h")], .selectLeft, .board, .helpSelectLeft),
        KeyBinding([.right, .character("l")], .selectRight, .board, .helpSelectRight),
        KeyBinding([.home, .character("g")], .selectFirst, .board, .helpSelectFirst),
        KeyBinding([.end, .character("G")], .selectLast, .board, .helpSelectLast),
        KeyBinding([.pageUp], .pageUp, .board, .helpPageUp),
        KeyBinding([.pageDown], .pageDown, .board, .helpPageDown),
        KeyBinding([.character("H")], .moveCardBack, .board, .helpMoveBack),
        KeyBinding([.character("L")], .moveCardForward, .board, .helpMoveForward),
        KeyBinding([.character("m")], .moveCardTo, .board, .helpMoveTo),
        KeyBinding([.character("K")], .reorderUp, .board, .helpReorderUp),
        KeyBinding([.character("J")], .reorderDown, .board, .helpReorderDown),
        KeyBinding([.enter], .openDetail, .board, .helpOpen),
        KeyBinding([.character("n")], .newIdea, .board, .helpNew),
        KeyBinding([.character("e")], .editIdea, .board, .helpEdit),
        KeyBinding([.character("/")], .startFilter, .board, .helpFilter),
        KeyBinding([.escape], .clearFilter, .board, .helpClearFilter),
        KeyBinding([.character("u")], .undo, .board, .helpUndo),
        KeyBinding([.character("U")], .redo, .board, .helpRedo),
        KeyBinding([.character(" ")], .toggleMark, .board, .helpToggleMark),
        KeyBinding([.character("w")], .startWeighing, .board, .helpStartWeighing),
        KeyBinding([.character("W")], .listSessions, .board, .helpListSessions),
        KeyBinding([.character("p")], .showPortfolio, .board, .helpPortfolio),
        KeyBinding([.character("i")], .toggleInbox, .board, .helpToggleInbox),
        KeyBinding([.character("A")], .acceptIdea, .board, .helpAcceptIdea),
        KeyBinding([.character("X")], .declineIdea, .board, .helpDeclineIdea),
        KeyBinding([.character("R")], .markReplySent, .board, .helpMarkReplySent),
        KeyBinding([.control("l")], .refresh, .board, .helpRefresh),
        KeyBinding([.character("?")], .showHelp, .board, .helpHelp),
        KeyBinding([.character("q")], .quit, .board, .helpQuit),
        // Detail
        KeyBinding([.up, .character("k")], .scrollUp, .detail, .helpScrollUp),
        KeyBinding([.down, .character("j")], .scrollDown, .detail, .helpScrollDown),
        KeyBinding([.pageUp], .pageUp, .detail, .helpPageUp),
        KeyBinding([.pageDown, .character(" ")], .pageDown, .detail, .helpPageDown),
        KeyBinding([.home, .character("g")], .selectFirst, .detail, .helpScrollTop),
        KeyBinding([.character("e")], .editIdea, .detail, .helpEdit),
        KeyBinding([.character("M")], .addMeasurement, .detail, .helpAddMeasurement),
        KeyBinding([.character("C")], .addCaseNote, .detail, .helpAddCaseNote),
        KeyBinding([.character("d")], .newDecision, .detail, .helpNewDecision),
        KeyBinding([.character("D")], .continueDecision, .detail, .helpContinueDecision),
        KeyBinding([.character("q"), .escape], .back, .detail, .helpBack),
        KeyBinding([.character("?")], .showHelp, .detail, .helpHelp),
        // Help
        KeyBinding([.up, .character("k")], .scrollUp, .help, .helpScrollUp),
        KeyBinding([.down, .character("j")], .scrollDown, .help, .helpScrollDown),
        KeyBinding([.pageUp], .pageUp, .help, .helpPageUp),
        KeyBinding([.pageDown, .character(" ")], .pageDown, .help, .helpPageDown),
        KeyBinding([.home, .character("g")], .selectFirst, .help, .helpScrollTop),
        KeyBinding([.end, .character("G")], .selectLast, .help, .helpScrollEnd),
        KeyBinding([.escape, .character("q"), .character("?"), .function(1)], .back, .help, .helpCloseHelp),
        // Form
        KeyBinding([.control("s")], .submit, .form, .helpSave),
        KeyBinding([.enter], .advance, .form, .helpAdvance),
        KeyBinding([.escape, .control("c")], .cancel, .form, .helpCancelAsking),
        KeyBinding([.tab, .down], .nextField, .form, .helpNextField),
        KeyBinding([.backTab, .up], .previousField, .form, .helpPreviousField),
        // Prompt
        KeyBinding([.enter], .submit, .prompt, .helpConfirm),
        KeyBinding([.escape, .control("c")], .cancel, .prompt, .helpCancelPrompt),
        // Filter
        KeyBinding([.enter], .submit, .filter, .helpKeepFilter),
        KeyBinding([.escape, .control("c")], .cancel, .filter, .helpClearFilter),
        // Gate, measurement and other entry forms
        KeyBinding([.control("s")], .submit, .entry, .helpSave),
        KeyBinding([.enter], .advance, .entry, .helpAdvance),
        KeyBinding([.escape, .control("c")], .cancel, .entry, .helpCancelAsking),
        KeyBinding([.tab, .down], .nextField, .entry, .helpNextField),
        KeyBinding([.backTab, .up], .previousField, .entry, .helpPreviousField),
        KeyBinding([.control("k")], .maskPersonalData, .entry, .helpMaskPersonalData),
        // Consent decision: fields
        KeyBinding([.enter], .advance, .decision, .helpAdvanceToList),
        KeyBinding([.control("s")], .saveOpen, .decision, .helpSaveOpen),
        KeyBinding([.escape, .control("c")], .cancel, .decision, .helpCancelAsking),
        KeyBinding([.tab, .down], .nextField, .decision, .helpNextFieldOrList),
        KeyBinding([.backTab, .up], .previousField, .decision, .helpPreviousField),
        KeyBinding([.control("o")], .addObjection, .decision, .helpAddObjection),
        KeyBinding([.control("n")], .addConcern, .decision, .helpAddConcern),
        // Consent decision: objection list
        KeyBinding([.up, .character("k")], .selectUp, .objections, .helpSelectObjectionUp),
        KeyBinding([.down, .character("j")], .selectDown, .objections, .helpSelectObjectionDown),
        KeyBinding([.character("o")], .addObjection, .objections, .helpAddObjection),
        KeyBinding([.character("c")], .addConcern, .objections, .helpAddConcern),
        KeyBinding([.character("y")], .markQualified, .objections, .helpMarkQualified),
        KeyBinding([.character("n")], .markNotQualified, .objections, .helpMarkNotQualified),
        KeyBinding([.character("a")], .markAmended, .objections, .helpMarkAmended),
        KeyBinding([.character("w")], .markWithdrawn, .objections, .helpMarkWithdrawn),
        KeyBinding([.character("x")], .removeObjection, .objections, .helpRemoveObjection),
        KeyBinding([.tab, .backTab], .focusFields, .objections, .helpFocusFields),
        KeyBinding([.enter], .giveConsent, .objections, .helpGiveConsent),
        KeyBinding([.control("s")], .saveOpen, .objections, .helpSaveOpen),
        KeyBinding([.escape, .control("c")], .cancel, .objections, .helpCancelAsking),
        // Weighing setup
        KeyBinding([.up, .down], .nextField, .sessionSetup, .helpChooseSet),
        KeyBinding([.enter], .submit, .sessionSetup, .helpStartSession),
        KeyBinding([.escape], .cancel, .sessionSetup, .helpCancel),
        // Portfolio
        KeyBinding([.up, .character("k")], .scrollUp, .portfolio, .helpScrollUp),
        KeyBinding([.down, .character("j")], .scrollDown, .portfolio, .helpScrollDown),
        KeyBinding([.pageUp], .pageUp, .portfolio, .helpPageUp),
        KeyBinding([.pageDown, .character(" ")], .pageDown, .portfolio, .helpPageDown),
        KeyBinding([.character("q"), .escape, .character("p")], .back, .portfolio, .helpBackToBoard),
        KeyBinding([.character("?")], .showHelp, .portfolio, .helpHelp),
        // Session list
        KeyBinding([.up, .character("k")], .selectUp, .sessions, .helpSelectUp),
        KeyBinding([.down, .character("j")], .selectDown, .sessions, .helpSelectDown),
        KeyBinding([.enter], .openDetail, .sessions, .helpOpen),
        KeyBinding([.character("q"), .escape], .back, .sessions, .helpBackToBoard),
        // Weighing
        KeyBinding((0...9).map { .character(Character(String($0))) }, .digit(0), .weighing, .helpDigit),
        KeyBinding([.up, .character("k")], .selectUp, .weighing, .helpPreviousIdea),
        KeyBinding([.down, .character("j")], .selectDown, .weighing, .helpNextIdea),
        KeyBinding([.left, .character("h")], .selectLeft, .weighing, .helpPreviousCriterion),
        KeyBinding([.right, .character("l")], .selectRight, .weighing, .helpNextCriterion),
        KeyBinding([.character("g")], .selectFirst, .weighing, .helpFirstCell),
        KeyBinding([.character("G")], .selectLast, .weighing, .helpLastCell),
        KeyBinding([.home], .cursorStart, .weighing, .helpRowStart),
        KeyBinding([.end], .cursorEnd, .weighing, .helpRowEnd),
        KeyBinding([.enter], .settleDigit, .weighing, .helpSettleDigit),
        KeyBinding([.pageDown], .pageDown, .weighing, .helpScrollResultsDown),
        KeyBinding([.pageUp], .pageUp, .weighing, .helpScrollResultsUp),
        KeyBinding([.character("-"), .character("x")], .abstain, .weighing, .helpAbstain),
        KeyBinding([.backspace], .deleteBackward, .weighing, .helpStepBackClear),
        KeyBinding([.delete], .clearScore, .weighing, .helpClearScore),
        KeyBinding([.tab], .nextParticipant, .weighing, .helpNextParticipant),
        KeyBinding([.backTab], .previousParticipant, .weighing, .helpPreviousParticipant),
        KeyBinding([.character("A")], .addParticipant, .weighing, .helpAddParticipant),
        KeyBinding([.character("X")], .excludeParticipant, .weighing, .helpExcludeParticipant),
        KeyBinding([.character("r")], .toggleReveal, .weighing, .helpReveal),
        KeyBinding([.character("i")], .toggleIndividual, .weighing, .helpToggleIndividual),
        KeyBinding([.character("N")], .addNote, .weighing, .helpAddNote),
        KeyBinding([.character("v")], .markRevote, .weighing, .helpMarkRevote),
        KeyBinding([.character("V")], .startRevote, .weighing, .helpStartRevote),
        KeyBinding([.character("w")], .openWhatIf, .weighing, .helpWhatIf),
        KeyBinding([.character("m")], .cycleMethod, .weighing, .helpCycleMethod),
        KeyBinding([.character("n")], .cycleNormalization, .weighing, .helpCycleNormalization),
        KeyBinding([.character("a")], .toggleAggregate, .weighing, .helpToggleAggregate),
        KeyBinding([.character("p")], .toggleProjector, .weighing, .helpProjector),
        KeyBinding([.character("T")], .cycleTimer, .weighing, .helpCycleTimer),
        KeyBinding([.character("c")], .closeSession, .weighing, .helpCloseSession),
        KeyBinding([.character("y")], .confirm, .weighing, .helpConfirmClose),
        KeyBinding([.character("d")], .decideTop, .weighing, .helpDecideTop),
        KeyBinding([.character("?")], .showHelp, .weighing, .helpHelp),
        KeyBinding([.escape, .character("q")], .back, .weighing, .helpBackToBoard),
        // Weighing room: what if
        KeyBinding([.left, .character("h")], .selectLeft, .whatIf, .helpPreviousCriterion),
        KeyBinding([.right, .character("l")], .selectRight, .whatIf, .helpNextCriterion),
        KeyBinding([.up, .character("k"), .character("+")], .increaseWeight, .whatIf, .helpWhatIfMore),
        KeyBinding([.down, .character("j"), .character("-")], .decreaseWeight, .whatIf, .helpWhatIfLess),
        KeyBinding([.character("=")], .resetWeights, .whatIf, .helpWhatIfReset),
        KeyBinding([.escape, .character("q"), .character("w")], .back, .whatIf, .helpWhatIfClose),
        // Everywhere, unless the view binds the key itself
        KeyBinding([.function(1)], .showHelp, .global, .helpHelp),
        KeyBinding([.function(10), .control("c")], .quit, .global, .helpQuitAsking),
        // A yes/no question
        KeyBinding([.character("j"), .character("y")], .confirm, .confirm, .helpYes),
        KeyBinding([.character("n"), .escape, .control("c")], .cancel, .confirm, .helpNo),
        // Participants
        KeyBinding([.character("s")], .shareSession, .weighing, .helpShare),
        KeyBinding([.tab, .right, .down, .character("l"), .character("j")], .nextParticipant, .sharing, .helpNextLink),
        KeyBinding([.backTab, .left, .up, .character("h"), .character("k")], .previousParticipant, .sharing, .helpPreviousLink),
        KeyBinding([.character("x")], .stopSharing, .sharing, .helpStopSharing),
        KeyBinding([.escape, .character("q"), .character("s")], .back, .sharing, .helpBackToWeighing),
        KeyBinding((0...9).map { .character(Character(String($0))) }, .digit(0), .participant, .helpDigit),
        KeyBinding([.up, .character("k")], .selectUp, .participant, .helpPreviousIdea),
        KeyBinding([.down, .character("j")], .selectDown, .participant, .helpNextIdea),
        KeyBinding([.left, .character("h")], .selectLeft, .participant, .helpPreviousCriterion),
        KeyBinding([.right, .character("l")], .selectRight, .participant, .helpNextCriterion),
        KeyBinding([.backspace, .delete], .clearScore, .participant, .helpClearScore),
        KeyBinding([.character("-"), .character("x")], .abstain, .participant, .helpAbstain),
        KeyBinding([.character("q")], .quit, .participant, .helpParticipantLeave),
    ] + textEditing(.form) + textEditing(.prompt) + textEditing(.filter) + textEditing(.entry) + textEditing(.decision)
        + textEditing(.sessionSetup)

    /// The editing keys shared by every text field.
    private static func textEditing(_ context: KeyContext) -> [KeyBinding] {
        [
            KeyBinding([.left], .cursorLeft, context, .helpCursorLeft),
            KeyBinding([.right], .cursorRight, context, .helpCursorRight),
            KeyBinding([.home, .control("a")], .cursorStart, context, .helpCursorStart),
            KeyBinding([.end, .control("e")], .cursorEnd, context, .helpCursorEnd),
            KeyBinding([.backspace], .deleteBackward, context, .helpDeleteBackward),
            KeyBinding([.delete], .deleteForward, context, .helpDeleteForward),
            KeyBinding([.control("u")], .clearField, context, .helpClearField),
        ]
    }

    /// The command a key triggers in a context, with the standard bindings.
    public static func command(for key: Key, in context: KeyContext) -> Command? {
        Keymap.standard.command(for: key, in: context)
    }

    /// The bindings of one context, in table order.
    public static func bindings(in context: KeyContext) -> [KeyBinding] {
        bindings.filter { $0.context == context }
    }

    /// Keys bound twice in the same context (a mistake the tests catch).
    public static func collisions() -> [(KeyContext, Key)] {
        var seen: Set<String> = []
        var result: [(KeyContext, Key)] = []
        for binding in bindings {
            for key in binding.keys where !seen.insert("\(binding.context)|\(key)").inserted {
                result.append((binding.context, key))
            }
        }
        return result
    }

    /// The Markdown keybinding reference, as committed in `docs/keybindings.md`.
    public static func markdown(language: Language = .en) -> String {
        let strings = Strings(language)
        var lines = [
            "# Keybindings",
            "",
            "Generated from the key table in `Sources/AppCore/KeyTable.swift` by `proeftuin keys`;",
            "a test fails when this file is stale. Regenerate with `proeftuin keys --lang en > docs/keybindings.md`.",
        ]
        for context in KeyContext.allCases {
            lines += ["", "## \(strings[context.titleKey])", "", "| Keys | Action |", "| --- | --- |"]
            for binding in bindings(in: context) {
                let keys = binding.command == .digit(0)
                    ? "`0`–`9`"
                    : binding.keys.map { "`\($0.label == "`" ? "backtick" : $0.label)`" }.joined(separator: ", ")
                lines.append("| \(keys) | \(strings[binding.help]) |")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

extension KeyContext {
    /// Heading of this context in help and docs.
    public var titleKey: StringKey {
        switch self {
        case .board: .contextBoard
        case .detail: .contextDetail
        case .help: .contextHelp
        case .form: .contextForm
        case .prompt: .contextPrompt
        case .filter: .contextFilter
        case .entry: .contextEntry
        case .decision: .contextDecision
        case .objections: .contextObjections
        case .weighing: .contextWeighing
        case .sessionSetup: .contextSessionSetup
        case .sessions: .sessionsTitle
        case .portfolio: .portfolioTitle
        case .whatIf: .contextWhatIf
        case .global: .contextGlobal
        case .confirm: .contextConfirm
        case .sharing: .contextSharing
        case .participant: .contextParticipant
        }
    }
}
