import BaoxueContracts
import BaoxueTestSupport
import Foundation
import Testing

@testable import Monitoring

/// DOMAIN.md's rules 1–4 and 6 on an injected clock: each fires when it should, not before, and
/// resolves by itself when its cause goes away.
@Suite struct RuleTests {
    static func date(_ text: String) -> CivilDate { CivilDate(parsing: text)! }

    @Test func rule1DropoutOpensACaseAndTheReturnStartsProbation() throws {
        let monitor = try MonitorHarness()
        try monitor.add(1)
        #expect(try monitor.openRules(1).isEmpty)
        try monitor.change(1, .dropOut, to: .droppedOut, reason: "厌学，家庭经济困难")
        #expect(try monitor.openRules(1) == [.dropoutReported])
        let opened = try #require(try monitor.caseRow(1))
        #expect(opened.state == .open && opened.origin == .dropoutReported)
        #expect(opened.causes == [.weariness, .poverty])
        // Replaying the same event, or evaluating again, raises nothing new.
        try monitor.sweep()
        #expect(try monitor.alertCount(1) == 1)

        monitor.advance(days: 10)
        try monitor.change(1, .return, to: .enrolled, from: .droppedOut, revision: 3)
        #expect(try monitor.openRules(1).isEmpty)
        let returned = try #require(try monitor.caseRow(1))
        #expect(returned.state == .probation && returned.outcome == .returned)
        #expect(returned.probationUntil == monitor.today.adding(days: 90))

        // An unexplained absence during probation reopens the same case.
        monitor.advance(days: 3)
        try monitor.absent(1, on: monitor.today)
        let reopened = try #require(try monitor.caseRow(1))
        #expect(reopened.state == .open && reopened.id == opened.id && reopened.reopened == 1)
    }

    @Test func probationEndsInClosure() throws {
        let monitor = try MonitorHarness()
        try monitor.add(1)
        try monitor.change(1, .dropOut, to: .droppedOut, reason: "外出务工")
        try monitor.change(1, .return, to: .enrolled, from: .droppedOut, revision: 3)
        monitor.advance(days: 90)
        try monitor.sweep()
        #expect(try monitor.caseRow(1)?.state == .probation)
        monitor.advance(days: 1)
        #expect(try monitor.sweep().casesClosed == 1)
        #expect(try monitor.caseRow(1)?.state == .closed)
    }

    @Test func rule2TransferredOutAndNotReceived() throws {
        let monitor = try MonitorHarness()
        try monitor.add(2)
        try monitor.change(2, .transferOut, to: .transferredOut)
        monitor.advance(days: 15)
        try monitor.sweep()
        #expect(try monitor.openRules(2).isEmpty, "15 days is still within the grace")
        monitor.advance(days: 1)
        try monitor.sweep()
        #expect(try monitor.openRules(2) == [.transferNotReceived])
        try monitor.change(2, .transferIn, to: .enrolled, from: .transferredOut, revision: 3)
        #expect(try monitor.openRules(2).isEmpty)
        let resolution = try monitor.write { db, store, _ in try store.alerts.list(db, AlertQuery(state: .resolved)) }.first?.resolution
        #expect(resolution?.contains("在读") == true)
    }

    @Test func rule3SuspensionOverdue() throws {
        let monitor = try MonitorHarness()
        try monitor.add(3)
        let end = monitor.today.adding(days: 30)
        try monitor.change(3, .suspend, to: .suspended, expectedEnd: end)
        monitor.today = end.adding(days: 7)
        try monitor.sweep()
        #expect(try monitor.openRules(3).isEmpty)
        monitor.advance(days: 1)
        try monitor.sweep()
        #expect(try monitor.openRules(3) == [.suspensionOverdue])
        // An extension moves the end: the alert resolves until the new end has passed.
        try monitor.change(3, .extendSuspension, to: .suspended, from: .suspended, expectedEnd: monitor.today.adding(days: 60), revision: 3)
        #expect(try monitor.openRules(3).isEmpty)
        try monitor.change(3, .resume, to: .enrolled, from: .suspended, revision: 4)
        #expect(try monitor.openRules(3).isEmpty)
    }

    @Test func rule4ConsecutiveSchoolDaysSkipWeekendsAndHolidays() throws {
        // 2026-11-05 is a Thursday; the 11th is configured as a holiday.
        let monitor = try MonitorHarness(today: Self.date("2026-11-05")) { settings in
            settings.calendar = SchoolCalendar(holidays: [Self.date("2026-11-11")])
        }
        try monitor.add(4)
        for day in ["2026-11-05", "2026-11-06", "2026-11-09"] {
            monitor.today = Self.date(day)
            try monitor.absent(4, on: monitor.today)
        }
        #expect(try monitor.openRules(4).isEmpty, "three school days is not more than three")
        // An explained absence does not count.
        monitor.today = Self.date("2026-11-10")
        try monitor.absent(4, on: monitor.today, reason: "病假")
        #expect(try monitor.openRules(4).isEmpty)
        // Explained later as unexplained after all: four in a row across the weekend.
        try monitor.absent(4, on: monitor.today)
        #expect(try monitor.openRules(4) == [.absenceWarning])
        // The holiday does not break the streak; back in class on the 13th resolves it.
        monitor.today = Self.date("2026-11-12")
        try monitor.absent(4, on: monitor.today)
        #expect(try monitor.openRules(4) == [.absenceWarning])
        monitor.today = Self.date("2026-11-16")
        try monitor.sweep()
        #expect(try monitor.openRules(4).isEmpty, "no absence on the 13th: back in class")
        #expect(try monitor.alertCount(4) == 1)
    }

    @Test func leaveNeitherCountsNorBreaksARun() throws {
        // Monday to Thursday without reason, Friday on sick leave: not back in class.
        let monitor = try MonitorHarness(today: Self.date("2026-11-02"))
        try monitor.add(9)
        for day in ["2026-11-02", "2026-11-03", "2026-11-04", "2026-11-05"] {
            monitor.today = Self.date(day)
            try monitor.absent(9, on: monitor.today)
        }
        #expect(try monitor.openRules(9) == [.absenceWarning])
        monitor.today = Self.date("2026-11-06")
        try monitor.absent(9, on: monitor.today, reason: "病假")
        #expect(try monitor.openRules(9) == [.absenceWarning])
        #expect(ChildRules.currentStreak([Self.date("2026-11-05")], excused: [Self.date("2026-11-06")], today: Self.date("2026-11-09"), calendar: SchoolCalendar()) == 1)
    }

    @Test func rule4SevenInThirtyDays() throws {
        let monitor = try MonitorHarness(today: Self.date("2026-11-02"))
        try monitor.add(5)
        // Every Monday and Wednesday: never more than one in a row.
        var days: [CivilDate] = []
        for week in 0..<4 { days += [Self.date("2026-11-02").adding(days: 7 * week), Self.date("2026-11-04").adding(days: 7 * week)] }
        for (index, day) in days.enumerated() {
            monitor.today = day
            try monitor.absent(5, on: day)
            #expect(try monitor.openRules(5) == (index + 1 >= 7 ? [.absenceWarning] : []), "after \(index + 1) absences")
        }
        // A month later the window holds none of them.
        monitor.today = Self.date("2026-12-31")
        try monitor.sweep()
        #expect(try monitor.openRules(5).isEmpty)
    }

    @Test func rule4TwentySchoolDaysIsADropout() throws {
        let monitor = try MonitorHarness(today: Self.date("2026-11-02"))
        try monitor.add(6)
        let schoolDays = SchoolCalendar().schoolDays(from: Self.date("2026-11-02"), through: Self.date("2026-12-31"))
        for (index, day) in schoolDays.prefix(20).enumerated() {
            monitor.today = day
            try monitor.absent(6, on: day)
            if index == 18 { #expect(try monitor.openRules(6) == [.absenceWarning]) }
        }
        #expect(try monitor.openRules(6) == [.absenceDropout])
        let opened = try #require(try monitor.caseRow(6))
        #expect(opened.origin == .absenceDropout && opened.state == .open)
        // Back in class: the dropout alert resolves; the window rule (20 absences in 30 days)
        // still warns until the window moves on; the case stays open until it is worked.
        monitor.today = schoolDays[21]
        try monitor.sweep()
        #expect(try monitor.openRules(6) == [.absenceWarning])
        #expect(try monitor.caseRow(6)?.state == .open)
        // The teacher confirms the child is back: the case closes as returned into probation, and
        // the absences before that day neither warn nor open it again.
        try monitor.write { db, store, today in
            try store.cases.assign(db, AssignCaseRequest(id: opened.id, townshipOfficial: "王乡长", schoolTeacher: "李老师"), actor: MonitorHarness.county, today: today)
            try store.cases.close(db, CloseCaseRequest(id: opened.id, outcome: .returned, date: schoolDays[20], proof: "班主任李老师核实已正常到校"), actor: MonitorHarness.county, today: today)
        }
        let back = try #require(try monitor.caseRow(6))
        #expect(back.state == .probation && back.outcome == .returned && back.closedOn == schoolDays[20])
        #expect(try monitor.openRules(6) == [])
        monitor.today = schoolDays[24]
        try monitor.sweep()
        #expect(try monitor.caseRow(6)?.state == .probation && monitor.openRules(6) == [])
        // A new unexplained absence during probation reopens it.
        try monitor.absent(6, on: schoolDays[24])
        #expect(try monitor.caseRow(6)?.state == .open)
    }

    @Test func rule6StalledCasesAreEscalated() throws {
        let monitor = try MonitorHarness()
        try monitor.add(7)
        try monitor.change(7, .dropOut, to: .droppedOut, reason: "厌学")
        let id = try #require(try monitor.caseRow(7)?.id)
        try monitor.write { db, store, today in
            try store.cases.assign(db, AssignCaseRequest(id: id, townshipOfficial: "王乡长", schoolTeacher: "李老师"), actor: MonitorHarness.county, today: today)
        }
        monitor.advance(days: 14)
        try monitor.sweep()
        #expect(try monitor.openRules(7) == [.dropoutReported])
        monitor.advance(days: 1)
        try monitor.sweep()
        #expect(try monitor.openRules(7) == [.caseStalled, .dropoutReported])
        // A visit is progress: the escalation resolves.
        try monitor.write { db, store, today in
            try store.cases.visit(db, VisitRequest(id: id, date: today, visitors: ["王乡长", "李老师"], outcome: "家长同意下周返校", nextVisit: today.adding(days: 7)), actor: MonitorHarness.county, today: today)
        }
        #expect(try monitor.openRules(7) == [.dropoutReported])
        // Open longer than 60 days is escalated however many visits it had.
        for _ in 0..<4 {
            monitor.advance(days: 12)
            try monitor.write { db, store, today in
                try store.cases.visit(db, VisitRequest(id: id, date: today, visitors: ["王乡长"], outcome: "未见到学生"), actor: MonitorHarness.county, today: today)
            }
        }
        try monitor.sweep()
        #expect(try monitor.openRules(7) == [.caseStalled, .dropoutReported])
        let text = try monitor.write { db, store, _ in try store.alerts.list(db, AlertQuery(rule: .caseStalled)) }.first?.text
        #expect(text?.contains("仍未销号") == true)
    }

    @Test func everyAlertTransitionIsPublishedForItsTownship() throws {
        let monitor = try MonitorHarness()
        try monitor.add(8)
        try monitor.change(8, .dropOut, to: .droppedOut, reason: "疾病")
        try monitor.change(8, .return, to: .enrolled, from: .droppedOut, revision: 3)
        let topics = try monitor.published().map(\.1)
        #expect(topics.filter { $0 == "monitor.alert.\(RosterFixtures.township)" }.count == 2, "opened and resolved: \(topics)")
        #expect(topics.contains("monitor.case.\(RosterFixtures.township)"))
    }
}
