import BaoxueContracts
import BaoxueMessaging
import BaoxueService
import GRDB

/// The subsidy service's tables: its replica of the registry (schools, children, and every status
/// change with its date and schools), the family rosters and who is on which list when, the
/// batches and their payments, and its alerts; plus the outbox, the request journal and the
/// registry subscription's cursor.
///
/// "Paid twice" is made impossible here, not only in code: a child has at most one live (pending
/// or paid) payment per program and term (`payment_once`), a failed payment never becomes live
/// again (a reissue is a new row, and a payment is reissued at most once), and a payment's child,
/// program, term and amount never change.
enum SubsidySchema {
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
                    type TEXT NOT NULL,
                    township TEXT NOT NULL
                );
                -- One row per child, keyed by the student number, rebuilt from registry events.
                -- id orders lists and batches (and is their opaque cursor). status_date: the date
                -- of the last status change.
                CREATE TABLE student (
                    id INTEGER PRIMARY KEY,
                    number TEXT NOT NULL UNIQUE,
                    id_number TEXT UNIQUE,
                    name TEXT NOT NULL,
                    birth_date TEXT NOT NULL,
                    school TEXT NOT NULL,
                    township TEXT NOT NULL,
                    grade INTEGER NOT NULL,
                    boarding INTEGER NOT NULL,
                    status TEXT NOT NULL,
                    status_date TEXT,
                    revision INTEGER NOT NULL
                );
                CREATE INDEX student_by_place ON student(township, school);
                -- Every status change, with where the child stood before and after it: a batch
                -- asks where a child stood on its date (status, and the school holding them).
                CREATE TABLE status_change (
                    id INTEGER PRIMARY KEY,
                    student TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    from_status TEXT,
                    to_status TEXT NOT NULL,
                    from_school TEXT NOT NULL,
                    to_school TEXT NOT NULL,
                    date TEXT NOT NULL
                );
                CREATE INDEX status_change_by_student ON status_change(student, date);

                -- A roster import: one source's lists as of listed_on, rows staged in roster_row
                -- until it is applied.
                CREATE TABLE roster_import (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    source TEXT NOT NULL,
                    listed_on TEXT NOT NULL,
                    file_name TEXT,
                    state TEXT NOT NULL CHECK (state IN ('open', 'applied')),
                    started_at TEXT NOT NULL,
                    started_by TEXT NOT NULL,
                    applied_at TEXT,
                    rows INTEGER NOT NULL DEFAULT 0,
                    matched INTEGER NOT NULL DEFAULT 0,
                    unmatched INTEGER NOT NULL DEFAULT 0,
                    unmatched_school_age INTEGER NOT NULL DEFAULT 0,
                    joined INTEGER NOT NULL DEFAULT 0,
                    unchanged INTEGER NOT NULL DEFAULT 0,
                    left_count INTEGER NOT NULL DEFAULT 0,
                    closing_skipped INTEGER NOT NULL DEFAULT 0
                );
                CREATE TABLE roster_row (
                    import_id INTEGER NOT NULL REFERENCES roster_import(id),
                    id_number TEXT NOT NULL,
                    category TEXT NOT NULL,
                    name TEXT NOT NULL,
                    householder TEXT,
                    township TEXT NOT NULL,
                    detail TEXT,
                    row INTEGER NOT NULL,
                    PRIMARY KEY (import_id, id_number, category)
                ) WITHOUT ROWID;
                -- Who is on which list, and when: one row per person per list per stay on it.
                -- until is the date of the import that no longer had them (history is kept).
                CREATE TABLE membership (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    id_number TEXT NOT NULL,
                    category TEXT NOT NULL,
                    source TEXT NOT NULL,
                    name TEXT NOT NULL,
                    householder TEXT,
                    township TEXT NOT NULL,
                    detail TEXT,
                    since TEXT NOT NULL,
                    until TEXT,
                    joined_import INTEGER NOT NULL,
                    left_import INTEGER
                );
                CREATE UNIQUE INDEX membership_open ON membership(id_number, category) WHERE until IS NULL;
                CREATE INDEX membership_by_person ON membership(id_number, category, since);
                -- The school-age children on a list whom no school holds, as last published to
                -- the monitor (subsidy.unmatched): what the next reconciliation compares with.
                CREATE TABLE unlisted_child (
                    id_number TEXT PRIMARY KEY,
                    township TEXT NOT NULL,
                    published_on TEXT NOT NULL
                );

                -- A disbursement batch: one program, one term, a scope, a date. request_id makes a
                -- retried request find its batch; cursor is the last replica row worked on, so a
                -- batch the service stopped in the middle resumes where it was.
                CREATE TABLE batch (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    request_id TEXT NOT NULL UNIQUE,
                    term TEXT NOT NULL,
                    program TEXT NOT NULL,
                    township TEXT,
                    school TEXT,
                    batch_date TEXT NOT NULL,
                    amount INTEGER NOT NULL,
                    central INTEGER NOT NULL,
                    provincial INTEGER NOT NULL,
                    county INTEGER NOT NULL,
                    placeholder INTEGER NOT NULL,
                    state TEXT NOT NULL CHECK (state IN ('running', 'done')),
                    cursor INTEGER NOT NULL DEFAULT 0,
                    paid INTEGER NOT NULL DEFAULT 0,
                    already_paid INTEGER NOT NULL DEFAULT 0,
                    excluded INTEGER NOT NULL DEFAULT 0,
                    started_at TEXT NOT NULL,
                    started_by TEXT NOT NULL,
                    actor BLOB NOT NULL,
                    finished_at TEXT
                );
                CREATE INDEX batch_by_term ON batch(term, program, state);
                CREATE TABLE batch_exclusion (
                    batch_id INTEGER NOT NULL REFERENCES batch(id),
                    student TEXT NOT NULL,
                    reason TEXT NOT NULL,
                    since TEXT,
                    PRIMARY KEY (batch_id, student)
                ) WITHOUT ROWID;
                CREATE INDEX exclusion_by_student ON batch_exclusion(student);

                CREATE TABLE payment (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    student TEXT NOT NULL,
                    program TEXT NOT NULL,
                    term TEXT NOT NULL,
                    attempt INTEGER NOT NULL CHECK (attempt >= 1),
                    batch_id INTEGER NOT NULL REFERENCES batch(id),
                    township TEXT NOT NULL,
                    school TEXT NOT NULL,
                    grade INTEGER NOT NULL,
                    stage TEXT NOT NULL,
                    amount INTEGER NOT NULL CHECK (amount > 0),
                    central INTEGER NOT NULL CHECK (central >= 0),
                    provincial INTEGER NOT NULL CHECK (provincial >= 0),
                    county INTEGER NOT NULL CHECK (county >= 0),
                    state TEXT NOT NULL CHECK (state IN ('pending', 'paid', 'failed')),
                    reissue_of INTEGER UNIQUE REFERENCES payment(id),
                    failure TEXT,
                    note TEXT,
                    settled_on TEXT,
                    recorded_at TEXT NOT NULL,
                    CHECK (central + provincial + county = amount),
                    CHECK ((attempt = 1) = (reissue_of IS NULL))
                );
                -- At most one live payment per child, program and term: the rule of DOMAIN.md,
                -- kept by the database whatever the code does.
                CREATE UNIQUE INDEX payment_once ON payment(student, program, term) WHERE state != 'failed';
                -- Every attempt once; also how a batch finds a child's payment of the program.
                CREATE UNIQUE INDEX payment_attempt ON payment(student, program, term, attempt);
                CREATE INDEX payment_by_batch ON payment(batch_id);
                CREATE TRIGGER payment_fixed BEFORE UPDATE OF student, program, term, attempt, batch_id, amount, central, provincial, county, reissue_of ON payment
                BEGIN SELECT RAISE(ABORT, 'a payment''s child, program, term and amount never change'); END;
                CREATE TRIGGER payment_settled BEFORE UPDATE OF state ON payment WHEN OLD.state != 'pending' AND NEW.state != OLD.state
                BEGIN SELECT RAISE(ABORT, 'a paid or failed payment stays so: a reissue is a new payment'); END;
                CREATE TRIGGER payment_kept BEFORE DELETE ON payment
                BEGIN SELECT RAISE(ABORT, 'payments are never deleted'); END;
                CREATE TRIGGER payment_reissues_a_failure BEFORE INSERT ON payment WHEN NEW.reissue_of IS NOT NULL
                    AND NOT EXISTS (SELECT 1 FROM payment p WHERE p.id = NEW.reissue_of AND p.state = 'failed'
                        AND p.student = NEW.student AND p.program = NEW.program AND p.term = NEW.term AND p.attempt = NEW.attempt - 1)
                BEGIN SELECT RAISE(ABORT, 'only a failed payment of the same child, program and term is reissued'); END;

                -- Alerts (预警) of "不漏一人": one open per child, rule, program and term.
                CREATE TABLE alert (
                    \(AlertTable.commonColumns),
                    program TEXT NOT NULL,
                    term TEXT NOT NULL
                );
                CREATE UNIQUE INDEX alert_one_open ON alert(student, rule, program, term) WHERE state != 'resolved';
                CREATE INDEX alert_by_township ON alert(township, state, id);
                """)
        }
        // A batch works through children in student-number order, not replica order: its
        // payments then go into the payment indexes (keyed by student number) in order, which
        // halves the cost of writing them (docs/performance.md, "Student aid"). A batch left
        // running by an older version starts its walk again; the children it already paid are
        // recognised as its own and passed over. The list-stay index also covers `until`, so the
        // eligibility check for a child reads the index alone.
        migrator.registerMigration("v2-batch-by-number") { db in
            try db.execute(sql: """
                ALTER TABLE batch ADD COLUMN after_student TEXT NOT NULL DEFAULT '';
                ALTER TABLE batch DROP COLUMN cursor;
                DROP INDEX membership_by_person;
                CREATE INDEX membership_by_person ON membership(id_number, category, since, until);
                """)
        }
        // Outbox compaction (decision 125): an alert's earlier states and a child's earlier
        // listing go once superseded and older than the retention; payments are kept.
        migrator.registerMigration("v3-outbox-compaction") { db in
            try Outbox.migrateCompaction(db, bodies: [SubsidyMessage.Event.alert: Alert.self, SubsidyMessage.Event.unmatched: UnlistedChildEvent.self])
        }
        // The shared outbox reads rows holding a run of events (decision 143).
        migrator.registerMigration("v4-outbox-runs") { db in try Outbox.migrateRuns(db) }
        return migrator
    }
}
