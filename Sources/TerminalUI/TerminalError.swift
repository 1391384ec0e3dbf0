/// Why the full-screen board cannot start, with what to do instead.
public enum TerminalError: Error, Equatable, CustomStringConvertible {
    case notATerminal
    case termNotSet
    case unknownTerminal(String)

    public var description: String {
        switch self {
        case .notATerminal:
            "the board needs a terminal, but standard input or output is not one: run it in a terminal, "
                + "or use the commands (proeftuin list, add, move …) in scripts"
        case .termNotSet:
            "the TERM environment variable is not set, so the terminal type is unknown: set it, e.g. TERM=xterm-256color"
        case .unknownTerminal(let name):
            "the terminal type '\(name)' (TERM) is unknown here: set TERM to a known type such as xterm-256color"
        }
    }
}
