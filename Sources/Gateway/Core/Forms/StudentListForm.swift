import BaoxueContracts

/// Which students to list, and how many (`GET /api/v1/students`, `baoxue student list`).
struct StudentListForm: Equatable {
    var school: String?
    var township: String?
    var status: String?
    var text: String?
    var limit: String?
    var cursor: String?

    func query() throws(ServiceError) -> StudentQuery {
        StudentQuery(
            school: try FormField.code(school, "school", digits: 10), township: try FormField.code(township, "township", digits: 9),
            status: try FormField.choice(status, "status"), text: text.flatMap { $0.isEmpty ? nil : $0 },
            limit: try FormField.limit(limit, default: 50), cursor: cursor.flatMap { $0.isEmpty ? nil : $0 })
    }
}

extension StudentListForm {
    /// The form as a query string gives it (`?school=&township=&status=&q=&limit=&cursor=`).
    init(query parameter: (String) -> String?) {
        self.init(school: parameter("school"), township: parameter("township"), status: parameter("status"), text: parameter("q"), limit: parameter("limit"), cursor: parameter("cursor"))
    }
}
