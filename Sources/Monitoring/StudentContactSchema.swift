import GRDB

/// Migration "v8-student-contact": the replica keeps each child's sex and guardian (name and
/// phone), which the dropout ledger shows (性别, 监护人, masked phone: decision 103) and which
/// it had read only into the `family` key until now.
///
/// The backfill takes what the replica already holds: the sex from the ID number's 17th digit
/// (odd is male, GB 11643), the phone or the guardian's name from the `family` key
/// (`phone:…` or `guardian:NAME@region`). What it cannot know (the sex of a child without an ID
/// number, a guardian's name beside a phone) stays empty until the registry's next event about
/// that child, which carries the whole record.
enum StudentContactSchema {
    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE student ADD COLUMN sex TEXT;
            ALTER TABLE student ADD COLUMN guardian_name TEXT;
            ALTER TABLE student ADD COLUMN guardian_phone TEXT;
            UPDATE student SET sex = CASE WHEN CAST(substr(id_number, 17, 1) AS INTEGER) % 2 = 1 THEN 'male' ELSE 'female' END
                WHERE id_number IS NOT NULL AND length(id_number) = 18;
            UPDATE student SET guardian_phone = substr(family, 7) WHERE family LIKE 'phone:%';
            UPDATE student SET guardian_name = substr(family, 10, instr(family, '@') - 10)
                WHERE family LIKE 'guardian:%' AND instr(family, '@') > 10;
            """)
    }
}
