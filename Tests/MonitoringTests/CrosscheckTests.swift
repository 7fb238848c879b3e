import BaoxueContracts
import BaoxueTestSupport
import Foundation
import GRDB
import Testing

@testable import Monitoring

/// DOMAIN.md rule 5, the cross-check (四查三比对), on an injected clock: each comparison fires
/// when it should and not otherwise, a re-run changes nothing it should not, verification
/// follows the categories, and nothing that leaves the monitor carries a full ID number.
@Suite struct CrosscheckTests {
    static func date(_ text: String) -> CivilDate { CivilDate(parsing: text)! }
    /// A full ID number anywhere in a text: 17 digits and a check character. Masked numbers
    /// (`510123********123X`) never match.
    static func hasFullIDNumber(_ text: String) -> Bool { text.contains(try! Regex("[0-9]{17}[0-9Xx]")) }
    static let township = Actor(user: "wang", role: "township-staff", township: RosterFixtures.township, via: "test")
    static let otherTownship = Actor(user: "li", role: "township-staff", township: RosterFixtures.otherTownship, via: "test")
    static let school = Actor(user: "zhao", role: "school-staff", school: RosterFixtures.school, via: "test")
    static let viewer = Actor(user: "insp", role: "viewer", via: "test")

    // MARK: a. roster against registry

    @Test func rosterChildOfAgeWithoutARecordIsASuspect() throws {
        // 2026-11-02: school year 2026; compulsory age is born 2010-09-01 … 2020-08-31.
        let monitor = try MonitorHarness()
        try monitor.add(1)
        try monitor.importRoster([
            MonitorHarness.rosterChild(1),  // enrolled: fine
            MonitorHarness.rosterChild(2),  // born 2015, no record: suspect
            MonitorHarness.rosterChild(3, birth: "20200831"),  // 6 on 31 August: of age
            MonitorHarness.rosterChild(4, birth: "20200901"),  // 6 a day too late: not yet
            MonitorHarness.rosterChild(5, birth: "20100901"),  // still 15 on 31 August: of age
            MonitorHarness.rosterChild(6, birth: "20100831"),  // 16: past compulsory age
        ])
        let report = try monitor.crosscheck()
        #expect(report.bornFrom == Self.date("2010-09-01") && report.bornTo == Self.date("2020-08-31"))
        #expect(report.rosterChildren == 6 && report.schoolAge == 4)
        #expect(report.byReason.rosterNotEnrolled == 3 && report.opened == 3)
        #expect(try monitor.suspect(1) == nil)
        #expect(try monitor.suspect(2)?.reasons == [.rosterNotEnrolled])
        #expect(try monitor.suspect(3, birth: "20200831") != nil)
        #expect(try monitor.suspect(4, birth: "20200901") == nil)
        #expect(try monitor.suspect(5, birth: "20100901") != nil)
        #expect(try monitor.suspect(6, birth: "20100831") == nil)
        // Routed to the household's township, with an alert there.
        let suspect = try #require(try monitor.suspect(2))
        #expect(suspect.township == RosterFixtures.township && suspect.school == nil && suspect.status == nil)
        let alerts = try monitor.crosscheckAlerts()
        #expect(alerts.count == 3 && alerts.allSatisfy { $0.township == RosterFixtures.township && $0.rule == .crosscheckSuspect })
        #expect(alerts.contains { $0.studentName == "儿童2" && $0.text.contains("户籍适龄未在籍") })
    }

    @Test func registryStatusesDecideWhoIsAccountedFor() throws {
        let monitor = try MonitorHarness()
        for sequence in 1...6 { try monitor.add(sequence) }
        try monitor.change(1, .suspend, to: .suspended, expectedEnd: monitor.today.adding(days: 100))
        try monitor.change(2, .transferOut, to: .transferredOut)
        try monitor.change(3, .graduate, to: .graduated)
        try monitor.change(4, .death, to: .deceased)
        try monitor.change(5, .dropOut, to: .droppedOut, reason: "厌学")
        try monitor.importRoster((1...6).map { MonitorHarness.rosterChild($0) })
        try monitor.crosscheck()
        // Suspended, graduated, deceased: accounted for; a dropout (not poor) already has its case.
        for sequence in [1, 3, 4, 5, 6] { #expect(try monitor.suspect(sequence) == nil, "child \(sequence)") }
        // Transferred out and received nowhere: in no school. Routed by the registry's township.
        let transferred = try #require(try monitor.suspect(2))
        #expect(transferred.reasons == [.rosterNotEnrolled] && transferred.status == .transferredOut && transferred.school == RosterFixtures.school)
    }

    @Test func countyLevelHouseholdsAreRoutedToTheCounty() throws {
        let monitor = try MonitorHarness()
        try monitor.importRoster([MonitorHarness.rosterChild(7, region: "510123"), MonitorHarness.rosterChild(8, region: "510123102")])
        try monitor.crosscheck()
        #expect(try monitor.suspect(7)?.township == "510123")
        #expect(try monitor.suspect(8)?.township == RosterFixtures.otherTownship)
        // Township staff see neither the county's nor another township's suspects…
        #expect(try monitor.suspects(actor: Self.township).isEmpty)
        #expect(try monitor.suspects(actor: Self.otherTownship).map(\.studentName) == ["儿童8"])
        // …county roles and viewers see both, and may ask for the county's own.
        #expect(try monitor.suspects(SuspectQuery(township: "510123"), actor: Self.viewer).map(\.studentName) == ["儿童7"])
        #expect(throws: ServiceError.self) { try monitor.suspects(SuspectQuery(township: "510123"), actor: Self.township) }
    }

    // MARK: b. registry against children in class

    @Test func enrolledButAbsentOnManyOfTheLastSchoolDays() throws {
        let monitor = try MonitorHarness()
        try monitor.add(10)
        try monitor.add(11)
        try monitor.add(12)
        let days = SchoolCalendar().schoolDays(from: Self.date("2026-10-01"), through: monitor.today).suffix(20)
        // Child 10: every other school day of the last twenty (10): a suspect.
        for day in days.enumerated().filter({ $0.offset % 2 == 0 }).map(\.element) { try monitor.absent(10, on: day) }
        // Child 11: nine unexplained and a sick day: not.
        for day in days.enumerated().filter({ $0.offset % 2 == 0 }).map(\.element).prefix(9) { try monitor.absent(11, on: day) }
        try monitor.absent(11, on: days.last!, reason: "病假")
        // Child 12: ten, but before the window.
        for day in SchoolCalendar().schoolDays(from: Self.date("2026-09-01"), through: Self.date("2026-09-30")).prefix(10) { try monitor.absent(12, on: day) }
        let report = try monitor.crosscheck()
        #expect(report.byReason.enrolledNotInClass == 1)
        let suspect = try #require(try monitor.suspect(10))
        #expect(suspect.reasons == [.enrolledNotInClass] && suspect.absentDays == 10 && suspect.school == RosterFixtures.school)
        #expect(try monitor.suspect(11) == nil && monitor.suspect(12) == nil)
    }

    @Test func theAbsenceThresholdIsASetting() throws {
        let monitor = try MonitorHarness { $0.crosscheckAbsentDays = 3 }
        try monitor.add(13)
        for day in SchoolCalendar().schoolDays(from: Self.date("2026-10-26"), through: Self.date("2026-10-28")) { try monitor.absent(13, on: day) }
        try monitor.crosscheck()
        #expect(try monitor.suspect(13)?.reasons == [.enrolledNotInClass])
    }

    // MARK: c. dropouts against the poverty roster

    @Test func registeredPoorDropoutsComeFirst() throws {
        let monitor = try MonitorHarness()
        try monitor.importRoster([MonitorHarness.rosterChild(20)])
        try monitor.addPoor(21)
        try monitor.changePoor(21, .dropOut, to: .droppedOut, reason: "家庭经济困难")
        try monitor.addPoor(22)  // poor but enrolled: not a suspect
        try monitor.add(23)
        try monitor.change(23, .dropOut, to: .droppedOut, reason: "厌学")  // a dropout, not poor: its case is enough
        try monitor.importRoster([MonitorHarness.rosterChild(20), MonitorHarness.rosterChild(21, region: RosterFixtures.township + "203")])
        let report = try monitor.crosscheck()
        #expect(report.byReason.poorDropout == 1 && report.openRegisteredPoor == 1)
        #expect(try monitor.suspect(21)?.householdRegion == RosterFixtures.township + "203", "the roster's household, when the child is on it")
        #expect(try monitor.suspect(22) == nil && monitor.suspect(23) == nil)
        let listed = try monitor.suspects()
        #expect(listed.map(\.studentName) == ["学生21", "儿童20"], "registered poor first")
        #expect(listed.first?.reasons == [.poorDropout] && listed.first?.registeredPoor == true)
        #expect(try monitor.crosscheckAlerts().first { $0.studentName == "学生21" }?.severity == .urgent)
        #expect(try monitor.suspects(SuspectQuery(reason: .poorDropout)).count == 1)
    }

    // MARK: Re-runs

    @Test func reRunningUpdatesClosesAndKeepsVerifiedOnes() throws {
        let monitor = try MonitorHarness()
        try monitor.add(31)
        try monitor.change(31, .transferOut, to: .transferredOut)
        try monitor.importRoster([MonitorHarness.rosterChild(30), MonitorHarness.rosterChild(31), MonitorHarness.rosterChild(32)])
        let first = try monitor.crosscheck()
        #expect(first.opened == 3)

        // The same data again: nothing new, no duplicate rows or alerts.
        let again = try monitor.crosscheck()
        #expect(again.opened == 0 && again.stillOpen == 3 && again.closed == 0 && again.open == 3)
        #expect(try monitor.crosscheckAlerts().count == 3)
        let rows = try monitor.database.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM crosscheck_suspect") }
        #expect(rows == 3)

        // Child 31 is received by a school; child 32 is verified as enrolled elsewhere.
        try monitor.change(31, .transferIn, to: .enrolled, from: .transferredOut, revision: 3)
        let verified = try #require(try monitor.suspect(32))
        try monitor.verify(verified.id, .enrolledElsewhere, proof: "昆明市某小学接收证明")
        monitor.advance(days: 7)
        let third = try monitor.crosscheck()
        #expect(third.closed == 1 && third.stillOpen == 1 && third.verifiedKept == 1 && third.opened == 0 && third.open == 1)
        let closed = try #require(try monitor.suspects(SuspectQuery(state: .closed)).first)
        #expect(closed.studentName == "学生31" && closed.closure?.contains("在读") == true && closed.closedOn == monitor.today)
        #expect(try monitor.suspect(32)?.state == .verified)
        // Alerts: 30's still open; 31's and 32's resolved, each with its reason; none re-raised.
        let open = try monitor.crosscheckAlerts()
        #expect(open.map(\.studentName) == ["儿童30"])
        let resolved = try monitor.crosscheckAlerts(state: .resolved)
        #expect(resolved.count == 2)
        #expect(resolved.contains { $0.resolution?.contains("县外在读") == true })

        // Cleared children found again are reopened, with a new alert.
        try monitor.change(31, .transferOut, to: .transferredOut, revision: 4)
        let fourth = try monitor.crosscheck()
        #expect(fourth.reopened == 1 && fourth.open == 2)
        #expect(try monitor.crosscheckAlerts().count == 2)
    }

    @Test func aSuspectsAlertIsPublishedAsItIsStored() throws {
        // Given a registered-poor dropout and a roster-only child,
        let monitor = try MonitorHarness()
        try monitor.addPoor(34)
        try monitor.changePoor(34, .dropOut, to: .droppedOut, reason: "家庭经济困难")
        try monitor.importRoster([MonitorHarness.rosterChild(35, name: "古丽·\"阿不都\"")])
        try monitor.crosscheck()
        // each alert event carries the bytes JSONEncoder writes for the alert as stored.
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let alerts = try monitor.crosscheckAlerts()
        #expect(alerts.count == 2)
        let bodies = try monitor.database.read { db in
            try Data.fetchAll(db, sql: "SELECT body FROM outbox WHERE topic LIKE 'monitor.alert.%' ORDER BY seq DESC LIMIT 2")
        }
        #expect(Set(bodies) == Set(try alerts.map { try encoder.encode($0) }))
    }

    @Test func theSweepLeavesRosterOnlySuspectsAlone() throws {
        let monitor = try MonitorHarness()
        try monitor.importRoster([MonitorHarness.rosterChild(33)])
        try monitor.crosscheck()
        try monitor.sweep()
        #expect(try monitor.crosscheckAlerts().count == 1)
    }

    // MARK: Verification

    @Test func verificationNeedsProofWhereTheDomainSaysAndConfirmedOpensACase() throws {
        let monitor = try MonitorHarness()
        try monitor.add(40)
        for day in SchoolCalendar().schoolDays(from: Self.date("2026-10-01"), through: monitor.today).suffix(10) { try monitor.absent(40, on: day) }
        try monitor.importRoster([MonitorHarness.rosterChild(41), MonitorHarness.rosterChild(42), MonitorHarness.rosterChild(43)])
        try monitor.crosscheck()
        let enrolledAbsent = try #require(try monitor.suspect(40))
        let rosterOnly = try #require(try monitor.suspect(41))

        for category in SuspectCategory.allCases where category.needsProof {
            #expect(throws: ServiceError.self) { try monitor.verify(rosterOnly.id, category) }
        }
        #expect(Set(SuspectCategory.allCases.filter(\.needsProof)) == [.enrolledHere, .enrolledElsewhere, .abroad, .deceased])
        // A child the registry does not know cannot have a case yet: the error says what to do.
        do {
            try monitor.verify(rosterOnly.id, .confirmed)
            Issue.record("confirmed without a registry record was accepted")
        } catch let error as ServiceError {
            #expect(error.code == .crosscheckNotRegistered && error.message.contains("baoxue student add"))
        }
        // Categories without proof are accepted as they are.
        #expect(try monitor.verify(rosterOnly.id, .movedUnreachable).suspect.category == .movedUnreachable)
        #expect(try monitor.verify(try #require(try monitor.suspect(42)).id, .illnessOrDisability).suspect.state == .verified)

        // Confirmed, for a registered child: a case opens with the cross-check as its origin.
        let confirmed = try monitor.verify(enrolledAbsent.id, .confirmed)
        let caseRow = try #require(try monitor.caseRow(40))
        #expect(confirmed.suspect.caseID == caseRow.id && caseRow.origin == .crosscheck && caseRow.state == .open)
        #expect(confirmed.student == "G" + RosterFixtures.idNumber(sequence: 40))
        #expect(try monitor.crosscheckAlerts().map(\.studentName) == ["儿童43"])

        // Verified once: a second verification is refused, and so is one of a cleared suspect.
        #expect(throws: ServiceError.self) { try monitor.verify(enrolledAbsent.id, .enrolledHere, proof: "学籍卡") }
        #expect(throws: ServiceError.self) { try monitor.verify(9_999, .overAge) }
    }

    @Test func onlyTheCountyAndTheSuspectsTownshipVerify() throws {
        let monitor = try MonitorHarness()
        try monitor.importRoster([MonitorHarness.rosterChild(50), MonitorHarness.rosterChild(51)])
        try monitor.crosscheck()
        let first = try #require(try monitor.suspect(50)).id
        for actor in [Self.otherTownship, Self.school, Self.viewer] {
            do {
                try monitor.verify(first, .overAge, actor: actor)
                Issue.record("\(actor.role) verified a suspect")
            } catch let error as ServiceError {
                #expect(error.code == .scopeForbidden)
            }
        }
        // A missing suspect is refused the same way outside the county.
        #expect(throws: ServiceError.self) { try monitor.verify(9_999, .overAge, actor: Self.otherTownship) }
        #expect(try monitor.verify(first, .overAge, actor: Self.township).suspect.verifiedBy == "wang")
        #expect(try monitor.verify(try #require(try monitor.suspect(51)).id, .registerDuplicate, actor: MonitorHarness.county).suspect.category == .registerDuplicate)
        // School staff see the suspects of their school only (none here: no school).
        #expect(try monitor.suspects(SuspectQuery(state: .verified), actor: Self.school).isEmpty)
        #expect(try monitor.suspects(SuspectQuery(state: .verified), actor: Self.township).count == 2)
    }

    // MARK: Masking and ledgers

    @Test func listsAlertsEventsAndLedgersNeverCarryAFullIDNumber() throws {
        let monitor = try MonitorHarness()
        try monitor.add(60)
        try monitor.change(60, .dropOut, to: .droppedOut, reason: "厌学")
        try monitor.addPoor(61)
        try monitor.changePoor(61, .dropOut, to: .droppedOut, reason: "家庭经济困难")
        try monitor.importRoster([MonitorHarness.rosterChild(60), MonitorHarness.rosterChild(62), MonitorHarness.rosterChild(63, region: "510123")])
        try monitor.crosscheck()
        let encoder = JSONEncoder()
        let listed = String(decoding: try encoder.encode(try monitor.suspects()), as: UTF8.self)
        #expect(listed.contains("510123********"))
        #expect(listed.contains("138****1234"))
        #expect(!Self.hasFullIDNumber(listed))
        let alerts = String(decoding: try encoder.encode(try monitor.crosscheckAlerts()), as: UTF8.self)
        #expect(!Self.hasFullIDNumber(alerts))
        for body in try monitor.publishedBodies() { #expect(!Self.hasFullIDNumber(body)) }
        for kind in LedgerKind.allCases {
            let table = try monitor.ledger(kind)
            #expect(!table.rows.isEmpty, "\(kind)")
            for row in table.rows { for cell in row { #expect(!Self.hasFullIDNumber(cell), "\(kind): \(cell)") } }
        }
    }

    @Test func theLedgersHoldWhatTheCountyReports() throws {
        let monitor = try MonitorHarness()
        try monitor.add(70)
        try monitor.addPoor(71)
        try monitor.changePoor(71, .dropOut, to: .droppedOut, reason: "外出务工")
        try monitor.importRoster([MonitorHarness.rosterChild(70), MonitorHarness.rosterChild(72), MonitorHarness.rosterChild(73, birth: "20220101")])
        try monitor.crosscheck()

        let schoolAge = try monitor.ledger(.schoolAge)
        #expect(schoolAge.headers.prefix(3) == ["序号", "姓名", "身份证件号"])
        #expect(schoolAge.rows.count == 2, "the five-year-old is not of school age")
        let status = try #require(schoolAge.headers.firstIndex(of: "学籍状态"))
        #expect(Set(schoolAge.rows.map { $0[status] }) == ["在读", "无学籍"])

        let suspects = try monitor.ledger(.suspect)
        #expect(suspects.rows.count == 2)
        let reasons = try #require(suspects.headers.firstIndex(of: "疑似原因"))
        #expect(suspects.rows.first?[reasons] == "建档立卡户辍学", "registered poor first")

        let dropouts = try monitor.ledger(.dropout)
        #expect(dropouts.rows.count == 1)
        let row = try #require(dropouts.rows.first)
        #expect(row[dropouts.headers.firstIndex(of: "辍学原因")!] == "外出务工")
        #expect(row[dropouts.headers.firstIndex(of: "案件状态")!] == "劝返中")
        #expect(row[dropouts.headers.firstIndex(of: "建档立卡")!] == "是")
        #expect(dropouts.headers.contains("乡镇负责人") && dropouts.headers.contains("学校负责人") && dropouts.headers.contains("走访次数"))
        // Scoped by township: the other township's ledger is empty.
        #expect(try monitor.ledger(.suspect, township: RosterFixtures.otherTownship).rows.isEmpty)
    }

    // MARK: Roster import

    @Test func theRosterIsUpsertedByIDNumber() throws {
        let monitor = try MonitorHarness()
        let children = (80...84).map { MonitorHarness.rosterChild($0) }
        #expect(try monitor.importRoster(children) == ImportReport(imported: 5))
        #expect(try monitor.importRoster(children) == ImportReport(unchanged: 5))
        var changed = children
        changed[1].guardianPhone = "13900009999"
        changed.append(MonitorHarness.rosterChild(85))
        #expect(try monitor.importRoster(changed) == ImportReport(imported: 1, updated: 1, unchanged: 4))
        // A record that skipped the gateway's checks is refused with its column.
        var bad = MonitorHarness.rosterChild(86)
        bad.householdRegion = "5101"
        let report = try monitor.importRoster([bad])
        #expect(report.rejected.first?.column == "户籍地区划代码" && report.imported == 0)
    }
}
