import BaoxueContracts
import BaoxueDemo
import Testing

@Suite struct DemoCountyCSVTests {
    static let county = DemoCountyTests.county

    /// Splits a document into rows of fields; valid only because the demo never writes a comma,
    /// quote or line break inside a value, which ``rows(_:)`` asserts.
    static func rows(_ csv: String) -> [[String]] {
        #expect(!csv.contains("\""), "the demo should never need quoting")
        #expect(csv.hasSuffix("\r\n"))
        let lines = csv.split(separator: "\r\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.allSatisfy { !$0.contains("\n") && !$0.contains("\r") })
        return lines.map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    }

    @Test func headersAreTheRosterHeadersExactly() {
        let students = Self.county.studentsCSV()
        let schools = Self.county.schoolsCSV()
        #expect(students.hasPrefix(
            "姓名,性别,出生日期,身份证件号,全国学籍号,学校标识码,年级,班级,入学年月,户籍所在地区划代码,就读方式,是否建档立卡,是否低保,是否残疾,留守情况,监护人姓名,监护人电话,户口性质,是否孤儿,是否事实无人抚养儿童\r\n"))
        #expect(schools.hasPrefix("学校标识码,学校名称,学校类型,乡镇区划代码,乡镇名称\r\n"))
        #expect(schools.contains(",城关镇\r\n"), "the township named beside its code")
    }

    @Test func everyStudentRowParsesBackToTheSameRecord() {
        // Given: the roster as a county would import it.
        let rows = Self.rows(Self.county.studentsCSV())
        let header = rows[0].map { StudentField(header: $0) }
        #expect(header == StudentField.ownLayout.map { Optional($0) })
        #expect(rows.count == Self.county.students.count + 1)
        // When: each row is read the way an import reads it.
        for (index, row) in rows.dropFirst().enumerated() {
            #expect(row.count == StudentField.ownLayout.count, "row \(index + 2)")
            guard row.count == StudentField.ownLayout.count else { continue }
            var fields: [StudentField: String] = [:]
            for (field, value) in zip(StudentField.ownLayout, row) { fields[field] = value }
            // Then: it is accepted and equals the generated record.
            switch StudentRecord.parse(fields) {
            case .success(let record): #expect(record == Self.county.students[index], "row \(index + 2)")
            case .failure(let problems): Issue.record("row \(index + 2): \(problems.problems)")
            }
        }
    }

    @Test func booleansAreWrittenAsShiAndFou() {
        let rows = Self.rows(Self.county.studentsCSV()).dropFirst()
        let poor = StudentField.ownLayout.firstIndex(of: .registeredPoor)!
        let subsistence = StudentField.ownLayout.firstIndex(of: .subsistence)!
        #expect(rows.allSatisfy { ["是", "否"].contains($0[poor]) && ["是", "否"].contains($0[subsistence]) })
        #expect(rows.contains { $0[poor] == "是" })
    }

    @Test func everySchoolRowParsesBackToTheSameRecord() {
        let rows = Self.rows(Self.county.schoolsCSV())
        #expect(rows[0].map { SchoolField(header: $0) } == SchoolField.allCases.map { Optional($0) })
        #expect(rows.count == Self.county.schools.count + 1)
        for (index, row) in rows.dropFirst().enumerated() {
            var fields: [SchoolField: String] = [:]
            for (field, value) in zip(SchoolField.allCases, row) { fields[field] = value }
            switch SchoolRecord.parse(fields) {
            case .success(let record): #expect(record == Self.county.schools[index])
            case .failure(let problems): Issue.record("row \(index + 2): \(problems.problems)")
            }
        }
    }
}
