/// Everything a user can ask for with a key: the vocabulary shared by the key table, dispatch and help.
public enum Command: Hashable, Sendable {
    case selectUp, selectDown, selectLeft, selectRight
    case selectFirst, selectLast, pageUp, pageDown
    case moveCardBack, moveCardForward, moveCardTo
    case reorderUp, reorderDown
    case openDetail, newIdea, editIdea
    case startFilter, clearFilter
    case undo, redo
    case showHelp, quit, refresh
    case back, scrollUp, scrollDown
    case submit, cancel, nextField, previousField
    /// Detail view: write a case note (casuïstiek); case-note form: replace the personal data found by [naam], [e-mail] …
    case addCaseNote, maskPersonalData
    case cursorLeft, cursorRight, cursorStart, cursorEnd, deleteBackward, deleteForward, clearField
    case addMeasurement, newDecision
    case giveConsent, saveOpen, addObjection, addConcern
    case markQualified, markNotQualified, markAmended, markWithdrawn, removeObjection, focusFields
    case toggleMark, startWeighing, listSessions
    case digit(Int), nextParticipant, previousParticipant, clearScore, toggleReveal, cycleMethod, cycleNormalization
    case toggleAggregate, toggleProjector, closeSession, decideTop, confirm
    case showPortfolio, continueDecision
    // Intake
    case toggleInbox, acceptIdea, declineIdea, markReplySent
    // Weighing room
    case abstain, settleDigit, toggleIndividual, addNote, markRevote, startRevote, openWhatIf
    case addParticipant, excludeParticipant, cycleTimer, increaseWeight, decreaseWeight, resetWeights
    /// Enter in a form: the next field, or on the last field what saving does.
    case advance
    // Participants
    case shareSession, stopSharing
}

/// Where a key is pressed: each context has its own bindings.
public enum KeyContext: String, CaseIterable, Sendable {
    case board
    case detail
    case help
    case form
    case prompt
    case filter
    case entry
    case decision
    case objections
    case weighing
    case sessionSetup
    case sessions
    case portfolio
    case whatIf
    /// Keys that work in every view unless the view binds them itself (F1 help, F10 quit, Ctrl-C quit).
    case global
    /// A yes/no question over the screen (discard typed work, an unusual date).
    case confirm
    // Participants
    case sharing
    case participant

    /// Whether unbound printable characters are typed into a text field in this context.
    public var acceptsText: Bool {
        switch self {
        case .form, .prompt, .filter, .entry, .decision: true
        case .board, .detail, .help, .objections, .weighing, .sessionSetup, .sessions, .portfolio, .whatIf, .global, .confirm,
             .sharing, .participant: false
        }
    }
}
