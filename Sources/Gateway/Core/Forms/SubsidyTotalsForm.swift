import BaoxueContracts

/// The year's aid (`GET /api/v1/subsidy/totals`, `baoxue subsidy totals`).
struct SubsidyTotalsForm: Equatable {
    var year: String?
    var township: String?
    var school: String?

    func query() throws(ServiceError) -> TotalsQuery {
        TotalsQuery(year: try FormField.year(year, required: true)!, township: try FormField.code(township, "township", digits: 9), school: try FormField.code(school, "school", digits: 10))
    }
}

extension SubsidyTotalsForm {
    init(query parameter: (String) -> String?) {
        self.init(year: parameter("year"), township: parameter("township"), school: parameter("school"))
    }
}
