import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What the operating system knows about other programs using a file.
enum FileLocks {
    /// Whether another process holds any POSIX lock on the file. Every SQLite connection that has a WAL database open
    /// holds a shared lock on its `-shm` file, and a reading or writing one on the database file, so this tells whether
    /// a board or a command has the database open. Never call it on a file this process itself has open through SQLite:
    /// closing the probe would drop this process's own locks.
    static func heldByAnotherProcess(_ path: String) -> Bool {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var lock = flock()
        lock.l_type = Int16(F_WRLCK)
        lock.l_whence = Int16(SEEK_SET)
        lock.l_start = 0
        lock.l_len = 0  // the whole file
        guard fcntl(descriptor, F_GETLK, &lock) == 0 else { return false }
        return lock.l_type != Int16(F_UNLCK)
    }

    /// The device and inode of a file (after symbolic links), or nil when it does not exist.
    static func identity(_ path: String) -> FileIdentity? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return FileIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
    }

    /// Flushes a directory's entries (renames, new files) to disk, so they survive a power cut.
    static func syncDirectory(_ url: URL) {
        let descriptor = open(url.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        _ = fsync(descriptor)
        close(descriptor)
    }

    /// Flushes a file's contents to disk.
    static func syncFile(_ url: URL) {
        let descriptor = open(url.path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        _ = fsync(descriptor)
        close(descriptor)
    }
}
