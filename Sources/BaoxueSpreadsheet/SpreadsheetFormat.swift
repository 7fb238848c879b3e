import Foundation

/// What an uploaded file is, by its first bytes rather than its name (offices rename files, and
/// uploads over HTTP carry none): an Excel workbook of today (`.xlsx`, a ZIP archive), of before
/// 2007 (`.xls`, an OLE2 compound file), or text (CSV).
public enum SpreadsheetFormat: String, Sendable, Codable {
    case csv, xlsx, xls

    public static func detect(_ data: Data) -> SpreadsheetFormat {
        let head = [UInt8](data.prefix(8))
        if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return .xlsx }
        if head.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) { return .xls }
        return .csv
    }
}
