import BaoxueContracts
import CXLSXWriter
import Foundation

/// Writes tables as an Excel workbook (`.xlsx`) with Debian's libxlsxwriter, the only importer of
/// its C module: a bold, frozen header row; columns as wide as their contents (a Chinese
/// character counts twice); dates as real dates; small whole numbers (counts, lessons) as numbers
/// an office can sum; and everything else, ID numbers and codes above all, as text, so Excel
/// never shows `5.10123E+17` or drops a digit.
public enum XLSXWriter {
    /// The workbook's bytes. libxlsxwriter writes to a path, so it goes through a private
    /// temporary file.
    public static func data(_ tables: [SheetTable]) throws(SpreadsheetError) -> Data {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("baoxue-xlsx-\(UUID().uuidString).xlsx").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        guard let workbook = workbook_new(path) else { throw SpreadsheetError(.internal, "无法创建Excel文件 (cannot create the workbook)") }
        let header = workbook_add_format(workbook)
        format_set_bold(header)
        let text = workbook_add_format(workbook)
        format_set_num_format(text, "@")
        let date = workbook_add_format(workbook)
        format_set_num_format(date, "yyyy-mm-dd")
        var used: Set<String> = []
        for table in tables {
            let name = sheetName(table.name, used: &used)
            guard let sheet = workbook_add_worksheet(workbook, name) else { continue }
            let kinds = (0..<table.headers.count).map { column in ColumnKind(table.rows.map { column < $0.count ? $0[column] : "" }) }
            for (column, title) in table.headers.enumerated() {
                worksheet_write_string(sheet, 0, lxw_col_t(column), title, header)
                let width = ([title] + table.rows.map { column < $0.count ? $0[column] : "" }).map(displayWidth).max() ?? 8
                worksheet_set_column(sheet, lxw_col_t(column), lxw_col_t(column), Double(min(max(width, 6), 60)) + 2, kinds[column] == .text ? text : nil)
            }
            worksheet_freeze_panes(sheet, 1, 0)
            for (index, row) in table.rows.enumerated() {
                let line = lxw_row_t(index + 1)
                for (column, cell) in row.enumerated() where !cell.isEmpty {
                    let kind = column < kinds.count ? kinds[column] : .text
                    switch kind {
                    case .number:
                        worksheet_write_number(sheet, line, lxw_col_t(column), Double(cell) ?? 0, nil)
                    case .date:
                        if let day = CivilDate(parsing: cell) {
                            worksheet_write_number(sheet, line, lxw_col_t(column), ExcelDate.serial(day), date)
                        } else {
                            worksheet_write_string(sheet, line, lxw_col_t(column), cell, text)
                        }
                    case .text:
                        worksheet_write_string(sheet, line, lxw_col_t(column), cell, text)
                    }
                }
            }
        }
        guard workbook_close(workbook) == LXW_NO_ERROR, let data = FileManager.default.contents(atPath: path) else {
            throw SpreadsheetError(.internal, "无法写出Excel文件 (cannot write the workbook)")
        }
        return data
    }

    /// How a column is written, from all its cells.
    enum ColumnKind: Equatable {
        case text, number, date

        init(_ cells: [String]) {
            let filled = cells.filter { !$0.isEmpty }
            guard !filled.isEmpty else { self = .text; return }
            if filled.allSatisfy(Self.isDate) { self = .date; return }
            // Up to seven digits without a leading zero: counts and lessons, never a code.
            if filled.allSatisfy({ $0.count <= 7 && $0.allSatisfy(\.isASCII) && Int($0) != nil && ($0 == "0" || !$0.hasPrefix("0")) && !$0.hasPrefix("+") }) {
                self = .number
                return
            }
            self = .text
        }

        static func isDate(_ cell: String) -> Bool {
            let bytes = Array(cell.utf8)
            return bytes.count == 10 && bytes[4] == 0x2D && bytes[7] == 0x2D && CivilDate(parsing: cell) != nil
        }
    }

    /// Columns a cell's text takes: two for a wide (CJK) character.
    static func displayWidth(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x1100 ? 2 : 1) }
    }

    /// A name Excel accepts, unique in the workbook.
    static func sheetName(_ name: String, used: inout Set<String>) -> String {
        var cleaned = String(name.filter { !"[]:*?/\\".contains($0) }.prefix(31))
        if cleaned.isEmpty { cleaned = "Sheet" }
        var candidate = cleaned
        var number = 2
        while used.contains(candidate) {
            candidate = String(cleaned.prefix(28)) + "(\(number))"
            number += 1
        }
        used.insert(candidate)
        return candidate
    }
}
