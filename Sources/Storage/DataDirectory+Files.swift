import Foundation

extension DataDirectory {
    // Hardening
    /// Whether writing to `path` would write into the data directory: a path inside it (after symbolic links), or any
    /// of its files (the database, its side files, backups) under another name through a hard or symbolic link.
    /// Exports and reports are refused there, `--force` or not, so they can never overwrite the database.
    public func holds(_ path: String) -> Bool {
        let target = URL(fileURLWithPath: path).standardizedFileURL
        let parent = target.deletingLastPathComponent().resolvingSymlinksInPath().path
        let root = url.resolvingSymlinksInPath().path
        if parent == root || parent.hasPrefix(root + "/") { return true }
        guard let identity = FileLocks.identity(target.path) else { return false }
        return files().contains { FileLocks.identity($0.path) == identity }
    }

    /// Every file the data directory holds, backups included.
    func files() -> [URL] {
        var found: [URL] = []
        for folder in [url, backupsURL] {
            for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] {
                found.append(folder.appendingPathComponent(name))
            }
        }
        return found
    }
}
