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
        return migrator
    }
}
