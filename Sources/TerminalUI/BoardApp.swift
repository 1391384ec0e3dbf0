import AppCore
import Domain
import Foundation
import Screen
import Storage

/// The full-screen board: runs the loop of draw, read, reduce and perform until quit.
@MainActor
public enum BoardApp {
    /// How often the board looks for changes made by other programs, in milliseconds.
    static let pollInterval = 700

    public static func run(
        database: AppDatabase, language: Language, environment: [String: String], useMouse: Bool = true, staleDays: Int = 30,
        keymap: Keymap = .standard
    ) throws {
        let terminal = try Terminal.start(environment: environment, useMouse: useMouse)
        defer { terminal.stop() }
        let runner = EffectRunner(database: database, staleDays: staleDays)
        let renderer = Renderer()
        var state = AppState(language: language, size: terminal.size, dataLabel: database.directory.path)
        state.staleDays = staleDays
        state.keymap = keymap
        var token = try? database.changeToken()
        var pending: [Effect] = [.loadBoard]
        while true {
            while !pending.isEmpty {
                let effect = pending.removeFirst()
                if effect == .quit { return }
                for event in runner.perform(effect) {
                    pending += Reducer.reduce(&state, event)
                }
                if case .apply = effect { token = try? database.changeToken() }
            }
            terminal.draw(renderer.render(state))
            if environment["PROEFTUIN_TEST_CRASH"] == "after-first-frame", state.isLoaded {
                // Lets the end-to-end tests prove that a crash restores the terminal.
                fatalError("crash requested by PROEFTUIN_TEST_CRASH")
            }
            switch terminal.read(timeout: pollInterval) {
            case .key(.control("l")):
                terminal.invalidate()
                pending += Reducer.reduce(&state, .key(.control("l")))
            case .key(let key):
                pending += Reducer.reduce(&state, .key(key))
            case .resized(let size):
                pending += Reducer.reduce(&state, .resized(size))
            case .timeout:
                let current = try? database.changeToken()
                if current != token, let data = try? runner.boardData() {
                    token = current
                    pending += Reducer.reduce(&state, .boardChangedElsewhere(data))
                }
            }
        }
    }
}
