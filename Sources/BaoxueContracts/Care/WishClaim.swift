/// `care.wishes.claim`: a donor takes on a posted wish (the school records it as the donor asks).
public struct WishClaim: Codable, Sendable, Equatable {
    public var id: Int64
    public var donor: CareContact
    public var date: CivilDate?

    public init(id: Int64, donor: CareContact, date: CivilDate? = nil) {
        self.id = id
        self.donor = donor
        self.date = date
    }
}
