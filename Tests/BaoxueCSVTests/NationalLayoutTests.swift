import BaoxueCSV
import BaoxueContracts
import Foundation
import Testing

/// The national exports import as they come (docs/imports.md): the 学籍 system's student export
/// and a public-security household export, written by `Fixtures/make-national-fixtures.py`, give
/// every value Baoxue keeps; a column the import does not know stops it before anything is read.
@Suite struct NationalLayoutTests {
    static func fixture(_ name: String) throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/\(name)"))
    }

    @Test func theNationalStudentExportImportsAsItComes() throws {
        let table = try Table<StudentField>.read(try Self.fixture("national-students.xlsx"))
        #expect(table.ignoredHeaders.isEmpty)
        try table.refuseUnknownColumns(allowingExtra: false)
        #expect(table.unusedColumns.contains("民族") && table.unusedColumns.contains("成员1关系") && table.unusedColumns.contains("学校名称"))
        let records = try table.rows.map { row in try StudentRecord.parse(row.fields).get() }
        #expect(records.count == 3)

        let gulli = records[0]
        #expect(gulli.name == "古丽·阿不都" && gulli.birthDate.description == "2013-03-02" && gulli.grade == 7)
        #expect(gulli.leftBehind == .bothParents && gulli.disability == Disability.none && gulli.attendance == .boarding)
        #expect(gulli.guardianName == "帕丽旦" && gulli.guardianPhone == "13900002222", "the member marked 监护人, not member 1")
        #expect(gulli.householdRegion == "510123101000" && gulli.enrolledOn == "2019-09")

        let wang = records[1]
        #expect(wang.grade == 5 && wang.leftBehind == .no && wang.disability == .visual)
        #expect(wang.guardianName == "王建国" && wang.guardianPhone == "13700003333")

        let chan = records[2]
        #expect(chan.idNumber == nil && chan.studentNumber.value == "L51012320160109001A", "a Hong Kong passport's number is not kept as an ID")
        #expect(chan.leftBehind == .oneParent && chan.guardianName == "陈美玲", "no one marked: member 1")
    }

    @Test func theHouseholdExportImportsAsItComes() throws {
        let table = try Table<RosterField>.read(try Self.fixture("household-roster.csv"))
        #expect(table.encoding == .gb18030 && table.ignoredHeaders.isEmpty)
        try table.refuseUnknownColumns(allowingExtra: false)
        #expect(table.unusedColumns == ["序号", "户号", "性别", "民族", "出生日期", "与户主关系", "户主姓名", "住址", "所属派出所"])
        #expect(table.rows.map { $0.fields[.householdRegion] } == ["510123101", "510123102"])
        #expect(table.rows[0].fields[.guardianName] == "帕丽旦" && table.rows[0].fields[.guardianPhone] == "13900002222")
    }

    @Test func anUnknownColumnStopsTheImportUnlessAllowed() throws {
        let text = "姓名,性别,出生日期,身份证件号,学校标识码,年级,爱好\n张三,男,2014-03-01,510123201403011232,2510123001,三年级,wx\n"
        let table = try Table<StudentField>.read(Data(text.utf8))
        #expect(table.ignoredHeaders == ["爱好"])
        let error = #expect(throws: TableError.self) { try table.refuseUnknownColumns(allowingExtra: false) }
        #expect(error?.code == .csvUnknownColumns && error?.message.contains("爱好") == true && error?.message.contains("--allow-extra-columns") == true)
        // The person's word that it does not matter lets it through, listed.
        try table.refuseUnknownColumns(allowingExtra: true)
    }

    @Test func aColumnThatLooksLikeAKnownOneStopsItEvenWhenExtrasAreAllowed() throws {
        // 是否留守 is not a header any import knows; skipping it would store a 双亲留守 child as 非留守.
        let text = "姓名,性别,出生日期,身份证件号,学校标识码,年级,是否留守,监护人姓名\n张三,男,2014-03-01,510123201403011232,2510123001,三年级,双亲留守,张大\n"
        let table = try Table<StudentField>.read(Data(text.utf8))
        let error = #expect(throws: TableError.self) { try table.refuseUnknownColumns(allowingExtra: true) }
        #expect(error?.code == .csvUnknownColumns)
        #expect(error?.message.contains("“是否留守”（像是“留守情况”）") == true, "names the column and what it looks like")
        #expect(error?.message.contains("--allow-extra-columns") == false, "the flag would not help")
        #expect(StudentField.resembling("成员3电话") == .guardianPhone && StudentField.resembling("爱好") == nil && StudentField.resembling("家长微信") == .guardianName)
    }

    @Test func nationalValuesParse() {
        #expect(LeftBehindStatus(label: "双亲留守儿童") == .bothParents && LeftBehindStatus(label: "非留守儿童") == .no)
        #expect(Disability(label: "无残疾") == Disability.none && Disability(label: "肢体残疾") == .physical)
        #expect(FieldParsing.grade("初中三年级") == 9 && FieldParsing.grade("高中一年级") == 10 && FieldParsing.grade("小学六年级") == 6)
        #expect(FieldParsing.grade("初中四年级") == nil)
        // A member's 是否监护人 must say yes or no.
        var fields: [StudentField: String] = [.name: "张三", .sex: "男", .birthDate: "2014-03-01", .idNumber: "510123201403011232", .schoolCode: "2510123001", .grade: "3"]
        fields[.member1Name] = "张大"
        fields[.member1Guardian] = "也许"
        guard case .failure(let problems) = StudentRecord.parse(fields) else { Issue.record("accepted"); return }
        #expect(problems.problems.map(\.field) == ["成员1是否监护人"])
    }
}
