import BaoxueContracts

/// A status change as a person gives it (`POST /api/v1/students/{key}/changes`, `baoxue student
/// change`): the kind and a dropout's causes by code or Chinese label, dates as typed.
struct ChangeForm: JSONForm, Equatable {
    var kind: String
    var date: String?
    var documents: [String]?
    /// A dropout's causes (`厌学`, `work`, …); the registry requires at least one for a dropout
    /// and refuses them on any other kind.
    var causes: [String]?
    var reason: String?
    var toSchool: String?
    var outOfCounty: Bool?
    var expectedEnd: String?
    /// The grade at the receiving school (transferIn, return), as ``SchoolGrade`` numbers it.
    var grade: Int?

    static let fields: Set<String> = ["kind", "date", "documents", "causes", "reason", "toSchool", "outOfCounty", "expectedEnd", "grade"]

    /// The change for `student`, dated `today` unless a date is given.
    func request(student: String, today: CivilDate) throws(ServiceError) -> StatusChangeRequest {
        guard let kind: StatusChangeKind = try FormField.choice(kind, "kind") else { throw FormField.unknown("kind", kind, StatusChangeKind.choices) }
        return StatusChangeRequest(
            student: student, kind: kind, date: try FormField.date(date, "date") ?? today,
            documents: (documents ?? []).map(TextNormalization.field).filter { !$0.isEmpty }, causes: try Self.causes(causes), reason: reason, toSchool: toSchool.map(TextNormalization.field),
            outOfCounty: outOfCounty, expectedEnd: try FormField.date(expectedEnd, "expectedEnd"), grade: grade)
    }

    /// Each cause by code or Chinese label; an unknown one is refused naming it and the choices,
    /// in both languages (the generic "unknown value" message lists them in English only).
    static func causes(_ texts: [String]?) throws(ServiceError) -> [DropoutCause]? {
        guard let texts else { return nil }
        guard texts.count <= DropoutCause.allCases.count else {
            throw ServiceError(.requestInvalid, "causes最多\(DropoutCause.allCases.count)项 (causes: at most \(DropoutCause.allCases.count))", problems: [FieldProblem(field: "causes", reason: "at most \(DropoutCause.allCases.count)")])
        }
        var causes: [DropoutCause] = []
        for text in texts {
            guard let cause = DropoutCause(label: text) else {
                throw ServiceError(.requestInvalid, DropoutCause.unknownMessage(text), problems: [FieldProblem(field: "causes", reason: "one of \(DropoutCause.accepted)")])
            }
            causes.append(cause)
        }
        return causes
    }
}
