import BaoxueContracts
import BaoxueMessaging
import Foundation
import GRDB

extension LedgerStore {
    static let entryColumns = """
        e.id, e.state, e.reasons, e.father, e.mother, e.guardian, e.director, e.supervisor, e.entered_on, e.left_on,
        \(ChildRow.columns), a.surrogate_id, g.name AS surrogate_name, a.assigned_on, a.last_contact_on
        """
    static let entryFrom = """
        ledger_entry e JOIN child c ON c.number = e.student LEFT JOIN school s ON s.code = c.school
        LEFT JOIN assignment a ON a.student = e.student AND a.ended_on IS NULL LEFT JOIN surrogate g ON g.id = a.surrogate_id
        """

    /// One child's record, phones in full (the caller masks for viewers).
    func entry(_ db: Database, number: String, today: CivilDate) throws -> LedgerEntry? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT \(Self.entryColumns) FROM \(Self.entryFrom) WHERE e.student = ?"), arguments: [number]).map { try Self.entry($0, today: today) }
    }

    /// The ledger newest first, on it by default, phones masked: the caller has narrowed the
    /// query to the actor's scope.
    func list(_ db: Database, _ query: LedgerQuery, today: CivilDate) throws -> [LedgerEntry] {
        let (conditions, arguments) = Self.conditions(query)
        return try Row.fetchAll(db, sql: "SELECT \(Self.entryColumns) FROM \(Self.entryFrom) WHERE \(conditions) ORDER BY e.id DESC LIMIT ?", arguments: arguments + [query.limit])
            .map { try Self.entry($0, today: today).maskedCopy }
    }

    static func conditions(_ query: LedgerQuery) -> (String, StatementArguments) {
        var conditions = ["e.state = ?"]
        var arguments: StatementArguments = [(query.state ?? .active).rawValue]
        if let township = query.township { conditions.append("e.township = ?"); arguments += [township] }
        if let school = query.school { conditions.append("e.school = ?"); arguments += [school] }
        if let reason = query.reason { conditions.append("e.reasons LIKE ?"); arguments += ["%\"\(reason.rawValue)\"%"] }
        if query.withoutSurrogate == true { conditions.append("a.id IS NULL") }
        return (conditions.joined(separator: " AND "), arguments)
    }

    /// A child's ledger history, oldest first.
    func history(_ db: Database, number: String) throws -> [LedgerMove] {
        try Row.fetchAll(db.cachedStatement(sql: "SELECT m.date, m.kind, m.reasons, m.actor, m.at FROM ledger_move m JOIN ledger_entry e ON e.id = m.entry_id WHERE e.student = ? ORDER BY m.id"), arguments: [number]).map { row in
            LedgerMove(
                date: CivilDate(parsing: row["date"] as String) ?? CivilDate(dayNumber: 0), kind: LedgerMove.Kind(rawValue: row["kind"]) ?? .updated,
                reasons: try Self.decode([LedgerReason].self, row["reasons"]), actor: row["actor"], at: row["at"])
        }
    }

    /// Children the school flagged as left behind who are not on the ledger, and why; in school
    /// order. Children who left the county, died or graduated are not listed: their flag no
    /// longer matters here.
    func flagged(_ db: Database, _ query: CareScopeQuery, today: CivilDate) throws -> [FlaggedChild] {
        var conditions = ["c.left_behind != '非留守'", "c.status IN ('enrolled', 'suspended', 'transferredOut', 'droppedOut')", "(e.id IS NULL OR e.state = 'inactive')"]
        var arguments: StatementArguments = []
        if let township = query.township { conditions.append("c.township = ?"); arguments += [township] }
        if let school = query.school { conditions.append("c.school = ?"); arguments += [school] }
        arguments += [query.limit]
        let sql = "SELECT \(ChildRow.columns), e.reasons FROM child c LEFT JOIN school s ON s.code = c.school LEFT JOIN ledger_entry e ON e.student = c.number WHERE \(conditions.joined(separator: " AND ")) ORDER BY c.township, c.school, c.grade, c.name LIMIT ?"
        return try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
            let child = ChildRow(row: row)
            let reasons = try (row["reasons"] as String?).map { try Self.decode([LedgerReason].self, $0) }
                ?? LedgerDefinition.verdict(child.facts(father: nil, mother: nil), today: today)
            return FlaggedChild(student: child.masked, studentName: child.name, grade: child.grade, school: child.school, schoolName: child.schoolName, township: child.township, registryFlag: child.registryFlag, reasons: reasons)
        }
    }

    /// The ledger as a table for Excel (UTF-8 CSV by the gateway): masked numbers and phones,
    /// every row of the query (its limit is ignored), in township and school order.
    func export(_ db: Database, _ query: LedgerQuery, today: CivilDate) throws -> CareLedgerTable {
        var table = CareLedgerTable(headers: [
            "乡镇", "学校", "学校名称", "姓名", "性别", "年龄", "年级", "全国学籍号", "户口性质", "父亲情况", "父亲务工地或原因", "母亲情况", "母亲务工地或原因",
            "实际监护人", "与儿童关系", "监护人年龄", "监护人电话", "监护人健康状况", "儿童主任", "儿童督导员", "在册状态", "原因", "进入台账日期", "离开台账日期",
            "代理家长", "最近联系日期",
        ])
        let (conditions, arguments) = Self.conditions(query)
        let rows = try Row.fetchCursor(db, sql: "SELECT \(Self.entryColumns) FROM \(Self.entryFrom) WHERE \(conditions) ORDER BY e.township, e.school, c.grade, c.name", arguments: arguments)
        while let row = try rows.next() {
            let e = try Self.entry(row, today: today).maskedCopy
            func detail(_ parent: ParentRecord) -> String { parent.place ?? parent.reason ?? "" }
            table.rows.append([
                e.township, e.school, e.schoolName ?? "", e.studentName, e.sex.label, String(e.age), String(e.grade), e.student, e.householdType?.rawValue ?? "",
                e.father.situation.chinese, detail(e.father), e.mother.situation.chinese, detail(e.mother), e.guardian.name, e.guardian.relation.chinese,
                e.guardian.age.map(String.init) ?? "", e.guardian.phone ?? "", e.guardian.health?.chinese ?? "", e.director?.name ?? "", e.supervisor?.name ?? "",
                e.state.label(.zh), LedgerReason.list(e.reasons, .zh), e.enteredOn?.description ?? "", e.leftOn?.description ?? "",
                e.surrogate?.name ?? "", e.lastContactOn?.description ?? "",
            ])
        }
        return table
    }

    static func entry(_ row: Row, today: CivilDate) throws -> LedgerEntry {
        let child = ChildRow(row: row)
        let surrogate: SurrogateRef? = (row["surrogate_id"] as Int64?).map { id in
            SurrogateRef(id: id, name: row["surrogate_name"] ?? "", since: CivilDate(parsing: row["assigned_on"] as String? ?? "") ?? today)
        }
        return LedgerEntry(
            id: row["id"], student: child.masked, studentName: child.name, sex: child.sex, age: Masking.ageByYear(child.birthDate, on: today), grade: child.grade,
            school: child.school, schoolName: child.schoolName, township: child.township, householdType: child.householdType, registryFlag: child.registryFlag,
            orphan: child.orphan, unattended: child.unattended, father: try decode(ParentRecord.self, row["father"]), mother: try decode(ParentRecord.self, row["mother"]),
            guardian: try decode(Guardian.self, row["guardian"]), director: try (row["director"] as String?).map { try decode(CareContact.self, $0) },
            supervisor: try (row["supervisor"] as String?).map { try decode(CareContact.self, $0) }, state: LedgerState(rawValue: row["state"]) ?? .inactive,
            reasons: try decode([LedgerReason].self, row["reasons"]), enteredOn: (row["entered_on"] as String?).flatMap(CivilDate.init(parsing:)),
            leftOn: (row["left_on"] as String?).flatMap(CivilDate.init(parsing:)), surrogate: surrogate,
            lastContactOn: (row["last_contact_on"] as String?).flatMap(CivilDate.init(parsing:)), masked: false)
    }

    static func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
        try WireCoding.decode(type, from: Data(text.utf8))
    }
}
