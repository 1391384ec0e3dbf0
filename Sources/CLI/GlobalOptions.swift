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
            throw ValidationError("unknown language '\(lang)': use nl or en")
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
}

/// Warnings about what was just written (likely duplicates, what looks like a citizen service number, an unusual
/// date), on standard error in the user's language.
enum Warnings {
    static func print(_ lines: [String], strings: Strings = Strings(.en)) {
        for line in lines { FileHandle.standardError.write(Data((strings.format(.cliWarningLine, line) + "\n").utf8)) }
    }

    static func bsn(in fields: IdeaFields, strings: Strings = Strings(.en)) -> [String] {
        Privacy.possibleBSNs(in: fields.title + " " + fields.description).map { strings.format(.cliWarningBSN, $0) }
    }

    static func duplicates(_ found: [(IdeaSummary, Double)], strings: Strings = Strings(.en)) -> [String] {
        found.map {
            strings.format(.cliWarningDuplicate, $0.0.id, TextSanitizer.singleLine($0.0.title),
                           strings.number((($0.1 * 100).rounded()) / 100))
        }
    }

    /// A review date in the past or a measurement dated in the future: the board asks, the command line says so.
    static func date(_ check: DateCheck?, strings: Strings) -> [String] {
        switch check {
        case .reviewDateInPast(let date)?: [strings.format(.cliWarningReviewInPast, date)]
        case .measurementInFuture(let date)?: [strings.format(.cliWarningMeasurementInFuture, date)]
        case nil: []
        }
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
