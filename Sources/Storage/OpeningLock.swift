import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An exclusive lock on the data directory while a program opens it: checks, the backup before a migration and the
/// migration itself run in one program at a time, so several programs starting at once never migrate twice.
final class OpeningLock {
    private let descriptor: Int32

    /// Waits for the lock; nil where the directory cannot hold a lock file (read-only): opening then reports that itself.
    init?(_ directory: DataDirectory) {
        let path = directory.url.appendingPathComponent(".proeftuin.lock").path
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return nil }
        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else {
                close(descriptor)
                return nil
            }
        }
        self.descriptor = descriptor
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
