import Domain
import Foundation
import TOMLKit

/// Settings read from `$XDG_CONFIG_HOME/proeftuin/config.toml`.
public struct UserConfiguration: Sendable, Equatable {
    /// The name recorded as actor in the event log.
    public var name: String?
    /// `nl` or `en`.
    public var language: String?
    /// The PostgreSQL server holding the portfolio (`database = "postgresql://…"`), as written; nil keeps it in the data
    /// directory's SQLite file.
    public var database: String?
    /// Ideas untouched for more than this many days count as stale (default 30).
    public var staleDays: Int?
    /// Days within which an idea from outside is triaged and answered (`triage-days`, default 14).
    public var triageDays: Int?
    /// Default WIP limits (`[wip]` table), used where `proeftuin wip set` stored none.
    public var wipLimits: [Stage: WipLimit]
    /// Board key overrides (`[keys]` table): command name → key.
    public var keys: [String: String]
    /// The themes (lokale opgaven) ideas may carry, when the file fixes the list (`themes = [...]`).
    public var themes: [String]?
    /// Where the file was looked for.
    public var path: String
    /// Whether the file exists.
    public var exists: Bool

    public init(
        name: String? = nil, language: String? = nil, staleDays: Int? = nil, wipLimits: [Stage: WipLimit] = [:],
        keys: [String: String] = [:], themes: [String]? = nil, path: String = "", exists: Bool = false
    ) {
        self.name = name
        self.language = language
        self.staleDays = staleDays
        self.wipLimits = wipLimits
        self.keys = keys
        self.themes = themes
        self.path = path
        self.exists = exists
    }

    /// The answer deadline for the inbox, in days: `triage-days`, else 14.
    public var triageDaysOrDefault: Int { triageDays ?? Intake.defaultTriageDays }

    /// What the file set, for `proeftuin info`.
    public var summary: [String] {
        var lines: [String] = []
        if let name { lines.append("name = \(name)") }
        if let language { lines.append("language = \(language)") }
        if let database {
            // Never the password: the URL as `info` shows a server, or only that it cannot be read.
            let shown = (try? PostgresLocation.parse(database, environment: [:]).redacted) ?? "(?)"
            lines.append("database = \(shown)")
        }
        if let staleDays { lines.append("stale-days = \(staleDays)") }
        if let triageDays { lines.append("triage-days = \(triageDays)") }
        for stage in Stage.boardOrder {
            if let limit = wipLimits[stage] { lines.append("wip.\(stage.rawValue) = \(limit.limit)\(limit.hard ? " (hard)" : "")") }
        }
        for (command, key) in keys.sorted(by: { $0.key < $1.key }) { lines.append("keys.\(command) = \(key)") }
        if let themes { lines.append("themes = " + themes.joined(separator: ", ")) }
        return lines
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
            var limits: [Stage: WipLimit] = [:]
            if let wip = table["wip"]?.table {
                let hard = Set((wip["hard"]?.array.map { Array($0) } ?? []).compactMap { $0.string })
                for (key, value) in wip where key != "hard" {
                    guard let stage = Stage(name: key), let limit = value.int, NumberKind.wipLimit.range.contains(Double(limit)) else {
                        throw StorageError.configInvalid(
                            path: path, detail: "wip.\(key) must name a stage and give a limit from 1 to \(NumberKind.wipLimit.bounds.high)")
                    }
                    limits[stage] = WipLimit(stage: stage, limit: limit, hard: hard.contains(stage.rawValue) || hard.contains(key))
                }
            }
            var keys: [String: String] = [:]
            if let table = table["keys"]?.table {
                for (command, value) in table {
                    // Keys and command names reach the help screen and messages: escape codes and control characters are refused.
                    guard let key = value.string, !TextSanitizer.containsControlCharacters(key + command) else {
                        throw StorageError.configInvalid(path: path, detail: "keys.\(command) must be a string such as \"Q\"")
                    }
                    keys[command] = key
                }
            }
            var staleDays: Int? = nil
            for spelling in ["stale-days", "stale_days"] {
                guard let value = table[spelling] else { continue }
                guard let days = value.int, NumberKind.staleDays.range.contains(Double(days)) else {
                    throw StorageError.configInvalid(
                        path: path, detail: "\(spelling) must be a whole number of days from 0 to \(NumberKind.staleDays.bounds.high)")
                }
                staleDays = days
            }
            var triageDays: Int? = nil
            for spelling in ["triage-days", "triage_days"] {
                guard let value = table[spelling] else { continue }
                guard let days = value.int, NumberKind.staleDays.range.contains(Double(days)) else {
                    throw StorageError.configInvalid(
                        path: path, detail: "\(spelling) must be a whole number of days from 0 to \(NumberKind.staleDays.bounds.high)")
                }
                triageDays = days
            }
            var themes: [String]? = nil
            if let value = table["themes"] {
                let list = value.array.map { Array($0) }?.map { $0.string?.trimmingCharacters(in: .whitespaces) }
                guard let list, !list.isEmpty, list.allSatisfy({ !($0 ?? "").isEmpty }) else {
                    throw StorageError.configInvalid(path: path, detail: "themes must be a list of names such as [\"Armoede en schulden\"]")
                }
                themes = list.compactMap { $0 }
            }
            var database: String? = nil
            if let value = table["database"] {
                guard let url = value.string?.trimmingCharacters(in: .whitespaces), !url.isEmpty else {
                    throw StorageError.configInvalid(
                        path: path, detail: "database must be a PostgreSQL URL such as \"postgresql://proeftuin@db.example.nl/proeftuin\"")
                }
                database = url
            }
            // The name (`name`, or `user` as the issue's teams write it) is recorded with every change and shown in
            // histories: one clean line, cleaned here where it enters.
            if let name = table["name"]?.string, let user = table["user"]?.string, name != user {
                throw StorageError.configInvalid(path: path, detail: "name and user give two different names: keep one")
            }
            let name = (table["name"] ?? table["user"])?.string.map { TextSanitizer.singleLine($0).trimmingCharactersInWhitespace() }
            var configuration = UserConfiguration(
                name: name.flatMap { $0.isEmpty ? nil : String($0.prefix(TextLimit.line)) },
                language: table["language"]?.string.map(TextSanitizer.singleLine), staleDays: staleDays, wipLimits: limits,
                keys: keys, themes: themes, path: path, exists: true)
            configuration.triageDays = triageDays
            configuration.database = database
            return configuration
        } catch let error as StorageError {
            throw error
        } catch {
            throw .configInvalid(path: path, detail: "\(error)")
        }
    }

    /// The actor for the event log: the configured name, else the OS user, else "unknown".
    public func actor(environment: [String: String]) -> String {
        if let name, !name.trimmingCharacters(in: .whitespaces).isEmpty { return name }
        if let user = (environment["USER"] ?? environment["LOGNAME"]).map(TextSanitizer.singleLine), !user.isEmpty {
            return String(user.prefix(TextLimit.line))
        }
        return NSUserName().isEmpty ? "unknown" : NSUserName()
    }
}
