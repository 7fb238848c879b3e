import BaoxueContracts

/// A person who may use Baoxue over HTTP or with `--token`: a role and, for township and school
/// staff, the one township or school they are limited to. The token itself is never stored, only
/// its digest (``BearerToken/digest(_:)``).
public struct UserAccount: Codable, Sendable, Equatable {
    public var name: String
    public var role: Role
    /// The 9-digit township of a `township-staff` user.
    public var township: String?
    /// The 10-digit school of a `school-staff` user.
    public var school: String?
    public var createdAt: String
    /// When the current token was issued (creation or the last rotation).
    public var tokenIssuedAt: String
    /// Set when the account is disabled; a disabled account's token is refused at once.
    public var disabledAt: String?

    public init(name: String, role: Role, township: String?, school: String?, createdAt: String, tokenIssuedAt: String, disabledAt: String?) {
        self.name = name
        self.role = role
        self.township = township
        self.school = school
        self.createdAt = createdAt
        self.tokenIssuedAt = tokenIssuedAt
        self.disabledAt = disabledAt
    }

    public var isDisabled: Bool { disabledAt != nil }

    /// The actor this user is when calling the services.
    public func actor(via: String) -> Actor {
        Actor(user: name, role: role.rawValue, township: township, school: school, via: via)
    }
}
