import BaoxueContracts
import BaoxueMessaging
import Foundation
import GRDB

/// The cross-check (四查三比对, DOMAIN.md rule 5): the household roster it reads
/// (``importRoster(_:_:)``), the run whose three comparisons fill the suspected-dropout ledger
/// (疑似辍学台账, one row per child), and the suspects' verification. A run is idempotent: it
/// updates the reasons of open suspects, closes those no longer found (saying why), keeps verified
/// ones verified, and raises one `crosscheckSuspect` alert per newly open suspect, resolved when
/// the suspect closes or is verified. The child rules never touch these alerts
/// (``AlertStore/childRuleSet``).
struct CrosscheckStore: Sendable {
    let settings: MonitorSettings

    var alerts: AlertStore { AlertStore() }
    var cases: CaseStore { CaseStore(settings: settings) }
    var rules: RuleEngine { RuleEngine(settings: settings) }

    /// Compulsory-school age for the school year containing `today` (a school year starts on
    /// 1 September): 6 by 31 August of that year, and not yet 16 on it.
    static func compulsoryAgeWindow(_ today: CivilDate) -> (from: CivilDate, to: CivilDate) {
        let year = today.month >= 9 ? today.year : today.year - 1
        return (CivilDate(year: year - 16, month: 9, day: 1)!, CivilDate(year: year - 6, month: 8, day: 31)!)
    }

    /// The last ``MonitorSettings/crosscheckWindowSchoolDays`` school days up to today.
    func crosscheckWindow(_ today: CivilDate) -> [CivilDate] {
        var days: [CivilDate] = []
        var day = today
        for _ in 0..<400 where days.count < settings.crosscheckWindowSchoolDays {
            if settings.calendar.isSchoolDay(day) { days.append(day) }
            day = day.adding(days: -1)
        }
        return days
    }

    /// Runs the three comparisons as of `today` and reconciles the suspects and their alerts.
    func run(_ db: Database, today: CivilDate) throws -> CrosscheckReport {
        let started = ContinuousClock.now
        let window = Self.compulsoryAgeWindow(today)
        var report = CrosscheckReport(today: today, bornFrom: window.from, bornTo: window.to)
        let bornFrom = IDNumber.birthKey(window.from), bornTo = IDNumber.birthKey(window.to)
        report.rosterChildren = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM roster_child") ?? 0
        report.schoolAge = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM roster_child WHERE substr(id_number, 7, 8) BETWEEN ? AND ?", arguments: [bornFrom, bornTo]) ?? 0

        var findings: [String: CrosscheckFinding] = [:]
        // a. Roster against registry: of age, on the roster, and the registry has no record, or
        // one that puts the child in no school (transferred out, not received). Enrolled and
        // suspended children are where they should be; graduated, left the county (received
        // elsewhere, with proof) and deceased are exempt by the registry's own record; a dropout
        // already has a case (the dropout ledger), and a poor one is found by c.
        let roster = try Row.fetchCursor(db, sql: """
            SELECT r.id_number, r.name, r.region, r.township AS household_township,
                   s.number, s.name AS registered_name, s.township, s.school, c.name AS school_name, s.registered_poor
            FROM roster_child r
            LEFT JOIN student s ON s.id_number = r.id_number
            LEFT JOIN school c ON c.code = s.school
            WHERE substr(r.id_number, 7, 8) BETWEEN ? AND ? AND (s.number IS NULL OR s.status = 'transferredOut')
            """, arguments: [bornFrom, bornTo])
        while let row = try roster.next() {
            let idNumber: String = row["id_number"]
            let region: String = row["region"]
            let number: String? = row["number"]
            var finding = CrosscheckFinding(
                student: number ?? "G" + idNumber, idNumber: idNumber, name: row["registered_name"] ?? row["name"],
                township: row["township"] ?? row["household_township"] ?? String(region.prefix(6)),
                school: row["school"], schoolName: row["school_name"], registeredPoor: row["registered_poor"] ?? false, region: region)
            finding.reasons.insert(.rosterNotEnrolled)
            findings[finding.student] = finding
        }

        // a'. Aid lists against registry: of age, on a family list the subsidy service matched to
        // no registered child (or one transferred out and not received). Keyed as a: a child on
        // both the household roster and a list is one suspect with both reasons.
        let listed = try Row.fetchCursor(db, sql: """
            SELECT f.id_number, f.name, f.township AS list_township, f.registered_poor AS listed_poor,
                   (SELECT region FROM roster_child r WHERE r.id_number = f.id_number) AS region,
                   s.number, s.name AS registered_name, s.township, s.school, c.name AS school_name, s.registered_poor
            FROM family_listed_child f
            LEFT JOIN student s ON s.id_number = f.id_number
            LEFT JOIN school c ON c.code = s.school
            WHERE substr(f.id_number, 7, 8) BETWEEN ? AND ? AND (s.number IS NULL OR s.status = 'transferredOut')
            """, arguments: [bornFrom, bornTo])
        while let row = try listed.next() {
            let idNumber: String = row["id_number"]
            let key = (row["number"] as String?) ?? "G" + idNumber
            let poor = (row["listed_poor"] as Bool) || (row["registered_poor"] as Bool? ?? false)
            var finding = findings[key] ?? CrosscheckFinding(
                student: key, idNumber: idNumber, name: row["registered_name"] ?? row["name"], township: row["township"] ?? row["list_township"],
                school: row["school"], schoolName: row["school_name"], registeredPoor: poor, region: row["region"])
            finding.registeredPoor = finding.registeredPoor || poor
            finding.reasons.insert(.familyListNotEnrolled)
            findings[key] = finding
        }

        // b. Registry against children in class: enrolled, absent without reason on many of the
        // last school days.
        let days = crosscheckWindow(today)
        if !days.isEmpty {
            let placeholders = Array(repeating: "?", count: days.count).joined(separator: ", ")
            var arguments = StatementArguments(days.map(\.description))
            arguments += [settings.crosscheckAbsentDays]
            let absent = try Row.fetchCursor(db, sql: """
                SELECT s.number, s.id_number, s.name, s.township, s.school, c.name AS school_name, s.registered_poor,
                       (SELECT region FROM roster_child r WHERE r.id_number = s.id_number) AS region, COUNT(*) AS days
                FROM absence a JOIN student s ON s.number = a.student LEFT JOIN school c ON c.code = s.school
                WHERE a.date IN (\(placeholders)) AND (a.reason IS NULL OR a.reason = '') AND s.status = 'enrolled'
                GROUP BY s.number HAVING COUNT(*) >= ?
                """, arguments: arguments)
            while let row = try absent.next() {
                try merge(&findings, registered: row, reason: .enrolledNotInClass, absentDays: row["days"])
            }
        }

        // c. Dropouts against the poverty roster: registered-poor dropouts, worked first.
        let poor = try Row.fetchCursor(db, sql: """
            SELECT s.number, s.id_number, s.name, s.township, s.school, c.name AS school_name, s.registered_poor, r.region
            FROM student s LEFT JOIN school c ON c.code = s.school LEFT JOIN roster_child r ON r.id_number = s.id_number
            WHERE s.status = 'droppedOut' AND s.registered_poor = 1
            """)
        while let row = try poor.next() {
            try merge(&findings, registered: row, reason: .poorDropout, absentDays: nil)
        }

        try reconcileSuspects(db, findings: findings, today: today, report: &report)
        report.open = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM crosscheck_suspect WHERE state = 'open'") ?? 0
        report.openRegisteredPoor = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM crosscheck_suspect WHERE state = 'open' AND registered_poor = 1") ?? 0
        report.milliseconds = (ContinuousClock.now - started).milliseconds
        return report
    }

    /// Adds a registered child's reason to what the roster comparison found about them.
    private func merge(_ findings: inout [String: CrosscheckFinding], registered row: Row, reason: CrosscheckReason, absentDays: Int?) throws {
        let number: String = row["number"]
        var finding = findings[number] ?? CrosscheckFinding(
            student: number, idNumber: row["id_number"], name: row["name"], township: row["township"], school: row["school"],
            schoolName: row["school_name"], registeredPoor: row["registered_poor"], region: row["region"])
        finding.reasons.insert(reason)
        if let absentDays { finding.absentDays = absentDays }
        findings[number] = finding
    }

    /// Writes the run's findings into the suspected-dropout ledger and keeps the alerts in step
    /// with it.
    private func reconcileSuspects(_ db: Database, findings: [String: CrosscheckFinding], today: CivilDate, report: inout CrosscheckReport) throws {
        var existing: [String: (id: Int64, state: SuspectState)] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT id, student, state FROM crosscheck_suspect") {
            existing[row["student"]] = (row["id"], SuspectState(rawValue: row["state"]) ?? .open)
        }
        var alerted = try alerts.studentsWithOpenSuspectAlerts(db)
        let day = today.description
        let now = Timestamp.now()
        let insert = try db.makeStatement(sql: """
            INSERT INTO crosscheck_suspect (student, id_number, name, township, school, registered_poor, region, reasons, absent_days, state, first_found, last_found)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, ?)
            """)
        // A suspect found again as it was is not written at all (a re-run the same day writes
        // nothing): only what changed, or a new last-found date, makes an update.
        let update = try db.makeStatement(sql: """
            UPDATE crosscheck_suspect SET id_number = ?1, name = ?2, township = ?3, school = ?4, registered_poor = ?5, region = COALESCE(?6, region),
                reasons = ?7, absent_days = ?8, state = 'open', last_found = ?9, closed_on = NULL, closure = NULL
            WHERE id = ?10 AND (state != 'open' OR last_found IS NOT ?9 OR reasons IS NOT ?7 OR absent_days IS NOT ?8 OR name IS NOT ?2
                OR township IS NOT ?3 OR school IS NOT ?4 OR registered_poor IS NOT ?5 OR id_number IS NOT ?1 OR (?6 IS NOT NULL AND region IS NOT ?6))
            """)
        let seen = try db.makeStatement(sql: "UPDATE crosscheck_suspect SET last_found = ?1 WHERE id = ?2 AND last_found IS NOT ?1")

        // Sorted, so suspects (and their alerts) are numbered the same way on every machine; by
        // name and the masked number, never the full one, whose order is the birth dates' and
        // would show in the suspects' and alerts' ids (decision 111).
        let numbered = findings.keys.sorted { (findings[$0]!.name, Masking.studentNumber($0), $0) < (findings[$1]!.name, Masking.studentNumber($1), $1) }
        for key in numbered {
            let finding = findings[key]!
            let reasons = CrosscheckReason.encodeList(finding.orderedReasons)
            let id: Int64
            switch existing[key] {
            case nil:
                try insert.execute(arguments: [key, finding.idNumber, finding.name, finding.township, finding.school, finding.registeredPoor, finding.region, reasons, finding.absentDays, day, day])
                id = db.lastInsertedRowID
                report.opened += 1
            case let (known, state)? where state == .verified:
                try seen.execute(arguments: [day, known])
                report.verifiedKept += 1
                continue
            case let (known, state)?:
                try update.execute(arguments: [finding.idNumber, finding.name, finding.township, finding.school, finding.registeredPoor, finding.region, reasons, finding.absentDays, day, known])
                id = known
                if state == .closed { report.reopened += 1 } else { report.stillOpen += 1 }
            }
            for reason in finding.reasons { report.byReason[reason] += 1 }
            if !alerted.contains(key) {
                try alerts.raiseSuspectAlert(db, finding: finding, suspectID: id, at: now)
                alerted.insert(key)
            }
        }

        for (key, known) in existing.sorted(by: { $0.value.id < $1.value.id }) where known.state == .open && findings[key] == nil {
            let closure = try clearance(db, student: key, today: today)
            try db.execute(sql: "UPDATE crosscheck_suspect SET state = 'closed', closed_on = ?, closure = ? WHERE id = ?", arguments: [day, closure, known.id])
            try alerts.resolveSuspectAlerts(db, student: key, resolution: closure)
            report.closed += 1
        }
    }

    /// Why an open suspect is no longer found, for the suspected-dropout ledger and the resolved
    /// alert.
    func clearance(_ db: Database, student: String, today: CivilDate) throws -> String {
        if let child = try ChildFacts.fetch(db, number: student) {
            if child.status == .enrolled {
                let previous = try String.fetchOne(db, sql: "SELECT reasons FROM crosscheck_suspect WHERE student = ?", arguments: [student])
                if CrosscheckReason.decodeList(previous) == [.enrolledNotInClass] {
                    return "近\(settings.crosscheckWindowSchoolDays)个教学日无故缺课已少于\(settings.crosscheckAbsentDays)天 (fewer than \(settings.crosscheckAbsentDays) unexplained absences in the last \(settings.crosscheckWindowSchoolDays) school days)"
                }
            }
            if child.status == .droppedOut, !child.registeredPoor {
                return "已不是建档立卡户，辍学案件照常办理 (no longer registered poor; the dropout case goes on)"
            }
            return "学籍状态：\(child.status.label(.zh))，\(child.displaySchool) (status: \(child.status.rawValue), \(child.school))"
        }
        let idNumber = String(student.dropFirst())
        let onRoster = try Bool.fetchOne(db, sql: "SELECT 1 FROM roster_child WHERE id_number = ?", arguments: [idNumber]) == true
        let onList = try Bool.fetchOne(db, sql: "SELECT 1 FROM family_listed_child WHERE id_number = ?", arguments: [idNumber]) == true
        guard onRoster || onList else {
            return "已不在户籍适龄人口名单或困难家庭名单中 (no longer on the household roster or a family list)"
        }
        return "不在义务教育年龄段 (not of compulsory-school age)"
    }
}
