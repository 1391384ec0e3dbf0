import NIOCore

/// Runs the participants' server's Swift tasks and timers on NIO's event loops, the threads that already carry its
/// connections, instead of Swift's shared (cooperative) threads. Those are few (one per processor) and anything else in
/// the program may hold them, as a test run's other tests do; the page must answer a participant at once even then.
final class EventLoopTaskExecutor: TaskExecutor {
    private let group: any EventLoopGroup

    init(group: any EventLoopGroup) {
        self.group = group
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedTaskExecutor()
        group.any().execute { job.runSynchronously(on: executor) }
    }

    /// Waits `seconds` on an event loop's timer (Swift's own sleep wakes on a shared thread); throws
    /// `CancellationError` at once when the task is cancelled.
    func sleep(seconds: Int64) async throws {
        let timer = group.any().scheduleTask(in: .seconds(seconds)) {}
        try await withTaskCancellationHandler {
            do {
                try await timer.futureResult.get()
            } catch {
                throw CancellationError()
            }
        } onCancel: {
            timer.cancel()
        }
    }
}
