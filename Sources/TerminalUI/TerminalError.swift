import AppCore
import Domain

/// Why the full-screen board cannot start, with what to do instead.
public enum TerminalError: Error, Equatable, CustomStringConvertible {
    case notATerminal
    case termNotSet
    case unknownTerminal(String)
    // Hardening
    /// A known terminal type that cannot place the cursor (`TERM=dumb`): a board would stay blank.
    case unsuitableTerminal(String)

    public var description: String { message(in: Strings(.en)) }

    /// The message in the language of `strings`; the terminal type (from the environment) is cleaned for the terminal.
    public func message(in strings: Strings) -> String {
        let clean = { (text: String) in String(TextSanitizer.singleLine(text).prefix(60)) }
        return switch self {
        case .notATerminal: strings[.terminalNotATerminal]
        case .termNotSet: strings[.terminalTermNotSet]
        case .unknownTerminal(let name): strings.format(.terminalUnknown, clean(name))
        case .unsuitableTerminal(let name): strings.format(.terminalUnsuitable, clean(name))
        }
    }
}
