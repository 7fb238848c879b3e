import BaoxueContracts
import BaoxueTestSupport
import Foundation
import GRDB
import Testing

@testable import Monitoring

/// The monthly ledger report on an injected clock: each case counts in the month its event is
/// dated in (first and last days included), by the township it was in and by cause; a past
/// month's report still says how things stood at its end; the counts balance; scope narrows.
@Suite struct LedgerReportTests {
    static let township = Actor(user: "wang", role: "township-staff", township: RosterFixtures.township, via: "test")
    static let otherSchool = Actor(user: "li", role: "school-staff", school: RosterFixtures.otherSchool, via: "test")

    /// Given a county where, in county time,
    /// - child 1 (township A) dropped out on 09-20 (厌学) and is still out;
    /// - child 5 (township B) dropped out on 09-30 (厌学，学习困难), and the case closed on 10-15
    ///   as emigrated, with proof (the register still says dropped out);
    /// - child 2 (A) dropped out on 10-01 (家庭经济困难), returned on 10-31, and was reopened by an
    ///   unexplained absence on 11-03;
    /// - child 6 (B) dropped out on 10-10 (疾病) and is still out;
    /// - child 3 (A) dropped out on 10-31 (外出务工) and returned on 11-01,
    /// all recorded before the reports are asked for on 11-10.
    static func county() throws -> MonitorHarness {
        let monitor = try MonitorHarness(today: MonitorHarness.date("2026-11-10"))
        for sequence in 1...3 { try monitor.add(sequence) }
        for sequence in 5...6 { try monitor.add(sequence, school: RosterFixtures.otherSchool) }
        try monitor.change(1, .dropOut, to: .droppedOut, from: .enrolled, on: "2026-09-20", reason: "厌学", revision: 2)
        try monitor.change(5, .dropOut, to: .droppedOut, from: .enrolled, on: "2026-09-30", reason: "厌学，学习困难", school: RosterFixtures.otherSchool, revision: 2)
        try monitor.change(2, .dropOut, to: .droppedOut, from: .enrolled, on: "2026-10-01", reason: "家庭经济困难", revision: 2)
        try monitor.change(6, .dropOut, to: .droppedOut, from: .enrolled, on: "2026-10-10", reason: "疾病", school: RosterFixtures.otherSchool, revision: 2)
        try monitor.closeCase(5, .emigrated, on: "2026-10-15", proof: "出入境记录核实")
        try monitor.change(2, .return, to: .enrolled, from: .droppedOut, on: "2026-10-31", revision: 3)
        try monitor.change(3, .dropOut, to: .droppedOut, from: .enrolled, on: "2026-10-31", reason: "外出务工", revision: 2)
        try monitor.change(3, .return, to: .enrolled, from: .droppedOut, on: "2026-11-01", revision: 3)
        try monitor.absent(2, on: MonitorHarness.date("2026-11-03"))
        return monitor
    }

    @Test func octoberCountsEachCaseInTheMonthItsEventIsDatedIn() throws {
        let monitor = try Self.county()
        let october = try monitor.report("2026-10")
        #expect(october.from == MonitorHarness.date("2026-10-01") && october.to == MonitorHarness.date("2026-10-31"))
        #expect(october.complete && october.asOf == MonitorHarness.date("2026-10-31"))
        // Open on 09-30: children 1 and 5. Opened: 2 (10-01), 6, 3 (10-31). Returned: 2 (10-31).
        // Closed: 5. Open on 10-31: 1, 6, 3 (whose return on 11-01 belongs to November).
        #expect(october.total == LedgerCounts(openAtStart: 2, opened: 3, returned: 1, closed: 1, openAtEnd: 3))
        #expect(october.byTownship == [
            LedgerTownshipLine(township: RosterFixtures.township, counts: LedgerCounts(openAtStart: 1, opened: 2, returned: 1, closed: 0, openAtEnd: 2), dropoutsOnRegister: 2),
            LedgerTownshipLine(township: RosterFixtures.otherTownship, counts: LedgerCounts(openAtStart: 1, opened: 1, returned: 0, closed: 1, openAtEnd: 1), dropoutsOnRegister: 2),
        ])
        // On 10-31 the register had 1 and 3 out in A, 5 (case closed, status unchanged) and 6 in
        // B, even though 3 has returned since.
        #expect(october.dropoutsOnRegister == 4)
        #expect(october.byCause == [
            LedgerCauseLine(cause: .weariness, counts: LedgerCounts(openAtStart: 2, opened: 0, returned: 0, closed: 1, openAtEnd: 1)),
            LedgerCauseLine(cause: .learningDifficulty, counts: LedgerCounts(openAtStart: 1, opened: 0, returned: 0, closed: 1, openAtEnd: 0)),
            LedgerCauseLine(cause: .poverty, counts: LedgerCounts(openAtStart: 0, opened: 1, returned: 1, closed: 0, openAtEnd: 0)),
            LedgerCauseLine(cause: .illness, counts: LedgerCounts(openAtStart: 0, opened: 1, returned: 0, closed: 0, openAtEnd: 1)),
            LedgerCauseLine(cause: .work, counts: LedgerCounts(openAtStart: 0, opened: 1, returned: 0, closed: 0, openAtEnd: 1)),
        ])
    }

    @Test func neighbouringMonthsAndTheBalance() throws {
        let monitor = try Self.county()
        let september = try monitor.report("2026-09")
        #expect(september.total == LedgerCounts(openAtStart: 0, opened: 2, returned: 0, closed: 0, openAtEnd: 2))
        #expect(september.dropoutsOnRegister == 2)
        // November is still running: child 3 returned (11-01), child 2 reopened (11-03).
        let november = try monitor.report("2026-11")
        #expect(!november.complete && november.asOf == monitor.today)
        #expect(november.total == LedgerCounts(openAtStart: 3, opened: 1, returned: 1, closed: 0, openAtEnd: 3))
        #expect(november.dropoutsOnRegister == 3, "1, 5 and 6: child 2's reopened case is about absences, the register says enrolled")
        let august = try monitor.report("2026-08")
        #expect(august.total == LedgerCounts() && august.byTownship.isEmpty && august.byCause.isEmpty)
        // Every line of every month balances, and one month's end is the next month's start.
        for report in [august, september, try monitor.report("2026-10"), november] {
            let lines = [report.total] + report.byTownship.map(\.counts) + report.byCause.map(\.counts)
            for counts in lines {
                #expect(counts.openAtStart + counts.opened - counts.returned - counts.closed == counts.openAtEnd, "\(report.month): \(counts)")
            }
        }
        #expect(september.total.openAtEnd == (try monitor.report("2026-10")).total.openAtStart)
        #expect(errorCode { _ = try monitor.report("2026-12") } == "report.futureMonth")
    }

    @Test func aCaseWithNoCauseYetHasItsOwnLine() throws {
        let monitor = try MonitorHarness(today: MonitorHarness.date("2026-10-20"))
        try monitor.add(1)
        try monitor.write { db, store, today in _ = try store.cases.open(db, OpenCaseRequest(student: RosterFixtures.idNumber(sequence: 1)), actor: MonitorHarness.county, today: today) }
        let report = try monitor.report("2026-10")
        #expect(report.byCause == [LedgerCauseLine(cause: nil, counts: LedgerCounts(opened: 1, openAtEnd: 1))])
        #expect(report.dropoutsOnRegister == 0, "a case opened by hand does not change the register")
    }

    @Test func scopeNarrowsTheReport() throws {
        let monitor = try Self.county()
        let own = try monitor.report("2026-10", actor: Self.township)
        #expect(own.township == RosterFixtures.township)
        #expect(own.byTownship.map(\.township) == [RosterFixtures.township])
        #expect(own.total == LedgerCounts(openAtStart: 1, opened: 2, returned: 1, closed: 0, openAtEnd: 2))
        #expect(own.dropoutsOnRegister == 2)
        #expect(errorCode { _ = try monitor.report("2026-10", township: RosterFixtures.otherTownship, actor: Self.township) } == "scope.forbidden")
        let school = try monitor.report("2026-10", actor: Self.otherSchool)
        #expect(school.school == RosterFixtures.otherSchool)
        #expect(school.total == LedgerCounts(openAtStart: 1, opened: 1, returned: 0, closed: 1, openAtEnd: 1))
        // A county operator may narrow to one township; a malformed code is refused, not matched.
        #expect(try monitor.report("2026-10", township: RosterFixtures.otherTownship).total.openAtEnd == 1)
        #expect(errorCode { _ = try monitor.report("2026-10", township: "51012310") } == "report.invalid")
    }

    /// A monitor database from before "v3-targets" gets its logs from what it holds.
    @Test func theMigrationBackfillsTheLogsFromTheReplicaAndTheCases() throws {
        let directory = TemporaryDirectory("baoxue-v3")
        defer { directory.remove() }
        let queue = try DatabaseQueue(path: directory.file("monitor.sqlite"))
        try MonitorSchema.migrator.migrate(queue, upTo: "v1")
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO student (number, name, birth_date, school, township, grade, status, status_date, registered_poor, left_behind, disability, revision)
                VALUES ('G1', '甲', '2015-03-01', '2510123001', '510123101', 5, 'droppedOut', '2026-09-20', 0, 'none', 'none', 2),
                       ('G2', '乙', '2015-03-01', '2510123001', '510123101', 5, 'enrolled', NULL, 0, 'none', 'none', 1);
                INSERT INTO dropout_case (student, township, school, state, origin, opened_on, causes, outcome, closed_on, probation_until)
                VALUES ('G1', '510123101', '2510123001', 'open', 'dropoutReported', '2026-09-20', '["weariness"]', NULL, NULL, NULL),
                       ('G2', '510123101', '2510123001', 'probation', 'dropoutReported', '2026-08-01', '["work"]', 'returned', '2026-09-05', '2026-12-04');
                """)
        }
        try MonitorSchema.migrator.migrate(queue)
        let monitor = MonitorStore(settings: MonitorSettings())
        let september = try queue.read { db in
            try monitor.ledgerReports.report(db, LedgerReportQuery(month: CivilMonth(parsing: "2026-09")!), actor: MonitorHarness.county, today: MonitorHarness.date("2026-10-02"))
        }
        #expect(september.total == LedgerCounts(openAtStart: 1, opened: 1, returned: 1, closed: 0, openAtEnd: 1))
        #expect(september.dropoutsOnRegister == 1)
        #expect(throws: (any Error).self) { try queue.write { try $0.execute(sql: "DELETE FROM case_move") } }
    }

    /// A monitor database from before "v4-case-moves" keeps its case log under the new name, and
    /// the renamed triggers go on logging.
    @Test func theCaseLogKeepsItsMovesUnderItsNewName() throws {
        let directory = TemporaryDirectory("baoxue-v4")
        defer { directory.remove() }
        let queue = try DatabaseQueue(path: directory.file("monitor.sqlite"))
        try MonitorSchema.migrator.migrate(queue, upTo: "v2-crosscheck")
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO student (number, name, birth_date, school, township, grade, status, status_date, registered_poor, left_behind, disability, revision)
                VALUES ('G1', '甲', '2015-03-01', '2510123001', '510123101', 5, 'droppedOut', '2026-09-20', 0, 'none', 'none', 2);
                INSERT INTO dropout_case (student, township, school, state, origin, opened_on, causes)
                VALUES ('G1', '510123101', '2510123001', 'open', 'dropoutReported', '2026-09-20', '["weariness"]');
                """)
        }
        try MonitorSchema.migrator.migrate(queue)
        try queue.write { db in
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM case_move WHERE kind = 'opened'") == 1)
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sqlite_master WHERE name LIKE 'case_ledger%'") == 0)
            try db.execute(sql: "UPDATE dropout_case SET state = 'closed', outcome = 'specialEducation', closed_on = '2026-10-08'")
            #expect(try String.fetchAll(db, sql: "SELECT kind || ' ' || date FROM case_move ORDER BY id") == ["opened 2026-09-20", "closed 2026-10-08"])
        }
        #expect(throws: (any Error).self) { try queue.write { try $0.execute(sql: "UPDATE case_move SET kind = 'settled'") } }
    }
}
