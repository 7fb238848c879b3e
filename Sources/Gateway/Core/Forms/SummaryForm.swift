import BaoxueContracts

/// Which year's summary or KPI sheet, and of which township: `GET /api/v1/reports/summary`,
/// `/reports/kpis`, `baoxue report summary|kpis`. The year is required.
struct SummaryForm: Equatable {
    var year: String?
    var township: String?

    func checked() throws(ServiceError) -> (year: Int, township: String?) {
        (try FormField.year(year, required: true)!, try FormField.code(township, "township", digits: 9))
    }
}

extension SummaryForm {
    init(query parameter: (String) -> String?) {
        self.init(year: parameter("year"), township: parameter("township"))
    }
}
