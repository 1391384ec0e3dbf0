import AppCore
import Application
import Domain
import Foundation
import Screen

/// The full-screen board: runs the loop of draw, read, reduce and perform until quit.
@MainActor
public enum BoardApp {
    /// How long one read waits for a key before the loop looks for outside changes, in milliseconds.
    static let pollInterval = 250

    public static func run(
        workspace: Workspace, language: Language, environment: [String: String], useMouse: Bool = true, staleDays: Int = 30,
        keymap: Keymap = .standard, sharing: (any SessionSharing)? = nil, triageDays: Int = Intake.defaultTriageDays,
        dailyBackup: Bool = false, server: String? = nil
    ) throws {
        // The day's backup starts after the first frame and is finished before the program ends (after the terminal is back).
        let backup = DailyBackup()
        defer { backup.wait() }
        let terminal = try Terminal.start(environment: environment, useMouse: useMouse)
        defer { terminal.stop() }
        let drafts = DraftStore(directory: workspace.reader.directory, actor: workspace.reader.actor)
        let runner = EffectRunner(workspace: workspace, staleDays: staleDays, triageDays: triageDays, language: language, drafts: drafts, sharing: sharing)
        var watcher = ChangeWatcher(workspace: workspace)
        let renderer = Renderer()
        var state = AppState(language: language, size: terminal.size,
                             dataLabel: server ?? dataLabel(workspace.reader.directory.path, home: environment["HOME"]))
        state.staleDays = staleDays
        state.keymap = keymap
        state.themes = try workspace.themeCatalog()
        state.triageDays = triageDays
        // The board reads windows of its columns: what the screen shows plus a margin, never every card. The portfolio's
        // figures are computed in the background after the first frame and after each change.
        var pending: [Effect] = [.loadWindow(state.windowedStart()), .loadDrafts]
        var loop = BoardLoop(state: state, runner: runner)
        while true {
            let wasOffline = loop.state.offline
            guard loop.perform(pending) else { return }
            pending = []
            // Keys typed while a read waited for a server that then turned out gone were meant for what did not open.
            if loop.state.offline, !wasOffline { terminal.discardTypeahead() }
            endIfSignalled(terminal, backup)
            terminal.draw(renderer.render(loop.state))
            if dailyBackup, loop.state.isLoaded, !backup.hasStarted {
                // A closed terminal window (HUP) or a TERM while the copy is made waits for it: a board opened and closed
                // at once still leaves the day's backup.
                Terminal.deferTermination(true)
                backup.start(workspace, language: language)
            }
            if !backup.isRunning { Terminal.deferTermination(false) }
            if environment["PROEFTUIN_TEST_CRASH"] == "after-first-frame", loop.state.isLoaded {
                // Lets the end-to-end tests prove that a crash restores the terminal.
                fatalError("crash requested by PROEFTUIN_TEST_CRASH")
            }
            // What the background computations delivered, and a new one when the data changed; drawn at once when shown.
            if loop.deliverFigures() { continue }
            let input = terminal.read(timeout: pollInterval)
            endIfSignalled(terminal, backup)
            if case .weighing = loop.state.mode {
                // The reducer has no clock: the weighing timer learns the time here, before the key is handled.
                pending += loop.reduce(.tick(Date()))
            }
            switch input {
            case .key(.control("l")):
                terminal.invalidate()
                pending += loop.reduce(.key(.control("l")))
            case .key(let key):
                pending += loop.reduce(.key(key))
            case .resized(let size):
                pending += loop.reduce(.resized(size))
            case .timeout:
                break
            }
            if let failure = backup.takeFailure() {
                pending += loop.reduce(.loadFailed(.storage(failure)))
            }
            // Looked at between keys too, so a facilitator typing fast still sees other programs' scores.
            if pending.isEmpty, watcher.poll() {
                for event in loop.runner.perform(Reducer.reload(&loop.state)) {
                    guard case .boardLoaded(let data) = event else {
                        pending += loop.reduce(event)  // a failed read is shown, the old cards stay
                        continue
                    }
                    pending += loop.reduce(.boardChangedElsewhere(data))
                }
            }
        }
    }

    /// Ends the program for a TERM or HUP that waited for the day's backup: once the copy is whole, as the signal would have.
    private static func endIfSignalled(_ terminal: Terminal, _ backup: DailyBackup) {
        guard let signal = terminal.endingSignal else { return }
        backup.wait()
        raise(signal)  // its own action now: the program ends as that signal ends it
        exit(128 + signal)
    }

    /// A path as people write it in the header: `~/.local/share/proeftuin` rather than `/home/anne/.local/share/proeftuin`.
    public nonisolated static func dataLabel(_ path: String, home: String?) -> String {
        guard let home, home.count > 1 else { return path }
        let prefix = home.hasSuffix("/") ? String(home.dropLast()) : home
        if path == prefix { return "~" }
        return path.hasPrefix(prefix + "/") ? "~" + path.dropFirst(prefix.count) : path
    }
}
