import AppCore
import Application
import ArgumentParser
import Domain
import Foundation
import ParticipantPage
import Storage
import TerminalUI

/// How the command line reports a failure: one `Fout: …` / `Error: …` message in the user's language.
enum ErrorReport {
    /// The message for the errors Proeftuin words itself, and a cleaned one for any other; nil only for
    /// ArgumentParser's own errors (usage, `--help`, an exit code), which it reports itself.
    static func message(for error: any Error, in strings: Strings) -> String? {
        switch error {
        case let error as DomainError: strings.commandLineError(error)
        case let error as StorageError: error.message(in: strings)
        case let error as PostgresStoreError: error.message(in: strings)
        case let error as MigrationError: error.message(in: strings)
        case let error as CLIError: error.message(in: strings)
        // Hardening
        case let error as InterchangeError: error.message(in: strings)
        case let error as TerminalError: error.message(in: strings)
        case let error as ParticipantServer.Failure: error.message(in: strings)
        case is ValidationError, is ExitCode, is CleanExit: nil
        default: strings.format(.cliUnexpected, String(TextSanitizer.singleLine(String(describing: error)).prefix(300)))
        }
    }

    /// An error ArgumentParser reports itself, with any text it carries from arguments or files cleaned first.
    static func cleaned(_ error: any Error) -> any Error {
        guard let validation = error as? ValidationError else { return error }
        return ValidationError(TextSanitizer.multiLine(validation.message))
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
        return GlobalOptions.lenientLanguage(flag: global?.lang, environment: ProcessInfo.processInfo.environment)
    }
}
