import BaoxueContracts

/// Why a file cannot be read as a table at all: nothing in it can be imported until the person
/// fixes the file. A bad row is not a table error; see ``TableRow/problem``.
///
/// ``message`` is Chinese followed by English in parentheses, says where (line, byte offset,
/// column) and what to do, and can be shown as it is.
public struct TableError: CodedError, Equatable, CustomStringConvertible {
    /// What went wrong, for code to branch on: one of the `csv.*` codes (`ErrorCode+Files.swift`).
    /// Match it in a `catch` clause: `catch ErrorCode.csvXLSX { … }`.
    public var code: ErrorCode
    /// What went wrong and what to do, for a person.
    public var message: String
    /// The 1-based line of the file the problem is on, when there is one.
    public var line: Int?

    public init(code: ErrorCode, message: String, line: Int? = nil) {
        self.code = code
        self.message = message
        self.line = line
    }

    public var description: String { "\(code): \(message)" }
}

extension TableError {
    static let emptyFile = TableError(code: .csvEmpty, message: "文件为空 (the file is empty)")

    @usableFromInline
    static let noHeader = TableError(
        code: .csvEmpty, message: "文件中没有表头行，只有空行 (the file has no header row, only blank lines)")

    static let xlsxFile = TableError(
        code: .csvXLSX,
        message: "这是Excel .xlsx文件，请在Excel中“另存为”CSV后再导入 (this is an Excel .xlsx file; save it as CSV)")

    static let xlsFile = TableError(
        code: .csvBinary,
        message: "这是旧版Excel .xls文件，请在Excel中“另存为”CSV后再导入 (this is an old Excel .xls file; save it as CSV)")

    static let utf16File = TableError(
        code: .csvEncoding,
        message: "文件是UTF-16编码（Excel的“Unicode文本”），请另存为“CSV UTF-8” (the file is UTF-16, Excel's \"Unicode text\"; save it as \"CSV UTF-8\")")

    static func nulBytes(offset: Int, line: Int) -> TableError {
        TableError(
            code: .csvBinary,
            message: "文件第\(line)行（偏移\(offset)字节处）含有NUL字节，不是文本表格，请另存为CSV (the file contains a NUL byte at offset \(offset), line \(line); it is not a text table: save it as CSV)",
            line: line)
    }

    static func notUTF8(offset: Int, line: Int) -> TableError {
        TableError(
            code: .csvEncoding,
            message: "文件不是有效的UTF-8：第\(line)行（偏移\(offset)字节处）无效；GBK/GB18030文件请用 --encoding gb18030 (the file is not valid UTF-8: invalid byte at offset \(offset), line \(line); for a GBK file use --encoding gb18030)",
            line: line)
    }

    static let notGB18030 = TableError(
        code: .csvEncoding,
        message: "文件不是有效的GB18030/GBK编码，UTF-8文件请用 --encoding utf8 (the file is not valid GB18030/GBK; for a UTF-8 file use --encoding utf8)")

    static func unknownEncoding(utf8Offset: Int, line: Int) -> TableError {
        TableError(
            code: .csvEncoding,
            message: "无法识别文件编码：既不是UTF-8（第\(line)行偏移\(utf8Offset)字节处无效），也不是GB18030/GBK；请在Excel中另存为“CSV UTF-8” (cannot read the file: it is neither UTF-8, invalid at offset \(utf8Offset), line \(line), nor GB18030/GBK; save it as \"CSV UTF-8\")",
            line: line)
    }

    static func unterminatedQuote(line: Int) -> TableError {
        TableError(
            code: .csvUnterminatedQuote,
            message: "第\(line)行开始的引号没有闭合，请检查该处单元格内容中的双引号 (the quote opened on line \(line) is never closed: check the double quotes in that cell)",
            line: line)
    }

    /// Lists columns as `身份证件号/idNumber`, the Chinese header a person sees and the English
    /// name a developer greps for.
    static func names<Column: ImportColumn>(_ columns: [Column]) -> (zh: String, en: String) {
        (columns.map(\.header).joined(separator: "、"), columns.map { "\($0.header)/\($0.englishName)" }.joined(separator: ", "))
    }

    @usableFromInline
    static func missingColumns<Column: ImportColumn>(
        _ columns: [Column], headerLine: Int, recognisedAny: Bool
    ) -> TableError {
        let (zh, en) = names(columns)
        let hint =
            recognisedAny
            ? ""
            : "；表头中没有识别出任何列，请确认第\(headerLine)行是列名"
        let englishHint = recognisedAny ? "" : "; no column was recognised: make sure line \(headerLine) holds the column names"
        return TableError(
            code: .csvMissingColumns,
            message: "第\(headerLine)行的表头缺少必需的列：\(zh)\(hint) (the header on line \(headerLine) lacks required columns: \(en)\(englishHint))",
            line: headerLine)
    }

    @usableFromInline
    static func duplicateColumns<Column: ImportColumn>(
        _ duplicates: [(column: Column, headers: [String])], headerLine: Int
    ) -> TableError {
        let zh = duplicates.map { "\($0.column.header)（\($0.headers.map { "“\($0)”" }.joined(separator: "、"))）" }
            .joined(separator: "、")
        let en = duplicates.map { "\($0.column.header)/\($0.column.englishName) (\($0.headers.joined(separator: ", ")))" }
            .joined(separator: "; ")
        return TableError(
            code: .csvDuplicateColumn,
            message: "第\(headerLine)行的表头中有重复的列：\(zh)，每列只能保留一个 (the header on line \(headerLine) names a column more than once: \(en); keep only one of them)",
            line: headerLine)
    }
}
