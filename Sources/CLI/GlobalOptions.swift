import AppCore
import Application
import ArgumentParser
import Domain
import Foundation
import Storage

/// Options every command takes: where the data lives and which language to speak.
public struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: HelpLanguage.help(.cliHelpGlobalOptionsDataDir))
    var dataDir: String?

    @Option(name: .long, help: HelpLanguage.help(.cliHelpGlobalOptionsLang))
    var lang: String?

    @Option(name: .long, help: HelpLanguage.help(.cliHelpGlobalOptionsDatabase))
    var database: String?

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

    /// The language `language()` chooses, without failing: an unknown `--lang` or an unreadable configuration file is
    /// passed over for the rest of the rule (for help and error reports, which must speak even then).
    static func lenientLanguage(flag: String?, environment: [String: String]) -> Language {
        Language.resolve(flag: flag, configured: (try? UserConfiguration.load(environment: environment))?.language,
                         environment: environment)
    }

    /// The PostgreSQL server holding the portfolio: `--database`, else `PROEFTUIN_DATABASE_URL`, else `database =` in
    /// config.toml; nil keeps it in the data directory's SQLite file. An unreadable URL is refused, never passed over.
    func server() throws -> PostgresLocation? {
        try server(configured: { try configuration() })
    }

    /// `server()`, with the configuration file read by `configured` only when neither the option nor the variable names one.
    private func server(configured: () throws -> UserConfiguration) throws -> PostgresLocation? {
        let variable = environment["PROEFTUIN_DATABASE_URL"].flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
        if let text = database ?? variable { return try PostgresLocation.parse(text, environment: environment) }
        let configuration = try configured()
        guard let text = configuration.database else { return nil }
        return try PostgresLocation.configured(text, file: configuration.path, environment: environment)
    }

    /// Opens the portfolio (in the chosen data directory, or on the chosen server) through the application layer;
    /// `program` is recorded with every change it makes. `directory` (the board's demo) always means a SQLite file there.
    func openWorkspace(at directory: DataDirectory? = nil, program: String = "cli") throws -> Workspace {
        let configuration = try configuration()
        return try Workspace.open(directory ?? self.directory, server: directory == nil ? try server(configured: { configuration }) : nil,
                                  actor: configuration.actor(environment: environment), program: program,
                                  defaultWipLimits: configuration.wipLimits, themes: ThemeCatalog(fixed: configuration.themes))
    }

    // Hardening
    /// Opens the portfolio for a command that only reads (listings, `show`, exports, reports): a data directory this user
    /// may only read is opened read-only instead of refused.
    func openForReading() throws -> Workspace {
        let configuration = try configuration()
        return try Workspace.open(directory, server: try server(configured: { configuration }),
                                  actor: configuration.actor(environment: environment), program: "cli",
                                  defaultWipLimits: configuration.wipLimits, themes: ThemeCatalog(fixed: configuration.themes), readingOnly: true)
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
