import BaoxueCSV
import BaoxueContracts
import BaoxueSpreadsheet
import Foundation
import Testing

/// Excel workbooks import like CSV: the same roster as a GB18030 CSV, an `.xlsx` and an `.xls`
/// (`Fixtures/make-fixtures.py` wrote all three) gives the same rows, numbered the same way.
@Suite struct SpreadsheetImportTests {
    static func fixture(_ name: String) throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/\(name)"))
    }

    @Test func aCSVAnXLSXAndAnXLSOfOneRosterReadAlike() throws {
        let csv = try Table<StudentField>.read(try Self.fixture("messy-roster.csv"))
        let xlsx = try Table<StudentField>.read(try Self.fixture("messy-roster.xlsx"))
        let xls = try Table<StudentField>.read(try Self.fixture("messy-roster.xls"))
        #expect(csv.encoding == .gb18030 && csv.format == .csv)
        #expect(xlsx.format == .xlsx && xlsx.sheet == "学生名单" && xls.format == .xls && xls.sheet == "学生名单")
        #expect(csv.rows.count == 4)
        for table in [xlsx, xls] {
            #expect(table.rows.map(\.fields) == csv.rows.map(\.fields))
            #expect(table.rows.map(\.row) == csv.rows.map(\.row))
            // Rows are numbered as the sheet shows them; the empty row 5 is skipped in both.
            #expect(table.rows.map(\.line) == [2, 3, 4, 6])
            #expect(table.unusedColumns == ["备注"] && table.ignoredHeaders.isEmpty)
        }
        #expect(csv.rows.map(\.line) == [2, 3, 4, 6])
        // Dates come out as the registry reads them; names with a middle dot and rare characters
        // survive every route.
        #expect(xlsx.rows[0].fields[.birthDate] == "2015-03-02" && xls.rows[0].fields[.birthDate] == "2015-03-02")
        #expect(xlsx.rows[0].fields[.name] == "古丽·阿不都" && xls.rows[1].fields[.name] == "王䶮")
        // And every row is a valid record.
        for table in [csv, xlsx, xls] {
            #expect(table.rows.allSatisfy { (try? StudentRecord.parse($0.fields).get()) != nil })
        }
    }

    @Test func anotherSheetIsReadByName() throws {
        for name in ["messy-roster.xlsx", "messy-roster.xls"] {
            let data = try Self.fixture(name)
            #expect(throws: TableError.self) { try Table<StudentField>.read(data, sheet: "说明") }
            do {
                _ = try Table<StudentField>.read(data, sheet: "Sheet9")
                Issue.record("\(name): a missing sheet was read")
            } catch {
                #expect(error.code == .sheetNotFound && error.message.contains("学生名单") && error.message.contains("说明"), "\(error)")
            }
        }
    }

    @Test func aDamagedWorkbookIsRefusedWithWhatToDo() {
        let zip = Data([0x50, 0x4B, 0x03, 0x04]) + Data(repeating: 0x41, count: 64)
        let ole = Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) + Data(repeating: 0, count: 64)
        for data in [zip, ole] {
            do {
                _ = try Table<StudentField>.read(data)
                Issue.record("a damaged workbook was read")
            } catch {
                #expect(error.code == .sheetUnreadable && error.message.contains("CSV"))
            }
        }
    }

    /// What the exports write reads back the same: ID numbers as text, dates as dates, counts as
    /// numbers, Chinese headers.
    @Test func writtenWorkbooksReadBack() throws {
        let table = SheetTable(name: "疑似辍学学生台账", headers: ["姓名", "身份证件号", "出生日期", "节数", "乡镇"], rows: [
            ["古丽·阿不都", "510123201503020028", "2015-03-02", "12", "510123101"],
            ["王䶮", "510123********0011", "", "0", "510123102"],
        ])
        let data = try XLSXWriter.data([table, SheetTable(name: "说明", headers: ["a"], rows: [])])
        #expect(SpreadsheetFormat.detect(data) == .xlsx)
        let sheet = try XLSXReader.read(data)
        #expect(sheet.name == "疑似辍学学生台账")
        #expect(sheet.rows == [table.headers] + table.rows.map { row in row.enumerated().map { $0.offset == 2 && $0.element.isEmpty ? "" : $0.element } })
        #expect(sheet.rowNumbers == [1, 2, 3])
    }

    /// A sheet over 10 MB of XML (Excel puts every row on one line), which libxml2 refuses when
    /// given it whole: a county's roster is bigger than that.
    @Test func aSheetOverTenMegabytesReads() throws {
        let rows = (0..<100_000).map { ["学生\($0)", "51012320150301\(String(1000 + $0 % 1000).suffix(3))X", "2510123001", "5"] }
        let data = try XLSXWriter.data([SheetTable(name: "名单", headers: ["姓名", "身份证件号", "学校标识码", "年级"], rows: rows)])
        let sheet = try XLSXReader.read(data)
        #expect(sheet.rows.count == 100_001 && sheet.rows.last == rows.last && sheet.rowNumbers.last == 100_001)
    }
}
