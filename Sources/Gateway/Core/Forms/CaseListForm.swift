import BaoxueContracts

/// Which cases to list (`GET /api/v1/cases`, `baoxue case list`).
struct CaseListForm: Equatable {
    var township: String?
    var school: String?
    var state: String?
    var limit: String?

    func query() throws(ServiceError) -> CaseQuery {
        CaseQuery(
            township: try FormField.code(township, "township", digits: 9), school: try FormField.code(school, "school", digits: 10),
            state: try FormField.choice(state, "state"), limit: try FormField.limit(limit, default: 100))
    }
}

extension CaseListForm {
    /// The form as a query string gives it (`?township=&school=&state=&limit=`).
    init(query parameter: (String) -> String?) {
        self.init(township: parameter("township"), school: parameter("school"), state: parameter("state"), limit: parameter("limit"))
    }
}
