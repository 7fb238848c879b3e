import BaoxueContracts
import Testing

@testable import Gateway

@Suite struct PresentationTests {
    @Test(arguments: [
        ("未找到该学生 (no student with that ID)", Language.zh, "未找到该学生"),
        ("未找到该学生 (no student with that ID)", .en, "no student with that ID"),
        ("plain english (with parentheses)", .zh, "plain english (with parentheses)"),
        ("只有中文", .en, "只有中文"),
    ])
    func bilingualMessagesSplit(message: String, language: Language, expected: String) {
        #expect(Localized.pick(message, language) == expected)
    }

    @Test func tablesAlignChineseByDisplayWidth() {
        #expect(TextTable.displayWidth("城关镇") == 6)
        #expect(TextTable.displayWidth("abc") == 3)
        #expect(TextTable.displayWidth("王䶮") == 4)
        let table = TextTable(headers: ["姓名", "年级"], rows: [["阿依古丽·买买提", "5"], ["王䶮", "12"]]).rendered
        let lines = table.split(separator: "\n")
        #expect(lines.count == 4)
        // The second column starts at the same display column on every line.
        let starts = lines.filter { !$0.hasPrefix("─") }.map { line -> Int in
            let first = line.prefix { $0 != " " }
            return TextTable.displayWidth(String(first)) + line.dropFirst(first.count).prefix { $0 == " " }.count
        }
        #expect(Set(starts).count == 1)
    }

    @Test func listsNeverCarryFullNumbers() throws {
        let id = try IDNumber(validating: "11010519491231002X")
        let record = StudentRecord(name: "张三", sex: .female, birthDate: id.birthDate, idNumber: id, studentNumber: StudentNumber(identity: id), schoolCode: "2510123001", grade: 5, guardianPhone: "13812345678")
        let summary = StudentSheet(Student(record: record, status: .enrolled, township: "510123101", schoolName: nil, documentsIncomplete: false, updatedAt: "", revision: 1), masked: true)
        #expect(summary.idNumber == "110105********002X")
        #expect(summary.guardianPhone == "138****5678")
        #expect(!summary.studentNumber.contains("19491231"))
    }
}
