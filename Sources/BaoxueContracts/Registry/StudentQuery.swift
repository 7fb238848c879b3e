/// Filters and paging for `registry.students.list`. Results are in registration order; the cursor
/// is opaque (the previous page's `nextCursor`) and never carries personal data.
public struct StudentQuery: Codable, Sendable {
    public var school: String?
    public var township: String?
    public var status: StudentStatus?
    /// Name prefix or substring, or an exact ID / student number.
    public var text: String?
    public var limit: Int
    public var cursor: String?

    public init(school: String? = nil, township: String? = nil, status: StudentStatus? = nil, text: String? = nil, limit: Int = 50, cursor: String? = nil) {
        self.school = school
        self.township = township
        self.status = status
        self.text = text
        self.limit = limit
        self.cursor = cursor
    }

    /// Every field may be omitted: `{}` lists the first 50 students.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        school = try c.decodeIfPresent(String.self, forKey: .school)
        township = try c.decodeIfPresent(String.self, forKey: .township)
        status = try c.decodeIfPresent(StudentStatus.self, forKey: .status)
        text = try c.decodeIfPresent(String.self, forKey: .text)
        limit = try c.decodeIfPresent(Int.self, forKey: .limit) ?? 50
        cursor = try c.decodeIfPresent(String.self, forKey: .cursor)
    }
}
