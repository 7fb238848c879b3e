import Access
import BaoxueContracts

/// Which audit lines to list (`GET /api/v1/audit`, `baoxue audit list`).
struct AuditListForm: Equatable {
    var student: String?
    var user: String?
    var action: String?
    var since: String?
    var limit: String?

    /// The form as a query string gives it (`?student=&user=&action=&since=&limit=`).
    init(query parameter: (String) -> String?) {
        self.init(student: parameter("student"), user: parameter("user"), action: parameter("action"), since: parameter("since"), limit: parameter("limit"))
    }

    init(student: String? = nil, user: String? = nil, action: String? = nil, since: String? = nil, limit: String? = nil) {
        self.student = student
        self.user = user
        self.action = action
        self.since = since
        self.limit = limit
    }

    func query() throws(ServiceError) -> AuditQuery {
        AuditQuery(student: student, user: user, action: action, since: since, limit: try FormField.limit(limit, default: 100))
    }
}
