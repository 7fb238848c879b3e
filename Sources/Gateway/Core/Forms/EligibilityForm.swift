import BaoxueContracts

/// Who is eligible for aid in a term (`GET /api/v1/subsidy/eligible`, `baoxue subsidy eligible`).
struct EligibilityForm: Equatable {
    var term: String?
    var township: String?
    var school: String?
    var program: String?
    var limit: String?
    var cursor: String?

    func query() throws(ServiceError) -> EligibilityQuery {
        EligibilityQuery(
            term: try FormField.term(term, required: true)!, township: try FormField.code(township, "township", digits: 9),
            school: try FormField.code(school, "school", digits: 10), program: try FormField.program(program, required: false),
            limit: try FormField.limit(limit, default: 100), cursor: cursor.flatMap { $0.isEmpty ? nil : $0 })
    }
}

extension EligibilityForm {
    /// The form as a query string gives it.
    init(query parameter: (String) -> String?) {
        self.init(term: parameter("term"), township: parameter("township"), school: parameter("school"), program: parameter("program"), limit: parameter("limit"), cursor: parameter("cursor"))
    }
}
