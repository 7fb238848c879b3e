/// Codes about files people upload (CSV exports of the national roster and the offices' lists).
extension ErrorCode {
    public static let csvEmpty = ErrorCode("csv.empty", .invalid)
    public static let csvBinary = ErrorCode("csv.binary", .invalid)
    public static let csvXLSX = ErrorCode("csv.xlsx", .invalid)
    public static let csvEncoding = ErrorCode("csv.encoding", .invalid)
    public static let csvUnterminatedQuote = ErrorCode("csv.unterminatedQuote", .invalid)
    public static let csvMissingColumns = ErrorCode("csv.missingColumns", .invalid)
    public static let csvDuplicateColumn = ErrorCode("csv.duplicateColumn", .invalid)
    public static let csvUnknownColumns = ErrorCode("csv.unknownColumns", .invalid)
}

/// Codes about spreadsheets (`.xlsx`, `.xls`) people upload.
extension ErrorCode {
    /// A workbook that cannot be read: damaged, encrypted, or not what its first bytes claim.
    public static let sheetUnreadable = ErrorCode("sheet.unreadable", .invalid)
    /// `--sheet` names no sheet of the workbook.
    public static let sheetNotFound = ErrorCode("sheet.notFound", .invalid)
}
