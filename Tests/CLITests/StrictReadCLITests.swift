import Foundation
import GRDB
import Testing

/// Damaged stored values stop a command with a message naming the record and the field; `doctor` lists them all.
@Suite("CLI: stored values are read strictly", .serialized)
struct StrictReadCLITests {
    /// Changes the database behind Proeftuin's back, as another tool (or damage) could.
    func tamper(_ binary: Binary, _ sql: String, _ arguments: StatementArguments = []) throws {
        let queue = try DatabaseQueue(path: binary.dataDirectory.appendingPathComponent("proeftuin.sqlite").path)
        try queue.write { db in try db.execute(sql: sql, arguments: arguments) }
        try queue.close()
    }

    @Test func listNamesTheIdeaAndFieldThatCannotBeRead() throws {
        let binary = Binary()
        defer { binary.cleanUp() }
        for title in ["Een", "Twee", "Drie"] { try binary.run(["add", title]) }
        try tamper(binary, "UPDATE idea SET stage = 'bogus' WHERE id = 2")
        let list = try binary.run(["list"])
        #expect(list.status != 0)
        #expect(list.stdout.isEmpty, "no partial board with a made-up stage")
        #expect(list.stderr.contains(
            "idea #2: the stored stage 'bogus' cannot be read; run 'proeftuin doctor' to list damaged records, or restore a backup"))
        #expect(!list.stderr.contains("Fatal error"))
        let other = try binary.run(["show", "1"])
        #expect(other.status == 0, "ideas that read well still show: \(other.stderr)")
        #expect(other.stdout.contains("Een"))
    }

    @Test func consentIsRefusedWhenTheObjectionsCannotBeRead() throws {
        let binary = Binary()
        defer { binary.cleanUp() }
        try binary.run(["add", "Pilot"])
        let created = try binary.run(["decision", "new", "1", "--kind", "scale", "--proposal", "hele stad", "--responsible", "Sanne",
                                      "--review-date", "2027-06-01"])
        #expect(created.status == 0, "\(created.stderr)")
        try binary.run(["decision", "object", "1", "--who", "Financiën", "--text", "dekking"])
        try tamper(binary, "UPDATE decision SET objections = '[{\"who\":\"Financiën\"'")
        let consent = try binary.run(["decision", "consent", "1"])
        #expect(consent.status != 0)
        #expect(consent.stderr.contains("decision D1: the stored objections '[{\"who\":\"Financiën\"' cannot be read"))
        #expect(try binary.run(["decision", "show", "1"]).status != 0)
    }

    @Test func doctorListsEveryUnreadableValueAndSaysWhatToDo() throws {
        let binary = Binary()
        defer { binary.cleanUp() }
        try binary.run(["add", "Een"])
        try binary.run(["add", "Twee"])
        try binary.run(["decision", "new", "1", "--kind", "scale", "--proposal", "hele stad", "--responsible", "Sanne",
                        "--review-date", "2027-06-01"])
        try binary.run(["criteria", "create", "wijk"])
        try binary.run(["criteria", "add", "wijk", "impact", "--weight", "100"])
        try binary.run(["session", "new", "--set", "wijk", "--ideas", "1,2", "--participants", "Anne,Bram"])
        let healthy = try binary.run(["doctor"])
        #expect(healthy.status == 0, "\(healthy.stderr)")
        #expect(healthy.stdout.contains("unreadable values: none"))
        try tamper(binary, """
            UPDATE idea SET stage = 'bogus' WHERE id = 2;
            UPDATE idea SET reviewDate = 'someday' WHERE id = 1;
            UPDATE decision SET objections = 'geen';
            UPDATE session SET method = 'magic';
            INSERT INTO event (at, actor, ideaId, kind) VALUES ('2026-01-01 00:00:00.000', 'iemand', 1, 'teleported');
            """)
        let eventID = try DatabaseQueue(path: binary.dataDirectory.appendingPathComponent("proeftuin.sqlite").path)
            .read { db in try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM event") ?? 0 }
        let doctor = try binary.run(["doctor"])
        #expect(doctor.status != 0)
        #expect(doctor.stdout.contains("""
            integrity: ok
            unreadable values: 5
              idea #1: the stored reviewDate 'someday' cannot be read
              idea #2: the stored stage 'bogus' cannot be read
              decision D1: the stored objections 'geen' cannot be read
              session 1: the stored method 'magic' cannot be read
              event \(eventID): the stored kind 'teleported' cannot be read

            """), "\(doctor.stdout)")
        #expect(doctor.stderr.contains("5 stored values cannot be read (listed above): restore a backup made before the damage"))
        #expect(!doctor.stderr.contains("Fatal error"))
    }

    @Test func escapeCodesInATamperedValueAreNotEchoed() throws {
        let binary = Binary()
        defer { binary.cleanUp() }
        try binary.run(["add", "Een"])
        try tamper(binary, "UPDATE idea SET stage = ?", ["\u{1B}]0;pwned\u{07}\u{1B}[31mbogus\u{9B}2J"])
        let list = try binary.run(["list"])
        #expect(list.status != 0)
        #expect(list.stderr.contains("idea #1: the stored stage 'bogus' cannot be read"))
        let doctor = try binary.run(["doctor"])
        #expect(doctor.stdout.contains("  idea #1: the stored stage 'bogus' cannot be read\n"))
        for output in [list.stdout, list.stderr, doctor.stdout, doctor.stderr] {
            #expect(!output.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{07}" || $0 == "\u{9B}" })
            #expect(!output.contains("pwned"))
        }
    }
}
