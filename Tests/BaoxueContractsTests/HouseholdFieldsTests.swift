import BaoxueContracts
import Foundation
import Testing

/// The roster's household type and the orphan and 事实无人抚养 flags (issue 12, item 2): read from
/// a file like the other fields, carried on the wire by both coders alike.
@Suite struct HouseholdFieldsTests {
    static let row: [StudentField: String] = [
        .name: "张三", .sex: "男", .birthDate: "2014-03-01", .idNumber: "510123201403011232", .schoolCode: "5101230001", .grade: "3",
    ]

    @Test(arguments: [
        ("农业户口", HouseholdType.rural), ("农业", .rural), ("1", .rural), ("农村", .rural), ("rural", .rural),
        ("非农业户口", .urban), ("非农业", .urban), ("2", .urban), ("城镇户口", .urban), ("urban", .urban),
    ])
    func householdTypeIsReadInEverySpelling(text: String, expected: HouseholdType) throws {
        let record = try StudentRecord.parse(Self.row.merging([.householdType: text]) { $1 }).get()
        #expect(record.householdType == expected)
    }

    @Test func absentFieldsMeanUnknownAndNo() throws {
        let record = try StudentRecord.parse(Self.row).get()
        #expect(record.householdType == nil)
        #expect(!record.orphan && !record.unattended)
    }

    @Test func flagsAndBadValuesNameTheirColumns() throws {
        let record = try StudentRecord.parse(Self.row.merging([.orphan: "是", .unattended: "1"]) { $1 }).get()
        #expect(record.orphan && record.unattended)
        guard case .failure(let failure) = StudentRecord.parse(Self.row.merging([.householdType: "外星", .orphan: "也许"]) { $1 }) else {
            Issue.record("accepted a bad household type")
            return
        }
        #expect(Set(failure.problems.map(\.field)) == ["户口性质", "是否孤儿"])
    }

    @Test func headersAreFoundByTheirCommonNames() {
        #expect(StudentField(header: "户口性质") == .householdType)
        #expect(StudentField(header: "户口类型") == .householdType)
        #expect(StudentField(header: "是否孤儿") == .orphan)
        #expect(StudentField(header: "是否事实无人抚养儿童") == .unattended)
    }

    @Test func theFastWriterAndReaderAgreeWithCodable() throws {
        let id = try IDNumber(validating: "11010519491231002X")
        var record = StudentRecord(name: "王䶮", sex: .female, birthDate: id.birthDate, idNumber: id, studentNumber: StudentNumber(identity: id), schoolCode: "2510123001", grade: 5, householdType: .rural, orphan: true, unattended: false)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        #expect(record.jsonBytes() == Array(try encoder.encode(record)))
        record.householdType = nil
        record.unattended = true
        #expect(record.jsonBytes() == Array(try encoder.encode(record)))
        let read = try StudentRecord(json: try JSONReader.parse(record.jsonBytes()), path: "")
        #expect(read == record)
        #expect(try JSONDecoder().decode(StudentRecord.self, from: Data(#"{"name":"x","sex":"female","birthDate":"1949-12-31","studentNumber":"G11010519491231002X","schoolCode":"2510123001","grade":5}"#.utf8)).orphan == false)
    }
}
