import Access
import BaoxueContracts

/// Users and the audit log, for county admins; token checks, for the HTTP surface and `--token`.
public struct AccessOperations: Sendable {
    let auditor: Auditor
    var store: AccessStore { auditor.store }

    /// Adds a user and returns their token (shown this once).
    public func addUser(_ user: NewUser, actor: Actor) async throws -> IssuedToken {
        try await auditor.audited(actor, "user.add", detail: { "\($0.account.name) \($0.account.role.rawValue) \($0.account.township ?? $0.account.school ?? "")" }) {
            try AccessScope(actor).requireCountyAdmin()
            return try store.add(user)
        }
    }

    public func users(actor: Actor) async throws -> [UserAccount] {
        try AccessScope(actor).requireCountyAdmin()
        return try store.users()
    }

    /// Disables a user, whose token then fails on the very next request, or enables them again.
    public func setDisabled(_ disabled: Bool, user name: String, actor: Actor) async throws -> UserAccount {
        try await auditor.audited(actor, disabled ? "user.disable" : "user.enable", detail: { $0.name }) {
            try AccessScope(actor).requireCountyAdmin()
            return try store.setDisabled(disabled, name: name)
        }
    }

    /// Gives a user a new token; the old one stops working at once.
    public func rotateToken(user name: String, actor: Actor) async throws -> IssuedToken {
        try await auditor.audited(actor, "user.rotateToken", detail: { $0.account.name }) {
            try AccessScope(actor).requireCountyAdmin()
            return try store.rotateToken(name: name)
        }
    }

    /// The audit log, for county admins; reading it is itself audited.
    public func auditLog(_ query: AuditQuery, actor: Actor) async throws -> [AuditEntry] {
        try await auditor.audited(actor, "audit.read", detail: { _ in query.student == nil ? nil : "by student" }) {
            try AccessScope(actor).requireCountyAdmin()
            return try await store.audit(query)
        }
    }

    /// The actor a bearer token stands for; `auth.invalid` if it is unknown or disabled.
    public func authenticate(token: String, via: String) async throws -> Actor {
        try await store.authenticate(token: token).actor(via: via)
    }
}
