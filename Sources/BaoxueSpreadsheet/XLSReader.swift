import CFreeXL
import Foundation

/// Reads a worksheet of an old Excel workbook (`.xls`, BIFF in an OLE2 file) as text cells, with
/// Debian's libfreexl, the only importer of its C module. libfreexl reads from a path, so the
/// upload is written to a private temporary file first and removed after.
public enum XLSReader {
    /// The sheet named `sheet`, or the first one.
    /// - Throws: `sheet.unreadable` for a damaged or encrypted workbook, `sheet.notFound` for a
    ///   name it does not have.
    public static func read(_ data: Data, sheet: String? = nil) throws(SpreadsheetError) -> Sheet {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("baoxue-xls-\(UUID().uuidString).xls").path
        guard FileManager.default.createFile(atPath: path, contents: data, attributes: [.posixPermissions: 0o600]) else {
            throw .unreadable(.xls, "无法写入临时文件", "cannot write a temporary file")
        }
        defer { try? FileManager.default.removeItem(atPath: path) }
        var handle: UnsafeRawPointer?
        guard freexl_open(path, &handle) == FREEXL_OK, let handle else {
            throw .unreadable(.xls, "libfreexl无法打开", "libfreexl cannot open it")
        }
        defer { freexl_close(handle) }
        var count: UInt32 = 0
        guard freexl_get_info(handle, UInt16(FREEXL_BIFF_SHEET_COUNT), &count) == FREEXL_OK, count > 0 else {
            throw .unreadable(.xls, "没有工作表", "no worksheets")
        }
        var names: [String] = []
        for index in 0..<UInt16(count) {
            var name: UnsafePointer<CChar>?
            names.append(freexl_get_worksheet_name(handle, index, &name) == FREEXL_OK ? name.map { String(cString: $0) } ?? "" : "")
        }
        let index: Int
        if let sheet {
            guard let found = names.firstIndex(of: sheet) else { throw .noSuchSheet(sheet, available: names) }
            index = found
        } else {
            index = 0
        }
        guard freexl_select_active_worksheet(handle, UInt16(index)) == FREEXL_OK else { throw .unreadable(.xls, "无法选择工作表", "cannot select the sheet") }
        var lastRow: UInt32 = 0, lastColumn: UInt16 = 0
        guard freexl_worksheet_dimensions(handle, &lastRow, &lastColumn) == FREEXL_OK else { throw .unreadable(.xls, "无法读取工作表大小", "cannot read the sheet's size") }
        var rows: [[String]] = [], numbers: [Int] = []
        for row in 0..<lastRow {
            var cells: [String] = []
            cells.reserveCapacity(Int(lastColumn))
            for column in 0..<lastColumn {
                var value = FreeXL_CellValue()
                cells.append(freexl_get_cell_value(handle, row, column, &value) == FREEXL_OK ? text(value) : "")
            }
            guard let last = cells.lastIndex(where: { !$0.isEmpty }) else { continue }
            rows.append(Array(cells[...last]))
            numbers.append(Int(row) + 1)
        }
        return Sheet(name: names[index], rows: rows, rowNumbers: numbers)
    }

    /// A cell as text: dates as `YYYY-MM-DD`, whole numbers without `.0`.
    static func text(_ value: FreeXL_CellValue) -> String {
        switch Int32(value.type) {
        case FREEXL_CELL_INT: return String(value.value.int_value)
        case FREEXL_CELL_DOUBLE:
            let number = value.value.double_value
            return number == number.rounded() && abs(number) < 1e15 ? String(Int64(number)) : String(number)
        case FREEXL_CELL_TEXT, FREEXL_CELL_SST_TEXT, FREEXL_CELL_TIME:
            return value.value.text_value.map { String(cString: $0) } ?? ""
        case FREEXL_CELL_DATE, FREEXL_CELL_DATETIME:
            return value.value.text_value.map { String(String(cString: $0).prefix(10)) } ?? ""
        default: return ""
        }
    }
}
