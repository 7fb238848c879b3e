import BaoxueContracts

/// A case opened by hand for one child (`POST /api/v1/cases`, `baoxue case open`).
struct OpenCaseForm: JSONForm, Equatable {
    var student: String
    var causes: [String]?
    var note: String?

    static let fields: Set<String> = ["student", "causes", "note"]

    func request() throws(ServiceError) -> OpenCaseRequest {
        OpenCaseRequest(student: student, causes: try FormField.choices(causes, "causes", maximum: DropoutCause.allCases.count), note: note)
    }
}
