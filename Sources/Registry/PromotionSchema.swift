import GRDB

/// One row per school and school year promoted, so a school moves up once a year however many
/// times the year-end command runs (decision 83).
enum PromotionSchema {
    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE promotion (
                school TEXT NOT NULL REFERENCES school(code),
                school_year INTEGER NOT NULL,
                date TEXT NOT NULL,
                promoted INTEGER NOT NULL,
                graduated INTEGER NOT NULL,
                recorded_by TEXT NOT NULL,
                PRIMARY KEY (school, school_year)
            )
            """)
    }
}
