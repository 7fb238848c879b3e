import BaoxueContracts
import Foundation
import GRDB

/// Appends the events of one write transaction, numbering them from a single read of the
/// outbox's end (``Outbox/appending(_:_:)``). Writers are serialised by SQLite, so no other
/// transaction can take a number in between; within the transaction, every event must come
/// through the same appender.
///
/// Events added with ``appendToRun(_:type:topic:encodedBody:key:actor:)`` are gathered into runs
/// of one row each (``OutboxRun``, decision 143), written when another event comes, when the run
/// is full, or when ``Outbox/appending(_:_:)`` ends; numbers and order are those of single rows.
public struct OutboxAppender {
    let outbox: Outbox
    private(set) var next: Int64
    private var run: OutboxRun?
    /// The headers of this transaction's runs for one type and actor (``OutboxHeaderTemplate``),
    /// or `nil` inside when they must be encoded whole.
    private var headers: (type: String, actor: Actor?, template: OutboxHeaderTemplate?)?

    init(outbox: Outbox, next: Int64) {
        self.outbox = outbox
        self.next = next
    }

    /// As ``Outbox/append(_:type:topic:encodedBody:key:actor:)``.
    @discardableResult
    public mutating func append(_ db: Database, type: String, topic: String, encodedBody: Data, key: String?, actor: Actor?) throws -> Int64 {
        try flush(db)
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

    /// Appends an event to the current run of events of `type` (a new run when the last event
    /// was of another type or the run is full): for the many like events of one transaction,
    /// an import's one per child. The body goes into the run as it is given (a writer's bytes,
    /// not made into `Data` first).
    @discardableResult
    public mutating func appendToRun(_ db: Database, type: String, topic: String, encodedBody: some Collection<UInt8>, key: String?, actor: Actor?) throws -> Int64 {
        // A run's headers come from one template: another type or actor starts another run.
        let sameHeaders = headers?.type == type && headers?.actor == actor
        if let run, !sameHeaders || run.type != type || run.count >= OutboxRun.limit { try flush(db) }
        let seq = next
        if !sameHeaders {
            headers = (type, actor, OutboxHeaderTemplate(outbox: outbox, type: type, actor: actor))
        }
        if run == nil { run = OutboxRun(type: type, template: headers?.template, capacity: 64 << 10) }
        // A run without a template (an actor whose name holds its marker) stores each header whole.
        let header = headers?.template == nil ? try WireCoding.encode(outbox.header(type: type, seq: seq, actor: actor)) : nil
        run?.add(topic: topic, header: header, body: encodedBody, key: key)
        next += 1
        return seq
    }

    /// Writes the run gathered so far: a run of one as an ordinary row, keyed as any other.
    mutating func flush(_ db: Database) throws {
        guard let run else { return }
        self.run = nil
        let last = next - 1
        if run.count == 1 {
            for (seq, only) in try OutboxRun.entries(run.packed, lastSeq: last, count: 1) { try Outbox.insert(db, seq: seq, only) }
        } else {
            // The run's bytes bound where they are: copying a megabyte and a half into a `Data`
            // only for SQLite to copy it again cost a page fault every four kilobytes. The `Data`
            // does not outlive the statement, which binds it only while it runs.
            try run.packed.withUnsafeBytes { bytes in
                let packed = Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: bytes.baseAddress!), count: bytes.count, deallocator: .none)
                try db.cachedStatement(sql: Outbox.insertRunSQL).execute(arguments: [last, run.type, run.lastHeader(lastSeq: last), packed, run.count])
            }
        }
    }
}
