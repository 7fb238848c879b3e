import BaoxueContracts

/// People on a family list whom no school holds (`GET /api/v1/subsidy/rosters/unmatched`,
/// `baoxue subsidy unmatched`). The township may be the county code, as the lists route them.
struct UnmatchedListForm: Equatable {
    var township: String?
    var schoolAge: String?
    var limit: String?

    func query() throws(ServiceError) -> UnmatchedQuery {
        UnmatchedQuery(township: try FormField.code(township, "township", digits: [6, 9]), schoolAgeOnly: try FormField.flag(schoolAge, "schoolAge"), limit: try FormField.limit(limit, default: 100))
    }
}

extension UnmatchedListForm {
    init(query parameter: (String) -> String?) {
        self.init(township: parameter("township"), schoolAge: parameter("schoolAge"), limit: parameter("limit"))
    }
}
