import Foundation
import PostgresNIO

/// One connection to a PostgreSQL server, used synchronously from ordinary threads (never from an event loop): it owns a
/// one-thread event loop group and waits for each query's result. One query or transaction runs at a time.
///
/// A connection that was lost (or never made: a sibling connects at its first query) is made again by the next query
/// or transaction that starts, once, within a short timeout; its listeners are set up again and `onConnect` hears of it.
/// A statement already sent when the connection went is never sent again: it fails with `cannotConnect`, or with
/// `commitUnknown` when it was the COMMIT of a change.
final class PostgresSession: @unchecked Sendable {
    let location: PostgresLocation
    /// The schema every query of this session works in (`public` unless a test asked for its own).
    let schema: String
    private let group: MultiThreadedEventLoopGroup
    /// The connection; nil before the first and after a lost one until the next query connects (guarded by `lock`).
    private var connection: PostgresConnection?
    private let logger: Logger
    private let lock = NSRecursiveLock()
    private var closed = false
    /// Whether a transaction is open on this connection (guarded by `lock`).
    private var inTransaction = false
    /// The channels listened to, set up again on each new connection (guarded by `lock`).
    private var listeners: [(channel: String, handler: @Sendable (Int32, String) -> Void)] = []
    /// Connections given up on while they were still closing, kept until they are closed (guarded by `lock`).
    private var retired: [PostgresConnection] = []
    /// Whether a connection was made before: the next one is a reconnection (guarded by `lock`).
    private var everConnected = false
    /// Told after each connection made by a query (`true`: it replaces a lost one; `false`: a session made
    /// `unconnected` connected for the first time), with the lock held.
    var onConnect: (@Sendable (_ again: Bool) -> Void)?
    /// The server process serving the connection, under a lock of its own: the listener reads it on the event loop
    /// while a query holds `lock` and waits for that loop.
    private let pidLock = NSLock()
    private var pid: Int32 = 0
    /// How often a transaction is tried when the server finds it in conflict with another one (SQLSTATE 40001, 40P01).
    static let attempts = 30
    /// The longest a reconnection waits for the server, in seconds (the URL's `connect_timeout` when shorter).
    static let reconnectTimeout = 3
    /// After a try to connect again failed, calls within this many seconds fail at once the same way instead of trying
    /// again: a board without its server does not wait for the server at every key. Each failure in a row doubles the
    /// pause, up to `longestRetryPause`.
    static let retryPause = 1.0
    static let longestRetryPause = 8.0
    /// When the last try to connect again failed, how, and how long calls fail at once after it (guarded by `lock`).
    private var lastFailedConnect: (at: Date, error: PostgresStoreError, pause: TimeInterval)?
    /// How long a statement may go unanswered before the server counts as gone (a server or network that went silent
    /// instead of refusing): the connection is dropped and the call fails with `cannotConnect`, never hangs. Statements
    /// that may wait on purpose (`VACUUM FULL`, the migration lock) are given longer.
    static let answerTimeout = 10.0

    private init(location: PostgresLocation, schema: String, group: MultiThreadedEventLoopGroup, logger: Logger) {
        self.location = location
        self.schema = schema
        self.group = group
        self.logger = logger
    }

    /// The server process serving this connection: notifications it sent itself are told apart by it.
    var backendPID: Int32 { pidLock.withLock { pid } }

    /// Whether a connection is open (false once the server ended it, until the next query connects again).
    var isConnected: Bool { lock.withLock { connection.map { !$0.isClosed } ?? false } }

    /// Connects and sets the schema (`public` when nil); a schema that does not exist yet is created.
    static func connect(_ location: PostgresLocation, schema: String?) throws(PostgresStoreError) -> PostgresSession {
        let session = unconnected(location, schema: schema ?? "public")
        do {
            try session.lock.withLock {
                try session.open(timeout: location.connectTimeout)
                session.everConnected = true
                if let schema {
                    try session.createSchema(schema)
                    try session.execute("SET search_path TO \(unescaped: quoted(schema))")
                }
            }
            return session
        } catch {
            session.close()
            throw error as? PostgresStoreError ?? .cannotConnect(server: location.redacted, detail: detail(of: error))
        }
    }

    /// A session that connects at its first query (in `schema`, which must exist).
    static func unconnected(_ location: PostgresLocation, schema: String) -> PostgresSession {
        var logger = Logger(label: "proeftuin.postgres")
        logger.logLevel = .critical
        return PostgresSession(location: location, schema: schema, group: MultiThreadedEventLoopGroup(numberOfThreads: 1), logger: logger)
    }

    /// Makes the connection (with the lock held) and learns its server process.
    private func open(timeout: Int) throws(PostgresStoreError) {
        do {
            var configuration = PostgresConnection.Configuration(
                host: location.host, port: location.port, username: location.user, password: location.password,
                database: location.database, tls: try Self.tls(location.sslMode))
            configuration.options.connectTimeout = .seconds(Int64(timeout))
            configuration.options.additionalStartupParameters = [("application_name", "proeftuin")]
            let made = try PostgresConnection.connect(on: group.next(), configuration: configuration, id: 1, logger: logger).wait()
            let backend: Int32
            do {
                let rows = try made.query("SELECT pg_backend_pid()", logger: logger).wait().rows
                backend = try rows.first.map { try $0.makeRandomAccess()[0].decode(Int32.self) } ?? 0
            } catch {
                // postgres-nio requires a connection to be closed before it is released.
                try? made.close().wait()
                throw error
            }
            pidLock.withLock { pid = backend }
            connection = made
        } catch let error as PostgresStoreError {
            throw error
        } catch {
            throw .cannotConnect(server: location.redacted, detail: Self.detail(of: error))
        }
    }

    /// Connects again when there is no open connection and no transaction is under way (with the lock held): sets the
    /// schema and the listeners up again and tells `onConnect`. One try, within `reconnectTimeout`.
    private func connectIfNeeded() throws(PostgresStoreError) {
        guard !closed else { throw .cannotConnect(server: location.redacted, detail: "connection closed") }
        if let connection, !connection.isClosed { return }
        guard !inTransaction else { throw .cannotConnect(server: location.redacted, detail: "connection lost") }
        connection = nil
        retired.removeAll { $0.isClosed }
        if let lastFailedConnect, Date().timeIntervalSince(lastFailedConnect.at) < lastFailedConnect.pause { throw lastFailedConnect.error }
        do {
            try open(timeout: min(location.connectTimeout, Self.reconnectTimeout))
            lastFailedConnect = nil
        } catch {
            let pause = lastFailedConnect.map { min($0.pause * 2, Self.longestRetryPause) } ?? Self.retryPause
            lastFailedConnect = (Date(), error, pause)
            throw error
        }
        do {
            try execute("SET search_path TO \(unescaped: Self.quoted(schema))")
            for listener in listeners { try startListening(listener.channel, listener.handler) }
        } catch {
            // Half set up is not connected: the next query tries again from the start.
            if let connection { _ = try? waitWatchingConnection(connection.close(), on: connection) }
            connection = nil
            throw error
        }
        let again = everConnected
        everConnected = true
        onConnect?(again)
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
            if let connection, !connection.isClosed { _ = try? waitWatchingConnection(connection.close(), on: connection) }
            connection = nil
            for old in retired where !old.isClosed { _ = try? waitWatchingConnection(old.close(), on: old) }
            retired = []
            try? group.syncShutdownGracefully()
        }
    }

    deinit { close() }

    // MARK: Queries

    /// Runs one statement and returns its rows; a statement unanswered for `patience` seconds counts as a lost connection.
    @discardableResult
    func query(_ query: PostgresQuery, patience: TimeInterval = answerTimeout) throws(PostgresStoreError) -> [PostgresRandomAccessRow] {
        do {
            return try lock.withLock {
                try connectIfNeeded()
                guard let connection else { throw PostgresStoreError.cannotConnect(server: location.redacted, detail: "connection lost") }
                do {
                    return try waitWatchingConnection(connection.query(query, logger: logger), on: connection, patience: patience)
                        .rows.map { $0.makeRandomAccess() }
                } catch {
                    guard Self.losesConnection(error, connection) else { throw error }
                    // Gone or going (the server may say so before it closes): never used again; the next call connects anew.
                    // Kept until closed: postgres-nio requires a connection to be closed before it is released.
                    retired.append(connection)
                    connection.close().whenComplete { _ in }
                    self.connection = nil
                    if case .cannotConnect? = error as? PostgresStoreError { throw error }
                    throw PostgresStoreError.cannotConnect(server: location.redacted, detail: Self.detail(of: error))
                }
            }
        } catch {
            throw translated(error)
        }
    }

    /// The result of a query, waiting as long as it takes while the connection lives: a query sent just as the server
    /// closed the connection is never answered (postgres-nio drops it), so the wait looks at the connection every
    /// second and gives up with `cannotConnect` once it is gone, instead of waiting for ever.
    private func waitWatchingConnection<T: Sendable>(
        _ future: EventLoopFuture<T>, on connection: PostgresConnection, patience: TimeInterval = answerTimeout
    ) throws -> T {
        let done = DispatchSemaphore(value: 0)
        let outcome = PostgresResultSlot<T>()
        future.whenComplete { result in
            outcome.fill(result)
            done.signal()
        }
        let started = Date()
        while done.wait(timeout: .now() + 1) == .timedOut {
            if connection.isClosed, outcome.result == nil {
                throw PostgresStoreError.cannotConnect(server: location.redacted, detail: "connection lost")
            }
            if Date().timeIntervalSince(started) >= patience, outcome.result == nil {
                throw PostgresStoreError.cannotConnect(server: location.redacted, detail: "no answer within \(Int(patience)) s")
            }
        }
        guard let result = outcome.result else {
            throw PostgresStoreError.cannotConnect(server: location.redacted, detail: "connection lost")
        }
        return try result.get()
    }

    /// Runs one statement whose rows do not matter.
    func execute(_ query: PostgresQuery, patience: TimeInterval = answerTimeout) throws(PostgresStoreError) {
        try self.query(query, patience: patience)
    }

    /// Runs `body` in one transaction, committed when it returns and rolled back when it throws. A transaction the server
    /// aborts for a conflict with another one is tried again from the start (`body` must hold no state across tries).
    /// Errors `body` throws itself (a refused change) come out unchanged.
    /// A transaction asked for inside another joins it (the outer one decides the isolation, commits and retries).
    func transaction<T>(_ isolation: PostgresIsolation, _ body: () throws -> T) throws -> T {
        try lock.withLock {
            if inTransaction { return try body() }
            try connectIfNeeded()
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
                    try commit(isolation)
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

    /// Commits the open transaction. A connection lost while the COMMIT was on its way leaves it unknown whether the
    /// change was made: that is said (`commitUnknown`), and the change is never tried again blindly.
    /// A read that loses its connection at the COMMIT changed nothing: that is a plain `cannotConnect`.
    private func commit(_ isolation: PostgresIsolation) throws(PostgresStoreError) {
        guard let connection, !connection.isClosed else {
            // Lost before the COMMIT was sent: the server rolled the transaction back.
            throw .cannotConnect(server: location.redacted, detail: "connection lost")
        }
        do {
            try execute("COMMIT")
        } catch {
            if case .cannotConnect = error, isolation != .readOnlySnapshot { throw .commitUnknown(server: location.redacted) }
            throw error
        }
    }

    /// Listens for notifications on `channel`, on this connection and every later one; `handler` runs on the event loop
    /// with the sending server process and the payload.
    func listen(_ channel: String, handler: @escaping @Sendable (Int32, String) -> Void) throws(PostgresStoreError) {
        lock.lock()
        defer { lock.unlock() }
        listeners.append((channel, handler))
        // A session not connected yet (or any more) starts listening when it connects.
        if let connection, !connection.isClosed { try startListening(channel, handler) }
    }

    /// Sets one listener up on the current connection.
    private func startListening(_ channel: String, _ handler: @escaping @Sendable (Int32, String) -> Void) throws(PostgresStoreError) {
        guard let connection else { throw .cannotConnect(server: location.redacted, detail: "connection lost") }
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

    /// Whether a query's error means the connection is lost: it closed, the server ended the session (SQLSTATE class
    /// 57P: shut down, terminated) or the connection itself failed (closed, broken, unreadable).
    private static func losesConnection(_ error: any Error, _ connection: PostgresConnection) -> Bool {
        if connection.isClosed { return true }
        if case .cannotConnect? = error as? PostgresStoreError { return true }
        guard let error = error as? PSQLError else { return false }
        if let code = error.serverInfo?[.sqlState] { return code.hasPrefix("57P") }
        return [.serverClosedConnection, .clientClosedConnection, .connectionError, .uncleanShutdown, .messageDecodingFailure,
                .unexpectedBackendMessage].contains(error.code)
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
