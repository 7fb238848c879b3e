import BaoxueContracts

/// Why a workbook cannot be read, with a stable code and words that say what to do next.
public struct SpreadsheetError: CodedError, Equatable, CustomStringConvertible {
    public var code: ErrorCode
    public var message: String

    public init(_ code: ErrorCode, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code): \(message)" }

    /// `zh` and `en` say why, each in its own language (a message is never nested).
    static func unreadable(_ format: SpreadsheetFormat, _ zh: String, _ en: String) -> SpreadsheetError {
        SpreadsheetError(.sheetUnreadable, "无法读取该Excel文件（\(format.rawValue)）：\(zh)。请确认文件未加密、未损坏，或另存为CSV (cannot read this Excel file, \(format.rawValue): \(en); check it is not encrypted or damaged, or save it as CSV)")
    }

    static func noSuchSheet(_ name: String, available: [String]) -> SpreadsheetError {
        SpreadsheetError(.sheetNotFound, "工作簿中没有工作表“\(name)”，可用：\(available.joined(separator: "、")) (no sheet named \(name); the workbook has: \(available.joined(separator: ", ")))")
    }
}
