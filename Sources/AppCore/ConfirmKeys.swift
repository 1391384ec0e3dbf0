/// Keys while a yes/no question is shown: `j`/`y` carries on, `n`/Esc returns to the form as it was.
enum ConfirmKeys {
    static func handle(_ key: Key, _ confirmation: Confirmation, _ state: inout AppState) -> [Effect] {
        switch state.keymap.command(for: key, in: .confirm) {
        case .confirm?:
            switch confirmation.then {
            case .leave(let target, let effects):
                return Leaving.go(to: target, effects: effects, &state)
            case .quit(let effects):
                return Leaving.go(to: .board, effects: effects, &state) + [.quit]
            case .move(let request):
                state.mode = confirmation.returnTo  // the form stays open until the move is saved
                return GateFlow.submit(request, returnTo: confirmation.returnTo, &state)
            case .apply(let change):
                state.mode = confirmation.returnTo
                state.submittedDraft = confirmation.returnTo.draft?.subject
                return [.apply(change, .perform)]
            }
        case .cancel?:
            state.mode = confirmation.returnTo
        default:
            break
        }
        return []
    }
}
