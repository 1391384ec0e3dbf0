import Foundation
@testable import Storage
import Testing

@Suite("PostgreSQL location")
struct PostgresLocationTests {
    @Test func aURLHoldingAPasswordIsToldApart() {
        #expect(PostgresLocation.holdsPassword("postgresql://anne:geheim@db.gemeente.nl/proeftuin"))
        #expect(PostgresLocation.holdsPassword("postgres://anne:@db/p"))
        #expect(!PostgresLocation.holdsPassword("postgresql://anne@db.gemeente.nl:5432/proeftuin?sslmode=require"))
        #expect(!PostgresLocation.holdsPassword("postgresql://db.gemeente.nl/proeftuin"))
        #expect(!PostgresLocation.holdsPassword("postgresql://[::1]:5432/proeftuin"))
    }

    let temporary = TemporaryDirectory()
    /// An environment without PG variables and with a home that holds no password file.
    var bare: [String: String] { ["HOME": temporary.url.path, "USER": "wijkteam"] }

    @Test func readsEveryPartOfAFullURL() throws {
        let location = try PostgresLocation.parse("postgresql://anna:geheim@db.gemeente.nl:6543/portfolio?sslmode=require&connect_timeout=5",
                                                  environment: bare)
        #expect(location.host == "db.gemeente.nl")
        #expect(location.port == 6543)
        #expect(location.user == "anna")
        #expect(location.database == "portfolio")
        #expect(location.sslMode == .require)
        #expect(location.connectTimeout == 5)
        #expect(location.hasPassword)
        #expect(location.redacted == "postgresql://anna@db.gemeente.nl:6543/portfolio?sslmode=require&connect_timeout=5")
    }

    @Test func neverShowsThePassword() throws {
        let location = try PostgresLocation.parse("postgres://anna:s%40cret@host/db", environment: bare)
        #expect(location.password == "s@cret")
        #expect(!"\(location)".contains("cret"))
        #expect(!String(reflecting: location).contains("cret"))
        #expect(location.redacted == "postgresql://anna@host:5432/db")
    }

    @Test func fillsInLibpqDefaults() throws {
        let location = try PostgresLocation.parse("postgresql://db.local", environment: bare)
        #expect(location.port == 5432)
        #expect(location.user == "wijkteam")
        #expect(location.database == "wijkteam")
        #expect(location.sslMode == .prefer)
        #expect(location.connectTimeout == 10)
        #expect(!location.hasPassword)
        let fromPGUSER = try PostgresLocation.parse("postgresql://db.local/", environment: bare.merging(["PGUSER": "loket"]) { $1 })
        #expect(fromPGUSER.user == "loket")
        #expect(fromPGUSER.database == "loket")
    }

    @Test func decodesPercentEncodingAndIPv6() throws {
        let location = try PostgresLocation.parse("postgresql://beleid%20team@[::1]:5433/proef%2Dtuin", environment: bare)
        #expect(location.user == "beleid team")
        #expect(location.host == "::1")
        #expect(location.port == 5433)
        #expect(location.database == "proef-tuin")
        #expect(location.redacted == "postgresql://beleid%20team@[::1]:5433/proef-tuin")
        let dutch = try PostgresLocation.parse("postgresql://Ren%C3%A9e@host/co%C3%B6peratie", environment: bare)
        #expect(dutch.user == "Renée")
        #expect(dutch.database == "coöperatie")
        #expect(dutch.redacted == "postgresql://Ren%C3%A9e@host:5432/co%C3%B6peratie")
    }

    @Test(arguments: [
        ("mysql://host/db", PostgresURLProblem.wrongScheme),
        ("/var/lib/proeftuin", .wrongScheme),
        ("postgresql:///db", .missingHost),
        ("postgresql://user@:5432/db", .missingHost),
        ("postgresql://a,b/db", .severalHosts),
        ("postgresql://host:0/db", .badPort("0")),
        ("postgresql://host:65536/db", .badPort("65536")),
        ("postgresql://host:54x/db", .badPort("54x")),
        ("postgresql://host:/db", .badPort("")),
        ("postgresql://[::1]x/db", .badPort("x")),
        ("postgresql://host/db/extra", .badDatabase),
        ("postgresql://us%zzer@host/db", .badEncoding(part: "user")),
        ("postgresql://user:p%zz@host/db", .badEncoding(part: "password")),
        ("postgresql://host/d%zzb", .badEncoding(part: "database")),
        ("postgresql://host/db#top", .fragment),
        ("postgresql://host/db?sslmode=allow", .badSSLMode("allow")),
        ("postgresql://host/db?sslmode=", .badSSLMode("")),
        ("postgresql://host/db?sslmode=require&sslmode=disable", .repeatedParameter("sslmode")),
        ("postgresql://host/db?application_name=x", .unknownParameter("application_name")),
        ("postgresql://host/db?connect_timeout=0", .badConnectTimeout("0")),
        ("postgresql://host/db?connect_timeout=soon", .badConnectTimeout("soon")),
    ])
    func refusesWithTheProblemNamed(url: String, problem: PostgresURLProblem) {
        #expect(throws: PostgresStoreError.invalidURL(problem)) { try PostgresLocation.parse(url, environment: bare) }
    }

    @Test func refusalsNeverRepeatThePassword() {
        do {
            _ = try PostgresLocation.parse("postgresql://anna:topgeheim@host/db?sslmode=nee", environment: bare)
            Issue.record("a bad sslmode was accepted")
        } catch {
            #expect(error.description == "the PostgreSQL URL cannot be read: sslmode=nee is not one of disable, prefer, require, verify-ca, verify-full. "
                + "Write it as postgresql://user@host:port/database?sslmode=require")
            #expect(!error.description.contains("topgeheim"))
        }
    }

    @Test func takesThePasswordFromTheEnvironmentWhenTheURLHasNone() throws {
        let location = try PostgresLocation.parse("postgresql://anna@host/db", environment: bare.merging(["PGPASSWORD": "uit-env"]) { $1 })
        #expect(location.password == "uit-env")
        let urlWins = try PostgresLocation.parse("postgresql://anna:uit-url@host/db", environment: bare.merging(["PGPASSWORD": "x"]) { $1 })
        #expect(urlWins.password == "uit-url")
    }

    @Test func readsTheFirstMatchingLineOfThePasswordFile() throws {
        try FileManager.default.createDirectory(at: temporary.url, withIntermediateDirectories: true)
        let file = temporary.url.appendingPathComponent(".pgpass")
        try """
            # comment
            otherhost:5432:db:anna:wrong
            host:*:db:anna:right
            *:*:*:*:fallback
            """.write(to: file, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file.path)
        #expect(try PostgresLocation.parse("postgresql://anna@host/db", environment: bare).password == "right")
        #expect(try PostgresLocation.parse("postgresql://bob@elders/x", environment: bare).password == "fallback")
        try "otherhost:5432:db:anna:wrong\n".write(to: file, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file.path)
        #expect(try !PostgresLocation.parse("postgresql://anna@host/db", environment: bare).hasPassword)
    }

    @Test func refusesAPasswordFileOthersCanRead() throws {
        try FileManager.default.createDirectory(at: temporary.url, withIntermediateDirectories: true)
        let file = temporary.url.appendingPathComponent("pgpass")
        try "*:*:*:*:x\n".write(to: file, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: file.path)
        #expect(throws: PostgresStoreError.passwordFileTooOpen(path: file.path)) {
            try PostgresLocation.parse("postgresql://anna@host/db", environment: bare.merging(["PGPASSFILE": file.path]) { $1 })
        }
    }

    @Test func tellsServerURLsFromDirectories() {
        #expect(PostgresLocation.isServerURL("PostgreSQL://host/db"))
        #expect(PostgresLocation.isServerURL("postgres://host/db"))
        #expect(!PostgresLocation.isServerURL("/home/anna/proeftuin"))
    }
}

@Suite("PostgreSQL connection")
struct PostgresConnectionTests {
    @Test func aServerThatIsNotThereIsNamedWithoutThePassword() throws {
        let location = try PostgresLocation.parse("postgresql://anna:geheim@127.0.0.1:1/portfolio?sslmode=disable&connect_timeout=2",
                                                  environment: ["HOME": "/nonexistent"])
        do {
            _ = try PostgresStore.open(location, directory: TemporaryDirectory().dataDirectory, actor: "tester")
            Issue.record("a store opened on a port where no server listens")
        } catch let PostgresStoreError.cannotConnect(server, detail) {
            #expect(server == "postgresql://anna@127.0.0.1:1/portfolio?sslmode=disable&connect_timeout=2")
            #expect(!detail.contains("geheim"))
            #expect(!detail.isEmpty)
        }
    }
}
