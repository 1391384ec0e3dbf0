import AppCore
import Application
import ArgumentParser
import Domain
import Foundation
import Storage

/// Options every command takes: where the data lives and which language to speak.
public struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: "The data directory (default: $PROEFTUIN_DATA_DIR, else $XDG_DATA_HOME/proeftuin).")
    var dataDir: String?

    @Option(name: .long, help: "Interface language: nl or en (default: config file, then LC_ALL/LC_MESSAGES/LANG).")
    var lang: String?

    public init() {}

    var environment: [String: String] { ProcessInfo.processInfo.environment }

    var directory: DataDirectory { DataDirectory.resolve(flag: dataDir, environment: environment) }

    func configuration() throws -> UserConfiguration {
        try UserConfiguration.load(environment: environment)
    }

    func language() throws -> Language {
        if let lang, Language(code: lang) == nil {
            throw CLIError.usage(.cliUsageUnknownLanguage, [lang])
        }
        return Language.resolve(flag: lang, configured: try configuration().language, environment: environment)
    }

    /// Opens the portfolio in the chosen data directory through the application layer; `program` is recorded with
    /// every change it makes.
    func openWorkspace(at directory: DataDirectory? = nil, program: String = "cli") throws -> Workspace {
        let configuration = try configuration()
        return try Workspace.open(directory ?? self.directory, actor: configuration.actor(environment: environment), program: program,
                                  defaultWipLimits: configuration.wipLimits, themes: ThemeCatalog(fixed: configuration.themes))
    }

    // Hardening
    /// Opens the portfolio for a command that only reads (listings, `show`, exports, reports): a data directory this user
    /// may only read is opened read-only instead of refused.
    func openForReading() throws -> Workspace {
        let configuration = try configuration()
        return try Workspace.open(directory, actor: configuration.actor(environment: environment), program: "cli",
                                  defaultWipLimits: configuration.wipLimits, themes: ThemeCatalog(fixed: configuration.themes),
                                  readingOnly: true)
    }
}

/// Output formats for listing commands.
enum ListFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, csv
}

/// Output formats for single-idea commands.
enum TextFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}
