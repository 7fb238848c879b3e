import Access
import BaoxueContracts

/// Which audit lines to list (`GET /api/v1/audit`, `baoxue audit list`).
struct AuditListForm: Equatable {
    var student: String?
    var user: String?
    var action: String?
    var since: String?
    var limit: String?

    func query() throws(ServiceError) -> AuditQuery {
        AuditQuery(student: student, user: user, action: action, since: since, limit: try FormField.limit(limit, default: 100))
    }
}

extension AuditListForm {
    /// The form as a query string gives it (`?student=&user=&action=&since=&limit=`).
    init(query parameter: (String) -> String?) {
        self.init(student: parameter("student"), user: parameter("user"), action: parameter("action"), since: parameter("since"), limit: parameter("limit"))
    }
}
