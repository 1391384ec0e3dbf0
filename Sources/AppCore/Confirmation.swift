import Domain

/// A yes/no question over the screen: throw away typed work, or save an unusual date. "No" returns to the form.
public struct Confirmation: Equatable, Sendable {
    /// What is asked.
    public enum Question: Equatable, Sendable {
        /// Leaving a form with changes.
        case discardChanges
        /// Quitting (F10, Ctrl-C) with a form with changes open.
        case discardAndQuit
        /// A review date in the past or a measurement dated in the future.
        case date(DateCheck)
    }

    /// What "yes" does.
    public enum Then: Equatable, Sendable {
        /// Go to a mode and run effects (leaving a form; its draft is discarded among them).
        case leave(Mode, [Effect])
        /// End the program.
        case quit([Effect])
        /// Carry on with a move through its gate (the WIP rule may still ask for a reason).
        case move(MoveRequest)
        /// Apply a change from the form shown under the question.
        case apply(IdeaChange)
    }

    public var question: Question
    public var then: Then
    /// The screen under the question, returned to on "no".
    public var returnTo: Mode

    public init(_ question: Question, then: Then, returnTo: Mode) {
        self.question = question
        self.then = then
        self.returnTo = returnTo
    }
}
