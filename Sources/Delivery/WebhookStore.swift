import BaoxueContracts
import Foundation
import GRDB

/// The webhooks in `<data>/delivery.sqlite`: those of `gateway.webhooks` (synced at start, changed
/// only in the configuration) and those added with `baoxue webhook add`. Removing one keeps its
/// row, so its past deliveries still name it; its undelivered ones die with the reason.
public struct WebhookStore: Sendable {
    public let database: DatabasePool

    public init(database: DatabasePool) {
        self.database = database
    }

    /// Active webhooks, by name.
    public func list() throws -> [Webhook] {
        try database.read { db in try Self.active(db) }
    }

    /// - Throws: `webhook.notFound` with the names there are.
    public func webhook(named name: String) throws -> Webhook {
        try database.read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM webhook WHERE name = ? AND removed_at IS NULL", arguments: [name]) else {
                let names = try Self.active(db).map(\.name)
                throw Self.notFound(name, known: names)
            }
            return try Self.webhook(row)
        }
    }

    /// Adds a webhook (`source` cli).
    /// - Throws: `webhook.exists` when an active webhook has the name.
    public func add(_ definition: WebhookDefinition, by user: String) throws -> Webhook {
        try database.write { db in
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM webhook WHERE name = ? AND removed_at IS NULL", arguments: [definition.name]) == true {
                throw ServiceError(.webhookExists, "已有名为\(definition.name)的推送渠道，请换一个名称或先删除它：baoxue webhook remove \(definition.name) (a webhook named \(definition.name) exists; choose another name or remove it first)")
            }
            return try Self.insert(db, definition, source: "cli", by: user)
        }
    }

    /// Removes a webhook added with the CLI; its pending and failed deliveries become dead.
    /// - Throws: `webhook.notFound`; `webhook.fromConfig` for one of `gateway.webhooks`.
    public func remove(named name: String) throws -> Webhook {
        try database.write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM webhook WHERE name = ? AND removed_at IS NULL", arguments: [name]) else {
                throw Self.notFound(name, known: try Self.active(db).map(\.name))
            }
            let webhook = try Self.webhook(row)
            guard webhook.source != "config" else {
                throw ServiceError(.webhookFromConfig, "\(name)来自配置文件 gateway.webhooks，请在配置中删除后重启网关 (\(name) comes from gateway.webhooks in the configuration; remove it there and restart the gateway)")
            }
            try Self.retire(db, id: webhook.id)
            return webhook
        }
    }

    /// Makes the configured webhooks (`gateway.webhooks`) the active `config` ones: adds the new,
    /// updates changed ones in place (their queues go to the new address), removes those no
    /// longer configured. A CLI webhook of the same name is taken over by the configuration.
    @discardableResult
    public func sync(configured: [WebhookDefinition], now: String = Timestamp.now()) throws -> (added: Int, updated: Int, removed: Int) {
        try database.write { db in
            var counts = (added: 0, updated: 0, removed: 0)
            let names = Set(configured.map(\.name))
            for row in try Row.fetchAll(db, sql: "SELECT id, name FROM webhook WHERE source = 'config' AND removed_at IS NULL") where !names.contains(row["name"]) {
                try Self.retire(db, id: row["id"], at: now)
                counts.removed += 1
            }
            for definition in configured {
                if let row = try Row.fetchOne(db, sql: "SELECT * FROM webhook WHERE name = ? AND removed_at IS NULL", arguments: [definition.name]) {
                    let current = try Self.webhook(row)
                    if current.url == definition.url, current.kind == definition.kind, current.target == definition.target, current.source == "config" { continue }
                    try db.execute(
                        sql: "UPDATE webhook SET url = ?, kind = ?, township = ?, school = ?, county = ?, surrogate = ?, source = 'config' WHERE id = ?",
                        arguments: [definition.url.raw, definition.kind.rawValue, definition.target.township, definition.target.school, definition.target.isCounty, definition.target.surrogate, current.id])
                    counts.updated += 1
                } else {
                    _ = try Self.insert(db, definition, source: "config", by: "gateway.webhooks", at: now)
                    counts.added += 1
                }
            }
            return counts
        }
    }

    // MARK: Rows

    static func insert(_ db: Database, _ definition: WebhookDefinition, source: String, by user: String, at now: String = Timestamp.now()) throws -> Webhook {
        try db.execute(
            sql: "INSERT INTO webhook (name, url, kind, township, school, county, surrogate, source, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            arguments: [definition.name, definition.url.raw, definition.kind.rawValue, definition.target.township, definition.target.school, definition.target.isCounty, definition.target.surrogate, source, now, user])
        return Webhook(id: db.lastInsertedRowID, name: definition.name, url: definition.url, kind: definition.kind, target: definition.target, source: source, createdAt: now, createdBy: user)
    }

    static func retire(_ db: Database, id: Int64, at now: String = Timestamp.now()) throws {
        try db.execute(sql: "UPDATE webhook SET removed_at = ? WHERE id = ?", arguments: [now, id])
        try db.execute(
            sql: "UPDATE delivery SET state = 'dead', last_error = ? WHERE webhook_id = ? AND state IN ('pending', 'failed')",
            arguments: ["渠道已删除 (webhook removed)", id])
    }

    static func active(_ db: Database) throws -> [Webhook] {
        try Row.fetchAll(db, sql: "SELECT * FROM webhook WHERE removed_at IS NULL ORDER BY name").map(webhook)
    }

    static func webhook(_ row: Row) throws -> Webhook {
        let township: String? = row["township"], school: String? = row["school"], surrogate: Int64? = row["surrogate"]
        let target: WebhookTarget = township.map(WebhookTarget.township) ?? school.map(WebhookTarget.school) ?? surrogate.map(WebhookTarget.surrogate) ?? .county
        return Webhook(
            id: row["id"], name: row["name"], url: try WebhookURL(row["url"]), kind: WebhookKind(rawValue: row["kind"]) ?? .generic,
            target: target, source: row["source"], createdAt: row["created_at"], createdBy: row["created_by"])
    }

    static func notFound(_ name: String, known: [String]) -> ServiceError {
        let zh = known.isEmpty ? "还没有推送渠道" : "现有：\(known.joined(separator: "、"))"
        let en = known.isEmpty ? "there are none yet" : "there are: \(known.joined(separator: ", "))"
        return ServiceError(.webhookNotFound, "没有名为\(name)的推送渠道；\(zh)。用 baoxue webhook list 查看 (no webhook named \(name); \(en); see baoxue webhook list)")
    }
}
