import Foundation

/// A CSV upload read a segment at a time, so that a county's 500 MB roster never sits in memory
/// as cells: one pass over the bytes checks the whole file (its encoding, every quote) and notes
/// where every `recordsPerSegment`-th record starts; each segment is then parsed when it is
/// wanted and dropped once its rows are sent (``segment(_:)``). A UTF-8 file is read where it is,
/// so a memory-mapped upload is never copied; a GB18030 file is converted once.
///
/// Nothing about the file is learnt late: whatever would refuse it (an unterminated quote,
/// bytes that are not text) is found by ``read(_:encoding:recordsPerSegment:)`` before a row is
/// sent, so an import never stops half-way on the file's account.
public struct CSVSegments: Sendable {
    /// Where a segment starts: its byte offset in ``bytes`` and its 1-based line.
    struct Start: Sendable {
        var offset: Int
        var line: Int
    }

    public let encoding: TextEncoding
    public let separator: FieldSeparator
    /// How many records the file has (empty lines are not records; blank rows are).
    public let records: Int
    /// UTF-8 text, from ``start``.
    let bytes: Data
    let start: Int
    let starts: [Start]

    /// How many segments there are.
    public var count: Int { starts.count }

    /// Checks the whole of `data` and finds its segments.
    ///
    /// - Throws: what ``TextDecoding/decode(_:encoding:)`` and ``CSVParser/parse(_:)`` throw.
    public static func read(_ data: Data, encoding: TextEncoding?, recordsPerSegment: Int) throws(TableError) -> CSVSegments {
        let decoded = try TextDecoding.utf8Bytes(data, encoding: encoding)
        let scanned: Result<(FieldSeparator, [Start], Int), TableError> = decoded.bytes.withUnsafeBytes { raw in
            let text = UnsafeBufferPointer(rebasing: raw.assumingMemoryBound(to: UInt8.self)[decoded.start...])
            let separator = FieldSeparator.detect(in: text)
            return CSVParser.boundaries(in: text, separator: separator, every: recordsPerSegment).map { found in
                (separator, found.starts.map { Start(offset: decoded.start + $0.offset, line: $0.line) }, found.records)
            }
        }
        let (separator, starts, records) = try scanned.get()
        return CSVSegments(encoding: decoded.encoding, separator: separator, records: records, bytes: decoded.bytes, start: decoded.start, starts: starts)
    }

    /// The records of segment `index`, lines numbered as in the file.
    public func segment(_ index: Int) throws(TableError) -> ParsedCSV {
        let from = starts[index]
        let end = index + 1 < starts.count ? starts[index + 1].offset : bytes.count
        let parsed: Result<ParsedCSV, TableError> = bytes.withUnsafeBytes { raw in
            CSVParser.records(in: UnsafeBufferPointer(rebasing: raw.assumingMemoryBound(to: UInt8.self)[from.offset..<end]), separator: separator, firstLine: from.line)
        }
        return try parsed.get()
    }
}
