import GRDB

/// The school calendar's tables: terms, and the days that differ from their weekday.
enum CalendarSchema {
    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE calendar_term (
                name TEXT PRIMARY KEY,
                starts_on TEXT NOT NULL,
                ends_on TEXT NOT NULL,
                CHECK (starts_on <= ends_on)
            );
            CREATE TABLE calendar_day (
                day TEXT PRIMARY KEY,
                kind TEXT NOT NULL CHECK (kind IN ('holiday', 'workday')),
                note TEXT
            );
            """)
    }
}
