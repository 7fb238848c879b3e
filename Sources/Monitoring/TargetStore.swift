import BaoxueContracts
import Foundation
import GRDB

/// Responsibility documents (目标责任书, DOMAIN.md "Responsibility"): recorded by county roles,
/// read within scope, and scored (``score(_:_:actor:today:)``) against the register and the cases'
/// moves as they stood at the year's end.
struct TargetStore: Sendable {
    /// Most names a document may list as signatories (the "seven heads" and a few more).
    static let maximumSignatories = 10
    /// Ceiling for the count targets; far above any township's children, it only stops nonsense.
    static let maximumCountTarget = 100_000

    // MARK: Recording

    /// Records a document, or supersedes the party's current one for the year when `replace` is
    /// set. Every field is checked first, and all problems are reported together.
    func add(_ db: Database, _ request: AddTargetRequest, actor: Actor, today: CivilDate) throws -> TargetDocument {
        let role = Role(rawValue: actor.role)
        guard role == .countyAdmin || role == .countyOperator || role == .system else {
            throw ServiceError(.scopeForbidden, "无权录入目标责任书：须县级管理员或操作员 (recording responsibility documents needs a county admin or operator)")
        }
        let checked = try Self.check(request, today: today)
        let party = try Self.party(db, kind: checked.kind, code: checked.party)
        let current = try Int64.fetchOne(db, sql: "SELECT id FROM responsibility_target WHERE year = ? AND party = ? AND superseded_by IS NULL", arguments: [request.year, checked.party])
        if let current, request.replace != true {
            throw ServiceError(
                .targetExists,
                "\(checked.kind.chinese)\(checked.party)的\(request.year)年目标责任书已录入（编号\(current)）；如需更正或改签，请加 --replace（HTTP：\"replace\": true）重新提交 (a \(request.year) document for \(checked.kind.rawValue) \(checked.party) is already recorded as \(current); to correct or amend it, send it again with --replace, or \"replace\": true over HTTP)",
                problems: [FieldProblem(field: "replace", reason: "已有编号\(current)的文件 (document \(current) exists)")])
        }
        if let current {
            // One current document per party and year (a partial unique index): the old one
            // stops being current before the new one goes in, then names its successor.
            try db.execute(sql: "UPDATE responsibility_target SET superseded_by = 0 WHERE id = ?", arguments: [current])
        }
        try db.execute(
            sql: """
                INSERT INTO responsibility_target (year, party_kind, party, township, max_dropouts, min_enrolment_rate, max_open_cases, signed_by, signed_on, note, recorded_by, recorded_at, replaces)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                request.year, checked.kind.rawValue, checked.party, party.township, request.maxDropouts, request.minEnrolmentRate, request.maxOpenCases,
                try Self.encodeNames(checked.signedBy), request.signedOn.description, checked.note, actor.user, Timestamp.now(), current,
            ])
        let id = db.lastInsertedRowID
        if let current {
            try db.execute(sql: "UPDATE responsibility_target SET superseded_by = ? WHERE id = ?", arguments: [id, current])
        }
        return try document(db, id: id)!
    }

    /// What `check` found good: the party and the cleaned text.
    struct CheckedTarget {
        var kind: TargetPartyKind
        var party: String
        var signedBy: [String]
        var note: String?
    }

    /// Every field of a request, each problem named by its field and said in both languages.
    static func check(_ request: AddTargetRequest, today: CivilDate) throws -> CheckedTarget {
        var problems: [FieldProblem] = []
        func problem(_ field: String, _ chinese: String, _ english: String) {
            problems.append(FieldProblem(field: field, reason: "\(chinese) (\(english))"))
        }
        let latestYear = today.year + 1
        if !(2000...latestYear).contains(request.year) {
            problem("year", "年度应为2000–\(latestYear)", "year must be 2000–\(latestYear)")
        }
        var kind = TargetPartyKind.township
        var party = ""
        switch (request.township, request.school) {
        case (let township?, nil):
            party = township
            if !ReportFilter.isCode(township, digits: 9) { problem("township", "乡镇代码应为9位数字", "a township code is 9 digits") }
        case (nil, let school?):
            kind = .school
            party = school
            if !ReportFilter.isCode(school, digits: 10) { problem("school", "学校标识码应为10位数字", "a school code is 10 digits") }
        default:
            problem("township", "乡镇（县政府签订）与学校（教体局签订）须且只须填一个", "give exactly one of township, for a document signed with the county government, and school, for one signed with the bureau")
        }
        if request.maxDropouts == nil, request.minEnrolmentRate == nil, request.maxOpenCases == nil {
            problem("maxDropouts", "至少填写一项目标：辍学人数上限、在校率下限或年末在办案件上限", "set at least one target: maxDropouts, minEnrolmentRate or maxOpenCases")
        }
        for (field, value) in [("maxDropouts", request.maxDropouts), ("maxOpenCases", request.maxOpenCases)] {
            if let value, !(0...maximumCountTarget).contains(value) {
                problem(field, "应为0–\(maximumCountTarget)的整数", "must be a whole number from 0 to \(maximumCountTarget)")
            }
        }
        if let rate = request.minEnrolmentRate, !(rate.isFinite && (0...100).contains(rate)) {
            problem("minEnrolmentRate", "应为0–100的百分数", "must be a percentage from 0 to 100")
        }
        var names: [String] = []
        if !(2...maximumSignatories).contains(request.signedBy.count) {
            problem("signedBy", "签字人应为2–\(maximumSignatories)人：先县方（县长或教体局长），后乡镇或学校一方", "2–\(maximumSignatories) signatories: the county side first, the county head or the bureau head, then the township's or school's")
        }
        for (index, name) in request.signedBy.enumerated() {
            let cleaned = TextNormalization.field(name)
            if cleaned.isEmpty || name.unicodeScalars.count > 50 || containsControl(name) {
                problem("signedBy[\(index)]", "姓名应为1–50字，不含控制字符", "a name is 1–50 characters, with no control characters")
            } else {
                names.append(cleaned)
            }
        }
        if request.year >= 2000, request.year <= latestYear {
            let earliest = CivilDate(year: request.year - 1, month: 1, day: 1)!
            let latest = min(CivilDate(year: request.year, month: 12, day: 31)!, today.adding(days: 1))
            if request.signedOn < earliest || request.signedOn > latest {
                problem("signedOn", "签订日期应在\(earliest)至\(latest)之间（不晚于今天）", "the signing date must be from \(earliest) to \(latest), and not in the future")
            }
        }
        var note: String?
        if let text = request.note {
            if text.unicodeScalars.count > 500 || text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control && $0 != "\n" }) {
                problem("note", "备注最多500字，不含控制字符", "a note is at most 500 characters, with no control characters")
            }
            let cleaned = TextNormalization.field(text)
            note = cleaned.isEmpty ? nil : cleaned
        }
        guard problems.isEmpty else {
            throw ServiceError(
                .targetInvalid,
                "目标责任书有误，请更正后重新提交：\(problems.map { BilingualText.chinese($0.reason) }.joined(separator: "；")) (the responsibility document is invalid; correct it and send it again: \(problems.map { BilingualText.english($0.reason) }.joined(separator: "; ")))",
                problems: problems)
        }
        return CheckedTarget(kind: kind, party: party, signedBy: names, note: note)
    }

    static func containsControl(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0.properties.generalCategory == .control }
    }

    /// The party's township (and a school's name), from the replica: a document for a township or
    /// school the registry never named would be scored against nothing.
    static func party(_ db: Database, kind: TargetPartyKind, code: String) throws -> (township: String, name: String?) {
        switch kind {
        case .school:
            if let row = try Row.fetchOne(db, sql: "SELECT township, name FROM school WHERE code = ?", arguments: [code]) {
                return (row["township"], row["name"])
            }
            throw ServiceError(
                .targetUnknownParty,
                "监测库中没有学校\(code)：请核对学校标识码，或先导入学校名单（baoxue school import）(no school \(code) in the monitor: check the code, or import the schools first with `baoxue school import`)",
                problems: [FieldProblem(field: "school", reason: "未知学校 (unknown school)")])
        case .township:
            if try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM school WHERE township = ?) OR EXISTS (SELECT 1 FROM student WHERE township = ?)", arguments: [code, code]) == true {
                return (code, nil)
            }
            throw ServiceError(
                .targetUnknownParty,
                "监测库中没有乡镇\(code)的学校：请核对乡镇代码，或先导入学校名单（baoxue school import）(no school in township \(code) in the monitor: check the code, or import the schools first with `baoxue school import`)",
                problems: [FieldProblem(field: "township", reason: "未知乡镇 (unknown township)")])
        }
    }

    // MARK: Reading

    /// Current documents within the actor's scope: a township user's township and its schools,
    /// a school user's school, everything for county roles and viewers.
    func list(_ db: Database, _ query: TargetQuery, actor: Actor) throws -> [TargetDocument] {
        let (township, school) = try ReportFilter.narrow(actor, township: query.township, school: query.school, code: .targetInvalid)
        return try documents(db, year: query.year, township: township, school: school)
    }

    func documents(_ db: Database, year: Int?, township: String?, school: String?) throws -> [TargetDocument] {
        var conditions = ["t.superseded_by IS NULL"]
        var arguments: StatementArguments = []
        if let year { conditions.append("t.year = ?"); arguments += [year] }
        if let township { conditions.append("t.township = ?"); arguments += [township] }
        if let school { conditions.append("t.party = ?"); arguments += [school] }
        let rows = try Row.fetchAll(
            db, sql: "\(Self.documentSelect) WHERE \(conditions.joined(separator: " AND ")) ORDER BY t.year DESC, t.township, t.party_kind = 'school', t.party",
            arguments: arguments)
        return try rows.map(Self.document)
    }

    func document(_ db: Database, id: Int64) throws -> TargetDocument? {
        try Row.fetchOne(db, sql: "\(Self.documentSelect) WHERE t.id = ?", arguments: [id]).map(Self.document)
    }

    static let documentSelect = "SELECT t.*, s.name AS party_name FROM responsibility_target t LEFT JOIN school s ON t.party_kind = 'school' AND s.code = t.party"

    static func document(_ row: Row) throws -> TargetDocument {
        TargetDocument(
            id: row["id"], year: row["year"], partyKind: TargetPartyKind(rawValue: row["party_kind"]) ?? .township, party: row["party"],
            township: row["township"], partyName: row["party_name"], maxDropouts: row["max_dropouts"], minEnrolmentRate: row["min_enrolment_rate"],
            maxOpenCases: row["max_open_cases"], signedBy: try decodeNames(row["signed_by"]), signedOn: CivilDate(parsing: row["signed_on"] as String) ?? CivilDate(dayNumber: 0),
            note: row["note"], recordedBy: row["recorded_by"], recordedAt: row["recorded_at"], replaces: row["replaces"])
    }

    static func encodeNames(_ names: [String]) throws -> String {
        String(decoding: try JSONEncoder().encode(names), as: UTF8.self)
    }

    static func decodeNames(_ text: String) throws -> [String] {
        try JSONDecoder().decode([String].self, from: Data(text.utf8))
    }
}
