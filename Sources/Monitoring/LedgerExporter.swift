import BaoxueContracts
import Foundation
import GRDB

/// The county's three ledgers of rule 5 (台账: 适龄儿童, 疑似辍学, 辍学), exported as tables of
/// final text with Chinese headers: the form the county files and reports. Every ID number and
/// phone is masked here, before the table leaves the service (decision 48). Registered-poor
/// children first.
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
        var table = LedgerTable(kind: .schoolAge, headers: ["序号", "姓名", "身份证件号", "出生日期", "年龄", "户籍地区划代码", "乡镇", Self.townshipNameHeader, "学籍状态", "学校", "学校名称", "年级", "建档立卡", "监护人姓名", "监护人电话", "疑似辍学"])
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
            ORDER BY registered_poor DESC, township, s.school, r.id_number
            """, arguments: arguments)
        while let row = try rows.next() {
            let idNumber: String = row["id_number"]
            let birth = IDNumber.birthDate(inText: idNumber)
            let status = (row["status"] as String?).flatMap(StudentStatus.init(rawValue:))
            let grade: Int? = row["grade"]
            let name: String = row["name"], region: String = row["region"], township: String = row["township"]
            let school: String? = row["school"], schoolName: String? = row["school_name"], poor: Bool = row["registered_poor"]
            let guardian: String? = row["guardian_name"], phone: String? = row["guardian_phone"], suspect: String? = row["suspect_state"]
            var cells: [String] = [String(table.rows.count + 1), name, IDNumber.maskedText(idNumber), birth?.description ?? "", birth.map { String($0.age(on: today)) } ?? ""]
            cells += [region, township, "", status?.label(.zh) ?? "无学籍", school ?? "", schoolName ?? "", grade.map { SchoolGrade.label($0, .zh) } ?? ""]
            cells += [Self.yesNo(poor), guardian ?? "", phone.map(FieldParsing.maskedPhone) ?? "", suspect.flatMap(SuspectState.init(rawValue:))?.label(.zh) ?? ""]
            table.rows.append(cells)
        }
        return table
    }

    /// 疑似辍学学生台账: every suspect the cross-check ever held, open, verified or cleared.
    private func suspectLedger(_ db: Database, _ request: LedgerRequest) throws -> LedgerTable {
        var table = LedgerTable(kind: .suspect, headers: ["疑似编号", "姓名", "身份证件号", "全国学籍号", "出生日期", "户籍地区划代码", "乡镇", Self.townshipNameHeader, "学校", "学校名称", "学籍状态", "建档立卡", "疑似原因", "无故缺课天数", "监护人姓名", "监护人电话", "首次发现", "最近发现", "核查状态", "核查结果", "证明材料", "核查人", "核查日期", "案件编号", "排除日期", "排除原因", "备注"])
        var conditions = ["1 = 1"]
        var arguments: StatementArguments = []
        if let township = request.township { conditions.append("x.township = ?"); arguments += [township] }
        if let school = request.school { conditions.append("x.school = ?"); arguments += [school] }
        let rows = try Row.fetchCursor(db, sql: "SELECT \(Suspect.columns) FROM \(Suspect.from) WHERE \(conditions.joined(separator: " AND ")) ORDER BY \(Suspect.order)", arguments: arguments)
        while let row = try rows.next() {
            let suspect = Suspect(row: row)
            var cells: [String] = [String(suspect.id), suspect.studentName, suspect.idNumber ?? "", suspect.student, suspect.birthDate?.description ?? "", suspect.householdRegion ?? ""]
            cells += [suspect.township, "", suspect.school ?? "", suspect.schoolName ?? "", suspect.status?.label(.zh) ?? "无学籍", Self.yesNo(suspect.registeredPoor)]
            cells += [CrosscheckReason.list(suspect.reasons, .zh), suspect.absentDays.map(String.init) ?? "", suspect.guardianName ?? "", suspect.guardianPhone ?? ""]
            cells += [suspect.firstFound.description, suspect.lastFound.description, suspect.state.label(.zh), suspect.category?.chinese ?? "", suspect.proof ?? ""]
            cells += [suspect.verifiedBy ?? "", suspect.verifiedOn?.description ?? "", suspect.caseID.map(String.init) ?? "", suspect.closedOn?.description ?? ""]
            cells += [suspect.closure.map(BilingualText.chinese) ?? "", suspect.note ?? ""]
            table.rows.append(cells)
        }
        return table
    }

    /// 辍学学生台账: the persuasion-return cases with the child, causes, the two responsible
    /// people (双线), visits, state and outcome.
    private func dropoutLedger(_ db: Database, _ request: LedgerRequest) throws -> LedgerTable {
        var table = LedgerTable(kind: .dropout, headers: ["案件编号", "姓名", "身份证件号", "全国学籍号", "出生日期", "乡镇", Self.townshipNameHeader, "学校", "学校名称", "年级", "建档立卡", "立案日期", "立案来源", "辍学原因", "帮扶措施", "乡镇负责人", "学校负责人", "走访次数", "最近走访", "送教课时", "案件状态", "结果", "销号日期", "观察期至"])
        var conditions = ["1 = 1"]
        var arguments: StatementArguments = []
        if let township = request.township { conditions.append("c.township = ?"); arguments += [township] }
        if let school = request.school { conditions.append("c.school = ?"); arguments += [school] }
        let rows = try Row.fetchCursor(db, sql: """
            SELECT c.*, s.name, s.id_number, s.birth_date, s.grade, COALESCE(s.registered_poor, 0) AS registered_poor, sc.name AS school_name,
                (SELECT COUNT(*) FROM case_visit v WHERE v.case_id = c.id) AS visits,
                (SELECT MAX(date) FROM case_visit v WHERE v.case_id = c.id) AS last_visit,
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
            let causes: [DropoutCause] = CaseRow.decode(row["causes"])
            let measures: [CaseMeasure] = CaseRow.decode(row["measures"])
            let grade: Int? = row["grade"]
            let township: String = row["township"], school: String = row["school"]
            table.rows.append([
                String(row["id"] as Int64), row["name"] ?? "", (row["id_number"] as String?).map(IDNumber.maskedText) ?? "", StudentNumber.maskedText(row["student"]),
                row["birth_date"] ?? "", township, "", school, row["school_name"] ?? "", grade.map { SchoolGrade.label($0, .zh) } ?? "", Self.yesNo(row["registered_poor"]),
                row["opened_on"], Self.originLabel(origin), DropoutCause.list(causes, .zh), CaseMeasure.list(measures, .zh), row["township_official"] ?? "",
                row["school_teacher"] ?? "", String(row["visits"] as Int), row["last_visit"] ?? "", String(row["lessons"] as Int), Self.caseStateLabel(state),
                (row["outcome"] as String?).flatMap(CaseOutcome.init(rawValue:))?.chinese ?? "", state == .closed ? (row["closed_on"] ?? "") : "",
                row["probation_until"] ?? "",
            ])
        }
        return table
    }

    /// The header of the column the gateway fills with the township's name (the monitor knows
    /// townships by code; the registry names them: decision 102). It follows the 乡镇 column.
    static let townshipNameHeader = LedgerTable.townshipNameHeader

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
