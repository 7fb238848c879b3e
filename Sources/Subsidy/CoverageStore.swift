import BaoxueContracts
import GRDB

/// "不漏一人": for a term, every eligible child has a payment (credited or awaiting the bank), or
/// a stated reason; the rest are gaps, and each gap is an alert on the child's township.
///
/// A gap is a child no batch paid although a batch of the program ran for the term where the
/// child now is (应助未助: they joined a list later, moved in, came back), or whose payment the
/// bank returned and nobody reissued. A child no batch has reached yet, or one a batch left out
/// for a reason that still holds (dropped out, left the county, …), is listed with that reason
/// and raises nothing.
struct CoverageStore: Sendable {
    let settings: SubsidySettings

    var alerts: AlertStore { AlertStore() }

    /// One eligible child's standing for one program and term.
    struct Entry {
        var child: ChildFacts
        var program: SubsidyProgram
        var kind: CoverageGapKind?
        var reason: String?
    }

    /// The county's eligible children of `program` in `term` without a live payment (what alerts
    /// are about), found by the database, each with their gap.
    func gaps(_ db: Database, program: SubsidyProgram, term: Term) throws -> [Entry] {
        var filter = EligibilityFilter(program: program, term: term)
        filter.unpaidOnly = true
        return try classify(db, try filter.children(db), program: program, term: term, failedOnly: true)
    }

    /// The entries of `programs` in `term` within the place, from one pass over the lists
    /// (``EligibilityFilter/listedChildren(_:term:township:school:)``): the same children as
    /// ``EligibilityFilter/children(_:after:limit:)`` finds program by program.
    func entries(_ db: Database, programs: [SubsidyProgram], term: Term, township: String?, school: String?) throws -> [Entry] {
        var eligible: [String: [ChildFacts]] = [:]
        for (child, basis) in try EligibilityFilter.listedChildren(db, term: term, township: township, school: school) {
            let programs = EligibilityRule.eligible(
                grade: child.grade, attendance: child.attendance, status: child.status, statusDate: child.statusDate, basis: basis, term: term, programs: programs)
            for (program, _) in programs { eligible[program.id, default: []].append(child) }
        }
        return try programs.flatMap { program in
            try classify(db, eligible[program.id] ?? [], program: program, term: term, failedOnly: false)
        }
    }

    /// Each child's standing in `program` and `term`: paid, or the kind of gap. With
    /// `failedOnly`, the children are known to have no live payment, and only failures are read.
    private func classify(_ db: Database, _ children: [ChildFacts], program: SubsidyProgram, term: Term, failedOnly: Bool) throws -> [Entry] {
        guard !children.isEmpty else { return [] }
        var live: Set<String> = []
        var failures: [String: String] = [:]
        let states = failedOnly ? "AND state = 'failed'" : ""
        let payments = try Row.fetchCursor(db.cachedStatement(sql: "SELECT student, state, failure FROM payment WHERE program = ? AND term = ? \(states)"), arguments: [program.id, term.code])
        while let row = try payments.next() {
            let student: String = row[0]
            if (row[1] as String) == PaymentState.failed.rawValue {
                failures[student] = row[2] ?? ""
            } else {
                live.insert(student)
            }
        }
        let batches = try Row.fetchAll(db.cachedStatement(sql: "SELECT township, school FROM batch WHERE program = ? AND term = ? AND state = 'done'"), arguments: [program.id, term.code])
            .map { (township: $0["township"] as String?, school: $0["school"] as String?) }
        return children.map { child in
            var entry = Entry(child: child, program: program)
            if live.contains(child.number) { return entry }
            if let failure = failures[child.number] {
                entry.kind = .failed
                entry.reason = failure
            } else if let reason = ExclusionReason(status: child.status) {
                // Not in school now: a batch pays only a child a school holds (the reason is stated).
                entry.kind = .excluded
                entry.reason = reason.label(.zh)
            } else if batches.contains(where: { ($0.school == nil || $0.school == child.school) && ($0.township == nil || $0.township == child.township) }) {
                entry.kind = .unpaid
            } else {
                entry.kind = .awaitingBatch
            }
            return entry
        }
    }

    func report(_ db: Database, _ query: CoverageQuery) throws -> CoverageReport {
        let programs = try query.program.map { [try settings.program($0)] } ?? settings.programs
        let entries = try self.entries(db, programs: programs, term: query.term, township: query.township, school: query.school)
        var report = CoverageReport(term: query.term, eligible: entries.count, covered: 0, unpaid: 0, failed: 0, awaitingBatch: 0, excluded: 0, townships: [], schools: [], gaps: [])
        var townships: [String: CoverageLine] = [:]
        var schools: [String: CoverageLine] = [:]
        for entry in entries {
            let child = entry.child
            var township = townships[child.township] ?? CoverageLine(township: child.township, school: nil, schoolName: nil, eligible: 0, covered: 0, gaps: 0, stated: 0)
            var school = schools[child.school] ?? CoverageLine(township: child.township, school: child.school, schoolName: child.schoolName, eligible: 0, covered: 0, gaps: 0, stated: 0)
            township.eligible += 1
            school.eligible += 1
            switch entry.kind {
            case nil:
                report.covered += 1
                township.covered += 1
                school.covered += 1
            case .unpaid?, .failed?:
                if entry.kind == .unpaid { report.unpaid += 1 } else { report.failed += 1 }
                township.gaps += 1
                school.gaps += 1
            case .awaitingBatch?, .excluded?:
                if entry.kind == .excluded { report.excluded += 1 } else { report.awaitingBatch += 1 }
                township.stated += 1
                school.stated += 1
            }
            townships[child.township] = township
            schools[child.school] = school
        }
        report.townships = townships.values.sorted { $0.township < $1.township }
        report.schools = schools.values.sorted { ($0.township, $0.school ?? "") < ($1.township, $1.school ?? "") }
        let order: [CoverageGapKind] = [.unpaid, .failed, .excluded, .awaitingBatch]
        let gaps = entries.filter { $0.kind != nil }.sorted { (order.firstIndex(of: $0.kind!)!, $0.child.township, $0.child.id) < (order.firstIndex(of: $1.kind!)!, $1.child.township, $1.child.id) }
        report.gaps = gaps.prefix(min(max(query.limit, 1), 1_000)).map { entry in
            CoverageGap(student: entry.child.maskedNumber, name: entry.child.name, township: entry.child.township, school: entry.child.school, program: entry.program.id, kind: entry.kind!, reason: entry.reason)
        }
        return report
    }

    // MARK: Alerts

    /// Brings the alerts of `pairs` in line with the gaps of the whole county: one open alert per
    /// unpaid or failed child, the others resolved with the reason.
    @discardableResult
    func reconcileAlerts(_ db: Database, pairs: Set<ProgramTerm>) throws -> (opened: Int, resolved: Int) {
        var wanted: [AlertStore.Finding] = []
        for pair in pairs {
            guard let program = try? settings.program(pair.program), let term = Term(parsing: pair.term) else { continue }
            for entry in try gaps(db, program: program, term: term) {
                guard let kind = entry.kind, kind == .unpaid || kind == .failed else { continue }
                wanted.append(finding(entry, kind: kind, term: term))
            }
        }
        return try alerts.reconcile(db, wanted: wanted, pairs: pairs) { key in
            try resolution(db, key)
        }
    }

    /// The pairs the sweep looks after: every program and term with a finished batch, of this
    /// term or the last, and any with an alert still open.
    func pairsToWatch(_ db: Database, today: CivilDate) throws -> Set<ProgramTerm> {
        let term = Term(containing: today)
        var pairs: Set<ProgramTerm> = []
        for row in try Row.fetchAll(db, sql: "SELECT DISTINCT program, term FROM batch WHERE state = 'done' AND term IN (?, ?)", arguments: [term.code, term.previous.code]) {
            pairs.insert(ProgramTerm(program: row["program"], term: row["term"]))
        }
        for row in try Row.fetchAll(db, sql: "SELECT DISTINCT program, term FROM alert WHERE state != 'resolved'") {
            pairs.insert(ProgramTerm(program: row["program"], term: row["term"]))
        }
        return pairs
    }

    func finding(_ entry: Entry, kind: CoverageGapKind, term: Term) -> AlertStore.Finding {
        let child = entry.child, program = entry.program
        let school = child.schoolName ?? child.school
        let text: String, english: String
        if kind == .failed {
            text = "\(child.name)（\(school)）\(term.label(.zh))的\(program.name)发放失败：\(entry.reason ?? "")。请更正后补发。"
            english = "\(child.name) (\(school)): the \(term.label(.en)) payment of \(program.nameEnglish) failed: \(entry.reason ?? ""). Correct it and reissue."
        } else {
            text = "\(child.name)（\(school)）符合\(term.label(.zh))\(program.name)的资助条件，本学期已发放，但该生未获资助（应助未助）。请核实并补发。"
            english = "\(child.name) (\(school)) is eligible for \(program.nameEnglish) in \(term.label(.en)); the term's batch has run but did not pay them. Check and pay."
        }
        return AlertStore.Finding(
            rule: kind == .failed ? .subsidyPaymentFailed : .subsidyUnpaid, student: child.number, program: program.id, term: term.code,
            township: child.township, school: child.school, text: text, textEnglish: english)
    }

    /// Why an alert is no longer wanted.
    func resolution(_ db: Database, _ key: AlertStore.Key) throws -> String {
        if let id = try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM payment WHERE student = ? AND program = ? AND term = ? AND state != 'failed'"), arguments: [key.student, key.program, key.term]) {
            return "已发放（支付编号\(id)）(paid: payment \(id))"
        }
        if let status = try String.fetchOne(db.cachedStatement(sql: "SELECT status FROM student WHERE number = ?"), arguments: [key.student]).flatMap(StudentStatus.init(rawValue:)),
            let reason = ExclusionReason(status: status) {
            return "\(reason.label(.zh)) (\(reason.label(.en)))"
        }
        return "不再符合资助条件 (no longer eligible)"
    }
}
