/// One worksheet's cells as text, as an import reads them: each non-empty row with its 1-based
/// row number in the sheet, so a refusal names the row a person sees in Excel.
public struct Sheet: Sendable, Equatable {
    /// The worksheet's name (`Sheet1`, `学生名单`).
    public var name: String
    /// One array of cells per row that has any, in sheet order; a missing cell reads as `""`.
    public var rows: [[String]]
    /// For each of ``rows``, its row number in the sheet (1-based, gaps where rows are empty).
    public var rowNumbers: [Int]

    public init(name: String, rows: [[String]], rowNumbers: [Int]) {
        precondition(rows.count == rowNumbers.count, "one row number per row")
        self.name = name
        self.rows = rows
        self.rowNumbers = rowNumbers
    }
}
