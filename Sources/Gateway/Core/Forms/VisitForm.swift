import BaoxueContracts

/// One home visit (上门劝返) on a case.
struct VisitForm: JSONForm, Equatable {
    var date: String?
    var visitors: [String]
    var outcome: String
    var nextVisit: String?
    var campaign: String?

    static let fields: Set<String> = ["date", "visitors", "outcome", "nextVisit", "campaign"]

    func request(id: Int64, today: CivilDate) throws(ServiceError) -> VisitRequest {
        VisitRequest(
            id: id, date: try FormField.date(date, "date") ?? today, visitors: visitors, outcome: outcome,
            nextVisit: try FormField.date(nextVisit, "nextVisit"), campaign: campaign)
    }
}
