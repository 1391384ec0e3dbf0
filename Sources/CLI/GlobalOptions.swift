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
