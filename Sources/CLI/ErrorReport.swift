import AppCore
import ArgumentParser
import Domain
import Foundation
import ParticipantPage
import Storage

/// How the command line reports a failure: one `Fout: …` / `Error: …` message in the user's language.
enum ErrorReport {
    /// The message for the errors Proeftuin words itself; nil for ArgumentParser's own errors and any other.
    static func message(for error: any Error, in strings: Strings) -> String? {
        switch error {
        case let error as DomainError: strings.commandLineError(error)
        case let error as StorageError: error.message(in: strings)
        case let error as CLIError: error.message(in: strings)
        case let error as ParticipantServer.Failure: error.message(in: strings)
        default: nil
        }
    }

    /// The whole report, `Fout: …` or `Error: …`, ending in a newline.
    static func text(for error: any Error, in language: Language) -> String? {
        let strings = Strings(language)
        return message(for: error, in: strings).map { strings.format(.cliErrorLine, $0) + "\n" }
    }

    /// The language the command asked for, resolved like `GlobalOptions.language()`; never fails:
    /// an unknown `--lang` or an unreadable configuration file leaves the rest of the resolution.
    static func language(of command: any ParsableCommand) -> Language {
        let global = Mirror(reflecting: command).children.lazy.compactMap { ($0.value as? OptionGroup<GlobalOptions>)?.wrappedValue }.first
        if let global, let language = try? global.language() { return language }
        let environment = ProcessInfo.processInfo.environment
        return Language.resolve(flag: global?.lang, configured: (try? UserConfiguration.load(environment: environment))?.language,
                                environment: environment)
    }
}
