import BaoxueContracts

/// Which responsibility documents to list, or to score (a year is then required): `GET
/// /api/v1/targets`, `/targets/score`, `baoxue target list|score`.
struct TargetListForm: Equatable {
    var year: String?
    var township: String?
    var school: String?

    func query() throws(ServiceError) -> TargetQuery {
        TargetQuery(year: try FormField.year(year, required: false), township: try FormField.code(township, "township", digits: 9), school: try FormField.code(school, "school", digits: 10))
    }

    func scoreQuery() throws(ServiceError) -> TargetScoreQuery {
        TargetScoreQuery(year: try FormField.year(year, required: true)!, township: try FormField.code(township, "township", digits: 9), school: try FormField.code(school, "school", digits: 10))
    }
}

extension TargetListForm {
    /// The form as a query string gives it (`?year=&township=&school=`).
    init(query parameter: (String) -> String?) {
        self.init(year: parameter("year"), township: parameter("township"), school: parameter("school"))
    }
}
