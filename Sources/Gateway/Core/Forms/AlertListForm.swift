import BaoxueContracts

/// Which alerts to list, and whose (`GET /api/v1/alerts`, `baoxue alert list`).
struct AlertListForm: Equatable {
    var township: String?
    var school: String?
    var state: String?
    var rule: String?
    var limit: String?
    var service: String?

    /// Whose alerts: the monitor's unless `service` names another alerting service.
    func alertingService() throws(ServiceError) -> ServiceName { try FormField.alertingService(service) }

    func query() throws(ServiceError) -> AlertQuery {
        AlertQuery(
            township: try FormField.code(township, "township", digits: 9), school: try FormField.code(school, "school", digits: 10),
            state: try FormField.choice(state, "state"), rule: try FormField.choice(rule, "rule"), limit: try FormField.limit(limit, default: 100))
    }
}

extension AlertListForm {
    /// The form as a query string gives it (`?township=&school=&state=&rule=&limit=&service=`).
    init(query parameter: (String) -> String?) {
        self.init(township: parameter("township"), school: parameter("school"), state: parameter("state"), rule: parameter("rule"), limit: parameter("limit"), service: parameter("service"))
    }
}
