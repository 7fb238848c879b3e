import BaoxueMessaging
import GRDB

/// The gateway's delivery store (`<data>/delivery.sqlite`): every alert event followed from the
/// services, in the order they published them, with the subscription's cursor; the stream,
/// webhooks and digests all read from it.
enum DeliverySchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-feed") { db in
            try SQLiteEventSink.migrate(db)
            try db.execute(sql: """
                -- One row per alert event (opened, acknowledged, resolved), keyed by the
                -- publisher's sequence number: the stream's event id.
                CREATE TABLE alert_event (
                    seq INTEGER PRIMARY KEY,
                    publisher TEXT NOT NULL,
                    alert_id INTEGER NOT NULL,
                    township TEXT NOT NULL,
                    school TEXT NOT NULL,
                    rule TEXT NOT NULL,
                    severity TEXT NOT NULL,
                    state TEXT NOT NULL,
                    body BLOB NOT NULL,
                    received_at TEXT NOT NULL
                );
                CREATE INDEX alert_event_by_township ON alert_event(township, seq);
                CREATE INDEX alert_event_by_alert ON alert_event(alert_id, seq);
                """)
        }
        return migrator
    }
}
