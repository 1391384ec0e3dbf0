import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Where `backup --output` put copies of the portfolio, so `forget` can reach them later: one path per line in
/// `proeftuin.copies` in the data directory. Kept beside the database rather than in it, so a restore (which puts an
/// older database in place) never forgets a copy made after that backup.
struct CopyRegister {
    let directory: DataDirectory

    var url: URL { directory.url.appendingPathComponent("proeftuin.copies") }

    /// Adds a copy. One `write` in append mode: programs recording at the same moment never lose each other's line.
    func record(_ copy: URL) {
        let line = copy.standardizedFileURL.path.replacingOccurrences(of: "\n", with: " ") + "\n"
        let descriptor = open(url.path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return }
        defer { close(descriptor) }
        _ = line.withCString { write(descriptor, $0, strlen($0)) }
        _ = fsync(descriptor)
    }

    /// The recorded copies, each once, oldest first.
    func paths() -> [String] {
        let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        var seen = Set<String>()
        return text.split(separator: "\n").map(String.init).filter { !$0.isEmpty && seen.insert($0).inserted }
    }

    /// Forgets copies that were deleted (rewrites the register atomically).
    func remove(_ removed: [String]) {
        guard !removed.isEmpty else { return }
        let kept = paths().filter { !removed.contains($0) }
        let text = kept.map { $0 + "\n" }.joined()
        try? Data(text.utf8).write(to: url, options: .atomic)
        try? FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: url.path)
    }
}
