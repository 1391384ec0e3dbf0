import Foundation
import PostgresNIO

/// The PostgreSQL schema: the SQLite migrations (`Migrations`) as PostgreSQL DDL, applied once per database under an
/// advisory lock, with the applied version in `proeftuin_schema`.
///
/// Stored values are kept exactly as the SQLite store keeps them, so both stores read and export the same bytes:
/// times as text in GRDB's format (`2026-11-30 18:23:03.000`, UTC), days as `YYYY-MM-DD`, lists as JSON text. Text
/// compares byte by byte (`COLLATE "C"`, SQLite's BINARY); names SQLite compares with NOCASE go through
/// `proeftuin_nocase`, which folds ASCII letters only, as NOCASE does. Never edit a migration that has shipped: add one.
enum PostgresSchema {
    /// The schema version this program writes and reads; a database with a higher one is refused.
    static var version: Int { migrations.count }

    /// Every table whose changes other programs must notice: each row written bumps `changeCounter`, whose update
    /// sends a notification when the transaction commits (as on SQLite, the event log is not counted).
    static let countedTables = [
        "idea", "cycle", "measurement", "decision", "wipLimit", "criteriaSet", "session", "score", "abstention", "cellNote",
        "intake", "challenge", "councilValues", "caseNote",
    ]

    /// The notification channel of changes; the payload is the schema changed, so programs on other schemas ignore it.
    static let channel = "proeftuin_changes"

    /// One entry per schema version, oldest first.
    static let migrations: [String] = [version1, version2, forgetThroughTheEventLog]

    /// The SQLite schema (GRDB's last migration identifier, `Migrations`) whose tables and columns this schema mirrors:
    /// what an export names as its `schema`, so an export from either store can be imported into the other.
    static let mirroredSQLiteSchema = "v9-learning: safe-to-try bounds, case notes"

    /// The tables that have no id, each with the column that keeps its rows in the order they were written (SQLite's
    /// `rowid` order, in which an export lists them).
    static let rowOrderTables = ["criteriaSet", "score", "abstention", "cellNote", "wipLimit", "challenge"]

    /// Version 2: the insertion order of the tables without an id (`rowOrderTables`), from one sequence, for the export:
    /// a row written later has a higher `rowOrder`, as it has a higher `rowid` on SQLite; a row SQLite replaces
    /// (`INSERT OR REPLACE`, a criteria set saved) takes a new one. And a bulk write (`PostgresStore.bulkWrite`: an
    /// import) counts itself once instead of once per row: the row triggers skip the count while the transaction's
    /// `proeftuin.bulk_write` setting is `on` (per-row counting made an import of 10,000 ideas most of a second slower).
    private static let version2 = """
        CREATE SEQUENCE proeftuin_row_order;
        CREATE OR REPLACE FUNCTION proeftuin_count_change() RETURNS trigger LANGUAGE plpgsql
            AS $$ BEGIN IF current_setting('\(bulkWriteSetting)', true) IS DISTINCT FROM 'on' THEN UPDATE changeCounter SET value = value + 1 WHERE id = 1; END IF; RETURN NULL; END $$;
        """ + "\n" + rowOrderTables.map { table in
            "ALTER TABLE \(table) ADD COLUMN rowOrder BIGINT NOT NULL DEFAULT nextval('proeftuin_row_order');"
        }.joined(separator: "\n")

    /// The transaction-local setting that makes the row triggers leave the counting to a bulk write (version 2).
    static let bulkWriteSetting = "proeftuin.bulk_write"

    /// Version 3 (`forgetThroughTheEventLog`): the event log's guard lets an UPDATE through only in a transaction that set
    /// `proeftuin.erasing` to `on` for itself (`SET LOCAL`): `forget` erasing a person's name from the snapshots. A
    /// DELETE or TRUNCATE is refused always, as is every UPDATE outside such a transaction.
    private static let forgetThroughTheEventLog = """
        CREATE OR REPLACE FUNCTION proeftuin_event_append_only() RETURNS trigger LANGUAGE plpgsql
            AS $$ BEGIN IF TG_OP = 'UPDATE' AND current_setting('proeftuin.erasing', true) = 'on' THEN RETURN NEW; END IF; RAISE EXCEPTION 'the event log is append-only'; END $$;
        """

    /// Version 1: everything the SQLite migrations v1 to v9 built.
    private static let version1 = """
        CREATE FUNCTION proeftuin_nocase(value TEXT) RETURNS TEXT LANGUAGE SQL IMMUTABLE STRICT PARALLEL SAFE
            AS $$ SELECT translate(value, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz') $$;

        CREATE TABLE idea (
            id BIGSERIAL PRIMARY KEY,
            title TEXT COLLATE "C" NOT NULL,
            description TEXT COLLATE "C" NOT NULL DEFAULT '',
            source TEXT COLLATE "C",
            submitter TEXT COLLATE "C",
            theme TEXT COLLATE "C" NOT NULL DEFAULT '',
            tags TEXT COLLATE "C" NOT NULL DEFAULT '[]',
            stage TEXT COLLATE "C" NOT NULL,
            position BIGINT NOT NULL,
            createdAt TEXT COLLATE "C" NOT NULL,
            updatedAt TEXT COLLATE "C" NOT NULL,
            reviewDate TEXT COLLATE "C",
            stopCategory TEXT COLLATE "C",
            stopLearned TEXT COLLATE "C",
            cycleCount BIGINT NOT NULL DEFAULT 0,
            weighScore DOUBLE PRECISION,
            weighRank BIGINT,
            weighSession BIGINT,
            mergedInto BIGINT
        );
        CREATE INDEX idea_on_stage_position ON idea (stage, position);
        CREATE INDEX idea_on_reviewDate ON idea (reviewDate);
        CREATE INDEX idea_on_mergedInto ON idea (mergedInto);

        CREATE TABLE event (
            id BIGSERIAL PRIMARY KEY,
            at TEXT COLLATE "C" NOT NULL,
            actor TEXT COLLATE "C" NOT NULL,
            ideaId BIGINT,
            kind TEXT COLLATE "C" NOT NULL,
            reason TEXT COLLATE "C",
            before TEXT COLLATE "C",
            after TEXT COLLATE "C",
            program TEXT COLLATE "C"
        );
        CREATE INDEX event_on_ideaId ON event (ideaId);
        CREATE FUNCTION proeftuin_event_append_only() RETURNS trigger LANGUAGE plpgsql
            AS $$ BEGIN RAISE EXCEPTION 'the event log is append-only'; END $$;
        CREATE TRIGGER event_no_update BEFORE UPDATE ON event FOR EACH ROW EXECUTE FUNCTION proeftuin_event_append_only();
        CREATE TRIGGER event_no_delete BEFORE DELETE ON event FOR EACH ROW EXECUTE FUNCTION proeftuin_event_append_only();
        CREATE TRIGGER event_no_truncate BEFORE TRUNCATE ON event FOR EACH STATEMENT EXECUTE FUNCTION proeftuin_event_append_only();

        CREATE TABLE cycle (
            id BIGSERIAL PRIMARY KEY,
            ideaId BIGINT NOT NULL REFERENCES idea (id) ON DELETE CASCADE,
            number BIGINT NOT NULL,
            hypothesis TEXT COLLATE "C" NOT NULL,
            action TEXT COLLATE "C" NOT NULL,
            metric TEXT COLLATE "C" NOT NULL,
            success TEXT COLLATE "C" NOT NULL,
            owner TEXT COLLATE "C" NOT NULL,
            reviewDate TEXT COLLATE "C" NOT NULL,
            startedAt TEXT COLLATE "C" NOT NULL,
            observed TEXT COLLATE "C",
            learned TEXT COLLATE "C",
            therefore TEXT COLLATE "C",
            budgetCap DOUBLE PRECISION,
            maxDuration TEXT COLLATE "C",
            harm TEXT COLLATE "C",
            safeguard TEXT COLLATE "C",
            stopRule TEXT COLLATE "C",
            UNIQUE (ideaId, number)
        );

        CREATE TABLE measurement (
            id BIGSERIAL PRIMARY KEY,
            cycleId BIGINT NOT NULL REFERENCES cycle (id) ON DELETE CASCADE,
            date TEXT COLLATE "C" NOT NULL,
            value DOUBLE PRECISION NOT NULL,
            note TEXT COLLATE "C" NOT NULL DEFAULT ''
        );
        CREATE INDEX measurement_on_cycleId ON measurement (cycleId);

        CREATE TABLE decision (
            id BIGSERIAL PRIMARY KEY,
            ideaId BIGINT NOT NULL REFERENCES idea (id) ON DELETE CASCADE,
            kind TEXT COLLATE "C" NOT NULL,
            proposal TEXT COLLATE "C" NOT NULL,
            responsible TEXT COLLATE "C" NOT NULL,
            reviewDate TEXT COLLATE "C" NOT NULL,
            evaluation TEXT COLLATE "C" NOT NULL DEFAULT '',
            objections TEXT COLLATE "C" NOT NULL DEFAULT '[]',
            concerns TEXT COLLATE "C" NOT NULL DEFAULT '[]',
            outcome TEXT COLLATE "C" NOT NULL,
            createdAt TEXT COLLATE "C" NOT NULL,
            updatedAt TEXT COLLATE "C" NOT NULL
        );
        CREATE INDEX decision_on_ideaId ON decision (ideaId);

        CREATE TABLE wipLimit (
            stage TEXT COLLATE "C" PRIMARY KEY,
            "limit" BIGINT NOT NULL,
            hard BOOLEAN NOT NULL DEFAULT false
        );

        CREATE TABLE criteriaSet (
            name TEXT COLLATE "C" NOT NULL,
            version BIGINT NOT NULL,
            criteria TEXT COLLATE "C" NOT NULL,
            updatedAt TEXT COLLATE "C" NOT NULL
        );
        CREATE UNIQUE INDEX criteriaSet_on_name ON criteriaSet (proeftuin_nocase(name));

        CREATE TABLE session (
            id BIGSERIAL PRIMARY KEY,
            setName TEXT COLLATE "C" NOT NULL,
            setVersion BIGINT NOT NULL,
            criteria TEXT COLLATE "C" NOT NULL,
            ideas TEXT COLLATE "C" NOT NULL,
            participants TEXT COLLATE "C" NOT NULL,
            status TEXT COLLATE "C" NOT NULL,
            method TEXT COLLATE "C" NOT NULL,
            normalization TEXT COLLATE "C" NOT NULL,
            aggregate TEXT COLLATE "C" NOT NULL,
            createdAt TEXT COLLATE "C" NOT NULL,
            closedAt TEXT COLLATE "C",
            results TEXT COLLATE "C",
            excluded TEXT COLLATE "C" NOT NULL DEFAULT '[]',
            revote TEXT COLLATE "C"
        );

        CREATE TABLE score (
            sessionId BIGINT NOT NULL REFERENCES session (id) ON DELETE CASCADE,
            participant BIGINT NOT NULL,
            ideaId BIGINT NOT NULL,
            criterion BIGINT NOT NULL,
            value BIGINT NOT NULL,
            channel TEXT COLLATE "C",
            PRIMARY KEY (sessionId, participant, ideaId, criterion)
        );

        CREATE TABLE abstention (
            sessionId BIGINT NOT NULL REFERENCES session (id) ON DELETE CASCADE,
            participant BIGINT NOT NULL,
            ideaId BIGINT NOT NULL,
            criterion BIGINT NOT NULL,
            channel TEXT COLLATE "C",
            PRIMARY KEY (sessionId, participant, ideaId, criterion)
        );

        CREATE TABLE cellNote (
            sessionId BIGINT NOT NULL REFERENCES session (id) ON DELETE CASCADE,
            ideaId BIGINT NOT NULL,
            criterion BIGINT NOT NULL,
            text TEXT COLLATE "C" NOT NULL,
            PRIMARY KEY (sessionId, ideaId, criterion)
        );

        CREATE TABLE participantLink (
            token TEXT COLLATE "C" PRIMARY KEY,
            sessionId BIGINT NOT NULL REFERENCES session (id) ON DELETE CASCADE,
            participant BIGINT NOT NULL,
            createdAt TEXT COLLATE "C" NOT NULL,
            endedAt TEXT COLLATE "C"
        );
        CREATE INDEX participantLink_on_sessionId ON participantLink (sessionId);

        CREATE TABLE intake (
            ideaId BIGINT PRIMARY KEY REFERENCES idea (id) ON DELETE CASCADE,
            receivedOn TEXT COLLATE "C" NOT NULL,
            status TEXT COLLATE "C" NOT NULL,
            triagedOn TEXT COLLATE "C",
            declineReason TEXT COLLATE "C",
            replyTo TEXT COLLATE "C",
            replySentOn TEXT COLLATE "C"
        );
        CREATE INDEX intake_on_status ON intake (status);

        CREATE TABLE challenge (
            name TEXT COLLATE "C" NOT NULL,
            summary TEXT COLLATE "C" NOT NULL DEFAULT '',
            dataSource TEXT COLLATE "C",
            position BIGINT NOT NULL
        );
        CREATE UNIQUE INDEX challenge_on_name ON challenge (proeftuin_nocase(name));

        CREATE TABLE councilValues (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            setName TEXT COLLATE "C" NOT NULL
        );

        CREATE TABLE caseNote (
            id BIGSERIAL PRIMARY KEY,
            ideaId BIGINT NOT NULL REFERENCES idea (id) ON DELETE CASCADE,
            cycle BIGINT,
            date TEXT COLLATE "C" NOT NULL,
            text TEXT COLLATE "C" NOT NULL,
            shows TEXT COLLATE "C" NOT NULL DEFAULT '',
            publishable BOOLEAN NOT NULL DEFAULT false,
            createdAt TEXT COLLATE "C" NOT NULL
        );
        CREATE INDEX caseNote_on_ideaId ON caseNote (ideaId);

        CREATE TABLE changeCounter (id INTEGER PRIMARY KEY CHECK (id = 1), value BIGINT NOT NULL);
        INSERT INTO changeCounter (id, value) VALUES (1, 0);
        CREATE FUNCTION proeftuin_count_change() RETURNS trigger LANGUAGE plpgsql
            AS $$ BEGIN UPDATE changeCounter SET value = value + 1 WHERE id = 1; RETURN NULL; END $$;
        CREATE FUNCTION proeftuin_notify_change() RETURNS trigger LANGUAGE plpgsql
            AS $$ BEGIN PERFORM pg_notify('\(channel)', current_schema()); RETURN NULL; END $$;
        CREATE TRIGGER changeCounter_notifies AFTER UPDATE ON changeCounter
            FOR EACH STATEMENT EXECUTE FUNCTION proeftuin_notify_change();
        """ + "\n" + countedTables.map { table in
            "CREATE TRIGGER \(table)_counts AFTER INSERT OR UPDATE OR DELETE ON \(table) FOR EACH ROW EXECUTE FUNCTION proeftuin_count_change();"
        }.joined(separator: "\n")

    /// The statements of a migration, one a query (the extended protocol takes one at a time): each ends with `;` at the
    /// end of a line; semicolons inside a function's body never do.
    static func statements(_ script: String) -> [String] {
        script.components(separatedBy: ";\n").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            .map { $0.hasSuffix(";") ? String($0.dropLast()) : $0 }.filter { !$0.isEmpty }
    }

    /// Brings the session's schema up to this program's version, once: concurrent programs wait on the advisory lock,
    /// then find the work done. Refuses a schema newer than the program, changing nothing.
    static func migrate(_ session: PostgresSession) throws {
        try session.execute("BEGIN")
        do {
            // Waits while another program migrates (patiently: a migration of a large portfolio takes a while).
            try session.execute("SELECT pg_advisory_xact_lock(hashtext('proeftuin schema'), hashtext(current_schema()))", patience: 300)
            let exists = try session.query("SELECT to_regclass(quote_ident(current_schema()) || '.proeftuin_schema') IS NOT NULL")
            var current = 0
            if try exists.first?[0].decode(Bool.self) == true {
                let rows = try session.query("SELECT version FROM proeftuin_schema")
                guard rows.count == 1, let found = try? rows[0][0].decode(Int.self) else {
                    throw PostgresStoreError.schemaVersionUnreadable(server: session.location.redacted, detail: "\(rows.count) rows")
                }
                // A version below 1 was never written by a program (version 0 lasts only inside the first migration).
                guard found >= 1 else {
                    throw PostgresStoreError.schemaVersionUnreadable(server: session.location.redacted, detail: "version \(found)")
                }
                current = found
            } else {
                try session.execute("CREATE TABLE proeftuin_schema (id INTEGER PRIMARY KEY CHECK (id = 1), version INTEGER NOT NULL)")
                try session.execute("INSERT INTO proeftuin_schema (id, version) VALUES (1, 0)")
            }
            if current > version {
                throw PostgresStoreError.schemaFromNewerVersion(server: session.location.redacted, found: current, known: version)
            }
            for (index, script) in migrations.enumerated().dropFirst(current) {
                for statement in statements(script) { try session.execute(PostgresQuery(unsafeSQL: statement)) }
                try session.execute("UPDATE proeftuin_schema SET version = \(index + 1)")
            }
            try session.execute("COMMIT")
        } catch {
            try? session.execute("ROLLBACK")
            throw error
        }
    }
}
