import BaoxueContracts

/// A year-end promotion as a person asks for it (`POST /api/v1/students/promote`, `baoxue
/// student promote`): one school, one township or the county, dated today unless a date is given.
struct PromotionForm: JSONForm, Equatable {
    var school: String?
    var township: String?
    var date: String?
    var dryRun: Bool?

    static let fields: Set<String> = ["school", "township", "date", "dryRun"]

    func request(today: CivilDate) throws(ServiceError) -> PromotionRequest {
        let school = try FormField.code(school, "school", digits: 10)
        let township = try FormField.code(township, "township", digits: 9)
        if school != nil, township != nil {
            throw ServiceError(.requestInvalid, "school与township只能给一个 (give school or township, not both)", problems: [FieldProblem(field: "township", reason: "not with school")])
        }
        return PromotionRequest(school: school, township: township, date: try FormField.date(date, "date") ?? today, dryRun: dryRun ?? false)
    }
}
