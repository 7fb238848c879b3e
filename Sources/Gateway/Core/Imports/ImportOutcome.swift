import BaoxueCSV
import BaoxueSpreadsheet
import BaoxueContracts

/// What an import of one file did, for the CLI table, the HTTP response and the benchmark.
public struct ImportOutcome: Codable, Sendable {
    public var report: ImportReport
    /// The encoding detected or named, or `xlsx`/`xls` for a workbook.
    public var encoding: String
    /// Columns the file had that the import does not know, left out on the caller's word
    /// (`allowExtraColumns`); without it such a file is refused.
    public var ignoredColumns: [String]
    /// Columns of the national exports the import knows and does not keep (民族, 籍贯 …).
    public var unusedColumns: [String]
    public var rows: Int
    public var seconds: Double

    public init(report: ImportReport, encoding: String, ignoredColumns: [String], unusedColumns: [String] = [], rows: Int, seconds: Double) {
        self.report = report
        self.encoding = encoding
        self.ignoredColumns = ignoredColumns
        self.unusedColumns = unusedColumns
        self.rows = rows
        self.seconds = seconds
    }
}

extension ImportOutcome {
    /// The outcome of importing `table`: the report, with what the file itself said (its
    /// encoding, the columns ignored, how many rows) and the time since `started`.
    init<Column>(_ report: ImportReport, table: Table<Column>, rows: Int? = nil, started: ContinuousClock.Instant) {
        self.init(report: report, encoding: table.encoding?.rawValue ?? (table.format == .csv ? "utf-8" : table.format.rawValue), ignoredColumns: table.ignoredHeaders, unusedColumns: table.unusedColumns, rows: rows ?? table.rows.count, seconds: (ContinuousClock.now - started).seconds)
    }

    /// The counts, for the audit log (which never lists the rows themselves).
    var auditDetail: String {
        "rows \(rows), imported \(report.imported), updated \(report.updated), unchanged \(report.unchanged), rejected rows \(Set(report.rejected.map(\.row)).count)"
    }
}
