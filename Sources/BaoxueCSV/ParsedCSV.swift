/// The records of a CSV text before any meaning is given to them: cells as written, and where
/// each record starts in the file so problems can be reported by line.
public struct ParsedCSV: Sendable, Equatable {
    /// One array of cells per record, in file order. Empty lines are not records.
    public var rows: [[String]]
    /// For each record of ``rows``, the 1-based physical line it starts on. A quoted cell with
    /// line breaks makes a record span lines, so this is not simply the index + 1.
    public var lines: [Int]
    /// The separator the text was read with.
    public var separator: FieldSeparator

    /// - Precondition: `lines` has one entry per record of `rows`.
    public init(rows: [[String]], lines: [Int], separator: FieldSeparator) {
        precondition(rows.count == lines.count, "one line number per record")
        self.rows = rows
        self.lines = lines
        self.separator = separator
    }
}
