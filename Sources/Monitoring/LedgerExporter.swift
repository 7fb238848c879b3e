import BaoxueContracts
import Foundation
import GRDB

/// The county's three ledgers of rule 5 (台账: 适龄儿童, 疑似辍学, 辍学), exported as tables of
/// final text with Chinese headers: the form the county files and reports. Every ID number,
/// phone and guardian's name is masked here, before the table leaves the service (decision 48),
/// a birth date shows its year and an age counts by year (``Masking``, decision 111), and no
/// ledger is ordered by the full ID number, whose order is that of the birth dates.
/// Registered-poor children first.
struct LedgerExporter: Sendable {
    /// The ledger `request` names, narrowed by the caller to the actor's scope.
    func table(_ db: Database, _ request: LedgerRequest, today: CivilDate) throws -> LedgerTable {
        switch request.kind {
        case .schoolAge: try schoolAgeLedger(db, request, today: today)
        case .suspect: try suspectLedger(db, request)
        case .dropout: try dropoutLedger(db, request)
        }
    }

    /// 适龄儿童台账: the roster's children of compulsory-school age, with their registry status.
    private func schoolAgeLedger(_ db: Database, _ request: LedgerRequest, today: CivilDate) throws -> LedgerTable {
        let window = CrosscheckStore.compulsoryAgeWindow(today)
        var table = LedgerTable(kind: .schoolAge, headers: ["序号", "姓名", "身份证件号", "出生年份", "年龄", "户籍地区划代码", "乡镇", Self.townshipNameHeader, "学籍状态", "学校", "学校名称", "年级", "建档立卡", "监护人姓名", "监护人电话", "疑似辍学"])
        var conditions = ["substr(r.id_number, 7, 8) BETWEEN ? AND ?"]
        var arguments: StatementArguments = [IDNumber.birthKey(window.from), IDNumber.birthKey(window.to)]
        if let township = request.township { conditions.append("COALESCE(s.township, r.township, r.region) = ?"); arguments += [township] }
        if let school = request.school { conditions.append("s.school = ?"); arguments += [school] }
        let rows = try Row.fetchCursor(db, sql: """
            SELECT r.id_number, r.name, r.region, COALESCE(s.township, r.township, r.region) AS township, r.guardian_name, r.guardian_phone,
                   s.status, s.school, c.name AS school_name, s.grade, COALESCE(s.registered_poor, 0) AS registered_poor, x.state AS suspect_state
            FROM roster_child r
            LEFT JOIN student s ON s.id_number = r.id_number
            LEFT JOIN school c ON c.code = s.school
            LEFT JOIN crosscheck_suspect x ON x.id_number = r.id_number
            WHERE \(conditions.joined(separator: " AND "))
            ORDER BY registered_poor DESC, township, s.school, r.name, substr(r.id_number, 1, 6), substr(r.id_number, 15), r.id
            """, arguments: arguments)
        while let row = try rows.next() {
            let idNumber: String = row["id_number"]
            let birth = IDNumber.birthDate(inText: idNumber)
            let status = (row["status"] as String?).flatMap(StudentStatus.init(rawValue:))
            let grade: Int? = row["grade"]
            let name: String = row["name"], region: String = row["region"], township: String = row["township"]
            let school: String? = row["school"], schoolName: String? = row["school_name"], poor: Bool = row["registered_poor"]
            let guardian: String? = row["guardian_name"], phone: String? = row["guardian_phone"], suspect: String? = row["suspect_state"]
            var cells: [String] = [String(table.rows.count + 1), name, Masking.idNumber(idNumber), birth.map { String(Masking.birthYear($0)) } ?? "", birth.map { String(Masking.ageByYear($0, on: today)) } ?? ""]
            cells += [region, township, "", status?.label(.zh) ?? "无学籍", school ?? "", schoolName ?? "", grade.map { SchoolGrade.label($0, .zh) } ?? ""]
            cells += [Self.yesNo(poor), guardian.map(Masking.personName) ?? "", phone.map(Masking.phone) ?? "", suspect.flatMap(SuspectState.init(rawValue:))?.label(.zh) ?? ""]
            table.rows.append(cells)
        }
        return table
    }

    /// 疑似辍学学生台账: every suspect the cross-check ever held, open, verified or cleared.
    private func suspectLedger(_ db: Database, _ request: LedgerRequest) throws -> LedgerTable {
        var table = LedgerTable(kind: .suspect, headers: ["疑似编号", "姓名", "身份证件号", "全国学籍号", "出生年份", "户籍地区划代码", "乡镇", Self.townshipNameHeader, "学校", "学校名称", "学籍状态", "建档立卡", "疑似原因", "无故缺课天数", "监护人姓名", "监护人电话", "首次发现", "最近发现", "核查状态", "核查结果", "证明材料", "核查人", "核查日期", "案件编号", "排除日期", "排除原因", "备注"])
        var conditions = ["1 = 1"]
        var arguments: StatementArguments = []
        if let township = request.township { conditions.append("x.township = ?"); arguments += [township] }
        if let school = request.school { conditions.append("x.school = ?"); arguments += [school] }
        let rows = try Row.fetchCursor(db, sql: "SELECT \(Suspect.columns) FROM \(Suspect.from) WHERE \(conditions.joined(separator: " AND ")) ORDER BY \(Suspect.order)", arguments: arguments)
        while let row = try rows.next() {
            let suspect = Suspect(row: row)
            var cells: [String] = [String(suspect.id), suspect.studentName, suspect.idNumber ?? "", suspect.student, suspect.birthYear.map(String.init) ?? "", suspect.householdRegion ?? ""]
            cells += [suspect.township, "", suspect.school ?? "", suspect.schoolName ?? "", suspect.status?.label(.zh) ?? "无学籍", Self.yesNo(suspect.registeredPoor)]
            cells += [CrosscheckReason.list(suspect.reasons, .zh), suspect.absentDays.map(String.init) ?? "", suspect.guardianName ?? "", suspect.guardianPhone ?? ""]
            cells += [suspect.firstFound.description, suspect.lastFound.description, suspect.state.label(.zh), suspect.category?.chinese ?? "", suspect.proof ?? ""]
            cells += [suspect.verifiedBy ?? "", suspect.verifiedOn?.description ?? "", suspect.caseID.map(String.init) ?? "", suspect.closedOn?.description ?? ""]
            cells += [suspect.closure.map(BilingualText.chinese) ?? "", suspect.note ?? ""]
            table.rows.append(cells)
        }
        return table
    }

    /// 辍学学生台账: the persuasion-return cases with the child (sex, grade, guardian with the phone
    /// masked), the dates the county files (辍学日期 from the registry, 立案, 复学, 销号), causes,
    /// the two responsible people (双线), visits, the legal steps taken (依法控辍), state and
    /// outcome (decision 103).
    private func dropoutLedger(_ db: Database, _ request: LedgerRequest) throws -> LedgerTable {
        var table = LedgerTable(kind: .dropout, headers: [
            "案件编号", "姓名", "性别", "身份证件号", "全国学籍号", "出生年份", "乡镇", Self.townshipNameHeader, "学校", "学校名称", "年级", "建档立卡",
            "监护人姓名", "监护人电话", "辍学日期", "立案日期", "立案来源", "辍学原因", "帮扶措施", "乡镇负责人", "学校负责人", "走访次数", "最近走访",
            "依法控辍", "送教课时", "案件状态", "结果", "复学日期", "销号日期", "观察期至",
        ])
        var conditions = ["1 = 1"]
        var arguments: StatementArguments = []
        if let township = request.township { conditions.append("c.township = ?"); arguments += [township] }
        if let school = request.school { conditions.append("c.school = ?"); arguments += [school] }
        // 辍学日期 is the registry's: the latest day the register took the child as dropped out
        // (`register_status`); a child it never listed so (a case for four weeks' absence, or
        // opened by hand) has none, and 立案日期 says when the case began.
        let rows = try Row.fetchCursor(db, sql: """
            SELECT c.*, s.name, s.sex, s.id_number, s.birth_date, s.grade, COALESCE(s.registered_poor, 0) AS registered_poor, sc.name AS school_name,
                s.guardian_name, s.guardian_phone,
                (SELECT MAX(r.since) FROM register_status r WHERE r.student = c.student AND r.status = 'droppedOut' AND r.since != '') AS dropped_out_on,
                (SELECT COUNT(*) FROM case_visit v WHERE v.case_id = c.id) AS visits,
                (SELECT MAX(date) FROM case_visit v WHERE v.case_id = c.id) AS last_visit,
                (SELECT group_concat(date || ' ' || step, char(10)) FROM (SELECT date, step FROM case_step p WHERE p.case_id = c.id ORDER BY date, id)) AS steps,
                (SELECT COALESCE(SUM(lessons), 0) FROM teaching_session t WHERE t.case_id = c.id) AS lessons
            FROM dropout_case c
            LEFT JOIN student s ON s.number = c.student
            LEFT JOIN school sc ON sc.code = c.school
            WHERE \(conditions.joined(separator: " AND "))
            ORDER BY registered_poor DESC, c.township, c.id
            """, arguments: arguments)
        while let row = try rows.next() {
            let state = CaseState(rawValue: row["state"]) ?? .open
            let origin = CaseOrigin(rawValue: row["origin"]) ?? .manual
            let outcome = (row["outcome"] as String?).flatMap(CaseOutcome.init(rawValue:))
            let causes: [DropoutCause] = CaseRow.decode(row["causes"])
            let measures: [CaseMeasure] = CaseRow.decode(row["measures"])
            let grade: Int? = row["grade"]
            // Back in a school of the county: a return, or a place in special education or a
            // vocational school (decision 82). The day is the case's closing day.
            let returned = state != .open && (outcome == .returned || outcome?.isPlacement == true)
            let id: Int64 = row["id"], name: String? = row["name"], sex: String? = row["sex"], idNumber: String? = row["id_number"], student: String = row["student"]
            let birth: String? = row["birth_date"], township: String = row["township"], school: String = row["school"], schoolName: String? = row["school_name"]
            let poor: Bool = row["registered_poor"], guardian: String? = row["guardian_name"], phone: String? = row["guardian_phone"]
            let droppedOutOn: String? = row["dropped_out_on"], openedOn: String = row["opened_on"]
            let official: String? = row["township_official"], teacher: String? = row["school_teacher"], visits: Int = row["visits"], lastVisit: String? = row["last_visit"]
            let steps: String? = row["steps"], lessons: Int = row["lessons"], closedOn: String? = row["closed_on"], probationUntil: String? = row["probation_until"]
            var cells: [String] = [String(id), name ?? "", sex.flatMap(Sex.init(rawValue:))?.label ?? "", idNumber.map(Masking.idNumber) ?? "", Masking.studentNumber(student)]
            cells += [birth.flatMap(CivilDate.init(parsing:)).map { String(Masking.birthYear($0)) } ?? "", township, "", school, schoolName ?? "", grade.map { SchoolGrade.label($0, .zh) } ?? "", Self.yesNo(poor)]
            cells += [guardian.map(Masking.personName) ?? "", phone.map(Masking.phone) ?? "", droppedOutOn ?? "", openedOn, Self.originLabel(origin)]
            cells += [DropoutCause.list(causes, .zh), CaseMeasure.list(measures, .zh), official ?? "", teacher ?? "", String(visits), lastVisit ?? ""]
            cells += [Self.legalSteps(steps), String(lessons), Self.caseStateLabel(state), outcome?.chinese ?? ""]
            cells += [returned ? (closedOn ?? "") : "", state == .closed ? (closedOn ?? "") : "", probationUntil ?? ""]
            table.rows.append(cells)
        }
        return table
    }

    /// The header of the column the gateway fills with the township's name (the monitor knows
    /// townships by code; the registry names them: decision 102). It follows the 乡镇 column.
    static let townshipNameHeader = LedgerTable.townshipNameHeader

    /// `2026-11-26 乡镇督促入学通知书；2026-12-10 处罚告知`: the legal ladder's steps in date order.
    static func legalSteps(_ text: String?) -> String {
        guard let text, !text.isEmpty else { return "" }
        return text.split(separator: "\n").map { line in
            let parts = line.split(separator: " ", maxSplits: 1)
            guard parts.count == 2 else { return String(line) }
            return "\(parts[0]) \(LegalStep(rawValue: String(parts[1]))?.chinese ?? String(parts[1]))"
        }.joined(separator: "；")
    }

    static func yesNo(_ flag: Bool) -> String { flag ? "是" : "否" }

    static func originLabel(_ origin: CaseOrigin) -> String {
        switch origin {
        case .dropoutReported: "学校报告辍学"
        case .absenceDropout: "连续无故缺课"
        case .crosscheck: "四查三比对核查"
        case .manual: "人工立案"
        }
    }

    static func caseStateLabel(_ state: CaseState) -> String {
        switch state {
        case .open: "劝返中"
        case .probation: "已复学观察中"
        case .closed: "已销号"
        }
    }
}
