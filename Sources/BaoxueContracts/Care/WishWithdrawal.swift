/// `care.wishes.withdraw`: a wish taken back before it was fulfilled, with the reason.
public struct WishWithdrawal: Codable, Sendable, Equatable {
    public var id: Int64
    public var reason: String
    public var date: CivilDate?

    public init(id: Int64, reason: String, date: CivilDate? = nil) {
        self.id = id
        self.reason = reason
        self.date = date
    }
}
