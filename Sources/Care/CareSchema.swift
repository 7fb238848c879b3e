import BaoxueContracts
import BaoxueMessaging
import BaoxueService
import GRDB

/// The care service's tables: its replica of the registry (schools, children), the ledger with its
/// dated history, homes, surrogate parents and their assignments, activities (a surrogate's
/// contacts among them), micro-wishes, its alerts and the notices it sent, plus the outbox, the
/// request journal and the cursors of the registry and monitor subscriptions.
enum CareSchema {
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
                -- One row per child the registry knows, keyed by student number, rebuilt from its
                -- events. `masked` is the student number as the monitor's alerts carry it, so a
                -- warning about a child can be matched to them (with the name).
                CREATE TABLE child (
                    number TEXT PRIMARY KEY,
                    id_number TEXT UNIQUE,
                    masked TEXT NOT NULL,
                    name TEXT NOT NULL,
                    sex TEXT NOT NULL,
                    birth_date TEXT NOT NULL,
                    school TEXT NOT NULL,
                    township TEXT NOT NULL,
                    grade INTEGER NOT NULL,
                    status TEXT NOT NULL,
                    household_type TEXT,
                    orphan INTEGER NOT NULL,
                    unattended INTEGER NOT NULL,
                    left_behind TEXT NOT NULL,
                    revision INTEGER NOT NULL
                );
                CREATE INDEX child_by_masked ON child(masked, name);
                CREATE INDEX child_flagged ON child(township, school) WHERE left_behind != '非留守';

                -- One record per child (reopened, never duplicated): the family situation as
                -- civil affairs records it, and whether the child is on the ledger now. Township
                -- and school follow the child's replica row, for scoped lists.
                CREATE TABLE ledger_entry (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    student TEXT NOT NULL UNIQUE,
                    township TEXT NOT NULL,
                    school TEXT NOT NULL,
                    father TEXT NOT NULL,
                    mother TEXT NOT NULL,
                    guardian TEXT NOT NULL,
                    director TEXT,
                    supervisor TEXT,
                    state TEXT NOT NULL CHECK (state IN ('active', 'inactive')),
                    reasons TEXT NOT NULL,
                    recorded_on TEXT NOT NULL,
                    entered_on TEXT,
                    left_on TEXT,
                    updated_at TEXT NOT NULL
                );
                CREATE INDEX ledger_by_place ON ledger_entry(township, school, state);
                CREATE INDEX ledger_by_state ON ledger_entry(state, entered_on);
                -- Every move on or off the ledger, and every update, dated: append-only.
                CREATE TABLE ledger_move (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    entry_id INTEGER NOT NULL REFERENCES ledger_entry(id),
                    date TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    reasons TEXT NOT NULL,
                    actor TEXT NOT NULL,
                    at TEXT NOT NULL
                );
                CREATE INDEX ledger_move_by_entry ON ledger_move(entry_id, id);
                CREATE TRIGGER ledger_move_no_update BEFORE UPDATE ON ledger_move BEGIN SELECT RAISE(ABORT, 'ledger history is append-only'); END;
                CREATE TRIGGER ledger_move_no_delete BEFORE DELETE ON ledger_move BEGIN SELECT RAISE(ABORT, 'ledger history is append-only'); END;

                -- 留守儿童之家: one per school.
                CREATE TABLE home (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    school TEXT NOT NULL UNIQUE,
                    name TEXT NOT NULL,
                    opened_on TEXT NOT NULL,
                    rooms INTEGER NOT NULL,
                    phones INTEGER NOT NULL,
                    video_devices INTEGER NOT NULL,
                    books INTEGER NOT NULL,
                    in_charge TEXT NOT NULL,
                    updated_at TEXT NOT NULL,
                    updated_by TEXT NOT NULL
                );

                -- 代理家长, registered with a school or a village.
                CREATE TABLE surrogate (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    name TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    phone TEXT,
                    school TEXT,
                    village TEXT,
                    township TEXT NOT NULL,
                    registered_on TEXT NOT NULL,
                    registered_by TEXT NOT NULL
                );
                CREATE INDEX surrogate_by_place ON surrogate(township, school);
                -- A child given to a surrogate, until a day. One current assignment per child;
                -- `last_contact_on` is the latest contact logged on it, for the reminder.
                CREATE TABLE assignment (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    surrogate_id INTEGER NOT NULL REFERENCES surrogate(id),
                    student TEXT NOT NULL,
                    assigned_on TEXT NOT NULL,
                    last_contact_on TEXT,
                    ended_on TEXT,
                    end_reason TEXT,
                    assigned_by TEXT NOT NULL
                );
                CREATE UNIQUE INDEX assignment_current ON assignment(student) WHERE ended_on IS NULL;
                CREATE INDEX assignment_by_surrogate ON assignment(surrogate_id, ended_on);
                CREATE INDEX assignment_by_student ON assignment(student, id);

                -- Care activities; a surrogate's contact is one (kind surrogateContact).
                CREATE TABLE activity (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    kind TEXT NOT NULL,
                    date TEXT NOT NULL,
                    school TEXT NOT NULL,
                    township TEXT NOT NULL,
                    participants INTEGER NOT NULL,
                    note TEXT,
                    surrogate_id INTEGER,
                    way TEXT,
                    recorded_by TEXT NOT NULL,
                    recorded_at TEXT NOT NULL
                );
                CREATE INDEX activity_by_place ON activity(township, school, date);
                CREATE INDEX activity_by_date ON activity(date, kind);
                CREATE TABLE activity_child (
                    activity_id INTEGER NOT NULL REFERENCES activity(id),
                    student TEXT NOT NULL,
                    PRIMARY KEY (activity_id, student)
                );
                CREATE INDEX activity_child_by_student ON activity_child(student, activity_id);

                -- 微心愿.
                CREATE TABLE wish (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    student TEXT NOT NULL,
                    township TEXT NOT NULL,
                    school TEXT NOT NULL,
                    wish TEXT NOT NULL,
                    value INTEGER NOT NULL,
                    state TEXT NOT NULL CHECK (state IN ('posted', 'claimed', 'fulfilled', 'withdrawn')),
                    posted_on TEXT NOT NULL,
                    posted_by TEXT NOT NULL,
                    donor TEXT,
                    claimed_on TEXT,
                    fulfilled_on TEXT,
                    note TEXT,
                    photo TEXT,
                    withdrawn_on TEXT,
                    withdraw_reason TEXT
                );
                CREATE INDEX wish_by_place ON wish(township, school, state);
                CREATE INDEX wish_by_student ON wish(student);

                -- Care alerts, as the monitor keeps its own: one open per child per rule.
                CREATE TABLE alert (
                    \(AlertTable.commonColumns),
                    surrogate_id INTEGER
                );
                CREATE UNIQUE INDEX alert_one_open ON alert(student, rule) WHERE state != 'resolved';
                CREATE INDEX alert_by_township ON alert(township, state, id);

                -- What was sent to a child's surrogate parent or home, once per cause and
                -- recipient (a replayed monitor event sends nothing twice).
                CREATE TABLE notice (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    recipient TEXT NOT NULL,
                    recipient_id INTEGER NOT NULL,
                    student TEXT NOT NULL,
                    township TEXT NOT NULL,
                    school TEXT NOT NULL,
                    source TEXT NOT NULL,
                    source_id INTEGER NOT NULL,
                    source_key TEXT NOT NULL,
                    rule TEXT,
                    text TEXT NOT NULL,
                    text_en TEXT NOT NULL,
                    created_at TEXT NOT NULL
                );
                CREATE UNIQUE INDEX notice_once ON notice(source_key, recipient, recipient_id);
                CREATE INDEX notice_by_student ON notice(student, id);
                CREATE INDEX notice_by_place ON notice(township, school, id);
                """)
        }
        // A school's children on the ledger are counted for homes, gaps and figures, once per
        // school: without an index by school each count read the whole ledger, and `care gaps`
        // for a county of 100,000 children took longer than a caller waits.
        migrator.registerMigration("v2-ledger-by-school") { db in
            try db.execute(sql: "CREATE INDEX ledger_by_school ON ledger_entry(school, state)")
        }
        // Outbox compaction (decision 125): an alert's earlier states go once superseded and
        // older than the retention; notices are kept.
        migrator.registerMigration("v3-outbox-compaction") { db in
            try Outbox.migrateCompaction(db, bodies: [CareMessage.Event.alert: Alert.self])
        }
        // The shared outbox reads rows holding a run of events (decision 143).
        migrator.registerMigration("v4-outbox-runs") { db in try Outbox.migrateRuns(db) }
        return migrator
    }
}
