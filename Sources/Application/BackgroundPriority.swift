import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Lowers the scheduling priority of the calling thread (Linux: its own nice value), so background work (the portfolio's
/// figures, the day's backup) yields the processor to the thread that answers keys.
enum BackgroundPriority {
    /// The nice value background threads run at: the lowest (where a processor is contested, Linux gives a thread at 10
    /// about a tenth of it against the board's thread, at 19 about a seventieth).
    static let niceness: Int32 = 19

    /// Lowers the calling thread's priority; does nothing where threads have no priority of their own.
    static func lowerCurrentThread() {
        #if os(Linux)
        // On Linux a nice value belongs to a thread, and `who` 0 names the calling thread.
        _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, niceness)
        #endif
    }

    /// Lets the calling thread run only on a processor nothing else wants (Linux's idle class; where that is refused, the
    /// lowest nice value): for the portfolio's figures, which even at nice 19 made a key of a 100,000-idea board wait
    /// 4 ms instead of 1.6 in the second after a start (measured from outside in tmux; a reorder 11.8 ms instead of 7.5).
    /// Not for the day's backup, which a board leaving waits for.
    static func idleCurrentThread() {
        lowerCurrentThread()
        #if os(Linux)
        var parameter = sched_param(sched_priority: 0)
        _ = sched_setscheduler(0, idleClass, &parameter)
        #endif
    }

    /// Linux's `SCHED_IDLE` scheduling class (the C macro is not imported).
    private static let idleClass: Int32 = 5
}
