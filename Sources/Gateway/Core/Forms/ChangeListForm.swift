import BaoxueContracts

/// Which status changes to list (`GET /api/v1/changes`, `baoxue student changes`).
struct ChangeListForm: Equatable {
    var township: String?
    var school: String?
    var incomplete: String?
    var limit: String?

    /// The form as a query string gives it (`?township=&school=&incomplete=&limit=`).
    init(query parameter: (String) -> String?) {
        self.init(township: parameter("township"), school: parameter("school"), incomplete: parameter("incomplete"), limit: parameter("limit"))
    }

    init(township: String? = nil, school: String? = nil, incomplete: String? = nil, limit: String? = nil) {
        self.township = township
        self.school = school
        self.incomplete = incomplete
        self.limit = limit
    }

    func query() throws(ServiceError) -> ChangeQuery {
        ChangeQuery(
            township: try FormField.code(township, "township", digits: 9), school: try FormField.code(school, "school", digits: 10),
            incompleteOnly: try FormField.flag(incomplete, "incomplete"), limit: try FormField.limit(limit, default: 100))
    }
}
