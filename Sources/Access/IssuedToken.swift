/// A user's account with the token just made for them: the one time the token is shown.
public struct IssuedToken: Codable, Sendable {
    public var account: UserAccount
    public var token: String

    public init(account: UserAccount, token: String) {
        self.account = account
        self.token = token
    }
}
