import Domain
import Foundation

/// The links one server answers: those of the sessions it was asked to share, nothing else. A link of another session
/// (shared elsewhere, perhaps on another address) is "not valid" here, checked in memory before any database work.
final class SharedLinks: @unchecked Sendable {
    private let lock = NSLock()
    private var tokens: [String: SessionID] = [:]

    /// Adds a session's links (sharing it, or sharing it again).
    func add(_ links: [ParticipantLink]) {
        lock.withLock { for link in links { tokens[link.token.text] = link.session } }
    }

    /// Forgets every link of a session: this server no longer answers them.
    func remove(session: SessionID) {
        lock.withLock { tokens = tokens.filter { $0.value != session } }
    }

    /// Whether this server answers the link.
    func contains(_ token: ParticipantToken) -> Bool {
        lock.withLock { tokens[token.text] != nil }
    }

    /// The sessions shared here.
    var sessions: Set<SessionID> { lock.withLock { Set(tokens.values) } }
}
