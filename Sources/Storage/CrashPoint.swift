import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Named moments inside multi-step file operations (restore, backup, erasure) where the crash-safety tests kill the
/// program with SIGKILL on purpose: `PROEFTUIN_TEST_KILL_AT=restore-swapped proeftuin doctor --restore`; and a cap on
/// the database's size for the full-disk tests. Unset, nothing happens.
enum CrashPoint {
    private static let requested = ProcessInfo.processInfo.environment["PROEFTUIN_TEST_KILL_AT"]

    /// A cap on the database's pages (`PROEFTUIN_TEST_MAX_PAGES`), so tests meet a full disk without filling one.
    static let maximumPages = ProcessInfo.processInfo.environment["PROEFTUIN_TEST_MAX_PAGES"].flatMap { Int($0) }

    /// Kills this process at once (no clean-up, like a power cut or `kill -9`) when the tests asked for this moment.
    static func reach(_ name: String) {
        guard requested == name else { return }
        kill(getpid(), SIGKILL)
    }
}
