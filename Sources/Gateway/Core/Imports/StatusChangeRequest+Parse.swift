import BaoxueCSV
import BaoxueContracts

extension StatusChangeRequest {
    /// One row of a file of changes, read by the same ``ChangeForm`` as `student change` and the
    /// HTTP API, so a kind, a cause or a date means the same in all three; every problem of the
    /// row named by its column.
    static func parse(_ fields: [ChangeField: String], today: CivilDate) -> Result<StatusChangeRequest, RecordProblems> {
        func text(_ field: ChangeField) -> String? {
            let value = TextNormalization.field(fields[field] ?? "")
            return value.isEmpty ? nil : value
        }
        var problems: [FieldProblem] = []
        let key = text(.student) ?? ""
        var student: String?
        if let id = try? IDNumber(validating: key) {
            student = id.value
        } else if let number = try? StudentNumber(validating: key) {
            student = number.value
        } else {
            problems.append(FieldProblem(field: ChangeField.student.header, reason: "应为身份证件号或全国学籍号 (an ID number or a student number)"))
        }
        var grade: Int?
        if let typed = text(.grade) {
            grade = FieldParsing.grade(typed)
            if grade == nil { problems.append(FieldProblem(field: ChangeField.grade.header, reason: "年级如 一年级、初二、高一 或数字 (a grade such as 一年级, 初二, 高一 or a number)")) }
        }
        var outOfCounty: Bool?
        if let typed = text(.outOfCounty) {
            switch typed.lowercased() {
            case "是", "yes", "true", "1": outOfCounty = true
            case "否", "no", "false", "0": outOfCounty = nil
            default: problems.append(FieldProblem(field: ChangeField.outOfCounty.header, reason: "填 是 或 否 (是 or 否)"))
            }
        }
        let form = ChangeForm(
            kind: text(.kind) ?? "", date: text(.date), documents: text(.documents).map(FormField.list), causes: text(.causes).map(FormField.list), reason: text(.reason),
            toSchool: text(.toSchool), outOfCounty: outOfCounty, expectedEnd: text(.expectedEnd), grade: grade)
        do {
            let request = try form.request(student: student ?? "", today: today)
            guard problems.isEmpty else { return .failure(RecordProblems(problems)) }
            return .success(request)
        } catch {
            let named = (error.problems ?? []).map { FieldProblem(field: ChangeField(requestField: $0.field)?.header ?? $0.field, reason: error.message) }
            return .failure(RecordProblems(problems + (named.isEmpty ? [FieldProblem(field: ChangeField.kind.header, reason: error.message)] : named)))
        }
    }
}

extension RowChecker where Column == ChangeField, Record == StatusChangeRequest {
    /// A child may appear on several rows (out, then in): nothing must be unique.
    static func changes(today: CivilDate) -> Self {
        RowChecker(unique: []) { StatusChangeRequest.parse($0, today: today) }
    }
}
