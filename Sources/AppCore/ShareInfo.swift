import Domain

/// What the facilitator shows while a session is shared: where it is served, and each participant's own link with its
/// QR code (half-block lines, drawn dark on light).
public struct ShareInfo: Equatable, Sendable {
    /// One participant's link.
    public struct Entry: Equatable, Sendable {
        public var participant: Int
        public var name: String
        public var url: String
        public var qr: [String]

        public init(participant: Int, name: String, url: String, qr: [String]) {
            self.participant = participant
            self.name = name
            self.url = url
            self.qr = qr
        }
    }

    public var session: SessionID
    /// `HOST:PORT` being listened on.
    public var address: String
    /// Whether only this machine can reach it (a loopback address).
    public var localOnly: Bool
    public var entries: [Entry]

    public init(session: SessionID, address: String, localOnly: Bool, entries: [Entry]) {
        self.session = session
        self.address = address
        self.localOnly = localOnly
        self.entries = entries
    }
}
