import BaoxueContracts

/// The JSON body of `POST /api/v1/students/{key}/changes`.
struct ChangeForm: Decodable {
    var kind: String
    var date: String?
    var documents: [String]?
    var reason: String?
    var toSchool: String?
    var outOfCounty: Bool?
    var expectedEnd: String?

    static let fields: Set<String> = ["kind", "date", "documents", "reason", "toSchool", "outOfCounty", "expectedEnd"]

    func request(student: String) throws -> StatusChangeRequest {
        guard let kindValue = StatusChangeKind(label: kind) else {
            throw ServiceError(.requestInvalid, "未知变动类型“\(kind)” (unknown change kind; use one of \(StatusChangeKind.allCases.map(\.rawValue).joined(separator: ", ")))", problems: [FieldProblem(field: "kind", reason: "unknown change kind")])
        }
        func parseDate(_ text: String?, field: String) throws -> CivilDate? {
            guard let text else { return nil }
            guard let value = CivilDate(parsing: text) else {
                throw ServiceError(.requestInvalid, "\(field)不是有效日期 (\(field) is not a date, expected YYYY-MM-DD)", problems: [FieldProblem(field: field, reason: "expected YYYY-MM-DD")])
            }
            return value
        }
        return StatusChangeRequest(
            student: student, kind: kindValue, date: try parseDate(date, field: "date") ?? Timestamp.todayInChina(),
            documents: documents ?? [], reason: reason, toSchool: toSchool, outOfCounty: outOfCounty,
            expectedEnd: try parseDate(expectedEnd, field: "expectedEnd"))
    }
}
