import Domain
import Foundation

/// Where the portfolio lives: resolves, creates and describes the data directory.
public struct DataDirectory: Sendable, Equatable {
    public let url: URL

    public init(url: URL) { self.url = url }

    /// `--data-dir`, else `PROEFTUIN_DATA_DIR`, else `$XDG_DATA_HOME/proeftuin`, else `~/.local/share/proeftuin`.
    public static func resolve(flag: String?, environment: [String: String]) -> DataDirectory {
        if let flag, !flag.isEmpty { return DataDirectory(url: URL(fileURLWithPath: expand(flag, environment))) }
        if let env = environment["PROEFTUIN_DATA_DIR"], !env.isEmpty {
            return DataDirectory(url: URL(fileURLWithPath: expand(env, environment)))
        }
        if let xdg = environment["XDG_DATA_HOME"], !xdg.isEmpty {
            return DataDirectory(url: URL(fileURLWithPath: xdg).appendingPathComponent("proeftuin"))
        }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return DataDirectory(url: URL(fileURLWithPath: home).appendingPathComponent(".local/share/proeftuin"))
    }

    private static func expand(_ path: String, _ environment: [String: String]) -> String {
        guard path == "~" || path.hasPrefix("~/") else { return path }
        return (environment["HOME"] ?? NSHomeDirectory()) + path.dropFirst()
    }

    public var path: String { url.path }
    /// The SQLite database file.
    public var databaseURL: URL { url.appendingPathComponent("proeftuin.sqlite") }
    /// Where backups go.
    public var backupsURL: URL { url.appendingPathComponent("backups") }

    /// Creates the directory (mode 0700) when missing; refuses a path that is a file.
    public func create() throws(StorageError) {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw .notADirectory(path: path) }
            return
        }
        do {
            try FileManager.default.createDirectory(
                at: url, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw .cannotCreateDirectory(path: path, reason: (error as NSError).localizedDescription)
        }
    }

    /// Whether the directory already holds a database with ideas or other files of ours.
    public var holdsDatabase: Bool {
        FileManager.default.fileExists(atPath: databaseURL.path)
    }
}
