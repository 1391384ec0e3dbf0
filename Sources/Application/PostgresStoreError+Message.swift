import AppCore
import Domain
import Storage

extension PostgresStoreError {
    /// The message in the language of `strings`; servers and details are cleaned for the terminal.
    public func message(in strings: Strings) -> String {
        let clean = TextSanitizer.singleLine
        return switch self {
        case .invalidURL(let problem): strings.format(.postgresInvalidURL, Self.problem(problem, strings: strings))
        case .passwordFileTooOpen(let path): strings.format(.postgresPasswordFileTooOpen, clean(path))
        case .cannotConnect(let server, let detail): strings.format(.postgresCannotConnect, clean(server), clean(detail))
        case .schemaFromNewerVersion(let server, let found, let known):
            strings.format(.postgresSchemaFromNewerVersion, clean(server), found, known)
        case .schemaVersionUnreadable(let server, let detail): strings.format(.postgresSchemaVersionUnreadable, clean(server), clean(detail))
        case .tooBusy(let server, let attempts): strings.format(.postgresTooBusy, clean(server), attempts)
        case .serverError(let server, let code, let detail): strings.format(.postgresServerError, clean(server), clean(code), clean(detail))
        case .backupOnServer(let server): strings.format(.postgresBackupOnServer, clean(server))
        case .commitUnknown(let server): strings.format(.postgresCommitUnknown, clean(server))
        }
    }

    /// What is wrong with a URL, in the interface's language.
    static func problem(_ problem: PostgresURLProblem, strings: Strings) -> String {
        let clean = TextSanitizer.singleLine
        return switch problem {
        case .wrongScheme: strings[.postgresProblemWrongScheme]
        case .missingHost: strings[.postgresProblemMissingHost]
        case .severalHosts: strings[.postgresProblemSeveralHosts]
        case .badPort(let port): strings.format(.postgresProblemBadPort, clean(port))
        case .badEncoding(let part): strings.format(.postgresProblemBadEncoding, partName(part, strings: strings))
        case .badDatabase: strings[.postgresProblemBadDatabase]
        case .fragment: strings[.postgresProblemFragment]
        case .unknownParameter(let name): strings.format(.postgresProblemUnknownParameter, clean(name))
        case .repeatedParameter(let name): strings.format(.postgresProblemRepeatedParameter, clean(name))
        case .badSSLMode(let mode): strings.format(.postgresProblemBadSSLMode, clean(mode))
        case .badConnectTimeout(let value): strings.format(.postgresProblemBadConnectTimeout, clean(value))
        }
    }

    /// A part of a URL with its article, in Dutch where it has a name of its own (`password` → `het wachtwoord`).
    private static func partName(_ name: String, strings: Strings) -> String {
        let name = TextSanitizer.singleLine(name)
        guard strings.language == .nl else { return "the " + name }
        let words = [("parameter name", "de parameternaam"), ("user", "de gebruiker"), ("password", "het wachtwoord")]
        return words.first { $0.0 == name }?.1 ?? "de " + name
    }
}
