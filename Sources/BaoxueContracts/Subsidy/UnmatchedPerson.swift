/// Someone on a current family list who is no registered child, as lists show them: masked.
public struct UnmatchedPerson: Codable, Sendable, Equatable {
    /// Masked ID number.
    public var idNumber: String
    public var name: String
    public var categories: [FamilyCategory]
    public var householder: String?
    public var township: String
    /// The year of birth only: the masked number hides the birth date (decision 111).
    public var birthYear: Int
    /// Of compulsory-school age today: a poor child with no school place, whom the monitor's
    /// cross-check takes as a suspect.
    public var schoolAge: Bool
    public var listedSince: CivilDate

    public init(idNumber: String, name: String, categories: [FamilyCategory], householder: String?, township: String, birthYear: Int, schoolAge: Bool, listedSince: CivilDate) {
        self.idNumber = idNumber
        self.name = name
        self.categories = categories
        self.householder = householder
        self.township = township
        self.birthYear = birthYear
        self.schoolAge = schoolAge
        self.listedSince = listedSince
    }
}
