import GRDB

/// The schema, one registered migration per change; never edit a migration that has shipped.
enum Migrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: ideas and event log") { db in
            try db.create(table: "idea") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("title", .text).notNull()
                t.column("description", .text).notNull().defaults(to: "")
                t.column("source", .text)
                t.column("submitter", .text)
                t.column("theme", .text).notNull().defaults(to: "")
                t.column("tags", .text).notNull().defaults(to: "[]")
                t.column("stage", .text).notNull()
                t.column("position", .integer).notNull()
                t.column("createdAt", .datetime).notNull()
                t.column("updatedAt", .datetime).notNull()
            }
            try db.create(index: "idea_on_stage_position", on: "idea", columns: ["stage", "position"])
            try db.create(table: "event") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("at", .datetime).notNull()
                t.column("actor", .text).notNull()
                t.column("ideaId", .integer)
                t.column("kind", .text).notNull()
                t.column("reason", .text)
                t.column("before", .text)
                t.column("after", .text)
            }
            try db.create(index: "event_on_ideaId", on: "event", columns: ["ideaId"])
            try db.execute(sql: """
                CREATE TRIGGER event_no_update BEFORE UPDATE ON event
                BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
                CREATE TRIGGER event_no_delete BEFORE DELETE ON event
                BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
                """)
        }
        migrator.registerMigration("v2: experiment cycles, decisions, WIP limits") { db in
            try db.alter(table: "idea") { t in
                t.add(column: "reviewDate", .text)
                t.add(column: "stopCategory", .text)
                t.add(column: "stopLearned", .text)
                t.add(column: "cycleCount", .integer).notNull().defaults(to: 0)
            }
            try db.create(table: "cycle") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("ideaId", .integer).notNull().references("idea", onDelete: .cascade)
                t.column("number", .integer).notNull()
                t.column("hypothesis", .text).notNull()
                t.column("action", .text).notNull()
                t.column("metric", .text).notNull()
                t.column("success", .text).notNull()
                t.column("owner", .text).notNull()
                t.column("reviewDate", .text).notNull()
                t.column("startedAt", .datetime).notNull()
                t.column("observed", .text)
                t.column("learned", .text)
                t.column("therefore", .text)
                t.uniqueKey(["ideaId", "number"])
            }
            try db.create(table: "measurement") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("cycleId", .integer).notNull().references("cycle", onDelete: .cascade)
                t.column("date", .text).notNull()
                t.column("value", .double).notNull()
                t.column("note", .text).notNull().defaults(to: "")
            }
            try db.create(index: "measurement_on_cycleId", on: "measurement", columns: ["cycleId"])
            try db.create(table: "decision") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("ideaId", .integer).notNull().references("idea", onDelete: .cascade)
                t.column("kind", .text).notNull()
                t.column("proposal", .text).notNull()
                t.column("responsible", .text).notNull()
                t.column("reviewDate", .text).notNull()
                t.column("evaluation", .text).notNull().defaults(to: "")
                t.column("objections", .text).notNull().defaults(to: "[]")
                t.column("concerns", .text).notNull().defaults(to: "[]")
                t.column("outcome", .text).notNull()
                t.column("createdAt", .datetime).notNull()
                t.column("updatedAt", .datetime).notNull()
            }
            try db.create(index: "decision_on_ideaId", on: "decision", columns: ["ideaId"])
            try db.create(table: "wipLimit") { t in
                t.primaryKey("stage", .text)
                t.column("limit", .integer).notNull()
                t.column("hard", .boolean).notNull().defaults(to: false)
            }
            try db.create(index: "idea_on_reviewDate", on: "idea", columns: ["reviewDate"])
        }
        migrator.registerMigration("v3: criteria sets and weighing sessions") { db in
            try db.create(table: "criteriaSet") { t in
                t.primaryKey("name", .text).collate(.nocase)
                t.column("version", .integer).notNull()
                t.column("criteria", .text).notNull()
                t.column("updatedAt", .datetime).notNull()
            }
            try db.create(table: "session") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("setName", .text).notNull()
                t.column("setVersion", .integer).notNull()
                t.column("criteria", .text).notNull()
                t.column("ideas", .text).notNull()
                t.column("participants", .text).notNull()
                t.column("status", .text).notNull()
                t.column("method", .text).notNull()
                t.column("normalization", .text).notNull()
                t.column("aggregate", .text).notNull()
                t.column("createdAt", .datetime).notNull()
                t.column("closedAt", .datetime)
                t.column("results", .text)
            }
            try db.create(table: "score") { t in
                t.column("sessionId", .integer).notNull().references("session", onDelete: .cascade)
                t.column("participant", .integer).notNull()
                t.column("ideaId", .integer).notNull()
                t.column("criterion", .integer).notNull()
                t.column("value", .integer).notNull()
                t.primaryKey(["sessionId", "participant", "ideaId", "criterion"])
            }
            try db.alter(table: "idea") { t in
                t.add(column: "weighScore", .double)
                t.add(column: "weighRank", .integer)
                t.add(column: "weighSession", .integer)
            }
        }
        migrator.registerMigration("v4: merged ideas") { db in
            try db.alter(table: "idea") { t in
                t.add(column: "mergedInto", .integer)
            }
        }
        migrator.registerMigration("v5: index merged ideas") { db in
            try db.create(index: "idea_on_mergedInto", on: "idea", columns: ["mergedInto"])
        }
        migrator.registerMigration("v6: change counter and event program") { db in
            try db.alter(table: "event") { t in
                t.add(column: "program", .text)
            }
            try db.execute(sql: "CREATE TABLE changeCounter (id INTEGER PRIMARY KEY CHECK (id = 1), value INTEGER NOT NULL)")
            try db.execute(sql: "INSERT INTO changeCounter (id, value) VALUES (1, 0)")
            for table in countedTables {
                for operation in ["INSERT", "UPDATE", "DELETE"] {
                    try db.execute(sql: """
                        CREATE TRIGGER \(table)_\(operation.lowercased())_counts AFTER \(operation) ON "\(table)"
                        BEGIN UPDATE changeCounter SET value = value + 1 WHERE id = 1; END
                        """)
                }
            }
        }
        migrator.registerMigration("v7-room: abstentions, participants who leave, cell notes, a re-vote round") { db in
            try db.create(table: "abstention") { t in
                t.column("sessionId", .integer).notNull().references("session", onDelete: .cascade)
                t.column("participant", .integer).notNull()
                t.column("ideaId", .integer).notNull()
                t.column("criterion", .integer).notNull()
                t.primaryKey(["sessionId", "participant", "ideaId", "criterion"])
            }
            try db.create(table: "cellNote") { t in
                t.column("sessionId", .integer).notNull().references("session", onDelete: .cascade)
                t.column("ideaId", .integer).notNull()
                t.column("criterion", .integer).notNull()
                t.column("text", .text).notNull()
                t.primaryKey(["sessionId", "ideaId", "criterion"])
            }
            try db.alter(table: "session") { t in
                t.add(column: "excluded", .text).notNull().defaults(to: "[]")
                t.add(column: "revote", .text)
            }
            // Other programs notice abstentions and notes like scores (see v6).
            for table in ["abstention", "cellNote"] {
                for operation in ["INSERT", "UPDATE", "DELETE"] {
                    try db.execute(sql: """
                        CREATE TRIGGER \(table)_\(operation.lowercased())_counts AFTER \(operation) ON "\(table)"
                        BEGIN UPDATE changeCounter SET value = value + 1 WHERE id = 1; END
                        """)
                }
            }
        }
        migrator.registerMigration("v8-participants: how entries were made, participant links") { db in
            // How each entry was made (board, terminal, web, cli); NULL for entries from before.
            for table in ["score", "abstention"] {
                try db.alter(table: table) { t in
                    t.add(column: "channel", .text)
                }
            }
            try db.create(table: "participantLink") { t in
                t.primaryKey("token", .text)
                t.column("sessionId", .integer).notNull().references("session", onDelete: .cascade)
                t.column("participant", .integer).notNull()
                t.column("createdAt", .datetime).notNull()
                t.column("endedAt", .datetime)
            }
            try db.create(index: "participantLink_on_sessionId", on: "participantLink", columns: ["sessionId"])
        }
        migrator.registerMigration("v8-intake: inbox, replies, lokale opgaven, values sets") { db in
            // An idea from outside the team: its inbox state and the reply its submitter is owed.
            try db.create(table: "intake") { t in
                t.primaryKey("ideaId", .integer).references("idea", onDelete: .cascade)
                t.column("receivedOn", .text).notNull()
                t.column("status", .text).notNull()
                t.column("triagedOn", .text)
                t.column("declineReason", .text)
                t.column("replyTo", .text)
                t.column("replySentOn", .text)
            }
            try db.create(index: "intake_on_status", on: "intake", columns: ["status"])
            // The lokale opgaven ideas pick their theme from.
            try db.create(table: "challenge") { t in
                t.primaryKey("name", .text).collate(.nocase)
                t.column("summary", .text).notNull().defaults(to: "")
                t.column("dataSource", .text)
                t.column("position", .integer).notNull()
            }
            // Free-text themes already in use become the list, first use first (spelling of the oldest idea).
            try db.execute(sql: """
                INSERT OR IGNORE INTO challenge (name, summary, position)
                SELECT theme, '', MIN(id) FROM idea WHERE trim(theme) <> '' GROUP BY theme ORDER BY MIN(id)
                """)
            // The criteria set that holds the council's values (at most one).
            try db.execute(sql: """
                CREATE TABLE councilValues (id INTEGER PRIMARY KEY CHECK (id = 1), setName TEXT NOT NULL COLLATE NOCASE)
                """)
            for table in ["intake", "challenge", "councilValues"] {
                for operation in ["INSERT", "UPDATE", "DELETE"] {
                    try db.execute(sql: """
                        CREATE TRIGGER \(table)_\(operation.lowercased())_counts AFTER \(operation) ON "\(table)"
                        BEGIN UPDATE changeCounter SET value = value + 1 WHERE id = 1; END
                        """)
                }
            }
        }
        migrator.registerMigration("v9-learning: safe-to-try bounds, case notes") { db in
            // The bounds of a test card; all empty on cycles started before the gate asked for them.
            try db.alter(table: "cycle") { t in
                t.add(column: "budgetCap", .double)
                t.add(column: "maxDuration", .text)
                t.add(column: "harm", .text)
                t.add(column: "safeguard", .text)
                t.add(column: "stopRule", .text)
            }
            try db.create(table: "caseNote") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("ideaId", .integer).notNull().references("idea", onDelete: .cascade)
                t.column("cycle", .integer)
                t.column("date", .text).notNull()
                t.column("text", .text).notNull()
                t.column("shows", .text).notNull().defaults(to: "")
                t.column("publishable", .boolean).notNull().defaults(to: false)
                t.column("createdAt", .datetime).notNull()
            }
            try db.create(index: "caseNote_on_ideaId", on: "caseNote", columns: ["ideaId"])
            for operation in ["INSERT", "UPDATE", "DELETE"] {
                try db.execute(sql: """
                    CREATE TRIGGER caseNote_\(operation.lowercased())_counts AFTER \(operation) ON "caseNote"
                    BEGIN UPDATE changeCounter SET value = value + 1 WHERE id = 1; END
                    """)
            }
        }
        return migrator
    }

    /// Every table whose changes other programs must notice; each write to one of them bumps `changeCounter`.
    static let countedTables = ["idea", "cycle", "measurement", "decision", "wipLimit", "criteriaSet", "session", "score"]
}
