import AppCore
import Application
import Domain
import Foundation
import ParticipantPage
import Storage

/// A data directory with a session (two ideas × impact 1–5 for Anne and Bram), a board's workspace, and a participant
/// server on a free port of 127.0.0.1 writing through its own workspace.
final class ServedSession {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("proeftuin-page-\(UUID().uuidString)")
    let board: Workspace
    let server: ParticipantServer
    let session: WeighingSession
    let links: [ParticipantLink]
    let http: RawHTTP

    private init(language: Language, port: (ParticipantServer) async throws -> Int) async throws {
        let directory = DataDirectory(url: url.appendingPathComponent("data"))
        board = try Workspace.open(directory, actor: "facilitator", program: "board")
        let ideas = [try board.add(IdeaFields(title: "Buurtkamer")).id, try board.add(IdeaFields(title: "Huiswerkklas <b>")).id]
        _ = try board.add(IdeaFields(title: "Geheim plan buiten de sessie"))
        try board.createCriteriaSet("snel")
        try board.saveCriteriaSet(try board.reader.criteriaSet("snel").adding(Criterion(name: "impact", description: "Wat levert het op?", weight: 1)))
        session = try board.createSession(WeighingSession(
            set: try board.reader.criteriaSet("snel"), ideas: ideas, participants: ["Anne", "Bram"], createdAt: Date()))
        links = try board.shareSession(session.id!)
        server = ParticipantServer(workspace: board.sibling(program: "web"), listen: ListenAddress(host: "127.0.0.1", port: 0),
                                   language: language)
        server.share(links)
        http = RawHTTP(port: try await port(server))
    }

    /// Started without blocking a thread (tests run on Swift's cooperative threads, which the server needs too).
    static func make(language: Language = .en) async throws -> ServedSession {
        try await ServedSession(language: language) { try await $0.serve() }
    }

    deinit {
        server.stop(wait: false)
        try? FileManager.default.removeItem(at: url)
    }

    var bram: String { "/p/\(links[1].token.text)" }

    /// The headers of a form post, as the page sends it.
    let formHeaders = ["Content-Type": "application/x-www-form-urlencoded"]
}
