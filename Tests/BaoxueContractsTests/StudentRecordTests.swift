import BaoxueContracts
import Testing

@Suite struct StudentRecordTests {
    /// A complete, consistent roster row.
    static let goodRow: [StudentField: String] = [
        .name: "阿依古丽•买买提", .sex: "女", .birthDate: "2014/3/1", .idNumber: "510123201403011240",
        .studentNumber: "", .schoolCode: "5101230001", .grade: "三年级", .className: "3(2)班",
        .enrolledOn: "2020年9月", .householdRegion: "510123001", .attendance: "住校", .registeredPoor: "是",
        .subsistence: "否", .disability: "", .leftBehind: "双亲留守", .guardianName: "买买提．艾力",
        .guardianPhone: "138 1234 5678",
    ]

    func row(_ changes: [StudentField: String]) -> [StudentField: String] {
        Self.goodRow.merging(changes) { _, new in new }
    }

    func problems(_ fields: [StudentField: String]) -> [FieldProblem] {
        switch StudentRecord.parse(fields) {
        case .success: []
        case .failure(let failure): failure.problems
        }
    }

    @Test func goodRowBecomesARecord() throws {
        let record = try StudentRecord.parse(Self.goodRow).get()
        #expect(record.name == "阿依古丽·买买提")
        #expect(record.sex == .female)
        #expect(record.birthDate == CivilDate(year: 2014, month: 3, day: 1))
        #expect(record.idNumber?.value == "510123201403011240")
        #expect(record.studentNumber.value == "G510123201403011240")
        #expect(record.schoolCode == "5101230001")
        #expect(record.grade == 3)
        #expect(record.className == "3(2)班")
        #expect(record.enrolledOn == "2020-09")
        #expect(record.householdRegion == "510123001")
        #expect(record.attendance == .boarding)
        #expect(record.registeredPoor)
        #expect(!record.subsistence)
        #expect(record.disability == Disability.none)
        #expect(record.leftBehind == .bothParents)
        #expect(record.guardianName == "买买提·艾力")
        #expect(record.guardianPhone == "13812345678")
        #expect(record.identityKey == "510123201403011240")
        #expect(record.consistencyProblems().isEmpty)
    }

    @Test func onlyRequiredColumnsAreNeeded() throws {
        let record = try StudentRecord.parse([
            .name: "张三", .sex: "男", .birthDate: "2014-03-01", .idNumber: "510123201403011232",
            .schoolCode: "5101230001", .grade: "3",
        ]).get()
        #expect(record.attendance == .day)
        #expect(record.className == nil)
        #expect(record.guardianPhone == nil)
        #expect(record.leftBehind == .no)
    }

    @Test func childWithoutIDNumberIsKeyedByStudentNumber() throws {
        let record = try StudentRecord.parse(row([.idNumber: "", .studentNumber: "J510123201403010015"])).get()
        #expect(record.idNumber == nil)
        #expect(record.identityKey == "J510123201403010015")
    }

    @Test func birthDateContradictingTheIDIsRefused() {
        let found = problems(row([.birthDate: "2014-03-02"]))
        #expect(found.map(\.field) == ["出生日期"])
        #expect(found.first?.reason.contains("birth date contradicts the ID number") == true)
    }

    @Test func sexContradictingTheIDIsRefused() {
        let found = problems(row([.sex: "男"]))
        #expect(found.map(\.field) == ["性别"])
        #expect(found.first?.reason.contains("sex contradicts the ID number") == true)
    }

    @Test func gStudentNumberMustMatchTheID() {
        let found = problems(row([.studentNumber: "G510123201403011232"]))
        #expect(found.map(\.field) == ["全国学籍号"])
    }

    @Test func missingIDAndStudentNumberIsRefused() {
        let found = problems(row([.idNumber: "", .studentNumber: ""]))
        #expect(found.map(\.field) == ["身份证件号"])
        #expect(found.first?.reason.contains("give the ID number or the student number") == true)
    }

    @Test func invalidIDNumberIsReportedOnce() {
        let found = problems(row([.idNumber: "510123201403011241"]))
        #expect(found.map(\.field) == ["身份证件号"])
        #expect(found.first?.reason.contains("check character") == true)
    }

    @Test(arguments: [
        (StudentField.name, String(repeating: "张", count: 51)), (.className, String(repeating: "班", count: 31)),
        (.guardianName, String(repeating: "李", count: 51)), (.householdRegion, String(repeating: "1", count: 33)),
    ])
    func overLongFieldIsRefused(field: StudentField, value: String) {
        let found = problems(row([field: value]))
        #expect(found.map(\.field) == [field.header])
        #expect(found.first?.reason.contains("longer than \(field.maxLength) characters") == true)
    }

    @Test func fieldsAtTheirMaximumLengthAreAccepted() throws {
        let record = try StudentRecord.parse(row([.className: String(repeating: "班", count: 30)])).get()
        #expect(record.className?.count == 30)
    }

    @Test func allProblemsAreReportedAtOnce() {
        // Given a row with something wrong in nine columns, one of them over-long.
        let found = problems(row([
            .name: " ", .sex: "未知", .birthDate: "2014-02-30", .schoolCode: "51012300", .grade: "十三年级",
            .enrolledOn: "秋季", .attendance: "走读生", .guardianPhone: "12345",
            .className: String(repeating: "班", count: 31),
        ]))
        #expect(found.map(\.field) == ["班级", "姓名", "性别", "出生日期", "学校标识码", "年级", "入学年月", "就读方式", "监护人电话"])
        #expect(found.allSatisfy { $0.reason.contains("(") && $0.reason.contains(")") })
    }

    @Test(arguments: [
        (StudentField.householdRegion, "51012"), (.registeredPoor, "也许"), (.subsistence, "maybe"),
        (.disability, "其他"), (.leftBehind, "三亲留守"),
    ])
    func badCodedValuesNameTheirColumn(field: StudentField, value: String) {
        #expect(problems(row([field: value])).map(\.field) == [field.header])
    }

    @Test func printedRecordsNeverCarryTheFullIDNumber() throws {
        let record = try StudentRecord.parse(Self.goodRow).get()
        #expect(!"\(record)".contains("510123201403011240"))
        #expect(!String(reflecting: record).contains("510123201403011240"))
    }

    @Test func consistencyProblemsCatchContradictionsInTypedRecords() throws {
        var record = try StudentRecord.parse(Self.goodRow).get()
        record.sex = .male
        record.birthDate = CivilDate(year: 2014, month: 3, day: 2)!
        record.grade = 13
        #expect(record.consistencyProblems().map(\.field) == ["出生日期", "性别", "年级"])
        record.grade = -3
        #expect(record.consistencyProblems().map(\.field).contains("年级"))
        for grade in [-2, 0, 10, 12] {
            record.grade = grade
            #expect(!record.consistencyProblems().map(\.field).contains("年级"), "\(grade)")
        }
    }
}

import Foundation

@Suite struct JSONWriterTests {
    /// The fast writer must produce exactly what JSONEncoder with sorted keys does, or stored
    /// records would look "changed" and digests of retried requests would differ.
    @Test func writerMatchesJSONEncoderByteForByte() throws {
        let id = try IDNumber(validating: "11010519491231002X")
        var record = StudentRecord(name: "阿依古丽·买买提 \"引号\" \\ 斜杠/", sex: .female, birthDate: id.birthDate, idNumber: id, studentNumber: StudentNumber(identity: id), schoolCode: "2510123001", grade: 5, className: "3班\n", enrolledOn: "2021-09", householdRegion: "510123101201", attendance: .boarding, registeredPoor: true, subsistence: false, disability: .visual, leftBehind: .bothParents, guardianName: "王䶮", guardianPhone: "13812345678")
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        #expect(record.jsonBytes() == Array(try encoder.encode(record)))
        record.idNumber = nil
        record.className = nil
        record.guardianPhone = nil
        #expect(record.jsonBytes() == Array(try encoder.encode(record)))
        let student = Student(record: record, status: .droppedOut, township: "510123101", schoolName: nil, documentsIncomplete: true, updatedAt: "2026-11-29T00:00:00.000Z", revision: 3)
        #expect(student.jsonBytes() == Array(try encoder.encode(student)))
        let decoded = try JSONDecoder().decode(Student.self, from: Data(student.jsonBytes()))
        #expect(decoded == student)
    }
}

@Suite struct JSONReaderTests {
    static func decoded(_ json: String) -> Result<StudentRecord, any Error> {
        Result { try JSONDecoder().decode(StudentRecord.self, from: Data(json.utf8)) }
    }

    static func read(_ json: String) -> Result<StudentRecord, any Error> {
        Result { try StudentRecord(json: try JSONReader.parse(Array(json.utf8)), path: "") }
    }

    /// The fast reader must accept and refuse exactly what the Codable path does.
    @Test(arguments: [
        #"{"name":"王䶮","sex":"female","birthDate":"1949-12-31","idNumber":"11010519491231002X","studentNumber":"G11010519491231002X","schoolCode":"2510123001","grade":5}"#,
        #"{"name":"A\"b\\c\u00e9\ud83d\ude00/","sex":"female","birthDate":"1949-12-31","studentNumber":"G11010519491231002X","schoolCode":"2510123001","grade":5,"attendance":"住校","registeredPoor":true,"subsistence":false,"disability":"视力","leftBehind":"双亲留守","className":"3班","enrolledOn":"2021-09","householdRegion":"510123","guardianName":"李","guardianPhone":"13812345678","idNumber":null}"#,
        #"{"name":"x","sex":"female","birthDate":"1949-12-31","idNumber":"110105194912310021","studentNumber":"G11010519491231002X","schoolCode":"2510123001","grade":5}"#,
        #"{"name":"x","sex":"unknown","birthDate":"1949-12-31","studentNumber":"G11010519491231002X","schoolCode":"2510123001","grade":5}"#,
        #"{"name":"x","sex":"female","birthDate":"1949-12-31","studentNumber":"G11010519491231002X","schoolCode":"2510123001","grade":"5"}"#,
        #"{"name":"x","sex":"female","birthDate":"1949-12-31","schoolCode":"2510123001","grade":5}"#,
        #"{"name":"x","sex":"female","birthDate":"1949-02-30","studentNumber":"G11010519491231002X","schoolCode":"2510123001","grade":5}"#,
        #"{"name":"x","sex":"female","birthDate":"1949-12-31","studentNumber":"G11010519491231002X","schoolCode":"2510123001","grade":5.5}"#,
        #"[1,2]"#,
    ])
    func readerAgreesWithJSONDecoder(json: String) {
        switch (Self.decoded(json), Self.read(json)) {
        case (.success(let a), .success(let b)): #expect(a == b)
        case (.failure, .failure): break
        case (let a, let b): Issue.record("JSONDecoder: \(a), JSONReader: \(b)")
        }
    }

    @Test func batchesKeepGoodRowsAndNameBadOnes() throws {
        let json = #"{"rows":[{"row":7,"record":{"name":"x","sex":"female","birthDate":"1949-12-31","studentNumber":"G11010519491231002X","schoolCode":"2510123001","grade":5}},{"row":8,"record":{"name":"y"}},42]}"#
        let batch = try ImportBatch<StudentRecord>.read(json: Array(json.utf8))
        #expect(batch.rows.map(\.row) == [7])
        #expect(batch.invalidRows.map(\.row) == [8, 3])
        #expect(batch.invalidRows[0].reason.contains("rows[1].record.sex"))
        #expect(throws: (any Error).self) { try ImportBatch<StudentRecord>.read(json: Array("{\"rows\": [".utf8)) }
    }
}
