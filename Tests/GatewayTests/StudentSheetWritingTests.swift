import BaoxueContracts
import Foundation
import Testing

@testable import Gateway

/// The single-student read and the student list are written with ``JSONWriter``; a client must
/// get the bytes `JSONEncoder` with sorted keys wrote before, masked or not, optional fields
/// present or absent.
@Suite struct StudentSheetWritingTests {
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        return encoder
    }()

    static func student(full: Bool) throws -> Student {
        let id = try IDNumber(validating: "11010519491231002X")
        var record = StudentRecord(
            name: "阿依古丽·买买提", sex: .female, birthDate: id.birthDate, idNumber: id, studentNumber: StudentNumber(identity: id), schoolCode: "2510123001", grade: 5,
            className: full ? "五(2)班 \"甲\"/" : nil, enrolledOn: full ? "2021-09" : nil, householdRegion: full ? "510123101201" : nil, attendance: .day,
            registeredPoor: full, subsistence: false, disability: .none, leftBehind: .no, guardianName: full ? "王䶮" : nil, guardianPhone: full ? "13800001234" : nil)
        if full { record.householdType = .rural }
        return Student(record: record, status: .enrolled, township: "510123101", schoolName: full ? "城关小学" : nil, documentsIncomplete: full, updatedAt: "2026-11-29T08:00:00.000Z", revision: 3)
    }

    @Test(arguments: [true, false], [true, false])
    func sheetsAndFilesWriteAsJSONEncoderDoes(full: Bool, masked: Bool) throws {
        let student = try Self.student(full: full)
        let sheet = StudentSheet(student, masked: masked)
        #expect(sheet.jsonBytes() == Array(try Self.encoder.encode(sheet)))
        let change = StatusChange(id: 1, studentNumber: student.record.studentNumber.value, kind: .dropOut, from: .enrolled, to: .droppedOut, date: CivilDate(parsing: "2026-11-28")!, documents: ["学校报告"], missingDocuments: [], reason: full ? "厌学" : nil, fromSchool: "2510123001", toSchool: nil, expectedEnd: nil, recordedAt: "2026-11-29T08:00:00.000Z", recordedBy: "张三")
        let file = StudentFile(StudentDetail(student: student, changes: full ? [change, change] : []), masked: masked)
        #expect(file.jsonBytes() == Array(try Self.encoder.encode(file)))
        let page = StudentSheetPage(students: full ? [StudentSheet(student, masked: true), StudentSheet(student, masked: true)] : [], total: 2, nextCursor: full ? "abc" : nil)
        #expect(page.jsonBytes() == Array(try Self.encoder.encode(page)))
    }
}
