import BaoxueContracts

/// A care list filtered by place only (flagged children, homes, surrogate parents, the gaps).
struct CareScopeForm: Equatable {
    var township: String?
    var school: String?
    var limit: String?

    func query() throws(ServiceError) -> CareScopeQuery {
        CareScopeQuery(township: try FormField.code(township, "township", digits: 9), school: try FormField.code(school, "school", digits: 10), limit: try FormField.limit(limit, default: 100))
    }
}

extension CareScopeForm {
    init(query parameter: (String) -> String?) {
        self.init(township: parameter("township"), school: parameter("school"), limit: parameter("limit"))
    }
}
