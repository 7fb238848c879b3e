import BaoxueCSV
import BaoxueContracts
import Foundation
import Testing

@Suite struct TableTests {
    func students(_ text: String) throws(TableError) -> Table<StudentField> {
        try Table<StudentField>.read(CSVTestData.utf8(text), encoding: nil)
    }

    @Test func mapsHeaderAndRows() throws {
        let table = try students(
            CSVTestData.studentHeader + ",备注\n张三,男,2014-03-01,510123201403011232,5101230001,三年级,转入\n")
        #expect(table.columns == [.name, .sex, .birthDate, .idNumber, .schoolCode, .grade])
        #expect(table.unusedColumns == ["备注"] && table.ignoredHeaders.isEmpty)
        #expect(table.headerLine == 1)
        #expect(table.encoding == .utf8)
        #expect(table.rows.count == 1)
        let row = try #require(table.rows.first)
        #expect(row.row == 1)
        #expect(row.line == 2)
        #expect(row.problem == nil)
        #expect(row.fields == [
            .name: "张三", .sex: "男", .birthDate: "2014-03-01", .idNumber: "510123201403011232",
            .schoolCode: "5101230001", .grade: "三年级",
        ])
    }

    @Test func englishAliasesAndMarkedHeadersAreRecognised() throws {
        let table = try students(
            "Name, Gender ,BirthDate,ID,school_code,*Grade,guardian_phone,Remarks\n"
                + "Zhang San,M,2014-03-01,510123201403011232,5101230001,3,13812345678,x\n")
        #expect(table.columns == [.name, .sex, .birthDate, .idNumber, .schoolCode, .grade, .guardianPhone])
        #expect(table.ignoredHeaders == ["Remarks"])
        #expect(table.rows[0].fields[.guardianPhone] == "13812345678")
    }

    @Test func schoolsFileUsesTheSameReader() throws {
        let data = CSVTestData.gb("学校标识码,学校名称,学校类型,乡镇区划代码\n5301230001,城关镇中心小学,小学,530123100\n")
        let table = try Table<SchoolField>.read(data, encoding: nil)
        #expect(table.encoding == .gb18030)
        let record = try SchoolRecord.parse(table.rows[0].fields).get()
        #expect(record == SchoolRecord(code: "5301230001", name: "城关镇中心小学", type: .primary, township: "530123100"))
    }

    @Test func missingRequiredColumnsAreNamedInChineseAndEnglish() {
        let error = #expect(throws: TableError.self) {
            try students("姓名,性别,出生日期,身份证件号\n张三,男,2014-03-01,510123201403011232\n")
        }
        #expect(error?.code == .csvMissingColumns)
        #expect(error?.line == 1)
        #expect(error?.message.contains("学校标识码、年级") == true)
        #expect(error?.message.contains("学校标识码/schoolCode, 年级/grade") == true)
    }

    @Test func aTitleRowInsteadOfAHeaderGetsAHint() {
        let error = #expect(throws: TableError.self) {
            try students("某某县2024年秋季学生名单\n" + CSVTestData.studentHeader + "\n")
        }
        #expect(error?.code == .csvMissingColumns)
        #expect(error?.message.contains("no column was recognised") == true)
    }

    @Test func duplicatedColumnIsRefused() {
        let error = #expect(throws: TableError.self) {
            try students(CSVTestData.studentHeader + ",身份证号\n")
        }
        #expect(error?.code == .csvDuplicateColumn)
        #expect(error?.message.contains("“身份证件号”、“身份证号”") == true)
        #expect(error?.message.contains("身份证件号/idNumber") == true)
    }

    @Test func rowWithTooManyCellsCarriesAProblem() throws {
        let table = try students(
            CSVTestData.studentHeader + "\n"
                + "张三,男,2014-03-01,510123201403011232,5101230001,3,多余\n"
                + "李四,女,2014-03-01,510123201403011240,5101230001,3,,  ,\n")
        let problem = try #require(table.rows[0].problem)
        #expect(problem.contains("7个单元格"))
        #expect(problem.contains("this row has 7 cells but the header has 6 columns"))
        // Trailing empty cells, as spreadsheets export them, are no problem.
        #expect(table.rows[1].problem == nil)
    }

    @Test func shortRowsReadMissingCellsAsEmpty() throws {
        let table = try students(CSVTestData.studentHeader + "\n张三,男\n")
        #expect(table.rows[0].fields[.grade] == "")
        #expect(table.rows[0].fields.count == 6)
    }

    @Test func blankRowsAreSkippedAndRowsCountedWithoutThem() throws {
        let table = try students(
            "\n,,,\n" + CSVTestData.studentHeader + "\n"
                + "张三,男,2014-03-01,510123201403011232,5101230001,3\n"
                + "\n , ,\u{3000},,,\n\n"
                + "李四,女,2014-03-01,510123201403011240,5101230001,3\n\n\n")
        #expect(table.headerLine == 3)
        #expect(table.rows.map(\.row) == [1, 2])
        #expect(table.rows.map(\.line) == [4, 8])
        #expect(table.rows.map { $0.fields[.name] } == ["张三", "李四"])
    }

    @Test func onlyBlankRowsIsEmpty() {
        let error = #expect(throws: TableError.self) {
            try students(",,\n , \n")
        }
        #expect(error?.code == .csvEmpty)
    }

    @Test func tabSeparatedFileReads() throws {
        let text = CSVTestData.studentHeader.replacingOccurrences(of: ",", with: "\t") + "\n"
            + "张三\t男\t2014-03-01\t510123201403011232\t5101230001\t3\n"
        let table = try students(text)
        #expect(table.separator == .tab)
        #expect(table.rows[0].fields[.idNumber] == "510123201403011232")
    }

    @Test func gb18030RosterWithRareCharactersParsesIntoRecords() throws {
        // Given an Excel export in GBK/GB18030 with CRLF and a BOM-less header.
        let text = CSVTestData.studentHeader + "\r\n"
            + "阿依古丽·买买提,女,2014-03-01,510123201403011240,5101230001,初一\r\n"
            + "王䶮,男,2014/3/1,510123201403011232,5101230001,三年级\r\n"
        let table = try Table<StudentField>.read(CSVTestData.gb(text), encoding: nil)

        let records = try table.rows.map { try StudentRecord.parse($0.fields).get() }

        #expect(table.encoding == .gb18030)
        #expect(records.map(\.name) == ["阿依古丽·买买提", "王䶮"])
        #expect(records.map(\.grade) == [7, 3])
    }

    @Test func utf8WithBOMAndCRLFReads() throws {
        let text = CSVTestData.studentHeader + "\r\n张三,男,2014-03-01,510123201403011232,5101230001,3\r\n"
        let table = try Table<StudentField>.read(CSVTestData.utf8(text, bom: true))
        #expect(table.columns.first == .name)
        #expect(table.rows[0].fields[.grade] == "3")
    }

    @Test func utf8NamedOnGBKFileIsRefused() {
        let data = CSVTestData.gb(CSVTestData.studentHeader + "\n")
        let error = #expect(throws: TableError.self) {
            try Table<StudentField>.read(data, encoding: .utf8)
        }
        #expect(error?.code == .csvEncoding)
        #expect(error?.message.contains("offset 0") == true)
    }

    @Test func codesCanBeMatchedInCatchClauses() {
        var caught = ""
        do {
            _ = try Table<StudentField>.read(Data([0x50, 0x4B, 0x03, 0x04]))
        } catch ErrorCode.sheetUnreadable {
            caught = "xlsx"
        } catch {
            caught = "other"
        }
        #expect(caught == "xlsx")
    }

    @Test func tableErrorsCrossServiceBoundariesUnchanged() {
        let error = TableError(code: .csvMissingColumns, message: "缺 (missing)", line: 1)
        #expect(error.serviceError == ServiceError(.csvMissingColumns, "缺 (missing)"))
        #expect("\(error)" == "csv.missingColumns: 缺 (missing)")
    }

    @Test func tableCanBeBuiltFromParsedRecords() throws {
        let parsed = ParsedCSV(rows: [["学校标识码", "学校名称", "学校类型", "乡镇区划代码"], ["1", "2", "3", "4"]], lines: [1, 3], separator: .comma)
        let table = try Table<SchoolField>(parsed)
        #expect(table.encoding == nil)
        #expect(table.rows[0].line == 3)
        #expect(table.rows[0].fields[.type] == "3")
    }
}
