import BaoxueContracts

/// Activities counted per month and kind (`GET /api/v1/care/activities/summary`).
struct ActivitySummaryForm: Equatable {
    var year: String?
    var township: String?
    var school: String?
    var bySchool: String?

    func query() throws(ServiceError) -> ActivitySummaryQuery {
        ActivitySummaryQuery(
            year: try FormField.year(year, required: true)!, township: try FormField.code(township, "township", digits: 9),
            school: try FormField.code(school, "school", digits: 10), bySchool: try FormField.flag(bySchool, "bySchool"))
    }
}

extension ActivitySummaryForm {
    init(query parameter: (String) -> String?) {
        self.init(year: parameter("year"), township: parameter("township"), school: parameter("school"), bySchool: parameter("bySchool"))
    }
}
