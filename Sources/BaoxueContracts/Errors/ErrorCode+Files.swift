/// Codes about files people upload (CSV exports of the national roster and the offices' lists).
extension ErrorCode {
    public static let csvEmpty = ErrorCode("csv.empty", .invalid)
    public static let csvBinary = ErrorCode("csv.binary", .invalid)
    public static let csvXLSX = ErrorCode("csv.xlsx", .invalid)
    public static let csvEncoding = ErrorCode("csv.encoding", .invalid)
    public static let csvUnterminatedQuote = ErrorCode("csv.unterminatedQuote", .invalid)
    public static let csvMissingColumns = ErrorCode("csv.missingColumns", .invalid)
    public static let csvDuplicateColumn = ErrorCode("csv.duplicateColumn", .invalid)
}
