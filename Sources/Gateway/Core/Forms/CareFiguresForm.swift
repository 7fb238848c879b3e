import BaoxueContracts

/// The care figures of a year (`GET /api/v1/care/figures`).
struct CareFiguresForm: Equatable {
    var year: String?
    var township: String?

    func query() throws(ServiceError) -> CareFiguresQuery {
        CareFiguresQuery(year: try FormField.year(year, required: true)!, township: try FormField.code(township, "township", digits: 9))
    }
}

extension CareFiguresForm {
    init(query parameter: (String) -> String?) {
        self.init(year: parameter("year"), township: parameter("township"))
    }
}
