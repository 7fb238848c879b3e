import BaoxueContracts
import BaoxueMessaging
import BaoxueService
import GRDB

/// The monitoring service's tables: its replica of the registry (schools, students), what it
/// learns itself (absences), and what it keeps (alerts, cases and their records), plus the
/// outbox, the request journal and the registry subscription's cursor.
enum MonitorSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try Outbox.migrate(db)
            try RequestJournal.migrate(db)
            try SQLiteEventSink.migrate(db)
            try db.execute(sql: """
                CREATE TABLE school (
                    code TEXT PRIMARY KEY,
                    name TEXT NOT NULL,
                    township TEXT NOT NULL
                );
                -- One row per child, keyed by the student number (every child has one), rebuilt
                -- from registry events. status_date is the date of the last status change.
                CREATE TABLE student (
                    number TEXT PRIMARY KEY,
                    id_number TEXT UNIQUE,
                    name TEXT NOT NULL,
                    birth_date TEXT NOT NULL,
                    school TEXT NOT NULL,
                    township TEXT NOT NULL,
                    grade INTEGER NOT NULL,
                    status TEXT NOT NULL,
                    status_date TEXT,
                    expected_end TEXT,
                    registered_poor INTEGER NOT NULL,
                    left_behind TEXT NOT NULL,
                    disability TEXT NOT NULL,
                    family TEXT,
                    revision INTEGER NOT NULL
                );
                CREATE INDEX student_by_township ON student(township, school);
                CREATE INDEX student_by_status ON student(status);
                CREATE INDEX student_by_family ON student(family);
                CREATE TABLE absence (
                    student TEXT NOT NULL,
                    date TEXT NOT NULL,
                    reason TEXT,
                    school TEXT NOT NULL,
                    reported_at TEXT NOT NULL,
                    reported_by TEXT NOT NULL,
                    PRIMARY KEY (student, date)
                );
                CREATE TABLE alert (
                    \(AlertTable.commonColumns),
                    case_id INTEGER
                );
                -- One open alert per child per rule: no floods.
                CREATE UNIQUE INDEX alert_one_open ON alert(student, rule) WHERE state != 'resolved';
                CREATE INDEX alert_by_township ON alert(township, state, id);
                CREATE TABLE dropout_case (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    student TEXT NOT NULL,
                    township TEXT NOT NULL,
                    school TEXT NOT NULL,
                    state TEXT NOT NULL,
                    origin TEXT NOT NULL,
                    opened_on TEXT NOT NULL,
                    township_official TEXT,
                    school_teacher TEXT,
                    causes TEXT NOT NULL DEFAULT '[]',
                    measures TEXT NOT NULL DEFAULT '[]',
                    outcome TEXT,
                    closed_on TEXT,
                    probation_until TEXT,
                    reopened INTEGER NOT NULL DEFAULT 0
                );
                -- One case per child (一生一策): reopened, never duplicated.
                CREATE UNIQUE INDEX case_one_per_child ON dropout_case(student);
                CREATE INDEX case_by_township ON dropout_case(township, state);
                CREATE TABLE case_visit (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    case_id INTEGER NOT NULL REFERENCES dropout_case(id),
                    date TEXT NOT NULL,
                    visitors TEXT NOT NULL,
                    outcome TEXT NOT NULL,
                    next_visit TEXT,
                    campaign TEXT,
                    recorded_by TEXT NOT NULL
                );
                CREATE INDEX visit_by_case ON case_visit(case_id, date);
                CREATE TABLE case_step (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    case_id INTEGER NOT NULL REFERENCES dropout_case(id),
                    step TEXT NOT NULL,
                    date TEXT NOT NULL,
                    note TEXT,
                    recorded_by TEXT NOT NULL
                );
                CREATE TABLE teaching_session (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    case_id INTEGER NOT NULL REFERENCES dropout_case(id),
                    date TEXT NOT NULL,
                    teacher TEXT NOT NULL,
                    lessons INTEGER NOT NULL,
                    recorded_by TEXT NOT NULL
                );
                CREATE TABLE case_history (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    case_id INTEGER NOT NULL REFERENCES dropout_case(id),
                    at TEXT NOT NULL,
                    actor TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    detail TEXT NOT NULL
                );
                CREATE INDEX history_by_case ON case_history(case_id, id);
                CREATE TRIGGER case_history_no_update BEFORE UPDATE ON case_history BEGIN SELECT RAISE(ABORT, 'case history is append-only'); END;
                CREATE TRIGGER case_history_no_delete BEFORE DELETE ON case_history BEGIN SELECT RAISE(ABORT, 'case history is append-only'); END;
                """)
        }
        migrator.registerMigration("v3-targets") { db in try TargetSchema.migrate(db) }
        // Registered after v3: installations that already have v3 get v2 next; GRDB applies by name.
        migrator.registerMigration("v2-crosscheck") { db in try CrosscheckSchema.migrate(db) }
        migrator.registerMigration("v4-case-moves") { db in try CaseMoveSchema.migrate(db) }
        migrator.registerMigration("v5-calendar") { db in try CalendarSchema.migrate(db) }
        migrator.registerMigration("v6-family-lists") { db in try FamilyListSchema.migrate(db) }
        migrator.registerMigration("v7-cohorts") { db in try CohortSchema.migrate(db) }
        migrator.registerMigration("v8-student-contact") { db in try StudentContactSchema.migrate(db) }
        migrator.registerMigration("v9-home-teaching") { db in try HomeTeachingSchema.migrate(db) }
        // Since when a child's status change has lacked documents (decision 108): NULL when none
        // does. Children replicated before are filled in by their next event.
        migrator.registerMigration("v10-documents-pending") { db in
            try db.execute(sql: """
                ALTER TABLE student ADD COLUMN documents_pending_since TEXT;
                CREATE INDEX student_documents_pending ON student(documents_pending_since) WHERE documents_pending_since IS NOT NULL;
                """)
        }
        // Outbox compaction (decision 125): an alert's or a case's earlier states go once a later
        // one and they are older than the retention.
        migrator.registerMigration("v11-outbox-compaction") { db in
            try Outbox.migrateCompaction(db, bodies: [MonitorMessage.Event.alert: Alert.self, MonitorMessage.Event.caseChanged: CaseSummary.self])
        }
        // The register's counts by township, school and status (the yearly figures, the KPI sheet,
        // the target scores) read from this index alone, not from the children's rows.
        migrator.registerMigration("v12-register-counts") { db in
            try db.execute(sql: "CREATE INDEX student_by_place_status ON student(township, school, status)")
        }
        // The shared outbox reads rows holding a run of events (decision 143).
        migrator.registerMigration("v13-outbox-runs") { db in try Outbox.migrateRuns(db) }
        return migrator
    }
}
