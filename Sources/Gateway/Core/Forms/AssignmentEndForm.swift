import BaoxueContracts

/// A child's surrogate parent stepping down (`POST /api/v1/care/children/{key}/surrogate/end`).
struct AssignmentEndForm: JSONForm, Equatable {
    var reason: String
    var date: String?

    static let fields: Set<String> = ["reason", "date"]

    func request(student: String) throws(ServiceError) -> AssignmentEnd {
        AssignmentEnd(student: student, reason: reason, date: try FormField.date(date, "date"))
    }
}
