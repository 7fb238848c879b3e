/// `care.wishes.post`: a small wish of a child on the ledger, with what it should cost.
public struct WishRequest: Codable, Sendable, Equatable {
    public var student: String
    /// What the child wishes for (`一套课外书`), at most 100 characters.
    public var wish: String
    /// Estimated value in whole yuan, 1–5,000: a micro-wish is small by definition.
    public var value: Int
    public var date: CivilDate?

    public init(student: String, wish: String, value: Int, date: CivilDate? = nil) {
        self.student = student
        self.wish = wish
        self.value = value
        self.date = date
    }
}
