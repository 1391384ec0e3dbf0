import Foundation

/// A query's outcome, filled in on the event loop and read on the waiting thread.
final class PostgresResultSlot<T>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Result<T, any Error>?

    /// Keeps the outcome.
    func fill(_ result: Result<T, any Error>) { lock.withLock { stored = result } }

    /// The outcome; nil while there is none.
    var result: Result<T, any Error>? { lock.withLock { stored } }
}
