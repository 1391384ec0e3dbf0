import AppCore
import Domain
import Storage

extension InterchangeError {
    /// The message in the language of `strings`; what the file says (its schema) and paths are cleaned for the terminal.
    public func message(in strings: Strings) -> String {
        let clean = { (text: String) in String(TextSanitizer.singleLine(text).prefix(80)) }
        return switch self {
        case .notAnExport: strings[.interchangeNotAnExport]
        case .schemaMismatch(let found, let expected): strings.format(.interchangeSchemaMismatch, clean(found), clean(expected))
        case .notEmpty(let path): strings.format(.interchangeNotEmpty, clean(path))
        case .serverNotEmpty(let server): strings.format(.interchangeServerNotEmpty, clean(server))
        }
    }
}
