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

    /// How the child at `child` (a position in the children classified) is covered by one
    /// program: `kind` nil when paid, else the kind of gap and its reason.
    struct ChildCoverage {
        var child: Int
        var kind: CoverageGapKind?
        var reason: String?
    }

    /// The county's eligible children of `program` in `term` without a live payment (what alerts
    /// are about), found by the database, each with their gap.
    func gaps(_ db: Database, program: SubsidyProgram, term: Term) throws -> [Entry] {
        var filter = EligibilityFilter(program: program, term: term)
        filter.unpaidOnly = true
        let children = try filter.children(db)
        let failed = try Payments.read(db, term: term, program: program, failedOnly: true)[program.id] ?? Payments()
        return try classify(db, children, Array(children.indices), program: program, term: term, payments: failed).map { coverage in
            Entry(child: children[coverage.child], program: program, kind: coverage.kind, reason: coverage.reason)
        }
    }

    /// The children listed within the place in `term`, each once, and for each of `programs` (in
    /// their order) how its eligible ones are covered, from one pass over the lists
    /// (``EligibilityFilter/listedChildren(_:term:township:school:)``): the same children as
    /// ``EligibilityFilter/children(_:after:limit:)`` finds program by program. The coverage
    /// points into `children` rather than copy a child for every program and step (decision 138).
    func childCoverage(_ db: Database, programs: [SubsidyProgram], term: Term, township: String?, school: String?) throws -> (children: [ChildFacts], byProgram: [[ChildCoverage]]) {
        let (children, stays) = try EligibilityFilter.listedChildren(db, term: term, township: township, school: school)
        var eligible: [[Int]] = Array(repeating: [], count: programs.count)
        for index in children.indices {
            for program in EligibilityRule.eligibleIndexes(
                grade: children[index].grade, attendance: children[index].attendance, status: children[index].status,
                statusDate: children[index].statusDate, basis: stays[index], term: term, programs: programs) {
                eligible[program].append(index)
            }
        }
        let payments = try Payments.read(db, term: term)
        let byProgram = try programs.indices.map { program in
            try classify(db, children, eligible[program], program: programs[program], term: term, payments: payments[programs[program].id] ?? Payments())
        }
        return (children, byProgram)
    }

    /// A term's payments of one program: the children paid or awaiting the bank, and the
    /// failures with the bank's reason.
    struct Payments {
        var live: Set<String> = []
        var failures: [String: String] = [:]

        /// The term's payments by program id, in one pass over the payments (every program's at
        /// once), or only `program`'s; with `failedOnly`, the failures alone.
        static func read(_ db: Database, term: Term, program: SubsidyProgram? = nil, failedOnly: Bool = false) throws -> [String: Payments] {
            var sql = "SELECT program, student, state, failure FROM payment WHERE term = ?"
            var arguments: StatementArguments = [term.code]
            if let program { sql += " AND program = ?"; arguments += [program.id] }
            if failedOnly { sql += " AND state = 'failed'" }
            var byProgram: [String: Payments] = [:]
            let rows = try Row.fetchCursor(db.cachedStatement(sql: sql), arguments: arguments)
            while let row = try rows.next() {
                let program: String = row[0], student: String = row[1]
                if (row[2] as String) == PaymentState.failed.rawValue {
                    byProgram[program, default: Payments()].failures[student] = row[3] ?? ""
                } else {
                    byProgram[program, default: Payments()].live.insert(student)
                }
            }
            return byProgram
        }
    }

    /// How each child at `indexes` in `children` is covered by `program` in `term`: paid, or the
    /// kind of gap, from the program's `payments` in the term.
    private func classify(_ db: Database, _ children: [ChildFacts], _ indexes: [Int], program: SubsidyProgram, term: Term, payments: Payments) throws -> [ChildCoverage] {
        guard !indexes.isEmpty else { return [] }
        let live = payments.live, failures = payments.failures
        let batches = try Row.fetchAll(db.cachedStatement(sql: "SELECT township, school FROM batch WHERE program = ? AND term = ? AND state = 'done'"), arguments: [program.id, term.code])
            .map { (township: $0[0] as String?, school: $0[1] as String?) }
        return indexes.map { index in
            var coverage = ChildCoverage(child: index)
            let number = children[index].number
            if live.contains(number) { return coverage }
            if let failure = failures[number] {
                coverage.kind = .failed
                coverage.reason = failure
            } else if let reason = ExclusionReason(status: children[index].status) {
                // Not in school now: a batch pays only a child a school holds (the reason is stated).
                coverage.kind = .excluded
                coverage.reason = reason.label(.zh)
            } else if batches.contains(where: { ($0.school == nil || $0.school == children[index].school) && ($0.township == nil || $0.township == children[index].township) }) {
                coverage.kind = .unpaid
            } else {
                coverage.kind = .awaitingBatch
            }
            return coverage
        }
    }

    func report(_ db: Database, _ query: CoverageQuery) throws -> CoverageReport {
        let programs = try query.program.map { [try settings.program($0)] } ?? settings.programs
        let (children, byProgram) = try childCoverage(db, programs: programs, term: query.term, township: query.township, school: query.school)
        var report = CoverageReport(term: query.term, eligible: 0, covered: 0, unpaid: 0, failed: 0, awaitingBatch: 0, excluded: 0, townships: [], schools: [], gaps: [])
        // Each child's township and school line, found once; the lines are counted in place.
        var townships: [CoverageLine] = [], townshipAt: [String: Int] = [:]
        var schools: [CoverageLine] = [], schoolAt: [String: Int] = [:]
        func position(of key: String, _ at: inout [String: Int], _ lines: inout [CoverageLine], _ line: @autoclosure () -> CoverageLine) -> Int {
            if let known = at[key] { return known }
            lines.append(line())
            at[key] = lines.count - 1
            return lines.count - 1
        }
        let lineOf = children.map { child in
            (township: position(of: child.township, &townshipAt, &townships, CoverageLine(township: child.township, school: nil, schoolName: nil, eligible: 0, covered: 0, gaps: 0, stated: 0)),
             school: position(of: child.school, &schoolAt, &schools, CoverageLine(township: child.township, school: child.school, schoolName: child.schoolName, eligible: 0, covered: 0, gaps: 0, stated: 0)))
        }
        let order: [CoverageGapKind] = [.unpaid, .failed, .excluded, .awaitingBatch]
        var gaps: [(rank: Int, program: Int, coverage: ChildCoverage)] = []
        for (program, coverages) in byProgram.enumerated() {
            for coverage in coverages {
                let (township, school) = lineOf[coverage.child]
                report.eligible += 1
                townships[township].eligible += 1
                schools[school].eligible += 1
                guard let kind = coverage.kind else {
                    report.covered += 1
                    townships[township].covered += 1
                    schools[school].covered += 1
                    continue
                }
                switch kind {
                case .unpaid, .failed:
                    if kind == .unpaid { report.unpaid += 1 } else { report.failed += 1 }
                    townships[township].gaps += 1
                    schools[school].gaps += 1
                case .awaitingBatch, .excluded:
                    if kind == .excluded { report.excluded += 1 } else { report.awaitingBatch += 1 }
                    townships[township].stated += 1
                    schools[school].stated += 1
                }
                gaps.append((order.firstIndex(of: kind)!, program, coverage))
            }
        }
        // Only the places with an eligible child have a line, as before.
        report.townships = townships.filter { $0.eligible > 0 }.sorted { $0.township < $1.township }
        report.schools = schools.filter { $0.eligible > 0 }.sorted { ($0.township, $0.school ?? "") < ($1.township, $1.school ?? "") }
        // The first gaps by kind, township and replica order. The sort is stable, so a child
        // with gaps in two programs keeps them in the programs' order, as before.
        gaps.sort { ($0.rank, children[$0.coverage.child].township, children[$0.coverage.child].id) < ($1.rank, children[$1.coverage.child].township, children[$1.coverage.child].id) }
        report.gaps = gaps.prefix(min(max(query.limit, 1), 1_000)).map { gap in
            let child = children[gap.coverage.child]
            return CoverageGap(student: child.maskedNumber, name: child.name, township: child.township, school: child.school, program: programs[gap.program].id, kind: gap.coverage.kind!, reason: gap.coverage.reason)
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
