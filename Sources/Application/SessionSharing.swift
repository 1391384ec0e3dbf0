import AppCore
import Domain

/// Serves participants' own pages for the board: it starts serving when a session is first shared and stops when the
/// board ends. The board's front end knows only this protocol; the HTTP server behind it lives in its own module.
public protocol SessionSharing: Sendable {
    /// Makes the links reachable (starting the server when needed) and returns what the facilitator shows; the text of
    /// a failure is in the interface's language.
    func publish(_ session: WeighingSession, links: [ParticipantLink]) throws -> ShareInfo
    /// Ends sharing of every session this program shared (their links end) and stops serving.
    func shutdown()
}
