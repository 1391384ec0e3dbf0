import AppCore
import Domain
import Storage

extension ChangeFailure {
    /// A thrown error as a front end shows it, worded in `language`: a rule the change broke, a storage problem, or a
    /// lost connection to the database server (the board then stays open read-only).
    public init(_ error: any Error, language: Language) {
        let strings = Strings(language)
        switch error {
        case let domain as DomainError:
            self = .domain(domain)
        case let storage as StorageError:
            self = .storage(storage.message(in: strings))
        case PostgresStoreError.cannotConnect:
            // What it means, not the driver's words: the command line names the server and the cause.
            self = .offline(strings[.offlineNotice])
        case let server as PostgresStoreError where server.isLostConnection:
            self = .offline(server.message(in: strings))  // a cut COMMIT: says the change may or may not have been made
        case let server as PostgresStoreError:
            self = .storage(server.message(in: strings))
        default:
            self = .storage(TextSanitizer.singleLine("\(error)"))
        }
    }
}
