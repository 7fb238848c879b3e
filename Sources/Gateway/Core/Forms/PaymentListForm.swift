import BaoxueContracts

/// Which payments to list (`GET /api/v1/subsidy/payments`, `baoxue subsidy payments`); a student
/// key (ID number or student number) lists one child's.
struct PaymentListForm: Equatable {
    var term: String?
    var program: String?
    var batch: String?
    var state: String?
    var township: String?
    var school: String?
    var student: String?
    var limit: String?

    func query() throws(ServiceError) -> PaymentQuery {
        PaymentQuery(
            term: try FormField.term(term, required: false), program: try FormField.program(program, required: false),
            batch: try batch.map { text throws(ServiceError) in try FormField.recordID(text, "batch") }, state: try FormField.choice(state, "state"),
            township: try FormField.code(township, "township", digits: 9), school: try FormField.code(school, "school", digits: 10),
            student: student.map(TextNormalization.field).flatMap { $0.isEmpty ? nil : $0 }, limit: try FormField.limit(limit, default: 100))
    }
}

extension PaymentListForm {
    init(query parameter: (String) -> String?) {
        self.init(term: parameter("term"), program: parameter("program"), batch: parameter("batch"), state: parameter("state"), township: parameter("township"), school: parameter("school"), student: parameter("student"), limit: parameter("limit"))
    }
}
