/// Where the participants' pages are served: an IPv4 address and a port (`127.0.0.1:8470`; `0.0.0.0:8470` for the
/// local network; port 0 picks a free one).
public struct ListenAddress: Equatable, Sendable, CustomStringConvertible {
    public var host: String
    public var port: Int

    /// This machine only, on the default port.
    public static let standard = ListenAddress(host: "127.0.0.1", port: 8470)

    public init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    /// Parses `HOST:PORT` with an IPv4 address (or `localhost`) and a port from 0 to 65535.
    public init?(parsing text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, let port = Int(parts[1]), (0...65_535).contains(port) else { return nil }
        let host = parts[0] == "localhost" ? "127.0.0.1" : String(parts[0])
        let octets = host.split(separator: ".", omittingEmptySubsequences: false)
        guard octets.count == 4, octets.allSatisfy({ $0.count <= 3 && UInt8($0) != nil }) else { return nil }
        self.host = host
        self.port = port
    }

    /// Whether only programs on this machine can reach it (a loopback address).
    public var isLoopback: Bool { host.hasPrefix("127.") }

    /// Whether it listens on every interface of the machine.
    public var isEveryInterface: Bool { host == "0.0.0.0" }

    public var description: String { "\(host):\(port)" }
}
