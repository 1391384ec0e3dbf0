import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A TCP proxy on 127.0.0.1 in front of the test server that loses connections when a test says so: all at once (a
/// network gone), right after a COMMIT went through to the server (the answer never arrives), or every new one (a
/// server out of reach). Plain sockets and a thread per direction: enough for a handful of test connections.
final class FlakyProxy: @unchecked Sendable {
    private(set) var port = 0
    private let listener: Int32
    private let targetPort: Int
    private let lock = NSLock()
    private var refusing = false
    private var cutAtCommit = false
    /// Client sockets of the connections passed on, to be cut.
    private var clients: [Int32] = []
    /// Client sockets whose answers are no longer passed on (a COMMIT cut: its answer must never arrive).
    private var muted: Set<Int32> = []

    /// Starts a proxy to `targetPort` on 127.0.0.1.
    init(targetPort: Int) throws {
        self.targetPort = targetPort
        listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = Self.loopback(port: 0)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard listener >= 0, bound == 0, listen(listener, 16) == 0 else { throw POSIXError(.EADDRINUSE) }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) }
        }
        port = Int(UInt16(bigEndian: address.sin_port))
        Thread.detachNewThread { [self] in acceptLoop() }
    }

    deinit { shutdown(listener, Int32(SHUT_RDWR)) }

    /// Whether new connections are closed at once (a server out of reach).
    func refuse(_ refuse: Bool) { lock.withLock { refusing = refuse } }

    /// Cuts the next connection that sends a COMMIT, right after the COMMIT reached the server.
    func cutAtNextCommit() { lock.withLock { cutAtCommit = true } }

    /// Cuts every connection passed on so far, as a network that went away.
    func cutAll() {
        for client in lock.withLock({ clients }) { shutdown(client, Int32(SHUT_RDWR)) }
    }

    private static func loopback(port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port)).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return address
    }

    private func acceptLoop() {
        while true {
            let client = accept(listener, nil, nil)
            guard client >= 0 else { return }
            if lock.withLock({ refusing }) {
                Glibc.close(client)
                continue
            }
            let server = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var address = Self.loopback(port: targetPort)
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(server, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            guard connected == 0 else {
                Glibc.close(client)
                Glibc.close(server)
                continue
            }
            lock.withLock { clients.append(client) }
            let done = DispatchGroup()
            done.enter()
            done.enter()
            Thread.detachNewThread { [self] in
                pump(from: client, to: server, watchingForCommit: true)
                done.leave()
            }
            Thread.detachNewThread { [self] in
                pump(from: server, to: client, watchingForCommit: false)
                done.leave()
            }
            done.notify(queue: .global()) {
                Glibc.close(client)
                Glibc.close(server)
            }
        }
    }

    /// Copies bytes one way until either side ends. A COMMIT cut reaches the server; then the client's side is cut, and
    /// the server's a second later (time for it to commit and answer into nothing).
    private func pump(from source: Int32, to destination: Int32, watchingForCommit: Bool) {
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = read(source, &buffer, buffer.count)
            guard count > 0 else {
                shutdown(destination, Int32(SHUT_RDWR))
                return
            }
            let chunk = Array(buffer[0..<count])
            let cutting = watchingForCommit && Data(chunk).range(of: Data("COMMIT".utf8)) != nil
                && lock.withLock { defer { cutAtCommit = false }; return cutAtCommit }
            // The answer must not overtake the cut: the client's side hears nothing more from here on.
            if cutting { lock.withLock { _ = muted.insert(source) } }
            if !watchingForCommit, lock.withLock({ muted.contains(destination) }) { continue }
            var written = 0
            while written < count {
                let step = chunk[written...].withUnsafeBytes { write(destination, $0.baseAddress, count - written) }
                if step <= 0 { break }
                written += step
            }
            if cutting {
                shutdown(source, Int32(SHUT_RDWR))
                DispatchQueue.global().asyncAfter(deadline: .now() + 1) { shutdown(destination, Int32(SHUT_RDWR)) }
                return
            }
        }
    }
}
