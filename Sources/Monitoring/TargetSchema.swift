import GRDB

/// Migration "v3-targets": responsibility documents, and the two dated logs that let a report
/// say how things stood on a past day (a month's end, a year's end) rather than only today.
///
/// - `responsibility_target`: one current document per party and year; a replacement keeps the
///   superseded one with `superseded_by` set, so what was signed first is never lost.
/// - `register_status`: every status (and school or township) a child had, from the day it took
///   effect (`since`, a county date; empty for "before the monitor knew"). Written by triggers on
///   the replica's `student` table, so every path that moves a child is logged, and backfilled
///   from the replica.
/// - `case_ledger` (renamed `case_move` by migration "v4-case-moves", ``CaseMoveSchema``; a
///   migration that has run is never changed, so its SQL keeps the old name): every move of a
///   case into or out of the open state, on the date it took effect (the opening, the registry's
///   return date, the closure date), with the case's township and school then. Written by
///   triggers on `dropout_case`, backfilled from its rows.
///
/// Both logs are append-only, as `case_history` is. Their dates are effective dates, unlike
/// `case_history.at`, which is when something was typed in (docs/decisions.md).
enum TargetSchema {
    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE responsibility_target (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                year INTEGER NOT NULL,
                party_kind TEXT NOT NULL,
                party TEXT NOT NULL,
                township TEXT NOT NULL,
                max_dropouts INTEGER,
                min_enrolment_rate REAL,
                max_open_cases INTEGER,
                signed_by TEXT NOT NULL,
                signed_on TEXT NOT NULL,
                note TEXT,
                recorded_by TEXT NOT NULL,
                recorded_at TEXT NOT NULL,
                replaces INTEGER REFERENCES responsibility_target(id),
                superseded_by INTEGER
            );
            CREATE UNIQUE INDEX target_one_current ON responsibility_target(year, party) WHERE superseded_by IS NULL;
            CREATE INDEX target_by_township ON responsibility_target(year, township);

            CREATE TABLE register_status (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                student TEXT NOT NULL,
                status TEXT NOT NULL,
                school TEXT NOT NULL,
                township TEXT NOT NULL,
                since TEXT NOT NULL
            );
            CREATE INDEX register_status_by_since ON register_status(since);
            INSERT INTO register_status (student, status, school, township, since)
                SELECT number, status, school, township, COALESCE(status_date, '') FROM student ORDER BY rowid;
            CREATE TRIGGER register_status_added AFTER INSERT ON student BEGIN
                INSERT INTO register_status (student, status, school, township, since)
                VALUES (NEW.number, NEW.status, NEW.school, NEW.township, COALESCE(NEW.status_date, ''));
            END;
            -- A status change is dated by the change; a school or township moved by a roster
            -- re-import takes effect the day the monitor hears of it.
            CREATE TRIGGER register_status_changed AFTER UPDATE ON student
            WHEN OLD.status IS NOT NEW.status OR OLD.school IS NOT NEW.school OR OLD.township IS NOT NEW.township BEGIN
                INSERT INTO register_status (student, status, school, township, since)
                VALUES (NEW.number, NEW.status, NEW.school, NEW.township,
                    CASE WHEN (OLD.status IS NOT NEW.status OR OLD.status_date IS NOT NEW.status_date) AND NEW.status_date IS NOT NULL
                        THEN NEW.status_date ELSE date('now', '+8 hours') END);
            END;
            CREATE TRIGGER register_status_no_update BEFORE UPDATE ON register_status BEGIN SELECT RAISE(ABORT, 'register_status is append-only'); END;
            CREATE TRIGGER register_status_no_delete BEFORE DELETE ON register_status BEGIN SELECT RAISE(ABORT, 'register_status is append-only'); END;

            -- The day a case was reopened; the opening day stays in opened_on.
            ALTER TABLE dropout_case ADD COLUMN reopened_on TEXT;
            CREATE TABLE case_ledger (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                case_id INTEGER NOT NULL REFERENCES dropout_case(id),
                kind TEXT NOT NULL,
                date TEXT NOT NULL,
                township TEXT NOT NULL,
                school TEXT NOT NULL,
                outcome TEXT
            );
            CREATE INDEX case_ledger_by_date ON case_ledger(date);
            INSERT INTO case_ledger (case_id, kind, date, township, school)
                SELECT id, 'opened', opened_on, township, school FROM dropout_case ORDER BY id;
            INSERT INTO case_ledger (case_id, kind, date, township, school, outcome)
                SELECT id, CASE WHEN outcome = 'returned' THEN 'returned' ELSE 'closed' END, closed_on, township, school, outcome
                FROM dropout_case WHERE state != 'open' AND closed_on IS NOT NULL ORDER BY id;
            INSERT INTO case_ledger (case_id, kind, date, township, school, outcome)
                SELECT id, 'settled', COALESCE(probation_until, closed_on), township, school, outcome
                FROM dropout_case WHERE state = 'closed' AND outcome = 'returned' AND closed_on IS NOT NULL ORDER BY id;
            CREATE TRIGGER case_ledger_opened AFTER INSERT ON dropout_case BEGIN
                INSERT INTO case_ledger (case_id, kind, date, township, school) VALUES (NEW.id, 'opened', NEW.opened_on, NEW.township, NEW.school);
            END;
            -- open → probation: returned; open → closed: closed; probation → closed: settled
            -- (the probation ended; not a move out of the open state); anything → open: reopened.
            CREATE TRIGGER case_ledger_moved AFTER UPDATE OF state ON dropout_case WHEN OLD.state IS NOT NEW.state BEGIN
                INSERT INTO case_ledger (case_id, kind, date, township, school, outcome)
                VALUES (NEW.id,
                    CASE WHEN NEW.state = 'open' THEN 'reopened'
                        WHEN NEW.state = 'probation' THEN 'returned'
                        WHEN OLD.state = 'probation' THEN 'settled'
                        ELSE 'closed' END,
                    CASE WHEN NEW.state = 'open' THEN COALESCE(NEW.reopened_on, date('now', '+8 hours'))
                        WHEN OLD.state = 'probation' THEN COALESCE(OLD.probation_until, NEW.closed_on, date('now', '+8 hours'))
                        ELSE COALESCE(NEW.closed_on, date('now', '+8 hours')) END,
                    NEW.township, NEW.school, NEW.outcome);
            END;
            CREATE TRIGGER case_ledger_no_update BEFORE UPDATE ON case_ledger BEGIN SELECT RAISE(ABORT, 'case_ledger is append-only'); END;
            CREATE TRIGGER case_ledger_no_delete BEFORE DELETE ON case_ledger BEGIN SELECT RAISE(ABORT, 'case_ledger is append-only'); END;
            """)
    }
}
