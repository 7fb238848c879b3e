import BaoxueContracts
import GRDB

/// The gaps in the children's care and the figures of the county's summary, read in one
/// transaction each, in the caller's scope.
struct CareReporter: Sendable {
    let settings: CareSettings

    var rules: CareRules { CareRules(settings: settings) }

    /// Children without a surrogate parent past the grace days (longest waiting first), contacts
    /// overdue (longest first), schools without a home (most children first). Computed from the
    /// facts with the same rules the alerts come from, so the gaps and the open alerts agree.
    func gaps(_ db: Database, _ query: CareScopeQuery, today: CivilDate) throws -> CareGaps {
        var sql = CareFacts.select
        var arguments: StatementArguments = []
        if let township = query.township { sql += " AND e.township = ?"; arguments += [township] }
        if let school = query.school { sql += " AND e.school = ?"; arguments += [school] }
        // Only the longest waits are listed: keep the first `limit` by days (then by number) as
        // the children go by, and count the rest.
        var missing = TopWaits(limit: query.limit), overdue = TopWaits(limit: query.limit)
        let rules = self.rules
        let cursor = try Row.fetchCursor(db, sql: sql, arguments: arguments)
        while let row = try cursor.next() {
            let facts = CareFacts(row: row)
            guard let due = rules.due(facts, today: today) else { continue }
            if due.rule == .surrogateMissing {
                missing.offer(facts, days: due.days)
            } else {
                overdue.offer(facts, days: due.days)
            }
        }
        var schoolSQL = """
            SELECT s.code, s.name, s.township, (SELECT COUNT(*) FROM ledger_entry e WHERE e.school = s.code AND e.state = 'active') AS children
            FROM school s WHERE NOT EXISTS (SELECT 1 FROM home h WHERE h.school = s.code)
            """
        var schoolArguments: StatementArguments = []
        if let township = query.township { schoolSQL += " AND s.township = ?"; schoolArguments += [township] }
        if let school = query.school { schoolSQL += " AND s.code = ?"; schoolArguments += [school] }
        let schools = try Row.fetchAll(db, sql: schoolSQL + " ORDER BY children DESC, s.code", arguments: schoolArguments).map {
            GapSchool(school: $0["code"], schoolName: $0["name"], township: $0["township"], children: $0["children"])
        }
        return CareGaps(
            asOf: today, withoutSurrogate: missing.sorted.map { gap($0.facts, days: $0.days) }, withoutSurrogateTotal: missing.count,
            overdueContacts: overdue.sorted.map { gap($0.facts, days: $0.days) }, overdueContactsTotal: overdue.count,
            schoolsWithoutHome: Array(schools.prefix(query.limit)), schoolsWithoutHomeTotal: schools.count)
    }

    private func gap(_ facts: CareFacts, days: Int) -> GapChild {
        GapChild(
            student: Masking.studentNumber(facts.number), studentName: facts.name, school: facts.school, township: facts.township, enteredOn: facts.enteredOn,
            days: days, surrogate: facts.surrogate.map { SurrogateRef(id: $0, name: facts.surrogateName ?? "", since: facts.assignedOn ?? facts.enteredOn) },
            lastContactOn: facts.lastContactOn)
    }

    /// The care figures of a year: the ledger, surrogates and homes as they stand, wishes and
    /// activities of the year; by township and by school.
    func figures(_ db: Database, _ query: CareFiguresQuery, school: String?, today: CivilDate) throws -> CareFigures {
        var place = ""
        var arguments: StatementArguments = []
        if let township = query.township { place += " AND s.township = ?"; arguments += [township] }
        if let school { place += " AND s.code = ?"; arguments += [school] }
        let schoolRows = try Row.fetchAll(db, sql: """
            SELECT s.code, s.name, s.township,
                (SELECT COUNT(*) FROM ledger_entry e WHERE e.school = s.code AND e.state = 'active') AS children,
                (SELECT COUNT(*) FROM ledger_entry e JOIN assignment a ON a.student = e.student AND a.ended_on IS NULL WHERE e.school = s.code AND e.state = 'active') AS covered,
                EXISTS (SELECT 1 FROM home h WHERE h.school = s.code) AS has_home
            FROM school s WHERE 1 = 1\(place) ORDER BY s.township, s.code
            """, arguments: arguments)
        var townships: [String: CareAreaFigures] = [:]
        var schools: [CareAreaFigures] = []
        for row in schoolRows {
            let line = CareAreaFigures(township: row["township"], school: row["code"], schoolName: row["name"], children: row["children"], withSurrogate: row["covered"], hasHome: row["has_home"])
            schools.append(line)
            townships[line.township, default: CareAreaFigures(township: line.township, school: nil, schoolName: nil, children: 0, withSurrogate: 0, hasHome: nil)].children += line.children
            townships[line.township]!.withSurrogate += line.withSurrogate
        }
        for key in townships.keys { townships[key]!.coverage = CareAreaFigures.coverage(children: townships[key]!.children, withSurrogate: townships[key]!.withSurrogate) }
        let children = schools.reduce(0) { $0 + $1.children }, covered = schools.reduce(0) { $0 + $1.withSurrogate }

        var wishPlace = "", wishArguments: StatementArguments = []
        if let township = query.township { wishPlace += " AND township = ?"; wishArguments += [township] }
        if let school { wishPlace += " AND school = ?"; wishArguments += [school] }
        let from = "\(query.year)-01-01", to = "\(query.year)-12-31"
        func count(_ sql: String, _ extra: StatementArguments) throws -> Int {
            try Int.fetchOne(db, sql: sql + wishPlace, arguments: extra + wishArguments) ?? 0
        }
        let posted = try count("SELECT COUNT(*) FROM wish WHERE posted_on BETWEEN ? AND ?", [from, to])
        let claimed = try count("SELECT COUNT(*) FROM wish WHERE claimed_on BETWEEN ? AND ?", [from, to])
        let fulfilled = try count("SELECT COUNT(*) FROM wish WHERE fulfilled_on BETWEEN ? AND ?", [from, to])
        let withdrawn = try count("SELECT COUNT(*) FROM wish WHERE withdrawn_on BETWEEN ? AND ?", [from, to])
        let value = try count("SELECT COALESCE(SUM(value), 0) FROM wish WHERE fulfilled_on BETWEEN ? AND ?", [from, to])
        let surrogates = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM surrogate s WHERE 1 = 1" + (query.township == nil ? "" : " AND s.township = ?") + (school == nil ? "" : " AND s.school = ?"), arguments: StatementArguments([query.township, school].compactMap { $0 })) ?? 0

        let monthly = try ActivityStore().summary(db, ActivitySummaryQuery(year: query.year, township: query.township, school: school))
        var byKind: [ActivityKind: ActivityCount] = [:]
        for line in monthly {
            byKind[line.kind, default: ActivityCount(month: String(query.year), township: query.township ?? "", school: school, kind: line.kind, activities: 0, childTimes: 0)].activities += line.activities
            byKind[line.kind]!.childTimes += line.childTimes
        }
        return CareFigures(
            year: query.year, asOf: today, children: children, withSurrogate: covered, coverage: CareAreaFigures.coverage(children: children, withSurrogate: covered),
            surrogates: surrogates, schools: schools.count, homes: schools.filter { $0.hasHome == true }.count,
            wishesPosted: posted, wishesClaimed: claimed, wishesFulfilled: fulfilled, wishesWithdrawn: withdrawn, wishesFulfilledValue: value,
            activities: ActivityKind.allCases.compactMap { byKind[$0] }, townships: townships.keys.sorted().map { townships[$0]! }, schoolLines: schools)
    }
}
