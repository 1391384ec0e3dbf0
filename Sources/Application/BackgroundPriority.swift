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
}
