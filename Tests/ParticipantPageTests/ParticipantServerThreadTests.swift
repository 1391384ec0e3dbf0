import Foundation
import Testing

/// The participants' server runs on threads of its own: when every one of Swift's shared (cooperative) threads is
/// blocked, as when other work in the same program waits on them, participants are still answered at once.
@Suite("Participant page: its own threads")
struct ParticipantServerThreadTests {
    /// What the participant's side saw while the shared threads were blocked.
    private struct Seen: Sendable {
        var page: Int?
        var madeUp: RawHTTP.Trickle
        var seconds: Double
        var sharedThreadsWereFree: Bool
    }

    /// A flag set from another thread.
    private final class Flag: @unchecked Sendable {
        private let lock = NSLock()
        private var raised = false
        func raise() { lock.withLock { raised = true } }
        var isRaised: Bool { lock.withLock { raised } }
    }

    @Test func participantsAreAnsweredWhileSwiftsSharedThreadsAreAllBlocked() async throws {
        let served = try await ServedSession.make()
        let http = served.http
        let bram = served.bram
        let release = DispatchSemaphore(value: 0)
        let blockers = ProcessInfo.processInfo.activeProcessorCount * 2
        for _ in 0..<blockers { Task.detached { _ = release.wait(timeout: .now() + 20) } }
        let probe = Flag()
        Task.detached { probe.raise() }  // runs only once a shared thread is free again
        let seen: Seen = try await withCheckedThrowingContinuation { continuation in
            Thread {
                Thread.sleep(forTimeInterval: 0.5)  // the blockers now hold every shared thread
                let start = Date()
                let result = Result {
                    let get = "GET \(bram) HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
                    let page = try http.blockingSend(Array(get.utf8), timeout: 5)?.status
                    let post = "POST /p/\(String(repeating: "Q", count: 24)) HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
                        + "Content-Type: application/json\r\nContent-Length: 2000\r\n\r\n{"
                    let madeUp = try http.blockingTrickle(post, interval: 1, limit: 5)
                    return Seen(page: page, madeUp: madeUp, seconds: Date().timeIntervalSince(start), sharedThreadsWereFree: probe.isRaised)
                }
                for _ in 0..<blockers { release.signal() }
                continuation.resume(with: result)
            }.start()
        }
        #expect(!seen.sharedThreadsWereFree, "the test held every shared thread while it asked")
        #expect(seen.page == 200)
        #expect(seen.madeUp.reply?.status == 403)
        #expect(seen.madeUp.closed, "closed at once: \(seen.madeUp.seconds) s")
        #expect(seen.seconds < 3, "answered at once: \(seen.seconds) s")
    }
}
