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
/// Layout: a version byte, then per event four length-prefixed fields (4 bytes, little-endian):
/// topic, header, body, key (length `0xFFFFFFFF` for no key).
struct OutboxRun {
    /// Events per row at most: a run of a 2,500-row batch stays a few hundred KiB a row.
    static let limit = 1_000
    static let version: UInt8 = 1
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
    /// Bytes, not `Data`: a run gathers four fields and four lengths per event, and `Data`'s
    /// append cost more than the copy it makes (decision 152).
    private(set) var packed: [UInt8] = [OutboxRun.version]
    /// Where the last event's header is in `packed`.
    private var lastHeaderRange = 0..<0

    /// The last event's header, stored in the row's `header` column.
    var lastHeader: Data { Data(packed[lastHeaderRange]) }

    init(type: String, capacity: Int = 0) {
        self.type = type
        packed.reserveCapacity(capacity)
    }

    /// Adds one event, its header written in place by `header` (``OutboxHeaderTemplate``): the
    /// bytes go once into the run, with nothing made on the way.
    mutating func add(topic: String, header: (inout [UInt8]) -> Void, body: some Collection<UInt8>, key: String?) {
        count += 1
        append(topic.utf8)
        let lengthAt = packed.count
        appendLength(0)
        header(&packed)
        lastHeaderRange = lengthAt + 4..<packed.count
        withUnsafeBytes(of: UInt32(lastHeaderRange.count).littleEndian) { length in
            for (offset, byte) in length.enumerated() { packed[lengthAt + offset] = byte }
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
            guard bytes.first == version else { throw OutboxRunError(seq: lastSeq, reason: "unknown version") }
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
            var found: [(seq: Int64, entry: Entry)] = []
            var seq = lastSeq - Int64(count)
            for _ in 0..<count {
                seq += 1
                guard let topic = try field(), let header = try field(), let body = try field() else {
                    throw OutboxRunError(seq: lastSeq, reason: "a missing field")
                }
                let key = try field()
                guard seq > after, found.count < limit else { continue }
                found.append((seq, Entry(
                    topic: String(decoding: topic, as: UTF8.self), header: Data(header), body: Data(body),
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
