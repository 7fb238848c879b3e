/// Who asked for something: travels in every request envelope so each service can authorise and
/// audit by it, not only the gateway.
public struct Actor: Codable, Sendable, Equatable {
    /// The user name, or `system` for the services' own work.
    public var user: String
    /// `county-admin`, `county-operator`, `township-staff`, `school-staff`, `viewer`, `system`.
    public var role: String
    /// The 9-digit township a township user is limited to.
    public var township: String?
    /// The 10-digit school a school user is limited to.
    public var school: String?
    /// Where the request came from: `cli`, `http 10.1.2.3`.
    public var via: String

    public init(user: String, role: String, township: String? = nil, school: String? = nil, via: String) {
        self.user = user
        self.role = role
        self.township = township
        self.school = school
        self.via = via
    }

    /// The local operator on the data-center host, as the CLI acts unless configured otherwise or
    /// given a token: a county admin, since whoever can run commands there can read its files.
    public static func localOperator(via: String = "cli") -> Actor {
        Actor(user: "operator", role: "county-admin", via: via)
    }

    public static let system = Actor(user: "system", role: "system", via: "service")
}
