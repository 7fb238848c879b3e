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
        migrator.registerMigration("v2-webhooks") { db in
            try db.execute(sql: """
                -- Where alerts go besides the stream: a township's, a school's or the county's
                -- robot or receiver. Removing one keeps the row (its deliveries name it).
                CREATE TABLE webhook (
                    id INTEGER PRIMARY KEY,
                    name TEXT NOT NULL,
                    url TEXT NOT NULL,
                    kind TEXT NOT NULL CHECK (kind IN ('generic', 'wecom', 'dingtalk')),
                    township TEXT,
                    school TEXT,
                    county INTEGER NOT NULL DEFAULT 0,
                    source TEXT NOT NULL CHECK (source IN ('config', 'cli')),
                    created_at TEXT NOT NULL,
                    created_by TEXT NOT NULL,
                    removed_at TEXT,
                    CHECK ((township IS NOT NULL) + (school IS NOT NULL) + county = 1)
                );
                CREATE UNIQUE INDEX webhook_by_name ON webhook(name) WHERE removed_at IS NULL;

                -- One message to one webhook, created in the transaction that made its reason
                -- (the followed event, the escalation, the digest), so none is lost or doubled:
                -- (webhook_id, subject) is unique.
                CREATE TABLE delivery (
                    id INTEGER PRIMARY KEY,
                    webhook_id INTEGER NOT NULL REFERENCES webhook(id),
                    purpose TEXT NOT NULL CHECK (purpose IN ('alert', 'escalation', 'digest')),
                    subject TEXT NOT NULL,
                    seq INTEGER,
                    alert_id INTEGER,
                    township TEXT NOT NULL,
                    school TEXT,
                    payload BLOB NOT NULL,
                    state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'delivered', 'failed', 'dead')),
                    attempts INTEGER NOT NULL DEFAULT 0,
                    last_status INTEGER,
                    last_error TEXT,
                    next_attempt_ms INTEGER NOT NULL,
                    created_at TEXT NOT NULL,
                    delivered_at TEXT,
                    UNIQUE (webhook_id, subject)
                );
                CREATE INDEX delivery_queue ON delivery(webhook_id, id) WHERE state IN ('pending', 'failed');
                CREATE INDEX delivery_by_township ON delivery(township, id);
                CREATE INDEX delivery_by_state ON delivery(state, id);

                -- Alerts escalated to the county for want of acknowledgement: once each.
                CREATE TABLE escalation (
                    alert_id INTEGER PRIMARY KEY,
                    township TEXT NOT NULL,
                    reason TEXT NOT NULL,
                    escalated_at TEXT NOT NULL
                );

                -- Daily digests sent: once per township per county day.
                CREATE TABLE digest (
                    township TEXT NOT NULL,
                    day TEXT NOT NULL,
                    sent_at TEXT NOT NULL,
                    PRIMARY KEY (township, day)
                );
                """)
        }
        migrator.registerMigration("v3-several-publishers") { db in
            try db.execute(sql: """
                -- The feed follows every alerting service: its own sequence (the stream's event
                -- id, continuing after the monitor's numbers it used until now), each event
                -- once by its publisher's sequence number.
                ALTER TABLE alert_event ADD COLUMN publisher_seq INTEGER;
                UPDATE alert_event SET publisher_seq = seq;
                CREATE UNIQUE INDEX alert_event_by_publisher ON alert_event(publisher, publisher_seq);
                DROP INDEX alert_event_by_alert;
                CREATE INDEX alert_event_by_alert ON alert_event(publisher, alert_id, seq);

                -- An alert id is unique within its service only.
                CREATE TABLE escalation_new (
                    publisher TEXT NOT NULL DEFAULT 'monitor',
                    alert_id INTEGER NOT NULL,
                    township TEXT NOT NULL,
                    reason TEXT NOT NULL,
                    escalated_at TEXT NOT NULL,
                    PRIMARY KEY (publisher, alert_id)
                );
                INSERT INTO escalation_new (alert_id, township, reason, escalated_at) SELECT alert_id, township, reason, escalated_at FROM escalation;
                DROP TABLE escalation;
                ALTER TABLE escalation_new RENAME TO escalation;
                """)
        }
        migrator.registerMigration("v4-surrogate-webhooks") { db in
            // SQLite cannot change a CHECK constraint: both tables are rebuilt and renamed, which
            // keeps the ids the deliveries name (GRDB checks foreign keys after the migration).
            try db.execute(sql: """
                -- A webhook's target may be one surrogate parent (the care service's id), who
                -- gets the care notices about the children in their care.
                CREATE TABLE webhook_new (
                    id INTEGER PRIMARY KEY,
                    name TEXT NOT NULL,
                    url TEXT NOT NULL,
                    kind TEXT NOT NULL CHECK (kind IN ('generic', 'wecom', 'dingtalk')),
                    township TEXT,
                    school TEXT,
                    county INTEGER NOT NULL DEFAULT 0,
                    surrogate INTEGER,
                    source TEXT NOT NULL CHECK (source IN ('config', 'cli')),
                    created_at TEXT NOT NULL,
                    created_by TEXT NOT NULL,
                    removed_at TEXT,
                    CHECK ((township IS NOT NULL) + (school IS NOT NULL) + county + (surrogate IS NOT NULL) = 1)
                );
                INSERT INTO webhook_new (id, name, url, kind, township, school, county, source, created_at, created_by, removed_at)
                    SELECT id, name, url, kind, township, school, county, source, created_at, created_by, removed_at FROM webhook;

                CREATE TABLE delivery_new (
                    id INTEGER PRIMARY KEY,
                    webhook_id INTEGER NOT NULL REFERENCES webhook(id),
                    purpose TEXT NOT NULL CHECK (purpose IN ('alert', 'escalation', 'digest', 'notice')),
                    subject TEXT NOT NULL,
                    seq INTEGER,
                    alert_id INTEGER,
                    township TEXT NOT NULL,
                    school TEXT,
                    payload BLOB NOT NULL,
                    state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'delivered', 'failed', 'dead')),
                    attempts INTEGER NOT NULL DEFAULT 0,
                    last_status INTEGER,
                    last_error TEXT,
                    next_attempt_ms INTEGER NOT NULL,
                    created_at TEXT NOT NULL,
                    delivered_at TEXT,
                    UNIQUE (webhook_id, subject)
                );
                INSERT INTO delivery_new SELECT * FROM delivery;
                DROP TABLE delivery;
                DROP TABLE webhook;
                ALTER TABLE webhook_new RENAME TO webhook;
                ALTER TABLE delivery_new RENAME TO delivery;
                CREATE UNIQUE INDEX webhook_by_name ON webhook(name) WHERE removed_at IS NULL;
                CREATE INDEX delivery_queue ON delivery(webhook_id, id) WHERE state IN ('pending', 'failed');
                CREATE INDEX delivery_by_township ON delivery(township, id);
                CREATE INDEX delivery_by_state ON delivery(state, id);
                """)
        }
        // When deliveries start (milliseconds since 1970): events written before it are kept in
        // the feed but sent nowhere. Set once, when the store is made (decision 123).
        migrator.registerMigration("v5-deliver-from") { db in
            try db.execute(sql: "CREATE TABLE delivery_start (deliver_from_ms INTEGER NOT NULL)")
        }
        return migrator
    }
}
