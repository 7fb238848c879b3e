/// A table to write as a worksheet: headers and rows of text, as the CSV exports hold them. The
/// writer types each column from its cells (``XLSXWriter``).
public struct SheetTable: Sendable, Equatable {
    /// The worksheet's name; Excel allows 31 characters and none of `[]:*?/\`.
    public var name: String
    public var headers: [String]
    public var rows: [[String]]

    public init(name: String, headers: [String], rows: [[String]]) {
        self.name = name
        self.headers = headers
        self.rows = rows
    }
}
