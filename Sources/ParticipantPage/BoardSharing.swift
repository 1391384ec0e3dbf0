import AppCore
import Application
import Domain
import Foundation
import QRCode

/// Serves participants' pages for the board: the server starts on the first share and ends with the board; every link
/// comes with its QR code.
public final class BoardSharing: SessionSharing, @unchecked Sendable {
    /// A failure, worded in the interface's language.
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    private let server: ParticipantServer
    private let workspace: Workspace
    private let strings: Strings
    private let lock = NSLock()
    private var shared: [SessionID: ShareLock?] = [:]

    /// `workspace` is the board's; `server` writes through its own.
    public init(server: ParticipantServer, workspace: Workspace, language: Language) {
        self.server = server
        self.workspace = workspace
        self.strings = Strings(language)
    }

    public func publish(_ session: WeighingSession, links: [ParticipantLink]) throws -> ShareInfo {
        guard let id = session.id else { throw Failure(description: strings.error(.sessionNotFound("(new)"))) }
        let port: Int
        do {
            port = try server.start()
        } catch let failure as ParticipantServer.Failure {
            throw Failure(description: failure.message(in: strings))
        }
        let directory = workspace.reader.directory.url
        lock.withLock {
            if shared[id] == nil { shared[id] = ShareLock(directory: directory, session: id) }
        }
        server.share(links)
        return ShareInfo(session: id, address: "\(server.listen.host):\(port)", localOnly: server.listen.isLoopback,
                         entries: Self.entries(session, links: links, url: server.url(for:)))
    }

    /// Each link with the participant's name and the link's QR code; an excluded participant's link is left out (it
    /// answers "you no longer take part").
    public static func entries(_ session: WeighingSession, links: [ParticipantLink], url: (ParticipantLink) -> String) -> [ShareInfo.Entry] {
        links.filter { session.participants.indices.contains($0.participant) && session.excluded[$0.participant] == nil }.map { link in
            let address = url(link)
            return ShareInfo.Entry(participant: link.participant, name: session.participants[link.participant], url: address,
                                   qr: QRSymbol(address)?.halfBlockLines() ?? [])
        }
    }

    public func shutdown() {
        let sessions = lock.withLock { () -> [SessionID: ShareLock?] in
            defer { shared = [:] }
            return shared
        }
        // A session another running program (`session serve`) also shares keeps its links.
        for (id, share) in sessions where share?.othersShare() != true { _ = try? workspace.stopSharing(id) }
        server.stop()
    }
}
