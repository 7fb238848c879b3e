import BaoxueContracts

/// Which status changes to list (`GET /api/v1/changes`, `baoxue student changes`).
struct ChangeListForm: Equatable {
    var township: String?
    var school: String?
    var incomplete: String?
    var limit: String?

    func query() throws(ServiceError) -> ChangeQuery {
        ChangeQuery(
            township: try FormField.code(township, "township", digits: 9), school: try FormField.code(school, "school", digits: 10),
            incompleteOnly: try FormField.flag(incomplete, "incomplete"), limit: try FormField.limit(limit, default: 100))
    }
}

extension ChangeListForm {
    /// The form as a query string gives it (`?township=&school=&incomplete=&limit=`).
    init(query parameter: (String) -> String?) {
        self.init(township: parameter("township"), school: parameter("school"), incomplete: parameter("incomplete"), limit: parameter("limit"))
    }
}
