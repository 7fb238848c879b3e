import BaoxueContracts
import BaoxueMessaging
import GRDB

/// The registry's tables. Students keep their full roster record as JSON (`record`) beside the
/// columns that queries filter on, so the roster can grow columns without a migration per column.
public enum RegistrySchema {
    /// The page size of a new registry file (decision 149). A county's load writes each student
    /// twice (the row with its record, the event with its snapshot) and touches every page of the
    /// two unique indexes in every batch; SQLite's cost is per page written, so 16 KiB pages made
    /// the registry's SQL alone about a sixth faster than 4 KiB (`bench import`), against a
    /// status change writing a few more KiB to the WAL (`bench alerts`: p99 about 1 ms higher).
    public static let pageSize = 16_384

    public static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try Outbox.migrate(db)
            try RequestJournal.migrate(db)
            try db.execute(sql: """
                CREATE TABLE township (
                    code TEXT PRIMARY KEY,
                    name TEXT
                );
                CREATE TABLE school (
                    code TEXT PRIMARY KEY,
                    name TEXT NOT NULL,
                    type TEXT NOT NULL,
                    township TEXT NOT NULL REFERENCES township(code)
                );
                CREATE INDEX school_township ON school(township);
                CREATE TABLE student (
                    id INTEGER PRIMARY KEY,
                    student_number TEXT NOT NULL UNIQUE,
                    id_number TEXT UNIQUE,
                    name TEXT NOT NULL,
                    school TEXT NOT NULL REFERENCES school(code),
                    township TEXT NOT NULL,
                    status TEXT NOT NULL,
                    record BLOB NOT NULL,
                    documents_incomplete INTEGER NOT NULL DEFAULT 0,
                    revision INTEGER NOT NULL,
                    updated_at TEXT NOT NULL
                );
                CREATE INDEX student_school ON student(school, id);
                CREATE INDEX student_township ON student(township, id);
                CREATE INDEX student_status ON student(status, id);
                CREATE TABLE status_change (
                    id INTEGER PRIMARY KEY,
                    student INTEGER NOT NULL REFERENCES student(id),
                    kind TEXT NOT NULL,
                    township TEXT NOT NULL,
                    school TEXT,
                    complete INTEGER NOT NULL,
                    change BLOB NOT NULL
                );
                CREATE INDEX status_change_student ON status_change(student, id);
                CREATE INDEX status_change_incomplete ON status_change(complete, township);
                """)
        }
        migrator.registerMigration("v2-journal-digest") { db in
            // Files made before request ids were bound to their body lack the digest column.
            if try !db.columns(in: "request_journal").contains(where: { $0.name == "digest" }) {
                try db.execute(sql: "ALTER TABLE request_journal ADD COLUMN digest TEXT NOT NULL DEFAULT ''")
            }
        }
        migrator.registerMigration("v3-promotions") { db in try PromotionSchema.migrate(db) }
        // Outbox compaction (decision 125): a record event superseded by a later one about the same
        // school or student goes once both are older than the retention.
        migrator.registerMigration("v4-outbox-compaction") { db in
            try Outbox.migrateCompaction(db, bodies: [
                RegistryMessage.Event.schoolUpserted: SchoolRecord.self,
                RegistryMessage.Event.studentAdded: Student.self,
                RegistryMessage.Event.studentUpdated: Student.self,
            ])
        }
        migrator.registerMigration("v5-change-dates") { db in try ChangeDateSchema.migrate(db) }
        // One row for an import's run of events (decision 143).
        migrator.registerMigration("v6-outbox-runs") { db in try Outbox.migrateRuns(db) }
        return migrator
    }
}
