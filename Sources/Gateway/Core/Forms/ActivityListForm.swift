import BaoxueContracts

/// Which activities to list (`GET /api/v1/care/activities`).
struct ActivityListForm: Equatable {
    var township: String?
    var school: String?
    var kind: String?
    var from: String?
    var to: String?
    var limit: String?

    func query() throws(ServiceError) -> ActivityQuery {
        ActivityQuery(
            township: try FormField.code(township, "township", digits: 9), school: try FormField.code(school, "school", digits: 10),
            kind: try FormField.choice(kind, "kind"), from: try FormField.date(from, "from"), to: try FormField.date(to, "to"), limit: try FormField.limit(limit, default: 100))
    }
}

extension ActivityListForm {
    init(query parameter: (String) -> String?) {
        self.init(township: parameter("township"), school: parameter("school"), kind: parameter("kind"), from: parameter("from"), to: parameter("to"), limit: parameter("limit"))
    }
}
