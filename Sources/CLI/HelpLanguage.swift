import AppCore
import ArgumentParser
import Foundation

/// The language of the command line's help, chosen once from the raw arguments before ArgumentParser builds any help.
///
/// ArgumentParser reads a command's `configuration` and its options' `help:` only when it first uses the command type
/// (to parse it or to print its help), so the texts are read after `choose(for:)` has run.
enum HelpLanguage {
    /// The lock around the chosen language; set once at start, read while commands are built.
    private final class Choice: @unchecked Sendable {
        private let lock = NSLock()
        private var chosen = Language.en
        var language: Language {
            get { lock.withLock { chosen } }
            set { lock.withLock { chosen = newValue } }
        }
    }

    private static let choice = Choice()

    /// The language help is written in: English until `choose(for:)` runs.
    static var current: Language { choice.language }

    /// Chooses the language as the commands themselves do (`--lang`, else the config file, else the environment),
    /// reading `--lang X` or `--lang=X` from the raw arguments, so help for a command line that does not parse still
    /// speaks the language asked for.
    static func choose(for arguments: [String], environment: [String: String] = ProcessInfo.processInfo.environment) {
        choice.language = GlobalOptions.lenientLanguage(flag: flag(in: arguments), environment: environment)
    }

    /// The value of the last `--lang` before a `--` (after which everything is an argument), if any.
    static func flag(in arguments: [String]) -> String? {
        var flag: String?
        var index = arguments.startIndex
        while index < arguments.endIndex {
            let argument = arguments[index]
            if argument == "--" { break }
            if argument == "--lang", index + 1 < arguments.endIndex {
                flag = arguments[index + 1]
                index += 2
                continue
            }
            if argument.hasPrefix("--lang=") { flag = String(argument.dropFirst("--lang=".count)) }
            index += 1
        }
        return flag
    }

    /// A command's abstract or discussion in the help's language.
    static func text(_ key: StringKey) -> String { Strings(current)[key] }

    /// An option's, flag's or argument's help in the help's language.
    static func help(_ key: StringKey) -> ArgumentHelp { ArgumentHelp(text(key)) }
}
