/// The file formats exports are written in: CSV for any program (UTF-8 with a byte order mark,
/// which Excel on Chinese Windows needs), and an Excel workbook that opens cleanly with typed
/// columns (`BaoxueSpreadsheet.XLSXWriter`). The CLI picks by the output file's extension, HTTP
/// by the path's.
public enum ExportFormat: String, CaseIterable, Sendable {
    case csv, xlsx

    /// The format an output path asks for: `.xlsx` for a workbook, anything else CSV.
    public init(path: String) {
        self = path.lowercased().hasSuffix(".xlsx") ? .xlsx : .csv
    }

    public var contentType: String {
        switch self {
        case .csv: "text/csv; charset=utf-8"
        case .xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        }
    }
}
