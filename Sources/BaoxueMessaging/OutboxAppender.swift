import BaoxueContracts
import Foundation
import GRDB

/// Appends the events of one write transaction, numbering them from a single read of the
/// outbox's end (``Outbox/appender(_:)``). Writers are serialised by SQLite, so no other
/// transaction can take a number in between; within the transaction, every event must come
/// through the same appender.
public struct OutboxAppender {
    let outbox: Outbox
    private(set) var next: Int64

    init(outbox: Outbox, next: Int64) {
        self.outbox = outbox
        self.next = next
    }

    /// As ``Outbox/append(_:type:topic:encodedBody:key:actor:)``.
    @discardableResult
    public mutating func append(_ db: Database, type: String, topic: String, encodedBody: Data, key: String?, actor: Actor?) throws -> Int64 {
        let seq = next
        try outbox.insert(db, seq: seq, type: type, topic: topic, encodedBody: encodedBody, key: key, actor: actor)
        next += 1
        return seq
    }

    /// As ``Outbox/append(_:type:topic:body:actor:)``.
    @discardableResult
    public mutating func append(_ db: Database, type: String, topic: String, body: some Encodable, actor: Actor?) throws -> Int64 {
        try append(db, type: type, topic: topic, encodedBody: try WireCoding.encode(body), key: (body as? any Compactable)?.outboxKey, actor: actor)
    }
}
