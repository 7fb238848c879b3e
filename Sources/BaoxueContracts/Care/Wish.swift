/// A micro-wish as staff see it: the child (masked number, name, school), the wish, its value and
/// its life so far. Donors never get this: they get ``DonorWish``.
public struct Wish: Codable, Sendable, Equatable {
    public var id: Int64
    /// Masked.
    public var student: String
    public var studentName: String
    public var grade: Int
    public var school: String
    public var schoolName: String?
    public var township: String
    public var wish: String
    public var value: Int
    public var state: WishState
    public var postedOn: CivilDate
    /// The donor; the phone is masked in lists.
    public var donor: CareContact?
    public var claimedOn: CivilDate?
    public var fulfilledOn: CivilDate?
    public var note: String?
    public var photo: String?
    public var withdrawnOn: CivilDate?
    public var withdrawReason: String?

    public init(id: Int64, student: String, studentName: String, grade: Int, school: String, schoolName: String?, township: String, wish: String, value: Int, state: WishState, postedOn: CivilDate, donor: CareContact?, claimedOn: CivilDate?, fulfilledOn: CivilDate?, note: String?, photo: String?, withdrawnOn: CivilDate?, withdrawReason: String?) {
        self.id = id
        self.student = student
        self.studentName = studentName
        self.grade = grade
        self.school = school
        self.schoolName = schoolName
        self.township = township
        self.wish = wish
        self.value = value
        self.state = state
        self.postedOn = postedOn
        self.donor = donor
        self.claimedOn = claimedOn
        self.fulfilledOn = fulfilledOn
        self.note = note
        self.photo = photo
        self.withdrawnOn = withdrawnOn
        self.withdrawReason = withdrawReason
    }
}
