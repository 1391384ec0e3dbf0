import Domain
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Marks a session as shared by this program while it runs (a shared lock on a file in the data directory, released by
/// the system when the program ends, even when killed), so that a program that stops sharing ends the session's links
/// only when no other running program (the board, another `session serve`) still serves them.
public final class ShareLock: @unchecked Sendable {
    private let descriptor: Int32

    /// Takes the session's lock alongside any other program's; nil where the directory cannot hold a lock file.
    public init?(directory: URL, session: SessionID) {
        let path = directory.appendingPathComponent(".share-\(session.rawValue).lock").path
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return nil }
        while flock(descriptor, LOCK_SH) != 0 {
            guard errno == EINTR else {
                close(descriptor)
                return nil
            }
        }
        self.descriptor = descriptor
    }

    /// Whether another running program shares the session too (then its links must stay in use). Asked once, when this
    /// program stops sharing.
    public func othersShare() -> Bool {
        guard flock(descriptor, LOCK_EX | LOCK_NB) != 0 else { return false }
        flock(descriptor, LOCK_SH | LOCK_NB)  // a refused upgrade may have dropped the shared lock: take it again
        return true
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
