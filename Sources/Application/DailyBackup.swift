import AppCore
import Domain
import Foundation
import Storage

/// The day's rolling backup, made on a thread of its own once the board has drawn its first frame, so no key waits.
///
/// The copy is taken with SQLite's online backup API inside one read transaction (`Workspace.rollingBackup(snapshot:)`):
/// changes made while it runs, by the board or another program, neither wait for it nor reach it half-written.
public final class DailyBackup: @unchecked Sendable {
    private let lock = NSLock()
    private let finished = DispatchSemaphore(value: 0)
    private var started = false
    private var failure: String?
    private var done = false

    public init() {}

    /// Starts the backup (once; later calls do nothing).
    public func start(_ workspace: Workspace, language: Language) {
        lock.lock()
        defer { lock.unlock() }
        guard !started else { return }
        started = true
        let thread = Thread { [self] in
            BackgroundPriority.lowerCurrentThread()
            do {
                try workspace.rollingBackup(snapshot: true)
            } catch {
                let strings = Strings(language)
                let reason = (error as? StorageError)?.message(in: strings) ?? TextSanitizer.singleLine("\(error)")
                let text = strings.format(.dailyBackupFailed, reason)
                lock.lock()
                failure = text
                lock.unlock()
            }
            lock.lock()
            done = true
            lock.unlock()
            finished.signal()
        }
        thread.start()
    }

    /// Whether the backup was started (it starts once).
    public var hasStarted: Bool {
        lock.lock()
        defer { lock.unlock() }
        return started
    }

    /// Whether a started backup is still being made.
    public var isRunning: Bool {
        lock.lock()
        defer { lock.unlock() }
        return started && !done
    }

    /// Why the backup failed, once (nil while it runs, after it succeeded, and after the failure was taken).
    public func takeFailure() -> String? {
        lock.lock()
        defer { lock.unlock() }
        defer { failure = nil }
        return failure
    }

    /// Waits until a started backup is finished, so the program never ends with half a copy.
    public func wait() {
        lock.lock()
        let running = started
        lock.unlock()
        guard running else { return }
        finished.wait()
        finished.signal()  // a second wait returns at once
    }
}
