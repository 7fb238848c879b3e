import BaoxueContracts

/// Which notices to list (`GET /api/v1/care/notices`): by place, or one surrogate parent's.
struct NoticeListForm: Equatable {
    var township: String?
    var school: String?
    var surrogate: String?
    var limit: String?

    func query() throws(ServiceError) -> NoticeQuery {
        NoticeQuery(
            township: try FormField.code(township, "township", digits: 9), school: try FormField.code(school, "school", digits: 10),
            surrogate: try surrogate.map { text throws(ServiceError) in try FormField.recordID(text, "surrogate") }, limit: try FormField.limit(limit, default: 100))
    }
}

extension NoticeListForm {
    init(query parameter: (String) -> String?) {
        self.init(township: parameter("township"), school: parameter("school"), surrogate: parameter("surrogate"), limit: parameter("limit"))
    }
}
