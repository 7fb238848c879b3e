import BaoxueContracts
import Foundation
import Testing

/// The event bodies every follower reads (`StatusChangedEvent`, `Student`, `Alert`) have fast
/// readers and writers; they must agree with `Codable` exactly, or a replica would differ from
/// the registry depending on which path read the event.
@Suite struct EventBodyCodingTests {
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    static func event(reason: String?, expectedEnd: CivilDate?, from: StudentStatus?, causes: [DropoutCause]? = nil) throws -> StatusChangedEvent {
        let id = try IDNumber(validating: "11010519491231002X")
        let record = StudentRecord(name: "阿依古丽·买买提", sex: .female, birthDate: id.birthDate, idNumber: id, studentNumber: StudentNumber(identity: id), schoolCode: "2510123001", grade: 5, className: nil, enrolledOn: nil, householdRegion: "510123101201", attendance: .day, registeredPoor: true, subsistence: false, disability: .none, leftBehind: .no, guardianName: "王䶮", guardianPhone: nil)
        let student = Student(record: record, status: .droppedOut, township: "510123101", schoolName: "城关小学", documentsIncomplete: false, updatedAt: "2026-11-29T08:00:00.000Z", revision: 4)
        var change = StatusChange(id: 17, studentNumber: record.studentNumber.value, kind: .dropOut, from: from, to: .droppedOut, date: CivilDate(parsing: "2026-11-28")!, documents: ["学校报告", "家长\"说明\"/"], missingDocuments: [], reason: reason, fromSchool: "2510123001", toSchool: nil, expectedEnd: expectedEnd, recordedAt: "2026-11-29T08:00:00.000Z", recordedBy: "张三")
        change.causes = causes
        return StatusChangedEvent(change: change, student: student)
    }

    @Test(arguments: [true, false])
    func statusChangedEventsWriteAndReadAsCodableDoes(full: Bool) throws {
        let event = try Self.event(reason: full ? "厌学\n家庭困难" : nil, expectedEnd: full ? CivilDate(parsing: "2027-06-30") : nil, from: full ? .enrolled : nil, causes: full ? [.weariness, .poverty] : nil)
        let bytes = event.jsonBytes()
        #expect(bytes == Array(try Self.encoder.encode(event)))
        let read = try StatusChangedEvent(json: try JSONReader.parse(bytes), path: "")
        let decoded = try JSONDecoder().decode(StatusChangedEvent.self, from: Data(bytes))
        #expect(read.change == decoded.change)
        #expect(read.student == decoded.student)
        #expect(read.change == event.change)
        #expect(read.change.causes == (full ? [.weariness, .poverty] : nil))
    }

    /// Every single-student read's answer: the gateway reads it with the fast path.
    @Test func aStudentDetailReadsAsCodableDoes() throws {
        let full = try Self.event(reason: "厌学", expectedEnd: CivilDate(parsing: "2027-06-30"), from: .enrolled, causes: [.weariness])
        let bare = try Self.event(reason: nil, expectedEnd: nil, from: nil)
        for detail in [StudentDetail(student: full.student, changes: [full.change, bare.change]), StudentDetail(student: bare.student, changes: [])] {
            let bytes = try Self.encoder.encode(detail)
            #expect(detail.jsonBytes() == Array(bytes))
            let read = try StudentDetail(json: try JSONReader.parse(Array(bytes)), path: "")
            let decoded = try JSONDecoder().decode(StudentDetail.self, from: bytes)
            #expect(read.student == decoded.student)
            #expect(read.changes == decoded.changes)
        }
        #expect(throws: (any Error).self) { try StudentDetail(json: try JSONReader.parse(Array(#"{"student":{},"changes":[]}"#.utf8)), path: "") }
        #expect(throws: (any Error).self) { try StudentDetail(json: try JSONReader.parse(Array(#"{"changes":[]}"#.utf8)), path: "") }
    }

    /// Every case change is an event (`case.changed`): written without Foundation's encoder,
    /// byte for byte what it writes, absent values and all.
    @Test func caseSummariesWriteAsCodableDoes() throws {
        let full = CaseSummary(
            id: 42, state: .probation, origin: .dropoutReported, studentName: "阿依古丽·买买提", student: "G110105********002X", township: "510123101", school: "2510123001",
            schoolName: "城关\"中心\"小学/分校", grade: 8, age: 14, registeredPoor: true, openedOn: CivilDate(parsing: "2026-09-03")!, townshipOfficial: "王䶮", schoolTeacher: "李老师",
            causes: [.weariness, .poverty], measures: [.homeVisit, .homeTeaching], visits: 3, lastVisitOn: CivilDate(parsing: "2026-10-01"), nextVisitOn: CivilDate(parsing: "2026-10-15"),
            lessons: 12, outcome: .returned, closedOn: CivilDate(parsing: "2026-11-01"), probationUntil: CivilDate(parsing: "2027-02-01"), reopened: 1)
        let bare = CaseSummary(
            id: 1, state: .open, origin: .manual, studentName: "张三", student: "S***001", township: "510123102", school: "2510123002", schoolName: nil, grade: 1, age: 7,
            registeredPoor: false, openedOn: CivilDate(parsing: "2026-12-01")!, townshipOfficial: nil, schoolTeacher: nil, causes: [], measures: [], visits: 0, lastVisitOn: nil,
            nextVisitOn: nil, lessons: 0, outcome: nil, closedOn: nil, probationUntil: nil, reopened: 0)
        for summary in [full, bare] {
            #expect(summary.jsonBytes() == Array(try Self.encoder.encode(summary)))
            #expect(try JSONDecoder().decode(CaseSummary.self, from: Data(summary.jsonBytes())) == summary)
        }
    }

    @Test func anUnknownCauseInAnEventNamesTheField() throws {
        var json = String(decoding: try Self.event(reason: nil, expectedEnd: nil, from: .enrolled, causes: [.work]).jsonBytes(), as: UTF8.self)
        json = json.replacingOccurrences(of: #""causes":["work"]"#, with: #""causes":["wandering"]"#)
        #expect(throws: (any Error).self) { try JSONDecoder().decode(StatusChangedEvent.self, from: Data(json.utf8)) }
        do {
            _ = try StatusChangedEvent(json: try JSONReader.parse(Array(json.utf8)), path: "")
            Issue.record("an unknown cause was read")
        } catch {
            #expect("\(error)".contains("change.causes[0]"))
        }
    }

    @Test func aBadEventBodyNamesTheField() throws {
        var json = String(decoding: try Self.event(reason: "厌学", expectedEnd: nil, from: .enrolled).jsonBytes(), as: UTF8.self)
        json = json.replacingOccurrences(of: #""kind":"dropOut""#, with: #""kind":"vanished""#)
        #expect(throws: (any Error).self) { try JSONDecoder().decode(StatusChangedEvent.self, from: Data(json.utf8)) }
        do {
            _ = try StatusChangedEvent(json: try JSONReader.parse(Array(json.utf8)), path: "")
            Issue.record("an unknown change kind was read")
        } catch {
            #expect("\(error)".contains("change.kind"))
        }
    }

    @Test(arguments: [true, false])
    func alertsReadAsCodableDoes(acknowledged: Bool) throws {
        let alert = Alert(id: 9, rule: .dropoutReported, severity: .urgent, state: acknowledged ? .acknowledged : .open, studentName: "王·小明", student: "G110105********002X", township: "510123101", school: "2510123001", text: "报告辍学", textEnglish: "Reported \"dropped out\"", createdAt: "2026-11-29T08:00:00.000Z", acknowledgedAt: acknowledged ? "2026-11-29T09:00:00.000Z" : nil, acknowledgedBy: acknowledged ? "李四" : nil, note: acknowledged ? "已联系家长" : nil, caseID: acknowledged ? 3 : nil)
        let bytes = alert.jsonBytes()
        #expect(bytes == Array(try Self.encoder.encode(alert)))
        #expect(try Alert(json: try JSONReader.parse(bytes), path: "") == alert)
        #expect(try JSONDecoder().decode(Alert.self, from: Data(bytes)) == alert)
        // The alert list's answer: a list read element by element, a bad one named by index.
        let list = [alert, alert]
        #expect(try [Alert](json: try JSONReader.parse(list.jsonBytes()), path: "") == list)
        let broken = String(decoding: list.jsonBytes(), as: UTF8.self).replacingOccurrences(of: #""id":9"#, with: #""id":"9""#)
        #expect(throws: (any Error).self) { try [Alert](json: try JSONReader.parse(Array(broken.utf8)), path: "") }
        do {
            _ = try [Alert](json: try JSONReader.parse(Array(broken.utf8)), path: "")
        } catch {
            #expect("\(error)".contains("[0]"))
        }
    }
}
