import Hummingbird

/// A request's context that can end its connection: after an answer given without reading the body (413, 405, 403 …)
/// or after a body that came too slowly (408), the connection is closed at once rather than left to the idle timeout.
struct PageRequestContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    /// Closes the request's connection.
    let closeConnection: @Sendable () -> Void

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        let channel = source.channel
        closeConnection = { channel.close(promise: nil) }
    }
}
