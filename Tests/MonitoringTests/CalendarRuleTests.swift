import BaoxueContracts
import BaoxueTestSupport
import Foundation
import Testing

@testable import Monitoring

/// The school calendar: a summer of transfers raises nothing before term starts, casework pauses
/// with the school over the holidays, and a calendar set late puts right what it would have
/// prevented.
@Suite struct CalendarRuleTests {
    static func date(_ text: String) -> CivilDate { CivilDate(parsing: text)! }

    /// The spring term of 2026 to 10 July, the autumn term from 1 September, National Day off.
    static let calendar = SchoolCalendar(
        holidays: Set((1...7).map { date("2026-10-0\($0)") }),
        terms: [
            SchoolTerm(name: "2026春", startsOn: date("2026-02-23"), endsOn: date("2026-07-10")),
            SchoolTerm(name: "2026秋", startsOn: date("2026-09-01"), endsOn: date("2027-01-22")),
        ])

    @Test func sessionDaysStandStillBetweenTermsAndOnHolidays() {
        let calendar = Self.calendar
        #expect(calendar.sessionDays(after: Self.date("2026-07-05"), through: Self.date("2026-08-31")) == 5)
        #expect(calendar.sessionDays(after: Self.date("2026-07-05"), through: Self.date("2026-09-10")) == 15)
        #expect(calendar.sessionDays(after: Self.date("2026-09-28"), through: Self.date("2026-10-10")) == 2 + 3)
        #expect(!calendar.isSchoolDay(Self.date("2026-08-03")) && calendar.isSchoolDay(Self.date("2026-09-01")))
        #expect(SchoolCalendar().sessionDays(after: Self.date("2026-07-05"), through: Self.date("2026-08-31")) == 57)
    }

    @Test func aSummerOfTransfersRaisesNothingBeforeTermStarts() throws {
        let monitor = try MonitorHarness(today: Self.date("2026-07-05")) { $0.calendar = Self.calendar }
        // Given: three children transfer out in the last week of term (an ordinary summer move).
        for child in 1...3 {
            try monitor.add(child)
            try monitor.change(child, .transferOut, to: .transferredOut, date: Self.date("2026-07-0\(child + 4)"))
        }
        // When: the whole summer passes, swept every day,
        while monitor.today < Self.date("2026-08-31") {
            monitor.advance(days: 1)
            try monitor.sweep()
        }
        // then: not one alert.
        #expect(try (1...3).allSatisfy { try monitor.alertCount($0) == 0 })
        // Fifteen days into term the one never received is a suspect; the text says how it counts.
        monitor.today = Self.date("2026-09-10")
        try monitor.sweep()
        #expect(try monitor.openRules(1).isEmpty)
        monitor.today = Self.date("2026-09-11")
        try monitor.sweep()
        #expect(try monitor.openRules(1) == [.transferNotReceived])
        let text = try monitor.write { db, store, _ in try store.alerts.list(db, AlertQuery(rule: .transferNotReceived)) }.first?.text
        #expect(text?.contains("16天（不计假期）") == true, "\(text ?? "")")
    }

    @Test func casesDoNotEscalateOverTheSummer() throws {
        let monitor = try MonitorHarness(today: Self.date("2026-07-01")) { $0.calendar = Self.calendar }
        try monitor.add(7)
        try monitor.change(7, .dropOut, to: .droppedOut, reason: "厌学")
        let id = try #require(try monitor.caseRow(7)?.id)
        try monitor.write { db, store, today in
            try store.cases.assign(db, AssignCaseRequest(id: id, townshipOfficial: "王乡长", schoolTeacher: "李老师"), actor: MonitorHarness.county, today: today)
            try store.cases.visit(db, VisitRequest(id: id, date: today, visitors: ["王乡长"], outcome: "家长不在家"), actor: MonitorHarness.county, today: today)
        }
        // Nine days of term left after the visit, then the summer: no escalation in August.
        monitor.today = Self.date("2026-08-20")
        try monitor.sweep()
        #expect(try monitor.openRules(7) == [.dropoutReported])
        // Nine days before the summer and six in September make fifteen: escalated.
        monitor.today = Self.date("2026-09-06")
        try monitor.sweep()
        #expect(try monitor.openRules(7) == [.caseStalled, .dropoutReported])
    }

    @Test func aCalendarSetLateResolvesTheAlertsItWouldHavePrevented() throws {
        // Given: no calendar yet, a transfer on 5 July is "not received" by 10 August,
        let monitor = try MonitorHarness(today: Self.date("2026-07-05"))
        try monitor.add(1)
        try monitor.change(1, .transferOut, to: .transferredOut, date: Self.date("2026-07-05"))
        monitor.today = Self.date("2026-08-10")
        try monitor.sweep()
        #expect(try monitor.openRules(1) == [.transferNotReceived])
        // when the county sets its terms (and the rules run again by them, as the handler does),
        try monitor.write { db, store, today in
            try store.calendar.set(db, term: SchoolTerm(name: "2026春", startsOn: Self.date("2026-02-23"), endsOn: Self.date("2026-07-10")))
            try store.calendar.set(db, term: SchoolTerm(name: "2026秋", startsOn: Self.date("2026-09-01"), endsOn: Self.date("2027-01-22")))
            _ = try store.rules.sweep(db, today: today)
        }
        // then the alert resolves by itself: five days of term have run, not thirty-six.
        #expect(try monitor.openRules(1).isEmpty)
        #expect(monitor.store.settings.calendar.terms.count == 2)
    }

    @Test func termsMayNotOverlapAndRangesRunForward() throws {
        let monitor = try MonitorHarness()
        try monitor.write { db, store, _ in try store.calendar.set(db, term: SchoolTerm(name: "2026秋", startsOn: Self.date("2026-09-01"), endsOn: Self.date("2027-01-22"))) }
        let overlap = errorCode { try monitor.write { db, store, _ in try store.calendar.set(db, term: SchoolTerm(name: "2027春", startsOn: Self.date("2027-01-10"), endsOn: Self.date("2027-07-09"))) } }
        #expect(overlap == "calendar.invalid")
        // The refused change left the live calendar as it was.
        #expect(monitor.store.settings.calendar.terms.map(\.name) == ["2026秋"])
        let backwards = errorCode { try monitor.write { db, store, _ in try store.calendar.set(db, CalendarDaysChange(from: Self.date("2026-10-07"), through: Self.date("2026-10-01"), kind: .holiday)) } }
        #expect(backwards == "calendar.invalid")
        #expect(errorCode { try monitor.write { db, store, _ in try store.calendar.remove(db, term: "2030春") } } == "calendar.termNotFound")
        try monitor.write { db, store, _ in
            try store.calendar.set(db, CalendarDaysChange(from: Self.date("2026-10-01"), through: Self.date("2026-10-07"), kind: .holiday, note: "国庆节"))
            try store.calendar.set(db, CalendarDaysChange(from: Self.date("2026-10-04"), through: Self.date("2026-10-04"), kind: nil))
        }
        let view = try monitor.write { db, store, _ in try store.calendar.view(db) }
        #expect(view.days.count == 6 && view.days.allSatisfy { $0.note == "国庆节" })
    }
}
