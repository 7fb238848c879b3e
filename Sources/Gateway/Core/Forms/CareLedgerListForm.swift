import BaoxueContracts

/// Which recorded children to list (`GET /api/v1/care/ledger`, `baoxue care ledger list`): on the
/// ledger by default.
struct CareLedgerListForm: Equatable {
    var township: String?
    var school: String?
    var state: String?
    var reason: String?
    var withoutSurrogate: String?
    var limit: String?

    func query() throws(ServiceError) -> LedgerQuery {
        LedgerQuery(
            township: try FormField.code(township, "township", digits: 9), school: try FormField.code(school, "school", digits: 10),
            state: try FormField.choice(state, "state"), reason: try FormField.choice(reason, "reason"),
            withoutSurrogate: try FormField.flag(withoutSurrogate, "withoutSurrogate") ? true : nil, limit: try FormField.limit(limit, default: 100))
    }
}

extension CareLedgerListForm {
    /// The form as a query string gives it.
    init(query parameter: (String) -> String?) {
        self.init(township: parameter("township"), school: parameter("school"), state: parameter("state"), reason: parameter("reason"), withoutSurrogate: parameter("withoutSurrogate"), limit: parameter("limit"))
    }
}
