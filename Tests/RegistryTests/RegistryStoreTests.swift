import BaoxueContracts
import BaoxueMessaging
import BaoxueTestSupport
import Foundation
import GRDB
import Testing

@testable import Registry

@Suite struct RegistryStoreTests {
    let database: DatabaseQueue
    let store = RegistryStore()
    let actor = Actor.localOperator()
    let today = CivilDate(year: 2026, month: 11, day: 29)!

    init() throws {
        database = try DatabaseQueue()
        try RegistrySchema.migrator.migrate(database)
        try database.write { db in
            let schools = [
                SchoolRecord(code: RosterFixtures.school, name: "城关镇中心小学", type: .primary, township: RosterFixtures.township),
                SchoolRecord(code: RosterFixtures.otherSchool, name: "金河乡中心小学", type: .primary, township: RosterFixtures.otherTownship),
            ]
            _ = try store.importSchools(db, ImportBatch(rows: schools.enumerated().map { NumberedRow(row: $0 + 1, record: $1) }), actor: actor)
        }
    }

    func record(_ index: Int, school: String = RosterFixtures.school) throws -> StudentRecord {
        let cells = RosterFixtures.studentRow(index, school: school).split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        var fields: [StudentField: String] = [:]
        for (field, cell) in zip(StudentField.allCases, cells) { fields[field] = cell }
        return try StudentRecord.parse(fields).get()
    }

    func importRows(_ records: [StudentRecord]) throws -> ImportReport {
        try database.write { db in
            try store.importStudents(db, ImportBatch(rows: records.enumerated().map { NumberedRow(row: $0 + 1, record: $1) }), actor: actor)
        }
    }

    @Test func importUpsertsAndCountsOutcomes() throws {
        let first = try importRows((1...5).map { try record($0) })
        #expect(first == ImportReport(imported: 5))
        var changed = try (1...6).map { try record($0) }
        changed[0].className = "2班"
        let second = try importRows(changed)
        #expect(second == ImportReport(imported: 1, updated: 1, unchanged: 4))
        let again = try importRows(changed)
        #expect(again == ImportReport(unchanged: 6))
        // One event per added or updated student, plus the two schools; none for unchanged rows.
        #expect(try database.read { try Outbox.lastSeq($0) } == 2 + 5 + 1 + 1)
    }

    @Test func unknownSchoolIsRejectedWithTheRow() throws {
        let report = try importRows([try record(1, school: "9999999999")])
        #expect(report.imported == 0)
        #expect(report.rejected.first?.row == 1)
        #expect(report.rejected.first?.column == "学校标识码")
    }

    /// Every stage's children are where it is taught: kindergarten classes at a 幼儿园, high-school
    /// grades at a school with a high school, and no school holds a grade it does not teach.
    @Test func aGradeMustBeTaughtAtTheChildsSchool() throws {
        let kindergarten = "2510123101", highSchool = "2510123201"
        try database.write { db in
            let schools = [
                SchoolRecord(code: kindergarten, name: "城关镇中心幼儿园", type: .kindergarten, township: RosterFixtures.township),
                SchoolRecord(code: highSchool, name: "青禾县第一高级中学", type: .senior, township: RosterFixtures.township),
            ]
            _ = try store.importSchools(db, ImportBatch(rows: schools.enumerated().map { NumberedRow(row: $0 + 1, record: $1) }), actor: actor)
        }
        func child(_ index: Int, grade: String, school: String) throws -> StudentRecord {
            var cells = RosterFixtures.studentRow(index, school: school).split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            cells[StudentField.allCases.firstIndex(of: .grade)!] = grade
            var fields: [StudentField: String] = [:]
            for (field, cell) in zip(StudentField.allCases, cells) { fields[field] = cell }
            return try StudentRecord.parse(fields).get()
        }
        let report = try importRows([
            try child(1, grade: "小班", school: kindergarten), try child(2, grade: "大班", school: kindergarten),
            try child(3, grade: "高一", school: highSchool), try child(4, grade: "12", school: highSchool),
            try child(5, grade: "三年级", school: kindergarten), try child(6, grade: "中班", school: RosterFixtures.school),
            try child(7, grade: "初二", school: highSchool),
        ])
        #expect(report.imported == 4)
        #expect(report.rejected.map(\.row) == [5, 6, 7])
        #expect(report.rejected.allSatisfy { $0.column == "年级" })
        #expect(report.rejected.first?.reason.contains("城关镇中心幼儿园是幼儿园，只有小班至大班，没有三年级") == true)
        #expect(try database.read { try store.detail($0, key: RosterFixtures.idNumber(birth: "20150301", sequence: 1)) }?.student.record.grade == -2)

        // A transfer into a school that does not teach the child's grade is refused.
        let pupil = try record(20)
        _ = try importRows([pupil])
        let key = pupil.idNumber!.value
        _ = try database.write { try store.changeStatus($0, StatusChangeRequest(student: key, kind: .transferOut, date: today, documents: ["转学申请", "接收证明"]), actor: actor, today: today) }
        let refused = errorCode {
            _ = try database.write { try store.changeStatus($0, StatusChangeRequest(student: key, kind: .transferIn, date: today, documents: ["转出证明"], toSchool: highSchool), actor: actor, today: today) }
        }
        #expect(refused == ErrorCode.changeNotAllowed.rawValue)
    }

    @Test func idAndStudentNumberOfTwoChildrenConflict() throws {
        _ = try importRows([try record(1), try record(2)])
        var mixed = try record(1)
        mixed.studentNumber = try record(2).studentNumber
        mixed.idNumber = try record(1).idNumber
        let report = try importRows([mixed])
        #expect(report.rejected.count == 1)
    }

    @Test func childWithoutIDIsTrackedByStudentNumber() throws {
        var child = try record(1)
        child.idNumber = nil
        child.studentNumber = try StudentNumber(validating: "J510123201503010011")
        #expect(try importRows([child]).imported == 1)
        #expect(try importRows([child]).unchanged == 1)
        let found = try database.read { try store.detail($0, key: "J510123201503010011") }
        #expect(found?.student.record.name == child.name)
    }

    @Test func aChangeEventCarriesTheStudentAsStored() throws {
        let child = try record(1)
        _ = try importRows([child])
        let key = child.idNumber!.value
        for request in [
            StatusChangeRequest(student: key, kind: .transferOut, date: today, documents: ["转学申请"]),
            StatusChangeRequest(student: key, kind: .transferIn, date: today, documents: ["转出证明"]),
            StatusChangeRequest(student: key, kind: .dropOut, date: today, documents: ["学校报告"], causes: [.weariness], reason: "厌学"),
        ] {
            let event = try database.write { try store.changeStatus($0, request, actor: actor, today: today) }
            let stored = try #require(try database.read { try store.detail($0, key: key) })
            #expect(event.student == stored.student, "\(request.kind)")
            #expect(event.change == stored.changes.last)
        }
    }

    @Test func changeWithMissingDocumentsIsRecordedAndFlagged() throws {
        let child = try record(1)
        _ = try importRows([child])
        let event = try database.write { db in
            try store.changeStatus(db, StatusChangeRequest(student: child.idNumber!.value, kind: .transferOut, date: today, documents: ["转学申请"]), actor: actor, today: today)
        }
        #expect(event.student.status == .transferredOut)
        #expect(event.change.missingDocuments == ["接收证明"])
        #expect(event.student.documentsIncomplete)
        let incomplete = try database.read { try store.changes($0, ChangeQuery(incompleteOnly: true)) }
        #expect(incomplete.map(\.id) == [event.change.id])

        // Handed in later: the change is complete and the flag clears, announced once.
        let otherSchool = Actor(user: "zhao", role: "school-staff", school: RosterFixtures.otherSchool, via: "test")
        #expect(errorCode { _ = try database.write { try store.addDocuments($0, ChangeDocumentsRequest(change: event.change.id, documents: ["接收证明"]), actor: otherSchool, scope: AccessScope(otherSchool)) } } == "scope.forbidden")
        #expect(errorCode { _ = try database.write { try store.addDocuments($0, ChangeDocumentsRequest(change: 999, documents: ["接收证明"]), actor: actor, scope: AccessScope(actor)) } } == "change.notFound")
        let completed = try database.write { try store.addDocuments($0, ChangeDocumentsRequest(change: event.change.id, documents: [" 接收证明 ", "转学申请"]), actor: actor, scope: AccessScope(actor)) }
        #expect(completed.change.isComplete && completed.change.documents == ["转学申请", "接收证明"] && !completed.student.documentsIncomplete)
        #expect(try database.read { try store.changes($0, ChangeQuery(incompleteOnly: true)) }.isEmpty)
        let again = try database.write { try store.addDocuments($0, ChangeDocumentsRequest(change: event.change.id, documents: ["接收证明"]), actor: actor, scope: AccessScope(actor)) }
        #expect(again.student.revision == completed.student.revision, "nothing changed, nothing announced")
    }

    @Test func impossibleChangeIsRefusedAndWritesNothing() throws {
        let child = try record(1)
        _ = try importRows([child])
        let before = try database.read { try Outbox.lastSeq($0) }
        #expect(throws: ServiceError.self) {
            try database.write { db in
                try store.changeStatus(db, StatusChangeRequest(student: child.idNumber!.value, kind: .resume, date: today), actor: actor, today: today)
            }
        }
        #expect(try database.read { try Outbox.lastSeq($0) } == before)
        #expect(try database.read { try store.changes($0, ChangeQuery()) }.isEmpty)
    }

    /// A dropout's causes are chosen from the closed list: none, an unknown one, or causes on
    /// another kind of change are refused, each with a message that lists the choices; the note
    /// beside them is optional and kept.
    @Test func aDropoutNeedsItsCausesFromTheList() throws {
        let child = try record(1)
        _ = try importRows([child])
        let key = child.idNumber!.value
        func refusal(_ request: StatusChangeRequest) -> ServiceError? {
            do { _ = try database.write { try store.changeStatus($0, request, actor: actor, today: today) } } catch let error as ServiceError { return error } catch { return nil }
            return nil
        }
        let missing = try #require(refusal(StatusChangeRequest(student: key, kind: .dropOut, date: today, reason: "不想上学")))
        #expect(missing.code == .changeReasonRequired && missing.problems?.map(\.field) == ["causes"])
        #expect(missing.message.contains("厌学、学习困难、家庭经济困难") && missing.message.contains("weariness, learningDifficulty, poverty"), "\(missing.message)")
        #expect(refusal(StatusChangeRequest(student: key, kind: .dropOut, date: today, causes: []))?.code == .changeReasonRequired)

        var wire = StatusChangeRequest(student: key, kind: .dropOut, date: today, causes: [.work])
        wire.unknownCauses = ["打工"]
        let unknown = try #require(refusal(wire))
        #expect(unknown.code == .changeCauseInvalid && unknown.message.contains("“打工”") && unknown.message.contains("家庭变故、其他") && unknown.message.contains("familyCrisis, other"))
        let elsewhere = try #require(refusal(StatusChangeRequest(student: key, kind: .suspend, date: today, causes: [.illness])))
        #expect(elsewhere.code == .changeCauseInvalid && elsewhere.problems?.first?.field == "causes")
        #expect(try database.read { try store.changes($0, ChangeQuery()) }.isEmpty, "nothing was recorded")

        let event = try database.write { try store.changeStatus($0, StatusChangeRequest(student: key, kind: .dropOut, date: today, documents: ["学校报告"], causes: [.work, .weariness, .work], reason: " 随父母外出打工 "), actor: actor, today: today) }
        #expect(event.change.causes == [.work, .weariness], "a cause given twice is kept once")
        #expect(event.change.reason == "随父母外出打工")
        let stored = try #require(try database.read { try store.detail($0, key: key) }?.changes.last)
        #expect(stored.causes == [.work, .weariness] && stored.reason == "随父母外出打工")
        // Causes belong to dropouts only: a return records none.
        let back = try database.write { try store.changeStatus($0, StatusChangeRequest(student: key, kind: .return, date: today, documents: ["劝返销号记录"]), actor: actor, today: today) }
        #expect(back.change.causes == nil)
    }

    @Test func futureDatesAreRefused() throws {
        let child = try record(1)
        _ = try importRows([child])
        let key = child.idNumber!.value
        #expect(errorCode {
            _ = try database.write { try store.changeStatus($0, StatusChangeRequest(student: key, kind: .suspend, date: today.adding(days: 30)), actor: actor, today: today) }
        } == ErrorCode.changeFutureDate.rawValue)
    }

    /// A schools file's 乡镇名称 names the township in the registry (the demo's map still wins),
    /// and the school's event carries no township name: it is not the school's.
    @Test func aSchoolsFileNamesItsTownships() throws {
        let rows = [
            NumberedRow(row: 1, record: SchoolRecord(code: "2510123003", name: "城关镇第二小学", type: .primary, township: RosterFixtures.township, townshipName: " 城关镇 ")),
            NumberedRow(row: 2, record: SchoolRecord(code: "2510123004", name: "新区小学", type: .primary, township: "510123103", townshipName: "新区街道")),
        ]
        _ = try database.write { try store.importSchools($0, ImportBatch(rows: rows), townshipNames: ["510123103": "新区"], actor: actor) }
        let names = Dictionary(try database.read { try store.schools($0, SchoolQuery()) }.map { ($0.township, $0.townshipName) }, uniquingKeysWith: { first, _ in first })
        #expect(names[RosterFixtures.township] == "城关镇" && names["510123103"] == "新区")
        let body = try #require(try database.read { try Data.fetchOne($0, sql: "SELECT body FROM outbox ORDER BY seq DESC LIMIT 1") })
        #expect(!String(decoding: body, as: UTF8.self).contains("townshipName"))
    }

    @Test func transferInMovesTheChildToTheReceivingSchool() throws {
        let child = try record(1)
        _ = try importRows([child])
        let key = child.idNumber!.value
        _ = try database.write { try store.changeStatus($0, StatusChangeRequest(student: key, kind: .transferOut, date: today, documents: ["转学申请", "接收证明"]), actor: actor, today: today) }
        let event = try database.write { try store.changeStatus($0, StatusChangeRequest(student: key, kind: .transferIn, date: today, documents: ["转出证明"], toSchool: RosterFixtures.otherSchool), actor: actor, today: today) }
        #expect(event.student.status == .enrolled)
        #expect(event.student.record.schoolCode == RosterFixtures.otherSchool)
        #expect(event.student.township == RosterFixtures.otherTownship)
        let detail = try database.read { try store.detail($0, key: key) }
        #expect(detail?.changes.map(\.kind) == [.transferOut, .transferIn])
        // The event carries the row as stored (it is built, not read back): school name and all.
        #expect(event.student == detail?.student)
        #expect(event.student.schoolName != nil)
    }

    /// Decision 161: the row's status, school and township are named in the update only when they
    /// change. Through changes that keep the status, change it, and move the child, the stored row
    /// and its indexes stay what each event says.
    @Test func everyKindOfChangeLeavesTheRowAndItsIndexesAsTheEventSays() throws {
        let child = try record(1)
        _ = try importRows([child])
        let key = child.idNumber!.value
        let steps: [StatusChangeRequest] = [
            StatusChangeRequest(student: key, kind: .suspend, date: today, documents: ["病历证明"]),
            StatusChangeRequest(student: key, kind: .extendSuspension, date: today, documents: ["病历证明"]),
            StatusChangeRequest(student: key, kind: .resume, date: today),
            StatusChangeRequest(student: key, kind: .transferOut, date: today, documents: ["转学申请", "接收证明"]),
            StatusChangeRequest(student: key, kind: .transferIn, date: today, documents: ["转出证明"], toSchool: RosterFixtures.otherSchool),
        ]
        for request in steps {
            let event = try database.write { try store.changeStatus($0, request, actor: actor, today: today) }
            #expect(try database.read { try store.detail($0, key: key) }?.student == event.student, "\(request.kind)")
            let row = try #require(try database.read { try Row.fetchOne($0, sql: "SELECT status, school, township FROM student WHERE id_number = ?", arguments: [key]) })
            #expect(row[0] as String == event.student.status.rawValue && row[1] as String == event.student.record.schoolCode && row[2] as String == event.student.township, "\(request.kind)")
            #expect(try database.read { try String.fetchAll($0, sql: "PRAGMA integrity_check") } == ["ok"], "\(request.kind)")
        }
        let moved = try database.read { try store.students($0, StudentQuery(school: RosterFixtures.otherSchool, status: .enrolled)) }
        #expect(moved.total == 1 && moved.students.count == 1)
    }

    /// Decision 161: a corrected roster's row names in its update only the identities and place
    /// that changed; whatever it changed, the row and its indexes agree with the file.
    @Test func aCorrectedRosterLeavesEachRowAndItsIndexesAsTheFileSays() throws {
        let children = try (1...3).map { try record($0) }
        _ = try importRows(children)
        var renamed = children[0]
        renamed.name = "学生甲"
        var renumbered = children[1]
        renumbered.studentNumber = try StudentNumber(validating: "L51012320150000000X")
        var moved = children[2]
        moved.schoolCode = RosterFixtures.otherSchool
        #expect(try importRows([renamed, renumbered, moved]) == ImportReport(updated: 3))
        for child in [renamed, renumbered, moved] {
            let row = try #require(try database.read { try Row.fetchOne($0, sql: "SELECT name, student_number, school, township FROM student WHERE id_number = ?", arguments: [child.idNumber!.value]) })
            let township = child.schoolCode == RosterFixtures.school ? RosterFixtures.township : RosterFixtures.otherTownship
            #expect(row[0] as String == child.name && row[1] as String == child.studentNumber.value && row[2] as String == child.schoolCode && row[3] as String == township)
        }
        #expect(try database.read { try String.fetchAll($0, sql: "PRAGMA integrity_check") } == ["ok"])
        #expect(try database.read { try store.studentID($0, key: renumbered.studentNumber.value) } != nil)
        #expect(try database.read { try store.studentID($0, key: children[1].studentNumber.value) } == nil)
        #expect(try database.read { try store.students($0, StudentQuery(township: RosterFixtures.otherTownship)) }.total == 1)
    }

    @Test func aReturnIntoAVocationalSchoolMovesTheChildInTheGradeGiven() throws {
        let vocational = "2510123301"
        try database.write { db in
            _ = try store.importSchools(db, ImportBatch(rows: [NumberedRow(row: 1, record: SchoolRecord(code: vocational, name: "青禾县职业中学", type: .vocational, township: RosterFixtures.township))]), actor: actor)
        }
        let child = try record(1)
        _ = try importRows([child])
        let key = child.idNumber!.value
        #expect(errorCode {
            _ = try database.write { try store.changeStatus($0, StatusChangeRequest(student: key, kind: .dropOut, date: today, causes: [.weariness], toSchool: vocational), actor: actor, today: today) }
        } == ErrorCode.requestInvalid.rawValue, "a dropout names no school")
        _ = try database.write { try store.changeStatus($0, StatusChangeRequest(student: key, kind: .dropOut, date: today, causes: [.weariness]), actor: actor, today: today) }
        // The child's grade is not taught there: the refusal says to give the grade.
        let refused = errorCode {
            _ = try database.write { try store.changeStatus($0, StatusChangeRequest(student: key, kind: .return, date: today, toSchool: vocational), actor: actor, today: today) }
        }
        #expect(refused == ErrorCode.changeNotAllowed.rawValue)
        let event = try database.write { try store.changeStatus($0, StatusChangeRequest(student: key, kind: .return, date: today, toSchool: vocational, grade: 10), actor: actor, today: today) }
        #expect(event.student.status == .enrolled && event.student.record.schoolCode == vocational && event.student.record.grade == 10)
        #expect(event.student == (try database.read { try store.detail($0, key: key) })?.student)
        #expect(event.change.toSchoolType == .vocational && event.change.toSchool == vocational)
        // A grade outside every school's is refused before anything else.
        #expect(StatusChangeRequest(student: key, kind: .return, date: today, grade: 14).limitProblems.map(\.field) == ["grade"])
        #expect(StatusChangeRequest(student: key, kind: .suspend, date: today, grade: 3).limitProblems.map(\.field) == ["grade"])
    }

    @Test func aBirthDateAfterTodayIsRefusedOnItsRow() throws {
        var future = try record(1)
        future.idNumber = nil
        future.studentNumber = try StudentNumber(validating: "L51012320510101001A")
        future.birthDate = CivilDate(year: 2051, month: 1, day: 1)!
        let report = try importRows([future, try record(2)])
        #expect(report.imported == 1 && report.rejected.map(\.row) == [1] && report.rejected.first?.column == "出生日期")
    }

    @Test func theReceivingSchoolRecordsTheTransferIn() throws {
        let child = try record(1), other = try record(2)
        _ = try importRows([child, other])
        try database.write { db in
            _ = try store.importSchools(db, ImportBatch(rows: [NumberedRow(row: 1, record: SchoolRecord(code: "2510123999", name: "城关二小", type: .primary, township: RosterFixtures.township))]), actor: actor)
        }
        let receiving = Actor(user: "zhao", role: "school-staff", school: RosterFixtures.otherSchool, via: "test")
        let scope = AccessScope(receiving)
        func transferIn(_ key: String) throws -> StatusChangedEvent {
            try database.write { try store.changeStatus($0, StatusChangeRequest(student: key, kind: .transferIn, date: today, documents: ["转出证明"], toSchool: RosterFixtures.otherSchool), actor: receiving, today: today, scope: scope) }
        }
        // Not while the child is still enrolled at their school: the answer says no more.
        #expect(errorCode { _ = try transferIn(child.idNumber!.value) } == "scope.forbidden")
        // The transfer out named another school: only that one receives.
        _ = try database.write { try store.changeStatus($0, StatusChangeRequest(student: other.idNumber!.value, kind: .transferOut, date: today, documents: ["转学申请", "接收证明"], toSchool: "2510123999"), actor: actor, today: today) }
        #expect(errorCode { _ = try transferIn(other.idNumber!.value) } == "scope.forbidden")
        // It named none: the school the child turns up at records the arrival.
        _ = try database.write { try store.changeStatus($0, StatusChangeRequest(student: child.idNumber!.value, kind: .transferOut, date: today, documents: ["转学申请", "接收证明"]), actor: actor, today: today) }
        let arrived = try transferIn(child.idNumber!.value)
        #expect(arrived.student.record.schoolCode == RosterFixtures.otherSchool && arrived.change.recordedBy == "zhao")
    }

    @Test func aChildFromOutsideTheCountyArrivesAsATransferIn() throws {
        let child = try record(3)
        let detail = try database.write { try store.addStudent($0, child, documents: ["转出证明"], date: today, fromOutsideCounty: true, actor: actor) }
        #expect(detail.changes.map(\.kind) == [.transferIn] && detail.changes[0].from == nil && detail.changes[0].isComplete)
        #expect(!detail.student.documentsIncomplete, "the transfer's documents, not 户口簿")
    }

    @Test func aSuspensionRunsToTheSchoolYearsEndAndExtendsOnce() throws {
        let child = try record(4)
        _ = try importRows([child])
        let key = child.idNumber!.value
        func change(_ kind: StatusChangeKind, expectedEnd: CivilDate? = nil) throws -> StatusChangedEvent {
            try database.write { try store.changeStatus($0, StatusChangeRequest(student: key, kind: kind, date: today, documents: ["休学申请", "延期休学申请", "病历证明"], expectedEnd: expectedEnd), actor: actor, today: today) }
        }
        #expect(try change(.suspend).change.expectedEnd == CivilDate(year: 2027, month: 8, day: 31), "the end of the school year, not today + 365")
        let extended = try change(.extendSuspension)
        #expect(extended.change.expectedEnd == CivilDate(year: 2028, month: 8, day: 31) && extended.student.status == .suspended && extended.change.isComplete)
        #expect(errorCode { _ = try change(.extendSuspension) } == "change.notAllowed", "extendable once")
        // A new suspension after a resumption may be extended again.
        _ = try change(.resume)
        _ = try change(.suspend)
        #expect(try change(.extendSuspension, expectedEnd: CivilDate(year: 2027, month: 12, day: 31)).change.expectedEnd == CivilDate(year: 2027, month: 12, day: 31))
        #expect(SuspensionTerm.defaultEnd(from: CivilDate(year: 2027, month: 6, day: 15)!) == CivilDate(year: 2028, month: 8, day: 31), "begun in June: the next school year")
    }

    @Test func listsFilterAndPageWithAnOpaqueCursor() throws {
        _ = try importRows((1...7).map { try record($0) } + [try record(8, school: RosterFixtures.otherSchool)])
        let first = try database.read { try store.students($0, StudentQuery(township: RosterFixtures.township, limit: 3)) }
        #expect(first.total == 7)
        #expect(first.students.count == 3)
        let cursor = try #require(first.nextCursor)
        #expect(!cursor.contains("510123"))
        let second = try database.read { try store.students($0, StudentQuery(township: RosterFixtures.township, limit: 3, cursor: cursor)) }
        #expect(Set(second.students.map(\.name)).isDisjoint(with: first.students.map(\.name)))
        let byName = try database.read { try store.students($0, StudentQuery(text: "学生8")) }
        #expect(byName.students.map(\.name) == ["学生8"])
        // Masked where they are read (decision 141): no full number leaves the registry in a list.
        for sheet in first.students + second.students + byName.students {
            #expect(sheet.masked && sheet.birthDate == nil && sheet.birthYear != nil)
            #expect(sheet.idNumber?.contains("********") == true && sheet.studentNumber.contains("********"))
        }
    }
}

extension RegistryStoreTests {
    @Test func addingAStudentRecordsTheEnrolmentAndItsMissingDocuments() throws {
        let detail = try database.write { try store.addStudent($0, try record(1), documents: [], date: today, actor: actor) }
        #expect(detail.changes.map(\.kind) == [.enroll])
        #expect(detail.changes.first?.missingDocuments == ["户口簿"])
        #expect(detail.student.documentsIncomplete)
        let topics = try database.read { try String.fetchAll($0, sql: "SELECT topic FROM outbox ORDER BY seq") }
        #expect(topics.suffix(2) == ["registry.student.added.\(RosterFixtures.township)", "registry.student.status.\(RosterFixtures.township)"])
    }

    @Test func aTransferInIsAnnouncedToTheReceivingTownship() throws {
        let child = try record(1)
        _ = try importRows([child])
        let key = child.idNumber!.value
        _ = try database.write { try store.changeStatus($0, StatusChangeRequest(student: key, kind: .transferOut, date: today), actor: actor, today: today) }
        _ = try database.write { try store.changeStatus($0, StatusChangeRequest(student: key, kind: .transferIn, date: today, toSchool: RosterFixtures.otherSchool), actor: actor, today: today) }
        let topics = try database.read { try String.fetchAll($0, sql: "SELECT topic FROM outbox ORDER BY seq DESC LIMIT 2") }
        #expect(topics == ["registry.student.status.\(RosterFixtures.otherTownship)", "registry.student.status.\(RosterFixtures.township)"])
    }

    @Test func aSchoolMovingTownshipTakesItsChildren() throws {
        _ = try importRows([try record(1), try record(2)])
        let moved = SchoolRecord(code: RosterFixtures.school, name: "城关镇中心小学", type: .primary, township: "510123103")
        let report = try database.write { try store.importSchools($0, ImportBatch(rows: [NumberedRow(row: 1, record: moved)]), actor: actor) }
        #expect(report.updated == 1)
        let page = try database.read { try store.students($0, StudentQuery(township: "510123103")) }
        #expect(page.total == 2)
    }

    @Test func schoolsAreStoredNormalised() throws {
        let fullWidth = SchoolRecord(code: "２５１０１２３００９", name: " 新村小学 ", type: .primary, township: RosterFixtures.township)
        _ = try database.write { try store.importSchools($0, ImportBatch(rows: [NumberedRow(row: 1, record: fullWidth)]), actor: actor) }
        let codes = try database.read { try store.schools($0, SchoolQuery()).map(\.code) }
        #expect(codes.contains("2510123009"))
    }
}

extension RegistryStoreTests {
    /// The added event's body is spliced around the stored record JSON: it must still be exactly
    /// the Student snapshot a subscriber decodes.
    @Test func addedEventsCarryTheWholeStudent() throws {
        let child = try record(1)
        _ = try importRows([child])
        let body = try database.read { try Data.fetchOne($0, sql: "SELECT body FROM outbox WHERE topic LIKE 'registry.student.added.%'") }
        let student = try WireCoding.decode(Student.self, from: try #require(body))
        #expect(student.record == child)
        #expect(student.schoolName == "城关镇中心小学")
        #expect(student.status == .enrolled)
        #expect(Array(try #require(body)) == student.jsonBytes())
    }
}
