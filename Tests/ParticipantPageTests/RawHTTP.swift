import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A deliberately plain HTTP client over a socket, so tests can send exactly the bytes an attacker would. Its blocking
/// socket calls run on threads of their own (`send` and `request` are async), never on Swift's cooperative threads,
/// which the server under test needs.
struct RawHTTP: Sendable {
    /// A response as received.
    struct Reply: Sendable {
        var status: Int
        var headers: [String: String]
        var body: String
    }

    let port: Int

    /// Sends bytes, then reads until the server closes the connection (or `timeout` seconds pass). Each call blocks a
    /// thread of its own (not one of Dispatch's, which the server uses for its database work).
    func send(_ bytes: [UInt8], timeout: Double = 30) async throws -> Reply? {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try blockingSend(bytes, timeout: timeout) }) }.start()
        }
    }

    /// A TCP socket connected to the server on loopback, whose reads give up after `receiveTimeout` seconds.
    private func connectedSocket(receiveTimeout: Double) throws -> Int32 {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw POSIXError(.EIO) }
        var wait = timeval(tv_sec: Int(receiveTimeout), tv_usec: Int((receiveTimeout - receiveTimeout.rounded(.down)) * 1_000_000))
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &wait, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            close(socket)
            throw POSIXError(.ECONNREFUSED)
        }
        return socket
    }

    /// `send` on the calling thread.
    func blockingSend(_ bytes: [UInt8], timeout: Double) throws -> Reply? {
        let socket = try connectedSocket(receiveTimeout: timeout)
        defer { close(socket) }
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes { Glibc.send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if sent <= 0 { break }  // the server may close early (a body it will not read)
            offset += sent
        }
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = recv(socket, &buffer, buffer.count, 0)
            if count <= 0 { break }
            received += buffer[0..<count]
        }
        return Self.parse(received)
    }

    /// What a slow sender saw: the answer (nil when none came) and how many seconds until the server closed the
    /// connection (or `limit` passed).
    struct Trickle: Sendable {
        var reply: Reply?
        var seconds: Double
        var closed: Bool
    }

    /// Sends `head`, then one more byte every `interval` seconds (as a slow attacker does), reading whatever comes back,
    /// until the server closes the connection or `limit` seconds pass.
    func trickle(_ head: String, interval: Double, limit: Double) async throws -> Trickle {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try blockingTrickle(head, interval: interval, limit: limit) }) }.start()
        }
    }

    /// `trickle` on the calling thread.
    func blockingTrickle(_ head: String, interval: Double, limit: Double) throws -> Trickle {
        let socket = try connectedSocket(receiveTimeout: interval)
        defer { close(socket) }
        let start = Date()
        let bytes = Array(head.utf8)
        _ = bytes.withUnsafeBytes { Glibc.send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        var closed = false
        while Date().timeIntervalSince(start) < limit {
            let count = recv(socket, &buffer, buffer.count, 0)
            if count == 0 || (count < 0 && errno != EAGAIN && errno != EWOULDBLOCK) {
                closed = true
                break
            }
            if count > 0 {
                received += buffer[0..<count]
            } else if received.isEmpty {
                var one: UInt8 = 0x7B  // "{"
                if Glibc.send(socket, &one, 1, Int32(MSG_NOSIGNAL)) < 0 {
                    closed = true
                    break
                }
            }
        }
        return Trickle(reply: Self.parse(received), seconds: Date().timeIntervalSince(start), closed: closed)
    }

    /// A request with `Connection: close`, so the server ends the connection after answering.
    func request(_ method: String, _ path: String, headers: [String: String] = [:], body: String = "") async throws -> Reply? {
        var head = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
        for (name, value) in headers.sorted(by: { $0.key < $1.key }) { head += "\(name): \(value)\r\n" }
        if !body.isEmpty || method == "POST" { head += "Content-Length: \(body.utf8.count)\r\n" }
        return try await send(Array((head + "\r\n" + body).utf8))
    }

    static func parse(_ bytes: [UInt8]) -> Reply? {
        let text = String(decoding: bytes, as: UTF8.self)
        guard let end = text.range(of: "\r\n\r\n") else { return nil }
        let lines = text[..<end.lowerBound].components(separatedBy: "\r\n")
        let parts = lines[0].split(separator: " ")
        guard parts.count >= 2, let status = Int(parts[1]) else { return nil }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return Reply(status: status, headers: headers, body: String(text[end.upperBound...]))
    }
}
