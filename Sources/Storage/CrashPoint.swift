import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Named moments inside multi-step file operations (restore, backup, erasure) where the crash-safety tests kill the
/// program with SIGKILL on purpose: `PROEFTUIN_TEST_KILL_AT=restore-swapped proeftuin doctor --restore`. Unset, nothing
/// happens.
enum CrashPoint {
    private static let requested = ProcessInfo.processInfo.environment["PROEFTUIN_TEST_KILL_AT"]

    /// Kills this process at once (no clean-up, like a power cut or `kill -9`) when the tests asked for this moment.
    static func reach(_ name: String) {
        guard requested == name else { return }
        kill(getpid(), SIGKILL)
    }
}
