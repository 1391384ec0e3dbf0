import Foundation
import Testing

/// Choosing a PostgreSQL server from the command line, without needing one: what is refused and what is shown.
@Suite("CLI: choosing a database server")
struct ServerChoiceCLITests {
    /// Writes config.toml with `text`, readable by others when `open`.
    private func configure(_ binary: Binary, _ text: String, open: Bool) throws -> String {
        let folder = binary.dataDirectory.appendingPathComponent("config/proeftuin")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("config.toml").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: open ? 0o644 : 0o600], ofItemAtPath: path)
        return path
    }

    @Test func aPasswordInAConfigFileOthersCanReadIsRefusedAndNeverShown() throws {
        let binary = Binary()
        defer { binary.cleanUp() }
        let path = try configure(binary, "database = \"postgresql://anne:Geheim123@127.0.0.1:1/p\"\n", open: true)
        let run = try binary.run(["list", "--lang", "nl"])
        #expect(run.status == 1)
        #expect(run.stderr == "Fout: Het wachtwoordbestand \(path) is leesbaar voor anderen: maak het privé met 'chmod 600 \(path)'\n")
        #expect(!(run.stdout + run.stderr).contains("Geheim123"))
    }

    @Test func infoShowsTheLocalFactsAndTheServerOutOfReach() throws {
        let binary = Binary()
        defer { binary.cleanUp() }
        _ = try configure(binary, "database = \"postgresql://anne:Geheim123@127.0.0.1:1/p?sslmode=disable\"\nlanguage = \"nl\"\n", open: false)
        let run = try binary.run(["info"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("database             postgresql://anne@127.0.0.1:1/p?sslmode=disable (geen verbinding)"))
        #expect(run.stdout.contains("taal                 nl"))
        #expect(run.stdout.contains("Geen verbinding met de PostgreSQL-server postgresql://anne@127.0.0.1:1/p?sslmode=disable: "
            + "de server weigert de verbinding (draait hij, en klopt de poort?); er is niets gewijzigd"))
        #expect(!(run.stdout + run.stderr).contains("Geheim123"))
    }
}
