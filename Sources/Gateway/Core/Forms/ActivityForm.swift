import BaoxueContracts

/// A care activity for one child or a group (`POST /api/v1/care/activities`).
struct ActivityForm: JSONForm, Equatable {
    var kind: String
    var school: String
    var students: [String]
    var participants: Int?
    var note: String?
    var date: String?

    static let fields: Set<String> = ["kind", "school", "students", "participants", "note", "date"]

    func request() throws(ServiceError) -> ActivityRequest {
        guard let kind: ActivityKind = try FormField.choice(kind, "kind") else { throw FormField.required("kind") }
        guard let school = try FormField.code(school, "school", digits: 10) else { throw FormField.required("school") }
        return ActivityRequest(kind: kind, school: school, students: students.map(TextNormalization.field), participants: participants, note: note, date: try FormField.date(date, "date"))
    }
}
