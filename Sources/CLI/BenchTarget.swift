import Application
import Foundation
import Storage

/// Where `proeftuin bench` measures: the SQLite file of a data directory, or a database the bench made for itself on a
/// PostgreSQL server (dropped when it is done).
struct BenchTarget {
    /// The data directory: the portfolio's file, or on a server only the local files.
    let directory: DataDirectory
    /// The scratch database on a server; nil for SQLite.
    let server: PostgresScratchDatabase?

    /// A new target named `name`: a data directory beside the temporary ones, and on `server` a new empty database.
    static func fresh(_ name: String, in folder: URL, server: PostgresLocation?) throws -> BenchTarget {
        let directory = DataDirectory(url: folder.appendingPathComponent(name))
        let database = try server.map { try PostgresScratchDatabase.create("proeftuin_\(name.replacingOccurrences(of: "-", with: "_"))", on: $0) }
        return BenchTarget(directory: directory, server: database)
    }

    /// Opens the portfolio through the application layer, as the bench's own program.
    func open() throws -> Workspace {
        try Workspace.open(directory, server: server?.location, actor: "bench", program: "bench")
    }

    /// The options that name this target to a child process.
    var arguments: [String] {
        ["--data-dir", directory.path] + (server.map { ["--database", $0.location.redacted] } ?? [])
    }

    /// What a child process needs in its environment to log in (the password, when there is one).
    var environment: [String: String] { server?.location.childEnvironment ?? [:] }

    /// Removes the data directory and drops the server's database.
    func remove() {
        try? FileManager.default.removeItem(at: directory.url)
        try? server?.drop()
    }
}
