import BaoxueContracts

/// "不漏一人" for a term (`GET /api/v1/subsidy/coverage`, `baoxue subsidy coverage`).
struct CoverageForm: Equatable {
    var term: String?
    var program: String?
    var township: String?
    var school: String?
    var limit: String?

    func query() throws(ServiceError) -> CoverageQuery {
        CoverageQuery(
            term: try FormField.term(term, required: true)!, program: try FormField.program(program, required: false),
            township: try FormField.code(township, "township", digits: 9), school: try FormField.code(school, "school", digits: 10),
            limit: try FormField.limit(limit, default: 100))
    }
}

extension CoverageForm {
    init(query parameter: (String) -> String?) {
        self.init(term: parameter("term"), program: parameter("program"), township: parameter("township"), school: parameter("school"), limit: parameter("limit"))
    }
}
