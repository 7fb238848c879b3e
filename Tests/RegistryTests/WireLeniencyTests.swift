import BaoxueContracts
import BaoxueMessaging
import BaoxueTestSupport
import Foundation
import GRDB
import Testing

@testable import Registry

/// What clients in other languages send: rows that do not decode, fields left out.
@Suite struct WireLeniencyTests {
    @Test func aRowThatDoesNotDecodeIsRejectedAloneNotTheBatch() throws {
        let good = RosterFixtures.idNumber(sequence: 1)
        let json = """
            {"rows": [
              {"row": 1, "record": {"name": "甲", "sex": "male", "birthDate": "2015-03-01", "idNumber": "\(good)", "studentNumber": "G\(good)", "schoolCode": "\(RosterFixtures.school)", "grade": 5}},
              {"row": 2, "record": {"name": "乙", "sex": "male", "birthDate": "2015-03-01", "idNumber": "510123201503010010", "studentNumber": "G510123201503010010", "schoolCode": "\(RosterFixtures.school)", "grade": 5}},
              "not even an object"
            ]}
            """
        let batch = try WireCoding.decode(ImportBatch<StudentRecord>.self, from: Data(json.utf8))
        #expect(batch.rows.map(\.row) == [1])
        #expect(batch.invalidRows.map(\.row) == [2, 3])
        #expect(batch.invalidRows[0].reason.contains("idNumber"))
        // Optional roster columns default as an empty cell would.
        #expect(batch.rows[0].record.attendance == .day)
        #expect(batch.rows[0].record.disability == Disability.none)
    }

    @Test func queriesMayBeEmptyObjects() throws {
        #expect(try WireCoding.decode(StudentQuery.self, from: Data("{}".utf8)).limit == 50)
        #expect(try WireCoding.decode(ChangeQuery.self, from: Data("{}".utf8)).limit == 100)
        #expect(try WireCoding.decode(ReplayRequest.self, from: Data("{}".utf8)).after == 0)
        let change = try WireCoding.decode(StatusChangeRequest.self, from: Data(#"{"student":"x","kind":"suspend","date":"2026-09-01"}"#.utf8))
        #expect(change.documents.isEmpty)
    }

    @Test func wireRecordsAreCheckedLikeFileRows() throws {
        let id = try IDNumber(validating: RosterFixtures.idNumber(sequence: 1))
        var record = StudentRecord(name: "  ", sex: .male, birthDate: id.birthDate, idNumber: id, studentNumber: StudentNumber(identity: id), schoolCode: RosterFixtures.school, grade: 5)
        record.guardianPhone = "not a phone"
        record.enrolledOn = "whenever"
        let fields = Set(record.consistencyProblems().map(\.field))
        #expect(fields == ["姓名", "监护人电话", "入学年月"])
    }
}
