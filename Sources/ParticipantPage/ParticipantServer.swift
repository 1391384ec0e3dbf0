import AppCore
import Application
import Domain
import Foundation
import Hummingbird
import HummingbirdCore
import Logging
import NIOPosix

/// Serves participants' own scoring pages over HTTP (Hummingbird), off the main thread: its event loops (which also run
/// its tasks and timers) and database threads are its own, and the scores it saves reach the facilitator's board through the database and the board's
/// change watcher. Started once, stopped by `stop()`.
public final class ParticipantServer: @unchecked Sendable {
    /// Why serving could not start.
    public enum Failure: Error, Equatable, CustomStringConvertible {
        /// The port is taken by another program.
        case portInUse(String)
        /// The address is not one of this machine's.
        case notAnAddressHere(String)
        /// Binding failed for another reason (the system's text).
        case cannotListen(String, detail: String)
        /// The server did not come up in time.
        case notStarted

        /// The message in the language of `strings`.
        public func message(in strings: Strings) -> String {
            switch self {
            case .portInUse(let address): strings.format(.shareCannotListen, address, strings[.shareReasonInUse])
            case .notAnAddressHere(let address): strings.format(.shareCannotListen, address, strings[.shareReasonNotHere])
            case .cannotListen(let address, let detail): strings.format(.shareCannotListen, address, TextSanitizer.singleLine(detail))
            case .notStarted: strings[.shareNotStarted]
            }
        }

        public var description: String { message(in: Strings(.en)) }
    }

    public let listen: ListenAddress
    private let workspace: Workspace
    private let strings: Strings
    private let lock = NSLock()
    private let links = SharedLinks()
    private var task: Task<Void, Never>?
    /// NIO's event loops carry the connections; `threads` runs the server's tasks on them too.
    private static let loops = MultiThreadedEventLoopGroup.singleton
    private let threads = EventLoopTaskExecutor(group: ParticipantServer.loops)
    private var boundPort: Int?

    /// `workspace` should be the server's own (`board.sibling(program: "web")`), so the board sees its scores as outside
    /// changes.
    public init(workspace: Workspace, listen: ListenAddress, language: Language) {
        self.workspace = workspace
        self.listen = listen
        self.strings = Strings(language)
    }

    /// Starts listening (once) and waits until it does; returns the port bound (a free one for port 0). Blocks the
    /// calling thread: call it from the main thread (the board, `session serve`), never from Swift's cooperative
    /// threads, which the server itself runs on; async code uses `serve()`.
    @discardableResult
    public func start() throws -> Int {
        let started = DispatchSemaphore(value: 0)
        let outcome = StartOutcome()
        launch { result in
            outcome.set(result)
            started.signal()
        }
        guard started.wait(timeout: .now() + 30) == .success, let result = outcome.value else { throw Failure.notStarted }
        return try result.get()
    }

    /// Starts listening (once) and returns the port bound, without blocking a thread.
    @discardableResult
    public func serve() async throws -> Int {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Int, any Error>) in
            let once = StartOutcome()
            launch { result in
                guard once.value == nil else { return }
                once.set(result)
                continuation.resume(with: result.mapError { $0 as any Error })
            }
        }
    }

    /// Starts the server task unless it runs; `report` hears the port or the failure exactly once.
    private func launch(_ report: @escaping @Sendable (Result<Int, Failure>) -> Void) {
        let running = lock.withLock { () -> Int?? in self.task == nil ? nil : .some(self.boundPort) }
        if let running {
            report(running.map { .success($0) } ?? .failure(.notStarted))
            return
        }
        var logger = Logger(label: "proeftuin.participant-page", factory: { _ in SwiftLogNoOpLogHandler() })
        logger.logLevel = .critical
        let address = listen.description
        let application = Application(
            responder: ParticipantResponder(workspace: workspace, strings: strings, gate: RequestGate(), links: links, threads: threads),
            server: .http1(configuration: .init(
                idleTimeout: .seconds(10),
                httpDecoderConfiguration: .init(maxHeaderFieldSize: 8 * 1024, maxHeaderListSize: 16 * 1024, maxHeaderFieldCount: 64))),
            configuration: ApplicationConfiguration(
                address: .hostname(listen.host, port: listen.port), serverName: nil, backlog: 64, reuseAddress: true,
                availableConnectionsDelegate: MaximumAvailableConnections(128)),
            onServerRunning: { [weak self] channel in
                let port = channel.localAddress?.port ?? 0
                self?.lock.withLock { self?.boundPort = port }
                report(.success(port))
            },
            eventLoopGroupProvider: .shared(Self.loops),
            logger: logger)
        // Every task of the server (a connection, a request) inherits this preference, so none waits for a shared thread.
        let serverTask = Task.detached(executorPreference: threads) { [weak self] in
            do {
                try await application.run()
            } catch {
                report(.failure(Self.failure(error, address: address)))
            }
            self?.lock.withLock {
                self?.task = nil
                self?.boundPort = nil
            }
        }
        lock.withLock { self.task = serverTask }
    }

    /// Answers these links (a session being shared, or shared again) from now on; a server answers no other link, so a
    /// session shared elsewhere (another program, another address) is never reachable through this one.
    public func share(_ links: [ParticipantLink]) {
        self.links.add(links)
    }

    /// Stops answering a session's links: they are "not valid" here from now on.
    public func unshare(_ session: SessionID) {
        links.remove(session: session)
    }

    /// The sessions whose links this server answers.
    public var sharedSessions: Set<SessionID> { links.sessions }

    /// The port being served, once started.
    public var port: Int? { lock.withLock { boundPort } }

    /// The link a participant opens: on this machine's network address when serving every interface.
    public func url(for link: ParticipantLink) -> String {
        let host = listen.isEveryInterface ? (LocalNetwork.address() ?? ProcessInfo.processInfo.hostName) : listen.host
        return "http://\(host):\(port ?? listen.port)/p/\(link.token.text)"
    }

    /// Stops serving; with `wait` (from the main thread only, like `start()`) until the port is closed.
    public func stop(wait: Bool = true) {
        let running = lock.withLock { () -> Task<Void, Never>? in
            defer {
                task = nil
                boundPort = nil
            }
            return task
        }
        guard let running else { return }
        running.cancel()
        guard wait else { return }
        let done = DispatchSemaphore(value: 0)
        Task.detached(executorPreference: threads) {
            await running.value
            done.signal()
        }
        _ = done.wait(timeout: .now() + 5)
    }

    private static func failure(_ error: any Error, address: String) -> Failure {
        let text = "\(error)"
        if text.contains("Address already in use") || text.contains("EADDRINUSE") { return .portInUse(address) }
        if text.contains("Cannot assign requested address") || text.contains("EADDRNOTAVAIL") { return .notAnAddressHere(address) }
        return .cannotListen(address, detail: String(text.prefix(120)))
    }
}
