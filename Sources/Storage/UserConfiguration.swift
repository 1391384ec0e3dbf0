import Foundation
import TOMLKit

/// Settings read from `$XDG_CONFIG_HOME/proeftuin/config.toml`.
public struct UserConfiguration: Sendable, Equatable {
    /// The name recorded as actor in the event log.
    public var name: String?
    /// `nl` or `en`.
    public var language: String?
    /// Where the file was looked for.
    public var path: String
    /// Whether the file exists.
    public var exists: Bool

    public init(name: String? = nil, language: String? = nil, path: String = "", exists: Bool = false) {
        self.name = name
        self.language = language
        self.path = path
        self.exists = exists
    }

    /// The configuration file path for an environment.
    public static func path(environment: [String: String]) -> String {
        if let xdg = environment["XDG_CONFIG_HOME"], !xdg.isEmpty { return xdg + "/proeftuin/config.toml" }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return home + "/.config/proeftuin/config.toml"
    }

    /// Reads the file when present; a missing file gives the defaults, a broken one an error naming it.
    public static func load(environment: [String: String]) throws(StorageError) -> UserConfiguration {
        let path = path(environment: environment)
        guard let data = FileManager.default.contents(atPath: path) else { return UserConfiguration(path: path) }
        let text = String(decoding: data, as: UTF8.self)
        do {
            let table = try TOMLTable(string: text)
            return UserConfiguration(
                name: table["name"]?.string,
                language: table["language"]?.string,
                path: path,
                exists: true
            )
        } catch {
            throw .configInvalid(path: path, detail: "\(error)")
        }
    }

    /// The actor for the event log: the configured name, else the OS user, else "unknown".
    public func actor(environment: [String: String]) -> String {
        if let name, !name.trimmingCharacters(in: .whitespaces).isEmpty { return name }
        if let user = environment["USER"] ?? environment["LOGNAME"], !user.isEmpty { return user }
        return NSUserName().isEmpty ? "unknown" : NSUserName()
    }
}
