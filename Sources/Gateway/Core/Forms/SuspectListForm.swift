import BaoxueContracts

/// Which suspects of the cross-check to list (`GET /api/v1/crosscheck`, `baoxue crosscheck list`).
/// The township may be the 6-digit county code, where suspects registered at county level are
/// routed (decision 46).
struct SuspectListForm: Equatable {
    var township: String?
    var school: String?
    var reason: String?
    var state: String?
    var limit: String?

    func query() throws(ServiceError) -> SuspectQuery {
        var query = SuspectQuery(
            township: try FormField.code(township, "township", digits: [6, 9]), school: try FormField.code(school, "school", digits: 10),
            limit: try FormField.limit(limit, default: 100))
        query.reason = try FormField.choice(reason, "reason")
        if let state: SuspectState = try FormField.choice(state, "state") { query.state = state }
        return query
    }
}

extension SuspectListForm {
    /// The form as a query string gives it (`?township=&school=&reason=&state=&limit=`).
    init(query parameter: (String) -> String?) {
        self.init(township: parameter("township"), school: parameter("school"), reason: parameter("reason"), state: parameter("state"), limit: parameter("limit"))
    }
}
