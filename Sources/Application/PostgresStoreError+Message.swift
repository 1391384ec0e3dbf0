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
        case .cannotConnect(let server, let detail):
            Self.connectReason(detail).map { strings.format(.postgresCannotConnectBecause, clean(server), strings[$0]) }
                ?? strings.format(.postgresCannotConnect, clean(server), clean(detail))
        case .schemaFromNewerVersion(let server, let found, let known):
            strings.format(.postgresSchemaFromNewerVersion, clean(server), found, known)
        case .schemaVersionUnreadable(let server, let detail): strings.format(.postgresSchemaVersionUnreadable, clean(server), clean(detail))
        case .tooBusy(let server, let attempts): strings.format(.postgresTooBusy, clean(server), attempts)
        case .serverError(let server, "42501", _): strings.format(.postgresReadOnly, clean(server))
        case .serverError(let server, let code, let detail): strings.format(.postgresServerError, clean(server), clean(code), clean(detail))
        case .backupOnServer(let server): strings.format(.postgresBackupOnServer, clean(server))
        case .commitUnknown(let server): strings.format(.postgresCommitUnknown, clean(server))
        }
    }

    /// Why a connection failed, in words a person can act on, for the causes that are common (the driver's own text
    /// otherwise, with the general advice).
    static func connectReason(_ detail: String) -> StringKey? {
        let lowered = detail.lowercased()
        if lowered.contains("connection refused") { return .postgresReasonRefused }
        if lowered.contains("connect timeout") || lowered.contains("no answer within") { return .postgresReasonSilent }
        if lowered == "connection lost" || lowered.contains("connection reset") || lowered.contains("closed connection") {
            return .postgresReasonLost
        }
        if lowered.contains("sslunsupported") { return .postgresReasonNoTLS }
        if lowered.contains("requirespassword") { return .postgresReasonNeedsPassword }
        if lowered.contains("password authentication failed") { return .postgresReasonWrongPassword }
        if lowered.contains("does not exist") && lowered.contains("database") { return .postgresReasonNoDatabase }
        if lowered.contains("does not exist") && lowered.contains("role") { return .postgresReasonNoRole }
        return nil
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
