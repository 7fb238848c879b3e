import Foundation

/// Several events of one transaction stored in one outbox row (decision 143). An import adds a
/// `registry.student.added` event per child; as a row each, the outbox's B-tree and its key index
/// cost the writer about a third of the import. A run keeps each event's exact frames (topic,
/// header, body) and its compaction key, packed one after the other, so what is published and
/// replayed is byte for byte what single rows would have given.
///
/// The row is stored under the run's last sequence number with `events` = the run's length, so
/// the events are numbered `seq - events + 1 ... seq`, the outbox's end is still its highest
/// `seq`, and a reader after any number inside a run finds the run's row with `seq > after`.
/// Its `topic` column holds the events' type and its `header` column the last event's header.
/// A run has no key of its own: compaction first writes the runs it is about to cover back as
/// single rows (``Outbox/compact(_:through:limit:)``), days after the import, off its path.
///
/// Layout, version 2 (decision 158): a version byte, then the run's header template
/// (``OutboxHeaderTemplate``: the three parts around the event's number, each length-prefixed,
/// 4 bytes little-endian), then per event three length-prefixed fields: topic, body, key (length
/// `0xFFFFFFFF` for no key). Every header of a run is its template with the event's number put in,
/// so it is stored once: an import's header was a fifth of each event's bytes, written to the WAL
/// and copied into the database file like the rest.
///
/// Version 1, still read (runs stored before version 2), and still written for a run without a
/// template (an actor whose name holds the template's marker): per event four fields, topic,
/// header, body, key.
struct OutboxRun {
    /// Events per row at most: a run of a 2,500-row batch stays a few hundred KiB a row.
    static let limit = 1_000
    /// Each event's header stored whole.
    static let wholeHeaders: UInt8 = 1
    /// The run's header template stored once.
    static let templated: UInt8 = 2
    private static let noKey = UInt32.max

    /// One event as a single row would store it.
    struct Entry {
        var topic: String
        var header: Data
        var body: Data
        var key: String?
    }

    let type: String
    private(set) var count = 0
    /// Bytes, not `Data`: a run gathers several fields and lengths per event, and `Data`'s
    /// append cost more than the copy it makes (decision 152).
    private(set) var packed: [UInt8]
    /// The headers of a version 2 run.
    private let template: OutboxHeaderTemplate?
    /// Where the last event's header is in `packed`, in a version 1 run.
    private var lastHeaderRange = 0..<0

    /// A run whose headers come from `template`, or are each given whole when there is none.
    init(type: String, template: OutboxHeaderTemplate?, capacity: Int = 0) {
        self.type = type
        self.template = template
        packed = [template == nil ? Self.wholeHeaders : Self.templated]
        packed.reserveCapacity(capacity)
        if let template {
            append(template.parts.head)
            append(template.parts.middle)
            append(template.parts.tail)
        }
    }

    /// The header of the run's last event, `lastSeq`, stored in the row's `header` column.
    func lastHeader(lastSeq: Int64) -> Data {
        template?.header(seq: lastSeq) ?? Data(packed[lastHeaderRange])
    }

    /// Adds one event; `header` is its header whole, for a run without a template (and ignored
    /// in one with). The bytes go once into the run, with nothing made on the way.
    mutating func add(topic: String, header: Data?, body: some Collection<UInt8>, key: String?) {
        precondition(template != nil || header != nil, "a run without a template needs each event's header")
        count += 1
        append(topic.utf8)
        if template == nil, let header {
            lastHeaderRange = packed.count + 4..<packed.count + 4 + header.count
            append(header)
        }
        append(body)
        if let key { append(key.utf8) } else { appendLength(Self.noKey) }
    }

    /// A field's length, then its bytes, with nothing copied on the way (a topic or a key made
    /// into `Data` first cost two allocations per event).
    private mutating func append(_ field: some Collection<UInt8>) {
        appendLength(UInt32(field.count))
        packed.append(contentsOf: field)
    }

    private mutating func appendLength(_ length: UInt32) {
        withUnsafeBytes(of: length.littleEndian) { packed.append(contentsOf: $0) }
    }

    /// The events of a stored run numbered above `after`, at most `limit` of them, each as a
    /// single row would hold it. A row that does not hold `count` well-formed events throws: a
    /// damaged outbox is never published short.
    static func entries(_ packed: some ContiguousBytes, lastSeq: Int64, count: Int, after: Int64 = .min, limit: Int = .max) throws -> [(seq: Int64, entry: Entry)] {
        try packed.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
            guard let version = bytes.first, version == wholeHeaders || version == templated else {
                throw OutboxRunError(seq: lastSeq, reason: "unknown version")
            }
            var offset = 1
            func field() throws -> UnsafeRawBufferPointer? {
                guard offset + 4 <= bytes.count else { throw OutboxRunError(seq: lastSeq, reason: "cut short") }
                let length = UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
                offset += 4
                if length == noKey { return nil }
                guard offset + Int(length) <= bytes.count else { throw OutboxRunError(seq: lastSeq, reason: "cut short") }
                defer { offset += Int(length) }
                return UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + Int(length)])
            }
            var template: OutboxHeaderTemplate?
            if version == templated {
                guard let head = try field(), let middle = try field(), let tail = try field() else {
                    throw OutboxRunError(seq: lastSeq, reason: "a missing header template")
                }
                template = OutboxHeaderTemplate(head: head, middle: middle, tail: tail)
            }
            var found: [(seq: Int64, entry: Entry)] = []
            var seq = lastSeq - Int64(count)
            for _ in 0..<count {
                seq += 1
                let missing = OutboxRunError(seq: lastSeq, reason: "a missing field")
                guard let topic = try field() else { throw missing }
                // Version 1 stores each header whole; version 2 makes it from the template.
                var whole: UnsafeRawBufferPointer?
                if template == nil {
                    guard let stored = try field() else { throw missing }
                    whole = stored
                }
                guard let body = try field() else { throw missing }
                let key = try field()
                guard seq > after, found.count < limit else { continue }
                let header = whole.map { Data($0) } ?? template!.header(seq: seq)
                found.append((seq, Entry(
                    topic: String(decoding: topic, as: UTF8.self), header: header, body: Data(body),
                    key: key.map { String(decoding: $0, as: UTF8.self) })))
            }
            guard offset == bytes.count else { throw OutboxRunError(seq: lastSeq, reason: "bytes after its last event") }
            return found
        }
    }
}

/// An outbox row that claims to hold a run of events and does not.
struct OutboxRunError: Error, CustomStringConvertible {
    var seq: Int64
    var reason: String
    var description: String { "the outbox row of events up to \(seq) is damaged: \(reason)" }
}
