/// Why one row of an imported file was rejected: row number (1 = the first data row after the
/// header; the file line is row + 1), column, and reason.
public struct RowProblem: Codable, Sendable, Equatable {
    public var row: Int
    public var column: String?
    public var reason: String

    public init(row: Int, column: String?, reason: String) {
        self.row = row
        self.column = column
        self.reason = reason
    }
}
