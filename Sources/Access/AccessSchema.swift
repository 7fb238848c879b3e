import Foundation
import GRDB

/// The gateway's own tables: user accounts (token digests only) and the audit log, which
/// triggers keep append-only, plus this installation's secret for audit references.
enum AccessSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-users-audit") { db in
            try db.execute(sql: """
                CREATE TABLE user (
                    name TEXT PRIMARY KEY,
                    role TEXT NOT NULL,
                    township TEXT,
                    school TEXT,
                    tokenDigest TEXT NOT NULL UNIQUE,
                    createdAt TEXT NOT NULL,
                    tokenIssuedAt TEXT NOT NULL,
                    disabledAt TEXT
                );
                CREATE TABLE audit (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    at TEXT NOT NULL,
                    user TEXT NOT NULL,
                    role TEXT NOT NULL,
                    via TEXT NOT NULL,
                    action TEXT NOT NULL,
                    outcome TEXT NOT NULL,
                    subject TEXT,
                    detail TEXT,
                    township TEXT,
                    school TEXT,
                    subjectRef TEXT,
                    subjectRef2 TEXT
                );
                CREATE INDEX audit_by_user ON audit(user, id);
                CREATE INDEX audit_by_ref ON audit(subjectRef);
                CREATE INDEX audit_by_ref2 ON audit(subjectRef2);
                CREATE INDEX audit_by_time ON audit(at);
                CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
                CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
                CREATE TABLE secret (name TEXT PRIMARY KEY, value BLOB NOT NULL);
                """)
            var generator = SystemRandomNumberGenerator()
            let key = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
            try db.execute(sql: "INSERT INTO secret (name, value) VALUES ('audit', ?)", arguments: [Data(key)])
        }
        // An HTTP write's `Idempotency-Key`, remembered for the route it was first sent to, so the
        // key sent again to another route is refused instead of quietly doing something else.
        migrator.registerMigration("v2-idempotency-keys") { db in
            try db.execute(sql: """
                CREATE TABLE idempotency_key (
                    user TEXT NOT NULL,
                    key TEXT NOT NULL,
                    route TEXT NOT NULL,
                    target TEXT NOT NULL,
                    firstAt TEXT NOT NULL,
                    PRIMARY KEY (user, key)
                ) WITHOUT ROWID;
                CREATE INDEX idempotency_key_by_time ON idempotency_key(firstAt);
                """)
        }
        // Figures of the yearly summary that no service holds (buildings, teachers, funds outside
        // student aid), entered by county operators; one current value per year and key, each
        // change in the audit log.
        migrator.registerMigration("v3-report-inputs") { db in
            try db.execute(sql: """
                CREATE TABLE report_input (
                    year INTEGER NOT NULL,
                    key TEXT NOT NULL,
                    value TEXT NOT NULL,
                    note TEXT,
                    enteredBy TEXT NOT NULL,
                    enteredAt TEXT NOT NULL,
                    PRIMARY KEY (year, key)
                ) WITHOUT ROWID;
                """)
        }
        // The dashboard's sign-ins (decision 129): a session names its user and the digest of the
        // token it was opened with, so rotating or disabling the token ends it; only the
        // session id's digest is kept.
        migrator.registerMigration("v4-web-sessions") { db in
            try db.execute(sql: """
                CREATE TABLE web_session (
                    digest TEXT PRIMARY KEY,
                    user TEXT NOT NULL,
                    tokenDigest TEXT NOT NULL,
                    csrf TEXT NOT NULL,
                    createdAt TEXT NOT NULL,
                    expiresAt TEXT NOT NULL
                ) WITHOUT ROWID;
                CREATE INDEX web_session_by_expiry ON web_session(expiresAt);
                """)
        }
        return migrator
    }
}
