import BaoxueContracts

/// A status change as a person gives it (`POST /api/v1/students/{key}/changes`, `baoxue student
/// change`): the kind by code or Chinese label, dates as typed.
struct ChangeForm: JSONForm, Equatable {
    var kind: String
    var date: String?
    var documents: [String]?
    var reason: String?
    var toSchool: String?
    var outOfCounty: Bool?
    var expectedEnd: String?
    /// The grade at the receiving school (transferIn, return), as ``SchoolGrade`` numbers it.
    var grade: Int?

    static let fields: Set<String> = ["kind", "date", "documents", "reason", "toSchool", "outOfCounty", "expectedEnd", "grade"]

    /// The change for `student`, dated `today` unless a date is given.
    func request(student: String, today: CivilDate) throws(ServiceError) -> StatusChangeRequest {
        guard let kind: StatusChangeKind = try FormField.choice(kind, "kind") else { throw FormField.unknown("kind", kind, StatusChangeKind.choices) }
        return StatusChangeRequest(
            student: student, kind: kind, date: try FormField.date(date, "date") ?? today,
            documents: (documents ?? []).map(TextNormalization.field).filter { !$0.isEmpty }, reason: reason, toSchool: toSchool.map(TextNormalization.field),
            outOfCounty: outOfCounty, expectedEnd: try FormField.date(expectedEnd, "expectedEnd"), grade: grade)
    }
}
