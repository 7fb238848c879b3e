import GRDB

/// The children the subsidy service found on a family list and in no school (migration
/// `v6-family-lists`): what the cross-check's aid-list comparison reads.
enum FamilyListSchema {
    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            -- One row per child while they are on a list and unmatched; removed when the subsidy
            -- service says they left every list (or were matched to a registered child).
            -- township: the list's township (9 digits) or county code (6 digits).
            CREATE TABLE family_listed_child (
                id_number TEXT PRIMARY KEY,
                name TEXT NOT NULL,
                township TEXT NOT NULL,
                registered_poor INTEGER NOT NULL,
                categories TEXT NOT NULL,
                listed_on TEXT NOT NULL
            ) WITHOUT ROWID;
            """)
    }
}
