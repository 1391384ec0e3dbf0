import Domain
import Foundation
import PostgresNIO

extension PostgresStore {
    /// The tables `forget` rewrites; afterwards each is rewritten whole on the server (`VACUUM FULL`).
    static let erasedTables = ["idea", "intake", "event"]

    /// Erases a submitter's name as on SQLite (`SubmitterErasure`: ideas' submitter, the reply contact of an inbox idea
    /// where it names them, the event log's snapshots), in one transaction with its `forgotten` event; the event log's
    /// guard lets these updates through because the transaction says so for itself (`SET LOCAL proeftuin.erasing`).
    /// Then the rewritten tables are rewritten whole (`VACUUM FULL`), so the old row versions' bytes are gone from the
    /// tables' files. The server's write-ahead log and `pg_dump` backups are the administrator's (docs/postgresql.md).
    /// Local copies (exports recorded in the data directory) are rewritten as on SQLite.
    public func forget(submitter name: String) throws -> ForgetReport {
        let clean = TextSanitizer.singleLine(name).trimmingCharactersInWhitespace()
        guard !clean.isEmpty else { throw DomainError.emptyName }
        let erasure = SubmitterErasure(name: clean)
        let now = clock()
        var erasing: String?
        var report = try write { () throws -> ForgetReport in
            try session.execute("SET LOCAL proeftuin.erasing = 'on'")
            var ideas: [Int64] = []
            for row in try session.query("SELECT id, submitter FROM idea WHERE submitter IS NOT NULL ORDER BY id") {
                guard erasure.isSubmitter(try row[1].decode(String.self)) else { continue }
                let id = try row[0].decode(Int64.self)
                ideas.append(id)
                try session.execute("UPDATE idea SET submitter = NULL WHERE id = \(id)")
            }
            let theirs = Set(ideas)
            for row in try session.query("SELECT ideaId, replyTo FROM intake WHERE replyTo IS NOT NULL ORDER BY ideaId") {
                let id = try row[0].decode(Int64.self)
                guard erasure.erasesContact(try row[1].decode(String.self), ofTheirIdea: theirs.contains(id)) else { continue }
                if !ideas.contains(id) { ideas.append(id) }
                try session.execute("UPDATE intake SET replyTo = NULL WHERE ideaId = \(id)")
            }
            var events = 0
            let rows = try session.query("""
                SELECT id, before, after FROM event WHERE before LIKE '%"submitter"%' OR after LIKE '%"submitter"%' ORDER BY id
                """)
            for row in rows {
                let before = try row[1].decode(String?.self)
                let after = try row[2].decode(String?.self)
                let newBefore = before.map(erasure.erased(snapshot:))
                let newAfter = after.map(erasure.erased(snapshot:))
                guard newBefore != before || newAfter != after else { continue }
                try session.execute("UPDATE event SET before = \(newBefore), after = \(newAfter) WHERE id = \(try row[0].decode(Int64.self))")
                events += 1
            }
            try appendEvent(idea: nil, kind: .forgotten, after: "{\"ideas\":\(ideas.count),\"events\":\(events)}", at: now)
            erasing = try session.query("SELECT backend_xid::text FROM pg_stat_activity WHERE pid = pg_backend_pid()").first?[0].decode(String?.self)
            return ForgetReport(ideasChanged: ideas.count, eventsChanged: events, stillMentioned: try stillMentioned(erasure))
        }
        if let erasing { try waitForOlderSnapshots(than: erasing) }
        try compact()
        for copy in AppDatabase.copies(in: directory) {
            if let problem = AppDatabase.erase(erasure, inCopyAt: copy) {
                report.copiesNotRewritten.append(UnrewritableCopy(path: copy.path, problem: problem))
            } else {
                report.copiesRewritten.append(copy.path)
            }
        }
        return report
    }

    /// Ideas whose title or description still mention the name (free text is for a person to edit).
    private func stillMentioned(_ erasure: SubmitterErasure) throws -> [IdeaSummary] {
        try session.query("SELECT id, title, description, stage FROM idea ORDER BY id").compactMap { row in
            let title = try row[1].decode(String.self)
            guard erasure.isMentioned(title: title, description: try row[2].decode(String.self)) else { return nil }
            let id = try row[0].decode(Int64.self)
            let stage = try StoredValue.value(Stage.self, try row[3].decode(String.self), table: "idea", record: "#\(id)", field: "stage")
            return IdeaSummary(id: IdeaID(id), title: title, theme: "", tags: [], stage: stage, position: 0)
        }
    }

    /// How long `forget` waits for transactions that may still see the erased rows' old versions.
    static let snapshotWait: TimeInterval = 30

    /// Waits (up to `snapshotWait`) until no other session of this database holds a snapshot taken before the erasure's
    /// transaction `xid` committed, or a transaction older than it (which holds the server's horizon back as well, even
    /// between statements): `VACUUM FULL` must keep the old row versions such a session may still read. Sessions
    /// of other roles are seen only with `pg_read_all_stats` (docs/postgresql.md).
    private func waitForOlderSnapshots(than xid: String) throws {
        let deadline = Date().addingTimeInterval(Self.snapshotWait)
        while Date() < deadline {
            let rows = try session.query("""
                SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()
                AND ((backend_xmin IS NOT NULL AND age(backend_xmin) >= age(\(xid)::xid))
                    OR (backend_xid IS NOT NULL AND age(backend_xid) > age(\(xid)::xid)))
                """)
            if try rows.first?[0].decode(Int.self) == 0 { return }
            usleep(20_000)
        }
    }

    /// Rewrites the tables `forget` changes whole (`VACUUM FULL`, outside any transaction), so no old version of a row
    /// is left in their files. Other programs wait for each table's rewrite meanwhile.
    func compact() throws {
        for table in Self.erasedTables {
            try session.execute(PostgresQuery(unsafeSQL: "VACUUM FULL \(table)"), patience: 600)  // a large table takes a while
        }
    }

    /// Records a file with personal data the program is about to write (an export), so `forget` can reach it later.
    public func recordCopy(_ url: URL) {
        CopyRegister(directory: directory).record(url)
    }

    /// Deletes local copies that could not be rewritten, and forgets the recorded ones; returns the paths deleted or
    /// forgotten. Only copies `forget` would reach are touched (as on SQLite).
    public func deleteCopies(_ paths: [String]) throws -> [String] {
        AppDatabase.deleteCopies(paths, in: directory)
    }
}
