import Dispatch

/// Runs blocking database work on its own threads, so neither the server's event loops nor Swift's cooperative
/// threads wait on SQLite.
enum BlockingWork {
    private static let queue = DispatchQueue(label: "proeftuin.participant-page.database", qos: .userInitiated, attributes: .concurrent)

    static func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async { continuation.resume(with: Result { try work() }) }
        }
    }
}
