import Foundation

/// What the starting server reports to the thread that waits for it.
final class StartOutcome: @unchecked Sendable {
    private let lock = NSLock()
    private var result: Result<Int, ParticipantServer.Failure>?

    func set(_ value: Result<Int, ParticipantServer.Failure>) {
        lock.withLock { if result == nil { result = value } }
    }

    var value: Result<Int, ParticipantServer.Failure>? { lock.withLock { result } }
}
