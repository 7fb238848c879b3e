/// A small, fast JSON writer for the messages that cross the wire once per student (roster
/// records, student snapshots, event headers). Foundation's `JSONEncoder` costs tens of
/// microseconds per record on Linux, which made encoding most of an import's time.
///
/// Output is what `JSONEncoder` with `.sortedKeys` and `.withoutEscapingSlashes` produces for the
/// same value: keys in sorted order (callers write them so), `nil` fields left out, UTF-8 text,
/// only `"`, `\` and control characters escaped. Any JSON decoder reads it. A flat record can
/// also be written as a table's row, its values alone (``values(of:)``).
public struct JSONWriter {
    public private(set) var bytes: [UInt8] = []
    private var needsComma = false
    /// Set while a record's values are written into a row of a table (``values(of:)``): its
    /// object's braces and keys are left out and a nil field is written `null`, so a flat
    /// record's own ``JSONWritable/write(to:)`` writes its values in its keys' order (decision 159).
    private var valuesOnly = false

    public init(capacity: Int = 256) {
        bytes.reserveCapacity(capacity)
    }

    public mutating func beginObject() {
        guard !valuesOnly else { return }
        separate()
        bytes.append(UInt8(ascii: "{"))
        needsComma = false
    }

    public mutating func endObject() {
        guard !valuesOnly else { return }
        bytes.append(UInt8(ascii: "}"))
        needsComma = true
    }

    /// The values of a flat record (a ``JSONRowRecord``'s), each an element of the array being
    /// written, in the order of its ``JSONMembersReadable/jsonKeys``, `null` for a field it
    /// leaves out: a row under a table's column names, written by the very code that writes the
    /// record as an object. Only for records known to be flat: a nested object would lose its braces.
    mutating func values(of record: some JSONWritable) {
        valuesOnly = true
        record.write(to: &self)
        valuesOnly = false
    }

    /// `null`: a nil field's place in a row.
    private mutating func null() {
        separate()
        let literal: StaticString = "null"
        literal.withUTF8Buffer { bytes.append(contentsOf: $0) }
        needsComma = true
    }

    public mutating func beginArray() {
        separate()
        bytes.append(UInt8(ascii: "["))
        needsComma = false
    }

    public mutating func endArray() {
        bytes.append(UInt8(ascii: "]"))
        needsComma = true
    }

    /// Writes `"key":`; the value follows.
    public mutating func key(_ key: StaticString) {
        guard !valuesOnly else { return }
        separate()
        bytes.append(UInt8(ascii: "\""))
        key.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
        needsComma = false
    }

    public mutating func field(_ name: StaticString, _ value: String) {
        key(name)
        string(value)
    }

    public mutating func field(_ name: StaticString, _ value: String?) {
        guard let value else { return absent() }
        field(name, value)
    }

    public mutating func field(_ name: StaticString, _ value: Int) {
        key(name)
        number(Int64(value))
    }

    public mutating func field(_ name: StaticString, _ value: Int64?) {
        guard let value else { return absent() }
        key(name)
        number(value)
    }

    public mutating func field(_ name: StaticString, _ value: Bool) {
        key(name)
        separate()
        // From static bytes: an array made for each of a record's five flags was an allocation each.
        let literal: StaticString = value ? "true" : "false"
        literal.withUTF8Buffer { bytes.append(contentsOf: $0) }
        needsComma = true
    }

    public mutating func field(_ name: StaticString, _ value: some JSONWritable) {
        key(name)
        value.write(to: &self)
    }

    public mutating func field(_ name: StaticString, _ value: (some JSONWritable)?) {
        guard let value else { return absent() }
        field(name, value)
    }

    /// A field whose value is an array of strings: codes from a closed list, document names.
    public mutating func field(_ name: StaticString, strings values: some Sequence<String>) {
        key(name)
        beginArray()
        for value in values { string(value) }
        endArray()
    }

    public mutating func string(_ text: String) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        // Nearly every string (names, codes, dates) needs no escape: copied whole, not byte by
        // byte, since every record of an import writes some twenty of them.
        let copied = text.utf8.withContiguousStorageIfAvailable { utf8 in
            guard !utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else { return false }
            bytes.append(contentsOf: utf8)
            return true
        }
        if copied != true {
            for byte in text.utf8 {
                switch byte {
                case UInt8(ascii: "\""): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
                case UInt8(ascii: "\\"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
                case 0x0A: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
                case 0x0D: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
                case 0x09: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
                case 0x00..<0x20:
                    let hex = Array("0123456789abcdef".utf8)
                    bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
                default: bytes.append(byte)
                }
            }
        }
        bytes.append(UInt8(ascii: "\""))
        needsComma = true
    }

    public mutating func number(_ value: Int64) {
        separate()
        bytes.append(contentsOf: String(value).utf8)
        needsComma = true
    }

    /// Writes already-encoded JSON as a value.
    public mutating func raw(_ json: some Collection<UInt8>) {
        separate()
        bytes.append(contentsOf: json)
        needsComma = true
    }

    /// A nil field: left out of an object, `null` in a row, whose values go by place.
    private mutating func absent() {
        if valuesOnly { null() }
    }

    private mutating func separate() {
        if needsComma {
            bytes.append(UInt8(ascii: ","))
            needsComma = false
        }
    }
}

/// A value that writes itself with ``JSONWriter`` (the hot wire types). `WireCoding` uses this
/// path when a value offers it and `JSONEncoder` otherwise; decoding is always `JSONDecoder`.
public protocol JSONWritable {
    func write(to writer: inout JSONWriter)
    /// About how many bytes the value writes, reserved before writing (512 unless the type says).
    /// A county file's batch is a megabyte and a half: grown from 512 it was copied a dozen times,
    /// each copy into fresh pages the kernel had to fault in (decision 155).
    var jsonCapacity: Int { get }
}

extension JSONWritable {
    public var jsonCapacity: Int { 512 }

    /// The value as JSON bytes.
    public func jsonBytes(capacity: Int? = nil) -> [UInt8] {
        var writer = JSONWriter(capacity: capacity ?? jsonCapacity)
        write(to: &writer)
        return writer.bytes
    }
}

extension Array: JSONWritable where Element: JSONWritable {
    public func write(to writer: inout JSONWriter) {
        writer.beginArray()
        for element in self { element.write(to: &writer) }
        writer.endArray()
    }
}
