import AppCore
import Application
import Domain
import Foundation
import ParticipantPage
import Storage
import Testing

@Suite("Participant page: the server", .serialized)
struct ParticipantServerTests {
    @Test func theHolderSeesTheirOwnPageInTheSessionsLanguageAndNothingElse() async throws {
        let served = try await ServedSession.make(language: .nl)
        try served.board.setScores(served.session.id!, [(ScoreKey(participant: 0, idea: served.session.ideas[0], criterion: 0), 2)], channel: .board)
        let reply = try #require(try await served.http.request("GET", served.bram))
        #expect(reply.status == 200)
        #expect(reply.headers["content-type"] == "text/html; charset=utf-8")
        #expect(reply.headers["cache-control"] == "no-store")
        #expect(reply.headers["referrer-policy"] == "no-referrer")
        #expect(reply.headers["content-security-policy"]?.hasPrefix("default-src 'none'") == true)
        #expect(reply.body.contains("<html lang=\"nl\">"))
        #expect(reply.body.contains("Je scoort als Bram"))
        #expect(reply.body.contains("0 van 2 gescoord"))
        #expect(reply.body.contains("Huiswerkklas &lt;b&gt;"), "titles are escaped")
        #expect(!reply.body.contains("Geheim plan"), "ideas outside the session are not shown")
        #expect(!reply.body.contains("aria-pressed=\"true\""), "Anne's score is not on Bram's page")
        #expect(!reply.body.contains("<script"), "no script at all")
        #expect(!reply.body.contains("http://") && !reply.body.contains("https://"), "nothing from elsewhere")
        #expect(reply.body.contains("Wat levert het op?"))
    }

    @Test func aScoreFromTheFormIsStoredAtOnceAsAWebScoreAndTheBoardNoticesIt() async throws {
        let served = try await ServedSession.make()
        let ideas = served.session.ideas
        _ = try served.board.outsideChange()
        let reply = try #require(try await served.http.request("POST", served.bram, headers: served.formHeaders,
                                                          body: "idea=\(ideas[0].rawValue)&criterion=0&score=4"))
        #expect(reply.status == 303)
        #expect(reply.headers["location"] == "\(served.bram)#c\(ideas[1].rawValue)-0", "back at the next open cell")
        let key = ScoreKey(participant: 1, idea: ideas[0], criterion: 0)
        #expect(try served.board.reader.session(served.session.id!).scores[key] == 4)
        #expect(try served.board.reader.session(served.session.id!).channels[key] == .web)
        #expect(try served.board.outsideChange() == true, "the board reloads the session")
        let json = try #require(try await served.http.request("POST", served.bram, headers: ["Content-Type": "application/json"],
                                                         body: "{\"idea\":\(ideas[1].rawValue),\"criterion\":0,\"score\":5}"))
        #expect(json.status == 200)
        #expect(json.body == "{\"scored\":2,\"total\":2,\"done\":true}")
        let page = try #require(try await served.http.request("GET", served.bram))
        #expect(page.body.contains("Done ✓ All 2 scores are saved."))
        #expect(page.body.contains("aria-pressed=\"true\""))
        let cleared = try #require(try await served.http.request("POST", served.bram, headers: served.formHeaders,
                                                            body: "idea=\(ideas[1].rawValue)&criterion=0&score="))
        #expect(cleared.status == 303 && cleared.headers["location"] == "\(served.bram)#c\(ideas[1].rawValue)-0")
        #expect(try served.board.reader.session(served.session.id!).progress(of: 1) == 1)
    }

    @Test func badLinksPathsAndMethodsAreRefusedWithoutCrashing() async throws {
        let served = try await ServedSession.make()
        let cases: [(String, String, Int)] = [
            ("GET", "/", 404), ("GET", "/favicon.ico", 404), ("GET", "/p/", 403), ("GET", "/p/short", 403),
            ("GET", "/p/\(String(repeating: "A", count: 24))", 403), ("GET", "\(served.bram)/extra", 404),
            ("GET", "/p/..%2F..%2Fetc%2Fpasswd", 403), ("GET", "/sessions", 404), ("DELETE", served.bram, 405), ("PUT", served.bram, 405),
            ("GET", "\(served.bram)?participant=0", 200),
        ]
        for (method, path, status) in cases {
            let reply = try #require(try await served.http.request(method, path), "\(method) \(path)")
            #expect(reply.status == status, "\(method) \(path)")
            #expect(!reply.body.contains(served.links[0].token.text), "no other participant's link")
        }
        let forbidden = try #require(try await served.http.request("GET", "/p/\(String(repeating: "A", count: 24))"))
        #expect(forbidden.body.contains("This link is not valid"))
    }

    @Test func unreadableOversizedAndOffScaleBodiesGetFourHundreds() async throws {
        let served = try await ServedSession.make()
        let idea = served.session.ideas[0].rawValue
        let form = ["Content-Type": "application/x-www-form-urlencoded"]
        let json = ["Content-Type": "application/json"]
        let cases: [([String: String], String, Int)] = [
            (form, "idea=\(idea)&criterion=0&score=9", 422), (form, "idea=999&criterion=0&score=3", 422),
            (form, "idea=\(idea)&criterion=5&score=3", 422), (form, "idea=\(idea)&criterion=-1&score=3", 422),
            (form, "idea=\(idea)&criterion=0", 400), (form, "idea=\(idea)&criterion=0&score=3&score=4", 400),
            (form, "idea=\(idea)&criterion=0&score=99999999999999999999", 400), (form, "idea=%ZZ&criterion=0&score=3", 400),
            (form, "idea=\(idea)&criterion=0&score=3.5", 400), (form, "\u{FF}\u{FE}", 400), (form, "=&=&&", 400),
            (json, "{\"idea\":\(idea),\"criterion\":0,\"score\":", 400), (json, "[1,2,3]", 400), (json, "null", 400),
            (json, "{\"idea\":\"drop table\",\"criterion\":0,\"score\":3}", 400), (json, "{\"idea\":-3,\"criterion\":0,\"score\":3}", 400),
            (json, "{\"idea\":\(idea),\"criterion\":0,\"score\":1e400}", 400), (json, "{\"idea\":\(idea),\"criterion\":0,\"score\":6}", 422),
            (["Content-Type": "text/plain"], "score=3", 415), ([:], "score=3", 415),
            (form, String(repeating: "a", count: 5000), 413), (json, "[" + String(repeating: "1,", count: 2000) + "1]", 413),
        ]
        for (headers, body, status) in cases {
            let reply = try #require(try await served.http.request("POST", served.bram, headers: headers, body: body), "\(body.prefix(40))")
            #expect(reply.status == status, "\(headers) \(body.prefix(60))")
        }
        #expect(try served.board.reader.session(served.session.id!).scores.isEmpty, "nothing was stored")
        // A declared length far over the limit is refused before the body is read.
        let head = "POST \(served.bram) HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 50000000\r\n\r\n{"
        // The answer comes at once; the connection is dropped when it stays idle (10 s), so read for 2 s only.
        #expect(try await served.http.send(Array(head.utf8), timeout: 2)?.status == 413)
        // A chunked body that keeps growing.
        let chunk = String(repeating: "x", count: 1000)
        var chunked = "POST \(served.bram) HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
        for _ in 0..<10 { chunked += "3e8\r\n\(chunk)\r\n" }
        chunked += "0\r\n\r\n"
        #expect(try await served.http.send(Array(chunked.utf8), timeout: 2)?.status == 413)
        // Garbage instead of a request, and a header far too long: an answer or a closed connection, never a crash.
        _ = try await served.http.send(Array("\u{0}\u{1}GARBAGE\r\n\r\n".utf8), timeout: 2)
        _ = try await served.http.send(Array("GET \(served.bram) HTTP/1.1\r\nX-Long: \(String(repeating: "y", count: 40_000))\r\n\r\n".utf8), timeout: 2)
        #expect(try await served.http.request("GET", served.bram)?.status == 200, "still serving")
    }

    @Test func linksEndWhenSharingStopsOrTheSessionClosesWith410() async throws {
        let served = try await ServedSession.make()
        let id = served.session.id!
        try served.board.stopSharing(id)
        let ended = try #require(try await served.http.request("GET", served.bram))
        #expect(ended.status == 410)
        #expect(ended.body.contains("This link has ended") && ended.body.contains("Sharing has stopped"))
        let links = try served.board.shareSession(id)
        served.server.share(links)
        let fresh = "/p/\(links[1].token.text)"
        #expect(try await served.http.request("GET", fresh)?.status == 200)
        // The facilitator confirmed closing with cells still empty.
        try served.board.closeSession(id, allowIncomplete: true)
        let closed = try #require(try await served.http.request("POST", fresh, headers: ["Content-Type": "application/x-www-form-urlencoded"],
                                                           body: "idea=\(served.session.ideas[0].rawValue)&criterion=0&score=3"))
        #expect(closed.status == 410)
        #expect(closed.body.contains("The session is closed"))
        #expect(try await served.http.request("GET", fresh)?.status == 410)
    }

    @Test func theAbstainButtonAbstainsAndAnExcludedParticipantsLinkEndsWith410() async throws {
        let served = try await ServedSession.make()
        let ideas = served.session.ideas
        let id = served.session.id!
        let page = try #require(try await served.http.request("GET", served.bram))
        #expect(page.body.contains("<button name=\"score\" value=\"abstain\" class=\"abstain\" aria-pressed=\"false\">abstain</button>"))
        let form = try #require(try await served.http.request("POST", served.bram, headers: served.formHeaders,
                                                         body: "idea=\(ideas[0].rawValue)&criterion=0&score=abstain"))
        #expect(form.status == 303)
        let key = ScoreKey(participant: 1, idea: ideas[0], criterion: 0)
        let stored = try served.board.reader.session(id)
        #expect(stored.abstentions == [key] && stored.scores[key] == nil && stored.channels[key] == .web)
        let json = try #require(try await served.http.request("POST", served.bram, headers: ["Content-Type": "application/json"],
                                                         body: "{\"idea\":\(ideas[1].rawValue),\"criterion\":0,\"abstain\":true}"))
        #expect(json.body == "{\"scored\":2,\"total\":2,\"done\":true}", "abstentions count as filled in")
        let both = try await served.http.request("POST", served.bram, headers: ["Content-Type": "application/json"],
                                                 body: "{\"idea\":\(ideas[1].rawValue),\"criterion\":0,\"abstain\":true,\"score\":3}")
        #expect(both?.status == 400, "a score and an abstention at once is unreadable")
        try served.board.excludeParticipant(id, "Bram", reason: "left early")
        let excluded = try #require(try await served.http.request("GET", served.bram))
        #expect(excluded.status == 410)
        #expect(excluded.body.contains("You no longer take part") && excluded.body.contains("Bram was excluded from this session"))
        let refused = try await served.http.request("POST", served.bram, headers: served.formHeaders,
                                                    body: "idea=\(ideas[0].rawValue)&criterion=0&score=4")
        #expect(refused?.status == 410)
        #expect(try served.board.reader.session(id).scores[key] == nil, "nothing stored after the exclusion")
    }

    @Test func aBurstIsTurnedAwayQuicklyWhileTheBoardKeepsWriting() async throws {
        let served = try await ServedSession.make()
        let http = served.http
        let bram = served.bram
        let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<150 { group.addTask { try await http.request("GET", bram)?.status ?? 0 } }
            return try await group.reduce(into: [Int]()) { $0.append($1) }
        }
        #expect(statuses.count == 150)
        #expect(Set(statuses).isSubset(of: [200, 429, 503]), "\(Set(statuses))")
        #expect(statuses.contains(429) || statuses.contains(503), "a burst on one link is limited")
        #expect(statuses.contains(200))
        // Meanwhile the facilitator's own write goes through at once.
        let start = Date()
        try served.board.setScores(served.session.id!, [(ScoreKey(participant: 0, idea: served.session.ideas[0], criterion: 0), 3)], channel: .board)
        #expect(Date().timeIntervalSince(start) < 1)
        // Another participant's link is not held up by Bram's burst.
        #expect(try await served.http.request("GET", "/p/\(served.links[0].token.text)")?.status == 200)
    }

    @Test func aTakenPortIsNamed() async throws {
        let served = try await ServedSession.make()
        let second = ParticipantServer(workspace: served.board, listen: ListenAddress(host: "127.0.0.1", port: served.http.port), language: .nl)
        await #expect(throws: ParticipantServer.Failure.portInUse("127.0.0.1:\(served.http.port)")) { try await second.serve() }
        #expect(ParticipantServer.Failure.portInUse("127.0.0.1:1").message(in: Strings(.nl))
                    == "Kan niet serveren op 127.0.0.1:1: de poort is in gebruik. Kies een ander adres met --listen HOST:POORT")
        #expect(ListenAddress(parsing: "0.0.0.0:8080") == ListenAddress(host: "0.0.0.0", port: 8080))
        #expect(ListenAddress(parsing: "localhost:0")?.isLoopback == true)
        for bad in ["8080", "0.0.0.0", "0.0.0.0:99999", "1.2.3:80", "example.org:80", "[::1]:80", "1.2.3.4:-1", "256.1.1.1:80"] {
            #expect(ListenAddress(parsing: bad) == nil, "\(bad)")
        }
    }
}
