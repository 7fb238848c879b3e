import BaoxueContracts
import Foundation

/// The stored headers of a run's events (``OutboxAppender/appendToRun(_:type:topic:encodedBody:key:actor:)``),
/// written from one encoding. Within a run every header is the same but for the sequence number,
/// which appears twice (`"id":"registry-N"` and `"seq":N`): encoding each one whole (a
/// ``MessageHeader``, its clock reading, its ten fields' escaping checks) was the writer's largest
/// cost per event after SQLite's own. The template encodes one header with a marker number and
/// keeps the bytes around the marker's two places; ``write(seq:into:)`` puts each event's number there.
///
/// Every event of a template carries its `sentAt`: the time the transaction began writing them.
/// The bytes are those ``MessageHeader`` would write for that time (`OutboxHeaderTemplateTests`).
struct OutboxHeaderTemplate {
    /// Before the number in `id`, between it and the number in `seq`, and after that: what a
    /// run stores once for all its events (``OutboxRun``, version 2).
    let parts: (head: [UInt8], middle: [UInt8], tail: [UInt8])

    /// A number that cannot be any event's (no outbox reaches it) and whose digits are found
    /// exactly twice in the encoding, or there is no template.
    private static let marker: Int64 = 918_273_645_546_372_819

    /// `nil` when the marker's digits appear anywhere but the two places (an actor whose name
    /// holds them): the caller then encodes each header whole.
    init?(outbox: Outbox, type: String, actor: Actor?) {
        let bytes = Array((try? WireCoding.encode(outbox.header(type: type, seq: Self.marker, actor: actor))) ?? Data())
        let digits = Array(String(Self.marker).utf8)
        var places: [Int] = []
        var index = 0
        while index + digits.count <= bytes.count {
            if bytes[index] == digits[0], bytes[index..<index + digits.count].elementsEqual(digits) {
                places.append(index)
                index += digits.count
            } else {
                index += 1
            }
        }
        guard places.count == 2 else { return nil }
        parts = (
            Array(bytes[..<places[0]]),
            Array(bytes[(places[0] + digits.count)..<places[1]]),
            Array(bytes[(places[1] + digits.count)...]))
    }

    /// A template read back from a stored run.
    init(head: some Collection<UInt8>, middle: some Collection<UInt8>, tail: some Collection<UInt8>) {
        parts = (Array(head), Array(middle), Array(tail))
    }

    /// The header of event `seq`, as its own bytes.
    func header(seq: Int64) -> Data {
        var header = Data(capacity: parts.head.count + parts.middle.count + parts.tail.count + 40)
        write(seq: seq, into: &header)
        return header
    }

    /// The header of event `seq`, appended to `bytes`.
    func write<Bytes: RangeReplaceableCollection<UInt8>>(seq: Int64, into bytes: inout Bytes) {
        // Decimal, as `"\(publisher)-\(seq)"` and the writer's numbers both print it.
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
        withUnsafeMutableBytes(of: &digits) { buffer in
            var value = UInt64(seq)
            var start = buffer.count
            repeat {
                start -= 1
                buffer[start] = UInt8(ascii: "0") + UInt8(value % 10)
                value /= 10
            } while value > 0
            let number = UnsafeRawBufferPointer(rebasing: buffer[start...])
            bytes.append(contentsOf: parts.head)
            bytes.append(contentsOf: number)
            bytes.append(contentsOf: parts.middle)
            bytes.append(contentsOf: number)
            bytes.append(contentsOf: parts.tail)
        }
    }
}
