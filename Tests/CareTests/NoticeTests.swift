import BaoxueContracts
import BaoxueMessaging
import BaoxueTestSupport
import Foundation
import Testing

@testable import Care

/// Care meets monitoring: a monitor warning or case on a left-behind child reaches the child's
/// surrogate parent (and is recorded for the school's home), once, however often it is replayed.
@Suite struct NoticeTests {
    static func alert(_ sequence: Int, id: Int64, state: AlertState = .open, name: String? = nil, rule: AlertRule = .absenceWarning) -> Alert {
        Alert(
            id: id, rule: rule, severity: rule.severity, state: state, studentName: name ?? "学生\(sequence)", student: Masking.studentNumber(CareHarness.number(sequence)),
            township: RosterFixtures.township, school: RosterFixtures.school, text: "学生\(sequence)连续4个教学日无故缺课。", textEnglish: "Absent 4 school days.", createdAt: Timestamp.now())
    }

    func harness() throws -> (CareHarness, Surrogate) {
        let care = try CareHarness()
        try care.add(1)
        try care.record(CareHarness.entry(1))
        let teacher = try care.register("王老师")
        try care.assign(1, to: teacher.id)
        _ = try care.write { db, store, today in
            try store.homes.record(db, HomeRequest(school: RosterFixtures.school, name: "城关镇中心小学留守儿童之家", openedOn: CivilDate(parsing: "2020-09-01")!, rooms: 2, phones: 2, videoDevices: 1, books: 800, inCharge: CareContact(name: "周老师", phone: "13600004444")), actor: CareHarness.county, today: today)
        }
        return (care, teacher)
    }

    @Test func aMonitorWarningReachesTheSurrogateAndTheHomeOnce() throws {
        let (care, teacher) = try harness()
        try care.sendMonitor(MonitorMessage.Event.alert, Self.alert(1, id: 41), seq: 7)
        try care.sendMonitor(MonitorMessage.Event.alert, Self.alert(1, id: 41), seq: 7)  // replayed
        try care.sendMonitor(MonitorMessage.Event.alert, Self.alert(1, id: 41, state: .acknowledged), seq: 8)
        let notices = try care.read { db, store, _ in try store.notices.list(db, NoticeQuery()) }
        #expect(notices.map(\.recipient).sorted { $0.rawValue < $1.rawValue } == [.home, .surrogate])
        let toTeacher = try #require(notices.first { $0.recipient == .surrogate })
        #expect(toTeacher.recipientID == teacher.id && toTeacher.recipientName == "王老师")
        #expect(toTeacher.source == .monitorAlert && toTeacher.sourceID == 41 && toTeacher.rule == .absenceWarning)
        #expect(toTeacher.text.contains("代理家长提醒") && toTeacher.text.contains("无故缺课预警"))
        #expect(try care.published().filter { $0.type == CareMessage.Event.notice }.count == 2)
        // The child's care record shows it.
        let record = try care.read { db, store, today in try store.record(db, child: try ChildRow.fetch(db, number: CareHarness.number(1))!, today: today) }
        #expect(record.notices.count == 2 && record.home?.name == "城关镇中心小学留守儿童之家")
    }

    @Test func childrenNotOnTheLedgerAndCasesOpenedByAnAlertSendNothing() throws {
        let (care, _) = try harness()
        try care.add(2, leftBehind: .no)
        try care.sendMonitor(MonitorMessage.Event.alert, Self.alert(2, id: 42), seq: 1)
        let summary = CaseSummary(
            id: 5, state: .open, origin: .dropoutReported, studentName: "学生1", student: Masking.studentNumber(CareHarness.number(1)), township: RosterFixtures.township,
            school: RosterFixtures.school, schoolName: nil, grade: 5, age: 11, registeredPoor: false, openedOn: care.today, townshipOfficial: nil, schoolTeacher: nil,
            causes: [], measures: [], visits: 0, lastVisitOn: nil, nextVisitOn: nil, lessons: 0, outcome: nil, closedOn: nil, probationUntil: nil, reopened: 0)
        try care.sendMonitor(MonitorMessage.Event.caseChanged, summary, seq: 2)
        #expect(try care.read { db, store, _ in try store.notices.list(db, NoticeQuery()) }.isEmpty)
        var manual = summary
        manual.origin = .manual
        try care.sendMonitor(MonitorMessage.Event.caseChanged, manual, seq: 3)
        try care.sendMonitor(MonitorMessage.Event.caseChanged, manual, seq: 4)  // a visit on the same case
        let notices = try care.read { db, store, _ in try store.notices.list(db, NoticeQuery()) }
        #expect(notices.count == 2 && notices.allSatisfy { $0.source == .monitorCase && $0.sourceID == 5 })
    }

    @Test func twoChildrenWithTheSameNameAndMaskedNumberAreToldApartByTheirSchoolOrNotAtAll() throws {
        let care = try CareHarness()
        // 1 and 1001 share the last four characters of their ID numbers' sequence and check
        // digits only by chance; build the clash directly instead.
        try care.add(1)
        try care.database.write { db in
            try db.execute(sql: "INSERT INTO child (number, masked, name, sex, birth_date, school, township, grade, status, orphan, unattended, left_behind, revision) VALUES ('J510123201503010019', ?, '学生1', 'male', '2015-03-01', ?, ?, 5, 'enrolled', 0, 0, '非留守', 1)",
                           arguments: [Masking.studentNumber(CareHarness.number(1)), RosterFixtures.otherSchool, RosterFixtures.otherTownship])
        }
        let found = try care.read { db, _, _ in (try NoticeStore.match(db, masked: Masking.studentNumber(CareHarness.number(1)), name: "学生1", school: RosterFixtures.school), try NoticeStore.match(db, masked: Masking.studentNumber(CareHarness.number(1)), name: "学生1", school: nil)) }
        #expect(found.0 == CareHarness.number(1))
        #expect(found.1 == nil)
    }
}
