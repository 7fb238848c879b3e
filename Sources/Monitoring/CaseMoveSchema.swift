import GRDB

/// Migration "v4-case-moves": the case log of migration "v3-targets" was a table named
/// `case_ledger`, but "ledger" means the county's 台账 (decision 69), and this is a case's dated
/// moves. The table becomes `case_move`, with its index and triggers renamed and their bodies
/// unchanged; its rows are kept as they are, so an existing database opens with its history.
///
/// The triggers are dropped before the rename and made again after it, rather than left for
/// `ALTER TABLE` to rewrite, so that their names say `case_move` too.
enum CaseMoveSchema {
    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            DROP TRIGGER case_ledger_opened;
            DROP TRIGGER case_ledger_moved;
            DROP TRIGGER case_ledger_no_update;
            DROP TRIGGER case_ledger_no_delete;
            DROP INDEX case_ledger_by_date;
            ALTER TABLE case_ledger RENAME TO case_move;
            CREATE INDEX case_move_by_date ON case_move(date);
            CREATE TRIGGER case_move_opened AFTER INSERT ON dropout_case BEGIN
                INSERT INTO case_move (case_id, kind, date, township, school) VALUES (NEW.id, 'opened', NEW.opened_on, NEW.township, NEW.school);
            END;
            -- open → probation: returned; open → closed: closed; probation → closed: settled
            -- (the probation ended; not a move out of the open state); anything → open: reopened.
            CREATE TRIGGER case_move_state_changed AFTER UPDATE OF state ON dropout_case WHEN OLD.state IS NOT NEW.state BEGIN
                INSERT INTO case_move (case_id, kind, date, township, school, outcome)
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
            CREATE TRIGGER case_move_no_update BEFORE UPDATE ON case_move BEGIN SELECT RAISE(ABORT, 'case_move is append-only'); END;
            CREATE TRIGGER case_move_no_delete BEFORE DELETE ON case_move BEGIN SELECT RAISE(ABORT, 'case_move is append-only'); END;
            """)
    }
}
