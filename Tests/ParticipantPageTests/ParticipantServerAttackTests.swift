import AppCore
import Application
import Domain
import Foundation
import ParticipantPage
import Storage
import Testing

/// What a security tester tried against the participants' page: slow bodies holding every slot, links of other
/// sessions, connections left open after a refusal, HEAD, and an excluded participant's link in the list.
@Suite("Participant page: attacks", .serialized)
struct ParticipantServerAttackTests {
    /// A POST head that declares 2000 bytes and sends one.
    private static func slowHead(_ path: String) -> String {
        "POST \(path) HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: 2000\r\n\r\n{"
    }

    @Test func slowBodiesOnMadeUpLinksGet403AtOnceAndNeverBlockTheRealParticipants() async throws {
        let served = try await ServedSession.make()
        let http = served.http
        let attack = Task {
            try await withThrowingTaskGroup(of: RawHTTP.Trickle.self) { group in
                for index in 0..<10 {
                    let letters = String(repeating: Character(UnicodeScalar(UInt8(65 + index))), count: 24)
                    group.addTask { try await http.trickle(Self.slowHead("/p/\(letters)"), interval: 1, limit: 9) }
                }
                return try await group.reduce(into: [RawHTTP.Trickle]()) { $0.append($1) }
            }
        }
        try await Task.sleep(for: .milliseconds(300))
        // While the ten slow connections are open, both participants are served.
        #expect(try await http.request("GET", served.bram)?.status == 200)
        let idea = served.session.ideas[0].rawValue
        let saved = try await http.request("POST", "/p/\(served.links[0].token.text)", headers: served.formHeaders,
                                           body: "idea=\(idea)&criterion=0&score=3")
        #expect(saved?.status == 303)
        for trickle in try await attack.value {
            #expect(trickle.reply?.status == 403)
            // Closed by the server before the 10 s idle timeout could (at once, unless the machine is very busy).
            #expect(trickle.closed, "closed at once, not held open: \(trickle.seconds) s")
        }
    }

    @Test func aSlowBodyOnARealLinkHoldsAtMostTwoSlotsOfThatLinkAndIsCutOffWith408() async throws {
        let served = try await ServedSession.make()
        let http = served.http
        let bram = served.bram
        let slow = Task {
            try await withThrowingTaskGroup(of: RawHTTP.Trickle.self) { group in
                for _ in 0..<2 { group.addTask { try await http.trickle(Self.slowHead(bram), interval: 1, limit: 20) } }
                return try await group.reduce(into: [RawHTTP.Trickle]()) { $0.append($1) }
            }
        }
        let started = Date()
        try await Task.sleep(for: .seconds(2))  // both slow requests are in (the body limit is 5 s)
        let busy = try await http.request("GET", bram)?.status
        // On a machine so busy that the answer came after the cut-off, the slots may already be free again.
        #expect(busy == 503 || (busy == 200 && Date().timeIntervalSince(started) > 4.5), "Bram's two slots are taken")
        #expect(try await http.request("GET", "/p/\(served.links[0].token.text)")?.status == 200, "Anne is not held up")
        for trickle in try await slow.value {
            #expect(trickle.reply?.status == 408)
            #expect(trickle.closed && trickle.seconds >= 4.5, "cut off after about 5 s, not held: \(trickle.seconds) s")
        }
        #expect(try await http.request("GET", bram)?.status == 200, "the slots are free again")
        #expect(try served.board.reader.session(served.session.id!).scores.isEmpty)
    }

    @Test func aServerAnswersOnlyTheLinksOfTheSessionsItShares() async throws {
        let served = try await ServedSession.make()
        let other = try served.board.createSession(WeighingSession(
            set: try served.board.reader.criteriaSet("snel"), ideas: served.session.ideas, participants: ["Cor"], createdAt: Date()))
        let otherLinks = try served.board.shareSession(other.id!)
        let cor = "/p/\(otherLinks[0].token.text)"
        let get = try #require(try await served.http.request("GET", cor))
        #expect(get.status == 403)
        #expect(get.body.contains("This link is not valid"))
        let post = try await served.http.request("POST", cor, headers: served.formHeaders,
                                                 body: "idea=\(served.session.ideas[0].rawValue)&criterion=0&score=3")
        #expect(post?.status == 403)
        #expect(try served.board.reader.session(other.id!).scores.isEmpty, "nothing stored through another session's server")
        #expect(served.server.sharedSessions == [served.session.id!])
        served.server.unshare(served.session.id!)
        #expect(try await served.http.request("GET", served.bram)?.status == 403, "no longer shared here")
        try served.board.stopSharing(other.id!)
        #expect(try await served.http.request("GET", cor)?.status == 410, "an ended link says so, wherever it is asked")
        let again = try served.board.shareSession(other.id!)
        served.server.share(again)
        #expect(try await served.http.request("GET", "/p/\(again[0].token.text)")?.status == 200)
    }

    @Test func aRefusalWithAnUnreadBodyClosesTheConnectionAtOnce() async throws {
        let served = try await ServedSession.make()
        let heads = [
            ("POST \(served.bram) HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: 50000000\r\n\r\n{", 413),
            ("PUT \(served.bram) HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: 100\r\n\r\n{", 405),
            ("POST /nothing HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: 100\r\n\r\n{", 404),
        ]
        for (head, status) in heads {
            let trickle = try await served.http.trickle(head, interval: 0.5, limit: 8)
            #expect(trickle.reply?.status == status)
            #expect(trickle.reply?.headers["connection"] == "close")
            #expect(trickle.closed, "\(status) closed after \(trickle.seconds) s, before the 10 s idle timeout")
        }
    }

    @Test func headAnswersLikeGetWithoutTheBody() async throws {
        let served = try await ServedSession.make()
        let get = try #require(try await served.http.request("GET", served.bram))
        let head = try #require(try await served.http.request("HEAD", served.bram))
        #expect(head.status == 200)
        #expect(head.body.isEmpty)
        #expect(head.headers["content-type"] == "text/html; charset=utf-8")
        #expect(head.headers["content-length"] == get.headers["content-length"])
        #expect(try await served.http.request("HEAD", "/p/\(String(repeating: "A", count: 24))")?.status == 403)
        #expect(try await served.http.request("DELETE", served.bram)?.headers["allow"] == "GET, HEAD, POST")
    }

    @Test func anExcludedParticipantsLinkIsLeftOutOfTheList() async throws {
        let served = try await ServedSession.make()
        let id = served.session.id!
        try served.board.excludeParticipant(id, "Bram", reason: "left early")
        let session = try served.board.reader.session(id)
        let entries = BoardSharing.entries(session, links: served.links, url: { "http://h/p/\($0.token.text)" })
        #expect(entries.map(\.name) == ["Anne"])
        #expect(entries.map(\.url) == ["http://h/p/\(served.links[0].token.text)"])
    }
}

@Suite("Participant page: a session shared twice")
struct ShareLockTests {
    @Test func aProgramThatStopsSharingSeesWhetherAnotherStillSharesTheSession() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("proeftuin-share-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var first = ShareLock(directory: directory, session: SessionID(3))
        var second = ShareLock(directory: directory, session: SessionID(3))
        let otherSession = try #require(ShareLock(directory: directory, session: SessionID(4)))
        #expect(first != nil && second != nil)
        #expect(second?.othersShare() == true, "the first program still serves S3")
        #expect(first?.othersShare() == true, "and the second still does, after asking")
        #expect(otherSession.othersShare() == false, "nobody else serves S4")
        second = nil
        #expect(first?.othersShare() == false, "the second program ended")
        first = nil
        let later = try #require(ShareLock(directory: directory, session: SessionID(3)))
        #expect(later.othersShare() == false)
    }
}
