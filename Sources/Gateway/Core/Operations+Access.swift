import Access
import BaoxueContracts

/// Users and the audit log, for county admins; token checks, for the HTTP surface and `--token`.
extension Operations {
    /// Adds a user and returns their token (shown this once).
    public func addUser(_ user: NewUser, actor: Actor) async throws -> IssuedToken {
        try await audited(actor, "user.add", detail: { "\($0.account.name) \($0.account.role.rawValue) \($0.account.township ?? $0.account.school ?? "")" }) {
            try AccessScope(actor).requireCountyAdmin()
            return try access.add(user)
        }
    }

    public func users(actor: Actor) async throws -> [UserAccount] {
        try AccessScope(actor).requireCountyAdmin()
        return try access.users()
    }

    /// Disables a user, whose token then fails on the very next request, or enables them again.
    public func setDisabled(_ disabled: Bool, user name: String, actor: Actor) async throws -> UserAccount {
        try await audited(actor, disabled ? "user.disable" : "user.enable", detail: { $0.name }) {
            try AccessScope(actor).requireCountyAdmin()
            return try access.setDisabled(disabled, name: name)
        }
    }

    /// Gives a user a new token; the old one stops working at once.
    public func rotateToken(user name: String, actor: Actor) async throws -> IssuedToken {
        try await audited(actor, "user.rotateToken", detail: { $0.account.name }) {
            try AccessScope(actor).requireCountyAdmin()
            return try access.rotateToken(name: name)
        }
    }

    /// The audit log, for county admins; reading it is itself audited.
    public func auditLog(_ query: AuditQuery, actor: Actor) async throws -> [AuditEntry] {
        try await audited(actor, "audit.read", detail: { _ in query.student == nil ? nil : "by student" }) {
            try AccessScope(actor).requireCountyAdmin()
            return try await access.audit(query)
        }
    }

    /// The actor a bearer token stands for; `auth.invalid` if it is unknown or disabled.
    public func authenticate(token: String, via: String) async throws -> Actor {
        try await access.authenticate(token: token).actor(via: via)
    }
}
