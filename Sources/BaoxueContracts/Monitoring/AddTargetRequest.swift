/// `target add`: one signed responsibility document (目标责任书) for one year and one party,
/// a township (9-digit code) or a school (10-digit code), with at least one target.
///
/// The monitor checks every field and names the one at fault (`target.invalid`); a second
/// document for the same party and year is refused (`target.exists`) unless `replace` is true,
/// which supersedes the first and keeps it on record.
public struct AddTargetRequest: Codable, Sendable, Equatable {
    public var year: Int
    /// The township that signed with the county government; exactly one of this and `school`.
    public var township: String?
    /// The school that signed with the education bureau.
    public var school: String?
    /// ``TargetKind/maxDropouts``.
    public var maxDropouts: Int?
    /// ``TargetKind/minEnrolmentRate``, percent 0–100.
    public var minEnrolmentRate: Double?
    /// ``TargetKind/maxOpenCases``.
    public var maxOpenCases: Int?
    /// Who signed: the county side first (county head or bureau head), then the party's side
    /// (township head, principal, …); 2–10 names.
    public var signedBy: [String]
    public var signedOn: CivilDate
    /// Supersede the party's current document for the year (a correction or an amended document).
    public var replace: Bool?
    public var note: String?

    public init(year: Int, township: String? = nil, school: String? = nil, maxDropouts: Int? = nil, minEnrolmentRate: Double? = nil, maxOpenCases: Int? = nil, signedBy: [String], signedOn: CivilDate, replace: Bool? = nil, note: String? = nil) {
        self.year = year
        self.township = township
        self.school = school
        self.maxDropouts = maxDropouts
        self.minEnrolmentRate = minEnrolmentRate
        self.maxOpenCases = maxOpenCases
        self.signedBy = signedBy
        self.signedOn = signedOn
        self.replace = replace
        self.note = note
    }
}
