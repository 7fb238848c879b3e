import GRDB

/// Home-delivered teaching as a placement of its own (migration `v9-home-teaching`, decision 105):
/// one current placement per child, its sessions, its end. Sessions logged on a case before it
/// closed stay with the case (`teaching_session`).
enum HomeTeachingSchema {
    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE home_teaching (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                student TEXT NOT NULL,
                township TEXT NOT NULL,
                school TEXT NOT NULL,
                started_on TEXT NOT NULL,
                reason TEXT NOT NULL,
                teacher TEXT NOT NULL,
                lessons_per_year INTEGER NOT NULL CHECK (lessons_per_year > 0),
                case_id INTEGER REFERENCES dropout_case(id),
                ended_on TEXT,
                end_reason TEXT,
                recorded_by TEXT NOT NULL
            );
            CREATE UNIQUE INDEX home_teaching_current ON home_teaching(student) WHERE ended_on IS NULL;
            CREATE INDEX home_teaching_by_place ON home_teaching(township, school);
            CREATE TABLE home_teaching_session (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                placement_id INTEGER NOT NULL REFERENCES home_teaching(id),
                date TEXT NOT NULL,
                teacher TEXT NOT NULL,
                lessons INTEGER NOT NULL CHECK (lessons BETWEEN 1 AND 10),
                recorded_by TEXT NOT NULL
            );
            CREATE INDEX home_teaching_session_by_placement ON home_teaching_session(placement_id, date);
            """)
    }
}
