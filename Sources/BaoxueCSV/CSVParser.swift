/// Reads RFC 4180 CSV as spreadsheets write it: comma (or tab) separated cells, quoted cells with
/// `""` for a quote and with commas and line breaks inside, CRLF, LF or old-Mac CR line ends.
///
/// Works on the UTF-8 bytes and cuts cells out as byte slices (separators, quotes and line ends
/// are ASCII, so they never occur inside a multi-byte character): a county's 100,000-row roster
/// parses in a fraction of a second where walking `Character`s would take several.
///
/// ```swift
/// let parsed = try CSVParser().parse("姓名,性别\r\n\"王, 小明\",男\r\n")
/// // parsed.rows == [["姓名", "性别"], ["王, 小明", "男"]], parsed.lines == [1, 2]
/// ```
public struct CSVParser: Sendable {
    /// The separator to use, or `nil` to choose by the header line (see
    /// ``FieldSeparator``): tab when it has tabs and no commas.
    public var separator: FieldSeparator?

    public init(separator: FieldSeparator? = nil) {
        self.separator = separator
    }

    /// Splits `text` into records and cells.
    ///
    /// Empty lines (trailing ones included) make no record. Text after a closing quote, as in
    /// `"a"b`, is kept as part of the cell, as Excel does, rather than refused.
    ///
    /// - Throws: ``TableError`` `csv.unterminatedQuote`, naming the line the quote opened on.
    public func parse(_ text: String) throws(TableError) -> ParsedCSV {
        var text = text
        let chosen = separator
        let result: Result<ParsedCSV, TableError> = text.withUTF8 { bytes in
            let separator = chosen ?? FieldSeparator.detect(in: bytes)
            return CSVParser.records(in: bytes, separator: separator)
        }
        return try result.get()
    }

    private static let quote: UInt8 = 0x22
    private static let lineFeed: UInt8 = 0x0A
    private static let carriageReturn: UInt8 = 0x0D

    /// Splits UTF-8 `bytes` (a segment of a file, see ``CSVSegments``) into records, numbering
    /// lines from `firstLine`.
    static func records(
        in bytes: UnsafeBufferPointer<UInt8>, separator: FieldSeparator, firstLine: Int = 1
    ) -> Result<ParsedCSV, TableError> {
        var rows: [[String]] = []
        var lines: [Int] = []
        return scan(bytes, separator: separator, firstLine: firstLine, record: { row, line in
            rows.append(row)
            lines.append(line)
        }).map { _ in ParsedCSV(rows: rows, lines: lines, separator: separator) }
    }

    /// Where records start: the byte offset and line of every `every`-th record (the first
    /// included), and how many records there are, without making a cell. The whole file's
    /// structure is checked (an unterminated quote is refused) at the cost of one pass over its
    /// bytes.
    static func boundaries(
        in bytes: UnsafeBufferPointer<UInt8>, separator: FieldSeparator, every: Int
    ) -> Result<(starts: [(offset: Int, line: Int)], records: Int), TableError> {
        var starts: [(offset: Int, line: Int)] = []
        return scan(bytes, separator: separator, firstLine: 1, every: max(every, 1), boundary: { offset, line in
            starts.append((offset, line))
        }).map { (starts, $0) }
    }

    /// The one CSV state machine: hands each record's cells to `record` (or, with `every`, hands
    /// `boundary` the offset and line of every `every`-th record and makes no cells). Returns how
    /// many records there were.
    private static func scan(
        _ bytes: UnsafeBufferPointer<UInt8>, separator: FieldSeparator, firstLine: Int, every: Int? = nil,
        record: ([String], Int) -> Void = { _, _ in }, boundary: (Int, Int) -> Void = { _, _ in }
    ) -> Result<Int, TableError> {
        let count = bytes.count
        let delimiter = separator.rawValue
        let keep = every == nil
        var records = 0
        var width = 0
        var unescaped: [UInt8] = []
        var line = firstLine
        var index = 0

        func cell(_ start: Int, _ end: Int) -> String {
            start == end ? "" : String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        }

        while index < count {
            let first = bytes[index]
            if first == lineFeed || first == carriageReturn {
                // An empty line: no record.
                index += 1
                if first == carriageReturn, index < count, bytes[index] == lineFeed { index += 1 }
                line += 1
                continue
            }
            let recordLine = line
            if let every, records % every == 0 { boundary(index, line) }
            var row: [String] = []
            if keep { row.reserveCapacity(width) }
            while true {
                if index < count, bytes[index] == quote {
                    let openedOn = line
                    index += 1
                    var start = index
                    var needsCopy = false
                    unescaped.removeAll(keepingCapacity: true)
                    while true {
                        guard index < count else { return .failure(.unterminatedQuote(line: openedOn)) }
                        let byte = bytes[index]
                        if byte == quote {
                            guard index + 1 < count, bytes[index + 1] == quote else { break }
                            // `""` stands for one quote: keep the text so far and the first quote.
                            if keep { unescaped.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...index])) }
                            needsCopy = true
                            index += 2
                            start = index
                            continue
                        }
                        if byte == lineFeed {
                            line += 1
                        } else if byte == carriageReturn, index + 1 == count || bytes[index + 1] != lineFeed {
                            line += 1
                        }
                        index += 1
                    }
                    let closing = index
                    index += 1
                    let tail = index
                    while index < count {
                        let byte = bytes[index]
                        if byte == delimiter || byte == lineFeed || byte == carriageReturn { break }
                        index += 1
                    }
                    if !keep {
                        // Only the structure is wanted.
                    } else if needsCopy || tail < index {
                        unescaped.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<closing]))
                        unescaped.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[tail..<index]))
                        row.append(String(decoding: unescaped, as: UTF8.self))
                    } else {
                        row.append(cell(start, closing))
                    }
                } else {
                    let start = index
                    while index < count {
                        let byte = bytes[index]
                        if byte == delimiter || byte == lineFeed || byte == carriageReturn { break }
                        index += 1
                    }
                    if keep { row.append(cell(start, index)) }
                }
                if index < count, bytes[index] == delimiter {
                    index += 1
                    continue
                }
                if index < count {
                    index += 1
                    if bytes[index - 1] == carriageReturn, index < count, bytes[index] == lineFeed { index += 1 }
                    line += 1
                }
                break
            }
            records += 1
            if keep {
                width = max(width, row.count)
                record(row, recordLine)
            }
        }
        return .success(records)
    }
}
