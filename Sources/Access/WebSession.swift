/// A dashboard sign-in: the session id the browser keeps in an `HttpOnly` cookie (shown once,
/// kept here only as a digest) and the CSRF token the page sends back with every write.
public struct WebSession: Sendable {
    public let id: String
    public let csrf: String
    public let account: UserAccount
    public let expiresAt: String
}
