import GRDB

/// Migration "v7-cohorts": what the consolidation rate (巩固率, decision 100) counts, kept as it
/// happens, because the replica holds only today's grade and `register_status` (migration
/// "v3-targets") logs statuses, not grades.
///
/// - `cohort_mark`: for each child, the day they were first on the register in grade 1 and
///   enrolled (`entered`), and the day they graduated from grade 9 (`completed`), each with the
///   school and township then. One of each per child: a child who repeats grade 1 belongs to the
///   cohort they entered with. Written by ``ReplicaStore`` as it applies the registry's events,
///   with the county's injected date, so tests and drills can set the day.
/// - `register_history`: one row, the day the monitor began keeping these marks. A cohort is
///   counted only when its first school day lies on or after it; before it the monitor cannot
///   know who entered and left again.
///
/// The backfill marks the children in grade 1 now as entered before the history began (date
/// empty: they are in no cohort the monitor can count, since it did not see them arrive), and the
/// children who graduated from grade 9 on their graduation date, which the replica holds. Both
/// tables are append-only, like the other logs.
enum CohortSchema {
    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE cohort_mark (
                student TEXT NOT NULL,
                kind TEXT NOT NULL,
                date TEXT NOT NULL,
                school TEXT NOT NULL,
                township TEXT NOT NULL,
                PRIMARY KEY (student, kind)
            );
            CREATE INDEX cohort_mark_by_date ON cohort_mark(kind, date);
            CREATE TABLE register_history (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                began_on TEXT NOT NULL
            );
            INSERT INTO cohort_mark (student, kind, date, school, township)
                SELECT number, 'entered', '', school, township FROM student WHERE grade = 1 AND status = 'enrolled';
            INSERT INTO cohort_mark (student, kind, date, school, township)
                SELECT number, 'completed', COALESCE(status_date, ''), school, township FROM student WHERE grade = 9 AND status = 'graduated';
            CREATE TRIGGER cohort_mark_no_update BEFORE UPDATE ON cohort_mark BEGIN SELECT RAISE(ABORT, 'cohort_mark is append-only'); END;
            CREATE TRIGGER cohort_mark_no_delete BEFORE DELETE ON cohort_mark BEGIN SELECT RAISE(ABORT, 'cohort_mark is append-only'); END;
            CREATE TRIGGER register_history_no_update BEFORE UPDATE ON register_history BEGIN SELECT RAISE(ABORT, 'register_history is append-only'); END;
            CREATE TRIGGER register_history_no_delete BEFORE DELETE ON register_history BEGIN SELECT RAISE(ABORT, 'register_history is append-only'); END;
            """)
    }
}
