import Domain
import Foundation
import Storage
import Testing

@Suite("CLI: participants", .serialized)
struct ParticipantCLITests {
    /// Two ideas on impact (1–5) for Anne, Bram and Carla in S1.
    func prepare() throws -> Binary {
        let binary = Binary()
        for title in ["Buurtkamer", "Schuldhulp"] { try binary.run(["add", title]) }
        try binary.run(["criteria", "create", "wijk"])
        try binary.run(["criteria", "add", "wijk", "impact", "--weight", "50"])
        try binary.run(["session", "new", "--set", "wijk", "--ideas", "1,2", "--participants", "Anne,Bram,Carla"])
        return binary
    }

    @Test func theMinutesSayHowEachParticipantsScoresWereEntered() throws {
        let binary = try prepare()
        defer { binary.cleanUp() }
        let database = try AppDatabase.open(DataDirectory(url: binary.dataDirectory), actor: "test", program: "web")
        let links = try database.shareSession(SessionID(1), tokens: (1...3).map { seed in ParticipantToken(bytes: (0..<18).map { UInt8($0) &+ UInt8(seed) }) })
        _ = try database.enter(through: links[0].token, [(idea: IdeaID(1), criterion: 0, entry: .score(4)), (idea: IdeaID(2), criterion: 0, entry: .score(2))],
                               channel: .web)
        try database.setScores(SessionID(1), [(ScoreKey(participant: 1, idea: IdeaID(1), criterion: 0), 3)], channel: .terminal)
        try database.setScores(SessionID(1), [(ScoreKey(participant: 1, idea: IdeaID(2), criterion: 0), 5)], channel: .board)
        try binary.run(["session", "score", "1", "--participant", "bram", "--idea", "2", "--criterion", "impact", "--score", "1"])
        let english = try binary.run(["session", "minutes", "1"])
        #expect(english.stdout.contains("""
            ## How scores were entered

            - Anne: 2 on their own phone or browser
            - Bram: 1 on their own terminal, 1 from the command line
            - Carla: no scores
            """), "\(english.stdout)")
        let dutch = try binary.run(["session", "minutes", "1", "--lang", "nl"])
        #expect(dutch.stdout.contains("## Hoe de scores zijn ingevoerd\n\n- Anne: 2 op de eigen telefoon of browser\n"))
        #expect(!english.stdout.contains(links[0].token.text), "no token in the minutes")
    }

    @Test func joiningNamesTheParticipantsAndRefusesAClosedSession() throws {
        let binary = try prepare()
        defer { binary.cleanUp() }
        let unknown = try binary.run(["session", "join", "1", "--as", "Dirk"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr == "Error: 'Dirk' is not a participant of this session: choose from Anne, Bram, Carla\n")
        #expect(try binary.run(["session", "close", "1", "--allow-incomplete"]).status == 0)
        let closed = try binary.run(["session", "join", "1", "--as", "anne", "--lang", "nl"])
        #expect(closed.status == 1)
        #expect(closed.stderr == "Fout: De sessie is gesloten: de scores liggen vast\n")
        let serve = try binary.run(["session", "serve", "1", "--listen", "127.0.0.1:0"])
        #expect(serve.status == 1)
        #expect(serve.stderr == "Error: The session is closed: its scores are locked\n")
        let badAddress = try binary.run(["session", "serve", "1", "--listen", "everywhere"])
        #expect(badAddress.status != 0)
        #expect(badAddress.stderr.contains("--listen"))
    }
}
