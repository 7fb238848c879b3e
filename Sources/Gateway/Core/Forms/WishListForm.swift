import BaoxueContracts

/// Which wishes to list (`GET /api/v1/care/wishes`, and the donor list).
struct WishListForm: Equatable {
    var township: String?
    var school: String?
    var state: String?
    var limit: String?

    func query() throws(ServiceError) -> WishQuery {
        WishQuery(
            township: try FormField.code(township, "township", digits: 9), school: try FormField.code(school, "school", digits: 10),
            state: try FormField.choice(state, "state"), limit: try FormField.limit(limit, default: 100))
    }
}

extension WishListForm {
    init(query parameter: (String) -> String?) {
        self.init(township: parameter("township"), school: parameter("school"), state: parameter("state"), limit: parameter("limit"))
    }
}
