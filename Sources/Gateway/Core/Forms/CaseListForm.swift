import BaoxueContracts

/// Which cases to list (`GET /api/v1/cases`, `baoxue case list`).
struct CaseListForm: Equatable {
    var township: String?
    var school: String?
    var state: String?
    var limit: String?

    /// The form as a query string gives it (`?township=&school=&state=&limit=`).
    init(query parameter: (String) -> String?) {
        self.init(township: parameter("township"), school: parameter("school"), state: parameter("state"), limit: parameter("limit"))
    }

    init(township: String? = nil, school: String? = nil, state: String? = nil, limit: String? = nil) {
        self.township = township
        self.school = school
        self.state = state
        self.limit = limit
    }

    func query() throws(ServiceError) -> CaseQuery {
        CaseQuery(
            township: try FormField.code(township, "township", digits: 9), school: try FormField.code(school, "school", digits: 10),
            state: try FormField.choice(state, "state"), limit: try FormField.limit(limit, default: 100))
    }
}
