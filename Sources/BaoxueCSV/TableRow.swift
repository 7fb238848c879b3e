import BaoxueContracts

/// One data row of a ``Table``: its cells keyed by column, and where it is in the file.
public struct TableRow<Column: ImportColumn>: Sendable, Equatable {
    /// 1 for the first data row after the header, counting only the rows that are not blank.
    /// What ``RowProblem/row`` and ``NumberedRow/row`` carry.
    public var row: Int
    /// The 1-based physical line the row starts on, for telling a person where to look.
    public var line: Int
    /// The cells of the columns the header names, as written (not trimmed). A column the header
    /// has but this row is too short for reads as `""`.
    public var fields: [Column: String]
    /// Why the row cannot be trusted even though its cells were read, in Chinese and English;
    /// `nil` for a sound row. Today: more filled cells than the header has columns, which
    /// usually means an unquoted comma split a value and shifted the cells after it.
    public var problem: String?

    public init(row: Int, line: Int, fields: [Column: String], problem: String? = nil) {
        self.row = row
        self.line = line
        self.fields = fields
        self.problem = problem
    }
}
