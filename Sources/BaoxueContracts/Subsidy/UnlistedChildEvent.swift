/// The body of `subsidy.unmatched.<township>`: a child of compulsory-school age on a family list
/// (建档立卡, 低保, …) whose ID number no registered child has — a poor child with no school
/// place, what the third comparison of 四查三比对 looks for — or, with `listed` false, one who has
/// since left every list. The monitor's cross-check keeps these as suspects.
///
/// It carries the full ID number: it travels only between services (CurveZMQ beyond loopback),
/// and the monitor matches it against its own roster and replica.
public struct UnlistedChildEvent: Codable, Sendable, Equatable {
    public var idNumber: String
    public var name: String
    public var township: String
    public var categories: [FamilyCategory]
    /// The date of the roster import that found the child, or found them gone.
    public var listedOn: CivilDate
    /// On a list and unmatched (true), or no longer on any list (false).
    public var listed: Bool

    public init(idNumber: String, name: String, township: String, categories: [FamilyCategory], listedOn: CivilDate, listed: Bool) {
        self.idNumber = idNumber
        self.name = name
        self.township = township
        self.categories = categories
        self.listedOn = listedOn
        self.listed = listed
    }
}
