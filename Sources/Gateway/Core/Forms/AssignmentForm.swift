import BaoxueContracts

/// A child given to a surrogate parent (`POST /api/v1/care/children/{key}/surrogate`).
struct AssignmentForm: JSONForm, Equatable {
    var surrogate: Int64
    var date: String?

    static let fields: Set<String> = ["surrogate", "date"]

    func request(student: String) throws(ServiceError) -> AssignmentRequest {
        guard surrogate > 0 else { throw FormField.positive("surrogate") }
        return AssignmentRequest(student: student, surrogate: surrogate, date: try FormField.date(date, "date"))
    }
}
