import Domain
import Foundation
import Testing

/// A session of two ideas × two criteria (1–5 and 1–10) for Anne and Bram.
func participantSession(status: SessionStatus = .open) -> WeighingSession {
    let set = CriteriaSet(name: "snel", criteria: [
        Criterion(name: "impact", weight: 1), Criterion(name: "kosten", weight: 1, direction: .cost, scaleMin: 1, scaleMax: 10),
    ])
    var session = WeighingSession(set: set, ideas: [IdeaID(3), IdeaID(5)], participants: ["Anne", "Bram"], createdAt: Date(timeIntervalSince1970: 0))
    session.id = SessionID(1)
    session.status = status
    return session
}

@Suite("Domain: participants scoring for themselves")
struct ParticipantDomainTests {
    @Test func aTokenIsTwentyFourURLSafeCharactersFromEighteenBytes() {
        let token = ParticipantToken(bytes: Array(repeating: 0xFF, count: 18))
        #expect(token.text == String(repeating: "_", count: 24))
        #expect(ParticipantToken(bytes: Array(0..<18)).text == "AAECAwQFBgcICQoLDA0ODxAR")
        #expect(ParticipantToken("AAECAwQFBgcICQoLDA0ODxAR")?.text == "AAECAwQFBgcICQoLDA0ODxAR")
        #expect(ParticipantToken.byteCount * 8 >= 128, "at least 128 bits")
        for bad in ["", "short", String(repeating: "A", count: 23), String(repeating: "A", count: 25), "AAECAwQFBgcICQoLDA0ODx/R",
                    "AAECAwQFBgcICQoLDA0ODx.R", "AAECAwQFBgcICQoLDA0ODx R", "ÄAECAwQFBgcICQoLDA0ODxAR", "../../etc/passwd%00xxxxxx"] {
            #expect(ParticipantToken(bad) == nil, "\(bad)")
        }
        #expect("\(token)" == "participant token", "never printed by accident")
    }

    @Test func aLinkLetsItsParticipantScoreUntilSharingStopsOrTheSessionCloses() throws {
        let token = ParticipantToken(bytes: Array(0..<18))
        var link = ParticipantLink(session: SessionID(1), participant: 1, token: token, createdAt: Date(timeIntervalSince1970: 0))
        #expect(try link.participant(in: participantSession()) == 1)
        #expect(try link.participant(in: participantSession(status: .revealed)) == 1)
        #expect(throws: DomainError.sessionClosed) { try link.participant(in: participantSession(status: .closed)) }
        link.endedAt = Date(timeIntervalSince1970: 60)
        #expect(throws: DomainError.linkEnded) { try link.participant(in: participantSession()) }
        let stray = ParticipantLink(session: SessionID(1), participant: 7, token: token, createdAt: Date(timeIntervalSince1970: 0))
        #expect(throws: DomainError.linkNotValid) { try stray.participant(in: participantSession()) }
        let other = ParticipantLink(session: SessionID(2), participant: 0, token: token, createdAt: Date(timeIntervalSince1970: 0))
        #expect(throws: DomainError.linkNotValid) { try other.participant(in: participantSession()) }
    }

    @Test func scoresRecordTheirChannelAndFollowTheSameRules() throws {
        var session = participantSession()
        let anne = try session.participantIndex(" anne ")
        #expect(anne == 0)
        #expect(throws: DomainError.unknownParticipant("Carla", known: ["Anne", "Bram"])) { try session.participantIndex("Carla") }
        session = try session.scoring(ScoreKey(participant: 0, idea: IdeaID(3), criterion: 0), 4, by: .terminal)
        session = try session.scoring(ScoreKey(participant: 0, idea: IdeaID(3), criterion: 1), 9, by: .web)
        session = try session.scoring(ScoreKey(participant: 0, idea: IdeaID(5), criterion: 0), 2, by: .board)
        #expect(throws: DomainError.scoreOutOfScale(6, min: 1, max: 5)) {
            try session.scoring(ScoreKey(participant: 0, idea: IdeaID(5), criterion: 0), 6, by: .web)
        }
        #expect(session.channelCounts(of: 0) == [.terminal: 1, .web: 1, .board: 1])
        #expect(session.progress(of: 0) == 3 && !session.isDone(0))
        #expect(session.firstOpenCell(of: 0) == ScoreKey(participant: 0, idea: IdeaID(5), criterion: 1))
        session = try session.scoring(ScoreKey(participant: 0, idea: IdeaID(5), criterion: 1), 1, by: .web)
        #expect(session.isDone(0) && session.firstOpenCell(of: 0) == nil)
        session = try session.scoring(ScoreKey(participant: 0, idea: IdeaID(5), criterion: 1), nil, by: .web)
        #expect(session.channels[ScoreKey(participant: 0, idea: IdeaID(5), criterion: 1)] == nil, "a cleared cell has no channel")
        // Results do not depend on how a score was entered.
        var typed = session
        typed.channels = [:]
        #expect(typed.results == session.results)
        #expect(ScoreChannel.web.isParticipantsOwn && ScoreChannel.terminal.isParticipantsOwn)
        #expect(!ScoreChannel.board.isParticipantsOwn && !ScoreChannel.commandLine.isParticipantsOwn)
        #expect(ScoreChannel.commandLine.rawValue == "cli")
        var closed = participantSession(status: .closed)
        #expect(throws: DomainError.sessionClosed) { closed = try closed.scoring(ScoreKey(participant: 0, idea: IdeaID(3), criterion: 0), 1, by: .web) }
    }
}
