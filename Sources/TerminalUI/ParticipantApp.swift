import AppCore
import Application
import Domain
import Foundation
import Screen

/// A participant's own scoring screen on another terminal (`proeftuin session join`): draw, read, reduce, store at once,
/// and look for the facilitator's changes (a reveal, a close) between keys.
@MainActor
public enum ParticipantApp {
    public static func run(
        workspace: Workspace, session: WeighingSession, participant: Int, language: Language, environment: [String: String],
        keymap: Keymap = .standard
    ) throws {
        guard let id = session.id else { return }
        let terminal = try Terminal.start(environment: environment, useMouse: false)
        defer { terminal.stop() }
        let runner = ParticipantRunner(workspace: workspace, session: id, language: language)
        var watcher = ChangeWatcher(workspace: workspace)
        var titles: [IdeaID: String] = [:]
        for idea in session.ideas { titles[idea] = (try? workspace.reader.idea(idea))?.fields.title }
        var state = ParticipantState(language: language, size: terminal.size, session: session, participant: participant, titles: titles)
        state.keymap = keymap
        var pending: [ParticipantEffect] = []
        while true {
            while !pending.isEmpty {
                let effect = pending.removeFirst()
                if effect == .quit { return }
                for event in runner.perform(effect) { pending += ParticipantReducer.reduce(&state, event) }
            }
            terminal.draw(ParticipantView.render(state))
            switch terminal.read(timeout: BoardApp.pollInterval) {
            case .key(.control("l")):
                terminal.invalidate()
            case .key(let key):
                pending += ParticipantReducer.reduce(&state, .key(key))
            case .resized(let size):
                pending += ParticipantReducer.reduce(&state, .resized(size))
            case .timeout:
                break
            }
            if pending.isEmpty, watcher.poll() { pending.append(.reload) }
        }
    }
}
