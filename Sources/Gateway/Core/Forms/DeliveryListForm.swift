import BaoxueContracts
import Delivery

/// Which alert deliveries to list (`GET /api/v1/alerts/deliveries`, `baoxue alert deliveries`).
struct DeliveryListForm: Equatable {
    var failed: String?
    var state: String?
    var township: String?
    var limit: String?

    func query() throws(ServiceError) -> DeliveryQuery {
        DeliveryQuery(
            // `state=` is documented as "any state" here (the delivery list's filter form sends it).
            failedOnly: try FormField.flag(failed, "failed"), state: try FormField.choice(state.flatMap { $0.isEmpty ? nil : $0 }, "state"),
            township: try FormField.code(township, "township", digits: 9), limit: try FormField.limit(limit, default: 100))
    }
}

extension DeliveryListForm {
    /// The form as a query string gives it (`?failed=&state=&township=&limit=`).
    init(query parameter: (String) -> String?) {
        self.init(failed: parameter("failed"), state: parameter("state"), township: parameter("township"), limit: parameter("limit"))
    }
}
