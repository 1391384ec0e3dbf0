/// Leaving a form without saving: at once when nothing was typed, else only after "discard changes? y/n".
/// Either way the form's draft goes, as the person chose to throw the work away.
enum Leaving {
    /// Leaves the form on screen for `target`, running `effects` once it is really left.
    static func leave(to target: Mode, effects: [Effect] = [], _ state: inout AppState) -> [Effect] {
        let effects = effects + discard(state)
        guard state.mode.hasUnsavedChanges else { return go(to: target, effects: effects, &state) }
        state.mode = .confirm(Confirmation(.discardChanges, then: .leave(target, effects), returnTo: state.mode))
        return []
    }

    /// Quits the program: at once, or after "discard changes and quit? y/n" with typed work on screen.
    static func quit(_ state: inout AppState) -> [Effect] {
        guard state.mode.hasUnsavedChanges else { return [.quit] }
        state.mode = .confirm(Confirmation(.discardAndQuit, then: .quit(discard(state)), returnTo: state.mode))
        return []
    }

    /// Removing the kept draft of the form on screen, if one is kept.
    private static func discard(_ state: AppState) -> [Effect] {
        guard let subject = state.mode.draft?.subject, state.drafts[subject] != nil else { return [] }
        return [.discardDraft(subject)]
    }

    /// Switches to `target` and forgets the drafts the effects discard.
    static func go(to target: Mode, effects: [Effect], _ state: inout AppState) -> [Effect] {
        state.mode = target
        for case .discardDraft(let subject) in effects { state.drafts[subject] = nil }
        return effects
    }
}
