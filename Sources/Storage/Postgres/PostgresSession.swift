import Foundation
import PostgresNIO

/// One connection to a PostgreSQL server, used synchronously from ordinary threads (never from an event loop): it owns a
/// one-thread event loop group and waits for each query's result. One query or transaction runs at a time.
final class PostgresSession: @unchecked Sendable {
    let location: PostgresLocation
    /// The schema every query of this session works in (`public` unless a test asked for its own).
    let schema: String
    /// The server process serving this connection: notifications it sent itself are told apart by it.
    let backendPID: Int32
    private let group: MultiThreadedEventLoopGroup
    private let connection: PostgresConnection
    private let logger: Logger
    private let lock = NSRecursiveLock()
    private var closed = false
    /// Whether a transaction is open on this connection (guarded by `lock`).
    private var inTransaction = false
    /// How often a transaction is tried when the server finds it in conflict with another one (SQLSTATE 40001, 40P01).
    static let attempts = 30

    private init(location: PostgresLocation, schema: String, backendPID: Int32, group: MultiThreadedEventLoopGroup,
                 connection: PostgresConnection, logger: Logger) {
        self.location = location
        self.schema = schema
        self.backendPID = backendPID
        self.group = group
        self.connection = connection
        self.logger = logger
    }

    /// Connects and sets the schema (`public` when nil); a schema that does not exist yet is created.
    static func connect(_ location: PostgresLocation, schema: String?) throws(PostgresStoreError) -> PostgresSession {
        var logger = Logger(label: "proeftuin.postgres")
        logger.logLevel = .critical
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        do {
            var configuration = PostgresConnection.Configuration(
                host: location.host, port: location.port, username: location.user, password: location.password,
                database: location.database, tls: try tls(location.sslMode))
            configuration.options.connectTimeout = .seconds(Int64(location.connectTimeout))
            configuration.options.additionalStartupParameters = [("application_name", "proeftuin")]
            let connection = try PostgresConnection.connect(on: group.next(), configuration: configuration, id: 1, logger: logger).wait()
            let rows = try connection.query("SELECT pg_backend_pid()", logger: logger).wait().rows
            let pid = try rows.first.map { try $0.makeRandomAccess()[0].decode(Int32.self) } ?? 0
            let session = PostgresSession(location: location, schema: schema ?? "public", backendPID: pid, group: group,
                                          connection: connection, logger: logger)
            if let schema {
                try session.createSchema(schema)
                try session.execute("SET search_path TO \(unescaped: quoted(schema))")
            }
            return session
        } catch let error as PostgresStoreError {
            try? group.syncShutdownGracefully()
            throw error
        } catch {
            try? group.syncShutdownGracefully()
            throw .cannotConnect(server: location.redacted, detail: detail(of: error))
        }
    }

    /// Creates a schema unless it exists; another program creating it at the same moment is fine (`IF NOT EXISTS` alone
    /// does not guard against that race).
    private func createSchema(_ schema: String) throws {
        // Through an untyped closure: a `catch … where` on this typed-throwing call crashes the Swift 6.3 compiler.
        let create: () throws -> Void = { try self.execute("CREATE SCHEMA IF NOT EXISTS \(unescaped: Self.quoted(schema))") }
        do {
            try create()
        } catch let error where Self.sqlState(of: error) == "23505" || Self.sqlState(of: error) == "42P06" {
            return
        }
    }

    /// Closes the connection and stops the event loop (once).
    func close() {
        lock.withLock {
            guard !closed else { return }
            closed = true
            if !connection.isClosed { _ = try? waitWatchingConnection(connection.close()) }
            try? group.syncShutdownGracefully()
        }
    }

    deinit { close() }

    // MARK: Queries

    /// Runs one statement and returns its rows.
    @discardableResult
    func query(_ query: PostgresQuery) throws(PostgresStoreError) -> [PostgresRandomAccessRow] {
        do {
            return try lock.withLock {
                guard !connection.isClosed else { throw PostgresStoreError.cannotConnect(server: location.redacted, detail: "connection lost") }
                return try waitWatchingConnection(connection.query(query, logger: logger)).rows.map { $0.makeRandomAccess() }
            }
        } catch {
            throw translated(error)
        }
    }

    /// The result of a query, waiting as long as it takes while the connection lives: a query sent just as the server
    /// closed the connection is never answered (postgres-nio drops it), so the wait looks at the connection every
    /// second and gives up with `cannotConnect` once it is gone, instead of waiting for ever.
    private func waitWatchingConnection<T: Sendable>(_ future: EventLoopFuture<T>) throws -> T {
        let done = DispatchSemaphore(value: 0)
        let outcome = PostgresResultSlot<T>()
        future.whenComplete { result in
            outcome.fill(result)
            done.signal()
        }
        while done.wait(timeout: .now() + 1) == .timedOut {
            if connection.isClosed, outcome.result == nil {
                throw PostgresStoreError.cannotConnect(server: location.redacted, detail: "connection lost")
            }
        }
        guard let result = outcome.result else {
            throw PostgresStoreError.cannotConnect(server: location.redacted, detail: "connection lost")
        }
        return try result.get()
    }

    /// Runs one statement whose rows do not matter.
    func execute(_ query: PostgresQuery) throws(PostgresStoreError) {
        try self.query(query)
    }

    /// Runs `body` in one transaction, committed when it returns and rolled back when it throws. A transaction the server
    /// aborts for a conflict with another one is tried again from the start (`body` must hold no state across tries).
    /// Errors `body` throws itself (a refused change) come out unchanged.
    /// A transaction asked for inside another joins it (the outer one decides the isolation, commits and retries).
    func transaction<T>(_ isolation: PostgresIsolation, _ body: () throws -> T) throws -> T {
        try lock.withLock {
            if inTransaction { return try body() }
            inTransaction = true
            defer { inTransaction = false }
            for attempt in 1...Self.attempts {
                do {
                    try execute("BEGIN ISOLATION LEVEL \(unescaped: isolation.sql)")
                    let result: T
                    do {
                        result = try body()
                    } catch {
                        try? execute("ROLLBACK")
                        throw error
                    }
                    try execute("COMMIT")
                    return result
                } catch let error as PostgresStoreError where Self.isConflict(error) {
                    try? execute("ROLLBACK")
                    if attempt == Self.attempts { break }
                    // Wait a little, longer each time and never in step with the other program.
                    usleep(UInt32.random(in: 1_000...(5_000 * UInt32(min(attempt, 20)))))
                }
            }
            throw PostgresStoreError.tooBusy(server: location.redacted, attempts: Self.attempts)
        }
    }

    /// Listens for notifications on `channel`; `handler` runs on the event loop with the sending server process and the payload.
    func listen(_ channel: String, handler: @escaping @Sendable (Int32, String) -> Void) throws(PostgresStoreError) {
        connection.addListener(channel: channel) { _, notification in
            handler(notification.backendPID, notification.payload)
        }
        try execute("LISTEN \(unescaped: Self.quoted(channel))")
    }

    // MARK: Errors

    /// The SQLSTATE of an error the server reported; nil for any other error.
    static func sqlState(of error: any Error) -> String? {
        if case .serverError(_, let code, _)? = error as? PostgresStoreError { return code }
        return nil
    }

    /// Whether the server aborted a transaction for a conflict with a concurrent one: trying again may succeed.
    static func isConflict(_ error: PostgresStoreError) -> Bool {
        if case .serverError(_, let code, _) = error { return code == "40001" || code == "40P01" }
        return false
    }

    /// A server's error as a `PostgresStoreError` with its SQLSTATE; a lost connection as `cannotConnect`.
    private func translated(_ error: any Error) -> PostgresStoreError {
        if let error = error as? PostgresStoreError { return error }
        if let error = error as? PSQLError, let info = error.serverInfo {
            return .serverError(server: location.redacted, code: info[.sqlState] ?? "?", detail: info[.message] ?? "?")
        }
        return .cannotConnect(server: location.redacted, detail: Self.detail(of: error))
    }

    /// What went wrong, in a few words: the server's message, or the kind of failure (never the query or its values).
    static func detail(of error: any Error) -> String {
        if let error = error as? PSQLError {
            if let message = error.serverInfo?[.message] { return message }
            if let underlying = error.underlying { return String(describing: underlying) }
            return error.code.description
        }
        return String(describing: error)
    }

    /// An identifier in double quotes, with quotes inside doubled.
    static func quoted(_ identifier: String) -> String {
        "\"" + identifier.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    private static func tls(_ mode: PostgresSSLMode) throws -> PostgresConnection.Configuration.TLS {
        var configuration = TLSConfiguration.makeClientConfiguration()
        switch mode {
        case .disable: return .disable
        case .prefer:
            configuration.certificateVerification = .none
            return .prefer(try NIOSSLContext(configuration: configuration))
        case .require:
            configuration.certificateVerification = .none
            return .require(try NIOSSLContext(configuration: configuration))
        case .verifyCA:
            configuration.certificateVerification = .noHostnameVerification
            return .require(try NIOSSLContext(configuration: configuration))
        case .verifyFull:
            configuration.certificateVerification = .fullVerification
            return .require(try NIOSSLContext(configuration: configuration))
        }
    }
}
