import GRDB

/// The tables of the cross-check (migration `v2-crosscheck`): the household-registration roster
/// and the suspected-dropout ledger.
enum CrosscheckSchema {
    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            -- The population roster of school-age children (户籍适龄人口), upserted by ID number.
            -- township: the first 9 digits of a 9- or 12-digit household region; NULL for a
            -- county-level (6-digit) one. The birth date is read from the ID number itself.
            CREATE TABLE roster_child (
                id INTEGER PRIMARY KEY,
                id_number TEXT NOT NULL UNIQUE,
                name TEXT NOT NULL,
                region TEXT NOT NULL,
                township TEXT,
                guardian_name TEXT,
                guardian_phone TEXT,
                updated_at TEXT NOT NULL
            );
            -- The suspected-dropout ledger (疑似辍学台账): one row per child, ever. student is the
            -- registry's student number, or G + the ID number for a child the registry does not
            -- know (the number the registry would give them). reasons is a JSON array.
            CREATE TABLE crosscheck_suspect (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                student TEXT NOT NULL UNIQUE,
                id_number TEXT,
                name TEXT NOT NULL,
                township TEXT NOT NULL,
                school TEXT,
                registered_poor INTEGER NOT NULL,
                region TEXT,
                reasons TEXT NOT NULL,
                absent_days INTEGER,
                state TEXT NOT NULL,
                category TEXT,
                proof TEXT,
                note TEXT,
                verified_by TEXT,
                verified_on TEXT,
                case_id INTEGER,
                first_found TEXT NOT NULL,
                last_found TEXT NOT NULL,
                closed_on TEXT,
                closure TEXT
            );
            CREATE INDEX suspect_by_township ON crosscheck_suspect(township, state);
            CREATE INDEX suspect_by_state ON crosscheck_suspect(state, registered_poor);
            """)
    }
}
