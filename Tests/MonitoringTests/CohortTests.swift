import BaoxueContracts
import BaoxueTestSupport
import Foundation
import GRDB
import Testing

@testable import Monitoring

/// The cohort consolidation rate (巩固率, decision 100): grade-9 completers of a school year ÷ the
/// children who entered grade 1 eight school years before, counted from the monitor's own dated
/// marks, and never a figure where the history does not reach back.
@Suite struct CohortTests {
    static let township = Actor(user: "wang", role: "township-staff", township: RosterFixtures.township, via: "test")

    /// Fixture child `sequence` in `grade` at `school`, as an event body.
    static func child(_ monitor: MonitorHarness, _ sequence: Int, grade: Int, school: String = RosterFixtures.school, status: StudentStatus = .enrolled, enrolledOn: String? = nil, revision: Int) throws -> Student {
        var student = try monitor.student(sequence, status: status, school: school, revision: revision)
        student.record.grade = grade
        student.record.enrolledOn = enrolledOn
        return student
    }

    static func graduate(_ monitor: MonitorHarness, _ sequence: Int, school: String = RosterFixtures.school, revision: Int) throws {
        let student = try child(monitor, sequence, grade: 9, school: school, status: .graduated, revision: revision)
        let change = StatusChange(
            id: Int64(sequence * 100 + revision), studentNumber: student.record.studentNumber.value, kind: .graduate, from: .enrolled, to: .graduated, date: monitor.today,
            documents: [], missingDocuments: [], reason: nil, fromSchool: school, toSchool: nil, expectedEnd: nil, recordedAt: Timestamp.now(), recordedBy: "op")
        try monitor.send(RegistryMessage.Event.statusChanged, StatusChangedEvent(change: change, student: student))
    }

    /// Given a monitor whose history begins on 2017-08-20, when four children enter grade 1 in
    /// the 2017–18 school year (three in township A, one in B) and later ones in other years,
    /// and in July 2026 two of them and a child who arrived in grade 3 graduate from grade 9:
    /// the class of 2026 is 3 completers ÷ 4 entrants.
    static func county() throws -> MonitorHarness {
        let monitor = try MonitorHarness(today: MonitorHarness.date("2017-08-20"))
        // Heard in August with 入学年月 2017-09: enters on the month of entry, the 2017–18 cohort.
        try monitor.send(RegistryMessage.Event.studentAdded, try child(monitor, 1, grade: 1, enrolledOn: "2017-09", revision: 1))
        monitor.today = MonitorHarness.date("2017-09-04")
        try monitor.send(RegistryMessage.Event.studentAdded, try child(monitor, 2, grade: 1, revision: 1))
        try monitor.send(RegistryMessage.Event.studentAdded, try child(monitor, 3, grade: 1, revision: 1))
        try monitor.send(RegistryMessage.Event.studentAdded, try child(monitor, 5, grade: 1, school: RosterFixtures.otherSchool, revision: 1))
        // Already in grade 3: entered grade 1 before the history, in no cohort counted here.
        try monitor.send(RegistryMessage.Event.studentAdded, try child(monitor, 4, grade: 3, revision: 1))
        monitor.today = MonitorHarness.date("2018-09-03")
        // Child 3 repeats grade 1: still of the cohort they entered with.
        try monitor.send(RegistryMessage.Event.studentUpdated, try child(monitor, 3, grade: 1, enrolledOn: "2018-09", revision: 2))
        try monitor.send(RegistryMessage.Event.studentAdded, try child(monitor, 6, grade: 1, revision: 1))
        monitor.today = MonitorHarness.date("2026-07-05")
        try graduate(monitor, 1, revision: 9)
        try graduate(monitor, 2, revision: 9)
        try graduate(monitor, 4, revision: 9)
        return monitor
    }

    @Test func theClassOf2026IsItsCompletersOverItsEntrants() throws {
        let monitor = try Self.county()
        let sheet = try monitor.score(2026)
        let total = try #require(sheet.total.consolidation)
        #expect(total.schoolYear == 2026 && total.entryYear == 2018)
        #expect(total.completers == 3 && total.entrants == 4 && total.rate == 75)
        #expect(total.complete == false, "2025–26 ends on 31 August")
        #expect(total.historyBegins == MonitorHarness.date("2017-08-20"))

        // By township, and by school where something was counted.
        let lines = try #require(sheet.consolidation)
        let townships = lines.filter { $0.school == nil }
        #expect(townships.map(\.township) == [RosterFixtures.township, RosterFixtures.otherTownship])
        #expect(townships.map(\.consolidation.rate) == [100, 0])
        #expect(townships.map(\.consolidation.entrants) == [3, 1])
        let schools = lines.filter { $0.school != nil }
        #expect(schools.map(\.school) == [RosterFixtures.school, RosterFixtures.otherSchool])
        #expect(schools.first?.schoolName == "城关镇中心小学")

        // A township's staff see their township only.
        let own = try monitor.score(2026, actor: Self.township)
        #expect(own.total.consolidation?.entrants == 3 && own.total.consolidation?.completers == 3)
        #expect(own.consolidation?.allSatisfy { $0.township == RosterFixtures.township } == true)

        // After 31 August the year is final.
        monitor.today = MonitorHarness.date("2026-09-01")
        #expect(try monitor.score(2026).total.consolidation?.complete == true)
    }

    @Test func aCohortTheHistoryDoesNotReachHasNoRate() throws {
        let monitor = try Self.county()
        // The class of 2025 entered grade 1 in 2016–17, before the history began.
        let earlier = try #require(try monitor.score(2025).total.consolidation)
        #expect(earlier.entrants == nil && earlier.rate == nil && earlier.historyCovers == false)
        #expect(earlier.historyBegins == MonitorHarness.date("2017-08-20") && earlier.entryBegins == MonitorHarness.date("2016-09-01"))
        // The class of 2027 entered in 2018–19: child 6 only, and nobody has completed yet.
        let later = try #require(try monitor.score(2027).total.consolidation)
        #expect(later.entrants == 1 && later.completers == 0 && later.rate == 0)
        // A new monitor has no history to reach back with.
        let fresh = try MonitorHarness(today: MonitorHarness.date("2026-11-02"))
        let none = try #require(try fresh.score(2026).total.consolidation)
        #expect(none.historyBegins == nil && none.entrants == nil && none.rate == nil)
        try fresh.add(1)
        #expect(try fresh.score(2026).total.consolidation?.historyBegins == MonitorHarness.date("2026-11-02"))
    }

    /// An installation that ran before migration "v7-cohorts" keeps its children: those in grade 1
    /// are marked as entered before the history (in no cohort), graduates of grade 9 as completed
    /// on their graduation day; and "v8-student-contact" fills the sex and guardian from what the
    /// replica held.
    @Test func theMigrationsBackfillFromTheReplica() throws {
        let directory = TemporaryDirectory("baoxue-monitor-migration")
        defer { directory.remove() }
        let database = try DatabasePool(path: directory.file("monitor.sqlite"))
        try MonitorSchema.migrator.migrate(database, upTo: "v6-family-lists")
        try database.write { db in
            let insert = "INSERT INTO student (number, id_number, name, birth_date, school, township, grade, status, status_date, registered_poor, left_behind, disability, family, revision) VALUES (?, ?, ?, '2015-03-01', ?, ?, ?, ?, ?, 0, 'no', 'none', ?, 1)"
            try db.execute(sql: insert, arguments: ["G" + RosterFixtures.idNumber(sequence: 1), RosterFixtures.idNumber(sequence: 1), "甲", RosterFixtures.school, RosterFixtures.township, 1, "enrolled", nil, "phone:13800001111"])
            try db.execute(sql: insert, arguments: ["G" + RosterFixtures.idNumber(sequence: 2), RosterFixtures.idNumber(sequence: 2), "乙", RosterFixtures.school, RosterFixtures.township, 9, "graduated", "2026-07-01", "guardian:张三@510123101201"])
            try db.execute(sql: insert, arguments: ["J510123201503010010", nil, "丙", RosterFixtures.school, RosterFixtures.township, 4, "enrolled", nil, nil])
        }
        try MonitorSchema.migrator.migrate(database)
        let marks = try database.read { db in try Row.fetchAll(db, sql: "SELECT student, kind, date FROM cohort_mark ORDER BY kind").map { "\($0["kind"] as String) \($0["date"] as String)" } }
        #expect(marks == ["completed 2026-07-01", "entered "])
        let contact = try database.read { db in
            try Row.fetchAll(db, sql: "SELECT name, sex, guardian_name, guardian_phone FROM student").map { row in
                (row["name"] as String, [row["sex"] as String? ?? "-", row["guardian_name"] as String? ?? "-", row["guardian_phone"] as String? ?? "-"])
            }
        }
        let byName = Dictionary(uniqueKeysWithValues: contact)
        #expect(byName["甲"] == ["male", "-", "13800001111"])
        #expect(byName["乙"] == ["female", "张三", "-"])
        #expect(byName["丙"] == ["-", "-", "-"], "no ID number and no family key: all wait for the next event")
        #expect(try database.read { try CohortMark.historyBegins($0) } == nil, "the history begins with the next event applied")
        #expect(throws: (any Error).self) { try database.write { try $0.execute(sql: "DELETE FROM cohort_mark") } }
    }
}
