import Foundation

/// A flag the listener raises on the event loop and a reader lowers on its own thread.
final class NotificationFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var raised = false

    /// Marks that a notification came.
    func raise() { lock.withLock { raised = true } }

    /// Whether a notification came since the last call; lowers the flag.
    func lower() -> Bool {
        lock.withLock {
            defer { raised = false }
            return raised
        }
    }
}
